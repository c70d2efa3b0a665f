"""`RemnawavePanel` against the fake panel, 3.x and 2.x: devices, squads, stats, info."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from shop_domain.errors import VpnPanelUserNotFoundError
from shop_domain.model.ids import PanelUserRef
from shop_domain.model.plans import GIB, AccessLimits
from shop_domain.ports.vpn_panel import DesiredAccess, PanelUser
from tests.integration.remnawave.adapter_rig import VERSIONS, Rig, adapter_rig

HWID_A, HWID_B = "HWID-AAAA-0001", "HWID-BBBB-0002"


@pytest.fixture(params=VERSIONS)
async def rig(request: pytest.FixtureRequest) -> AsyncIterator[Rig]:
    async with adapter_rig(request.param) as built:
        await built.panel.start()
        yield built


async def _user(rig: Rig, **limits: object) -> tuple[PanelUser, int]:
    access = DesiredAccess(
        777,
        rig.fake.now() + timedelta(days=10),
        AccessLimits(**limits),  # type: ignore[arg-type]
    )
    user = await rig.panel.ensure_user(access)
    (stored,) = rig.fake.users.values()
    return user, stored.id


async def test_devices_are_listed_and_deleted(rig: Rig) -> None:
    user, user_id = await _user(rig)
    rig.fake.add_device(user_id, HWID_A, platform="iOS", os_version="18.1", device_model="iPhone")
    rig.fake.add_device(user_id, HWID_B, platform="Android")

    devices = await rig.panel.list_devices(user.ref)
    await rig.panel.delete_device(user.ref, HWID_A)

    assert {(d.hwid, d.platform) for d in devices} == {(HWID_A, "iOS"), (HWID_B, "Android")}
    iphone = next(d for d in devices if d.hwid == HWID_A)
    assert (iphone.os_version, iphone.device_model) == ("18.1", "iPhone")
    assert iphone.created_at == rig.fake.now()
    assert [d.hwid for d in await rig.panel.list_devices(user.ref)] == [HWID_B]


async def test_deleting_a_missing_device_is_a_success(rig: Rig) -> None:
    user, _ = await _user(rig)
    rig.mark()

    await rig.panel.delete_device(user.ref, HWID_A)  # 404 A204 from the panel

    assert rig.calls() == ["POST /api/hwid/devices/delete"]


async def test_devices_of_a_missing_user(rig: Rig) -> None:
    missing = PanelUserRef(
        "999" if rig.fake.dialect == 3 else "0e6f3c4e-1111-4222-8333-444455556666"
    )

    with pytest.raises(VpnPanelUserNotFoundError):
        await rig.panel.list_devices(missing)


async def test_internal_squads_with_their_member_counts(rig: Rig) -> None:
    europe = rig.fake.seed_squad("Europe")
    asia = rig.fake.seed_squad("Asia")
    await _user(rig, internal_squads=(europe,))

    squads = await rig.panel.list_internal_squads()

    assert [(s.uuid, s.name, s.members) for s in squads] == [
        (europe, "Europe", 1),
        (asia, "Asia", 0),
    ]


async def test_system_stats(rig: Rig) -> None:
    await _user(rig)
    rig.fake.seed_user("other", rig.fake.now() + timedelta(days=1), status="DISABLED")

    stats = await rig.panel.stats()

    assert stats.version == rig.fake.panel_version
    assert stats.total_users == 2
    assert (stats.users_by_status["ACTIVE"], stats.users_by_status["DISABLED"]) == (1, 1)


async def test_subscription_info(rig: Rig) -> None:
    user, user_id = await _user(rig, traffic_limit_bytes=2 * GIB)
    rig.fake.set_traffic(user_id, GIB)

    info = await rig.panel.subscription_info(user.ref)

    assert (info.days_left, info.is_active, info.status) == (10, True, "ACTIVE")
    assert (info.used_traffic_bytes, info.traffic_limit_bytes) == (GIB, 2 * GIB)
    assert info.expires_at == user.expires_at
