"""`RemnawavePanel` against the fake panel, 3.x and 2.x: the panel-user lifecycle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

from shop_adapters.remnawave import RemnawaveConfig, build_panel_client, open_remnawave_panel
from shop_domain.errors import VpnPanelConflictError, VpnPanelUserNotFoundError
from shop_domain.model.ids import PanelUserRef
from shop_domain.model.plans import GIB, AccessLimits, TrafficResetStrategy
from shop_domain.ports.vpn_panel import DesiredAccess, PanelUser, PanelUserStatus
from tests.fakes.remnawave import FakePanel
from tests.fakes.remnawave.records import FakeUser
from tests.integration.remnawave.adapter_rig import TOKEN, V2, V3, VERSIONS, Rig, adapter_rig

TG = 777


@pytest.fixture(params=VERSIONS)
async def rig(request: pytest.FixtureRequest) -> AsyncIterator[Rig]:
    async with adapter_rig(request.param) as built:
        await built.panel.start()
        built.mark()
        yield built


def _access(rig: Rig, days: int = 30, **limits: object) -> DesiredAccess:
    return DesiredAccess(
        telegram_id=TG,
        expires_at=rig.fake.now() + timedelta(days=days),
        limits=AccessLimits(**limits),  # type: ignore[arg-type]
    )


def _stored(rig: Rig, user: PanelUser) -> FakeUser:
    if rig.fake.dialect == 3:
        return rig.fake.users[int(user.ref)]
    return next(u for u in rig.fake.users.values() if u.uuid == user.ref)


async def test_the_detected_dialect_matches_the_panel(rig: Rig) -> None:
    dialect = await rig.panel.start()

    assert dialect.version == rig.fake.panel_version
    assert dialect.major == rig.fake.dialect
    assert rig.calls() == []  # detected once, at start


async def test_a_new_customer_is_created_with_all_values_in_one_call(rig: Rig) -> None:
    squad = rig.fake.seed_squad("Europe")
    access = _access(
        rig, traffic_limit_bytes=100 * GIB, traffic_reset=TrafficResetStrategy.MONTH,
        device_limit=3, internal_squads=(squad,),
    )  # fmt: skip

    user = await rig.panel.ensure_user(access)

    assert rig.calls() == ["POST /api/users"]
    stored = _stored(rig, user)
    assert (stored.username, stored.telegram_id, stored.status) == ("tg_777", TG, "ACTIVE")
    assert (stored.expire_at, stored.traffic_limit_bytes) == (access.expires_at, 100 * GIB)
    assert (stored.hwid_device_limit, stored.squads) == (3, [squad])
    assert user.limits == access.limits
    assert user.subscription_url == f"https://panel.test/api/sub/{stored.short_uuid}"
    assert user.ref == (str(stored.id) if rig.fake.dialect == 3 else stored.uuid)


async def test_full_provisioning_round_trip(rig: Rig) -> None:
    created = await rig.panel.ensure_user(_access(rig, days=3))
    renewed = _access(rig, days=33, traffic_limit_bytes=GIB, device_limit=0)

    updated = await rig.panel.apply_access(created.ref, renewed)
    fetched = await rig.panel.get_user(created.ref)
    found = await rig.panel.find_by_telegram_id(TG)

    assert updated.ref == created.ref
    assert updated.expires_at == renewed.expires_at
    assert fetched == updated
    assert [u.ref for u in found] == [created.ref]
    assert (await rig.panel.find_by_telegram_id(TG + 1)) == []
    patches = [r for r in rig.sent() if r.method == "PATCH"]
    assert len(patches) == 1  # expiry, limits, devices and squads in ONE update


async def test_applying_the_same_access_twice_changes_nothing(rig: Rig) -> None:
    access = _access(rig, traffic_limit_bytes=GIB)
    user = await rig.panel.ensure_user(access)

    first = await rig.panel.apply_access(user.ref, access)
    second = await rig.panel.apply_access(user.ref, access)

    assert (first.expires_at, first.limits, first.status) == (
        second.expires_at, second.limits, second.status,
    )  # fmt: skip


async def test_an_existing_username_is_adopted_and_reconciled(rig: Rig) -> None:
    before = rig.fake.now() - timedelta(days=5)
    rig.fake.seed_user("tg_777", before, telegram_id=TG, status="EXPIRED", traffic_limit_bytes=1)
    access = _access(rig, days=30, traffic_limit_bytes=10 * GIB)

    user = await rig.panel.ensure_user(access)

    assert len(rig.fake.users) == 1
    stored = _stored(rig, user)
    assert (stored.status, stored.expire_at, stored.traffic_limit_bytes) == (
        "ACTIVE", access.expires_at, 10 * GIB,
    )  # fmt: skip
    assert rig.calls()[0] == "POST /api/users"
    assert rig.calls()[1:] == ["GET /api/users/by-username/tg_777", "PATCH /api/users"]


async def test_a_username_owned_by_another_telegram_account_is_not_taken(rig: Rig) -> None:
    rig.fake.seed_user("tg_777", rig.fake.now() + timedelta(days=9), telegram_id=999)

    with pytest.raises(VpnPanelConflictError, match="999"):
        await rig.panel.ensure_user(_access(rig))

    (stored,) = rig.fake.users.values()
    assert stored.telegram_id == 999
    assert "PATCH /api/users" not in rig.calls()


async def test_an_access_that_already_ran_out_disables_the_user(rig: Rig) -> None:
    user = await rig.panel.ensure_user(_access(rig, days=10))
    expired = DesiredAccess(TG, rig.fake.now() - timedelta(hours=1), AccessLimits())

    result = await rig.panel.apply_access(user.ref, expired)

    assert result.status is PanelUserStatus.DISABLED


async def test_unknown_users(rig: Rig) -> None:
    missing = PanelUserRef(
        "999" if rig.fake.dialect == 3 else "0e6f3c4e-1111-4222-8333-444455556666"
    )

    assert await rig.panel.get_user(missing) is None
    with pytest.raises(VpnPanelUserNotFoundError):
        await rig.panel.apply_access(missing, _access(rig))
    await rig.panel.delete_user(missing)  # already gone: a success


async def test_a_ref_of_the_other_dialect_reads_as_missing(rig: Rig) -> None:
    foreign = PanelUserRef("7" if rig.fake.dialect == 2 else "0e6f3c4e-1111-4222-8333-444455556666")

    assert await rig.panel.get_user(foreign) is None
    assert rig.calls() == []  # refused before any request


async def test_enable_and_disable_are_idempotent(rig: Rig) -> None:
    user = await rig.panel.ensure_user(_access(rig))

    await rig.panel.disable_user(user.ref)
    await rig.panel.disable_user(user.ref)  # A029 "already disabled" is a success
    assert _stored(rig, user).status == "DISABLED"
    await rig.panel.enable_user(user.ref)
    await rig.panel.enable_user(user.ref)  # A030 "already enabled" is a success
    assert _stored(rig, user).status == "ACTIVE"


async def test_reset_traffic_and_revoke(rig: Rig) -> None:
    user = await rig.panel.ensure_user(_access(rig))
    stored = _stored(rig, user)
    rig.fake.set_traffic(stored.id, 5 * GIB)
    assert (await rig.panel.get_user(user.ref)).used_traffic_bytes == 5 * GIB  # type: ignore[union-attr]

    await rig.panel.reset_traffic(user.ref)
    revoked = await rig.panel.revoke_subscription(user.ref)

    assert stored.used_bytes == 0
    assert revoked.ref == user.ref
    assert revoked.subscription_url != user.subscription_url
    assert revoked.short_uuid == stored.short_uuid


async def test_delete_user_twice(rig: Rig) -> None:
    user = await rig.panel.ensure_user(_access(rig))

    await rig.panel.delete_user(user.ref)
    await rig.panel.delete_user(user.ref)

    assert rig.fake.users == {}


async def test_iter_users_walks_every_page(rig: Rig) -> None:
    for n in range(7):
        rig.fake.seed_user(f"user_{n}", rig.fake.now() + timedelta(days=n + 1), telegram_id=n)

    pages = [page async for page in rig.panel.iter_users(page_size=3)]

    assert [len(p) for p in pages] == [3, 3, 1]
    assert sorted(u.username for p in pages for u in p) == [f"user_{n}" for n in range(7)]
    expected_path = "/api/users/stream" if rig.fake.dialect == 3 else "/api/users"
    assert {r.path for r in rig.sent()} == {expected_path}


@pytest.mark.parametrize("version", [V3, V2])
async def test_a_pinned_version_skips_detection(version: str) -> None:
    pinned = "3" if version == V3 else "2"
    async with adapter_rig(version, config={"api_version": pinned}) as rig:
        user = await rig.panel.ensure_user(_access(rig))

        assert [r.path for r in rig.fake.requests] == ["/api/users"]
        assert (await rig.panel.get_user(user.ref)) is not None


@pytest.mark.parametrize("version", [V3, V2])
async def test_the_resource_yields_a_started_panel_and_leaves_a_given_client_open(
    version: str,
) -> None:
    fake = FakePanel(panel_version=version)
    config = RemnawaveConfig(url="http://panel.test", api_token=TOKEN)
    client = build_panel_client(config, httpx.ASGITransport(app=fake.app))
    resource = open_remnawave_panel(config, client)

    panel = await anext(resource)
    assert [r.path for r in fake.requests] == ["/api/system/metadata"]
    assert (await panel.start()).major == fake.dialect  # no second detection
    await resource.aclose()

    assert not client.is_closed
    assert len(fake.requests) == 1
    await client.aclose()
