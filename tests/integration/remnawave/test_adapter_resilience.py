"""`RemnawavePanel` against the fake panel when things go wrong: proxies, gates, outages."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from structlog.testing import capture_logs

from shop_adapters.remnawave import RemnawaveConfig, build_panel_client, open_remnawave_panel
from shop_domain.errors import (
    VpnPanelAuthError,
    VpnPanelError,
    VpnPanelUnavailableError,
    VpnPanelUnsupportedError,
)
from shop_domain.model.ids import PanelUserRef
from shop_domain.model.plans import AccessLimits
from shop_domain.ports.vpn_panel import DesiredAccess
from tests.fakes.remnawave import FakePanel
from tests.integration.remnawave.adapter_rig import TOKEN, V3, VERSIONS, Rig, adapter_rig

pytestmark = pytest.mark.parametrize("version", VERSIONS)


def _access(rig: Rig) -> DesiredAccess:
    return DesiredAccess(777, rig.fake.now() + timedelta(days=30), AccessLimits())


async def _user_path(rig: Rig) -> tuple[PanelUserRef, str]:
    user = await rig.panel.ensure_user(_access(rig))
    rig.mark()
    return user.ref, f"/api/users/{user.ref}"


async def test_plain_http_gets_the_proxy_headers(version: str) -> None:
    async with adapter_rig(version, url="http://panel.test") as rig:
        await rig.panel.start()

        headers = rig.fake.requests[0].headers
        assert (headers["x-forwarded-for"], headers["x-forwarded-proto"]) == ("127.0.0.1", "https")


async def test_a_panel_that_drops_requests_without_proxy_headers_is_a_clear_error(
    version: str,
) -> None:
    # https:// in the settings, but the panel is reached directly: no proxy adds the headers.
    async with adapter_rig(version, url="https://panel.test") as rig:
        with pytest.raises(VpnPanelUnavailableError, match="X-Forwarded-Proto"):
            await rig.panel.start()

        assert "x-forwarded-proto" not in rig.fake.requests[0].headers


async def test_the_gate_cookie_and_portal_key_get_through(version: str) -> None:
    gates = {"gate_cookie": ("caddy", "s3cret"), "gate_api_key": "portal"}
    config = {"cookie": ("caddy", "s3cret"), "api_key": "portal"}
    async with adapter_rig(version, fake=gates, config=config) as rig:
        assert (await rig.panel.start()).major == rig.fake.dialect
    async with adapter_rig(version, fake={"gate_cookie": ("caddy", "s3cret")}) as rig:
        with pytest.raises(VpnPanelUnavailableError):
            await rig.panel.start()
    async with adapter_rig(version, fake={"gate_api_key": "portal"}) as rig:
        with pytest.raises(VpnPanelAuthError, match="SHOP_PANEL__API_KEY"):
            await rig.panel.start()


async def test_a_wrong_token_is_an_auth_error(version: str) -> None:
    async with adapter_rig(version, token="stale") as rig:  # noqa: S106
        with pytest.raises(VpnPanelAuthError, match="HTTP 401"):
            await rig.panel.start()


async def test_an_unsupported_panel_stops_start_up(version: str) -> None:
    fake = FakePanel(panel_version="4.0.0" if version == V3 else "2.2.0")
    config = RemnawaveConfig(url="http://panel.test", api_token=TOKEN)
    client = build_panel_client(config, httpx.ASGITransport(app=fake.app))
    resource = open_remnawave_panel(config, client)
    with pytest.raises(VpnPanelUnsupportedError, match="not supported"):
        await anext(resource)
    await client.aclose()


async def test_a_5xx_then_success_is_retried(version: str) -> None:
    async with adapter_rig(version) as rig:
        ref, path = await _user_path(rig)
        rig.fake.fail_next("GET", path, status=503)

        assert (await rig.panel.get_user(ref)) is not None

        assert rig.calls() == [f"GET {path}", f"GET {path}"]
        assert len(rig.sleeps) == 1


async def test_a_429_is_retried_after_the_asked_delay(version: str) -> None:
    async with adapter_rig(version) as rig:
        ref, path = await _user_path(rig)
        rig.fake.fail_next("POST", f"{path}/actions/disable", status=429, retry_after="2")

        await rig.panel.disable_user(ref)

        assert rig.sleeps == [2.0]
        assert rig.calls() == [f"POST {path}/actions/disable"] * 2


async def test_retries_are_bounded(version: str) -> None:
    async with adapter_rig(version, attempts=3) as rig:
        ref, path = await _user_path(rig)
        rig.fake.fail_next("GET", path, status=502, times=5)

        with capture_logs() as logs, pytest.raises(VpnPanelUnavailableError, match="HTTP 502"):
            await rig.panel.get_user(ref)

        assert len(rig.calls()) == 3
        failures = [e for e in logs if e["event"] == "panel_request_failed"]
        assert [e["status_code"] for e in failures] == [502, 502, 502]
        assert all("elapsed_ms" in e for e in failures)


async def test_a_create_is_never_retried(version: str) -> None:
    async with adapter_rig(version) as rig:
        await rig.panel.start()
        rig.mark()
        rig.fake.fail_next("POST", "/api/users", status=502)

        with pytest.raises(VpnPanelUnavailableError):
            await rig.panel.ensure_user(_access(rig))

        assert rig.calls() == ["POST /api/users"]
        assert rig.fake.users == {}
        # The provisioning job's next attempt goes through.
        assert (await rig.panel.ensure_user(_access(rig))).username == "tg_777"


async def test_a_revoke_is_never_retried(version: str) -> None:
    async with adapter_rig(version) as rig:
        ref, path = await _user_path(rig)
        (stored,) = rig.fake.users.values()
        short_uuid = stored.short_uuid
        rig.fake.fail_next("POST", f"{path}/actions/revoke", drop=True)

        with pytest.raises(VpnPanelUnavailableError):
            await rig.panel.revoke_subscription(ref)

        assert rig.calls() == [f"POST {path}/actions/revoke"]
        assert stored.short_uuid == short_uuid


async def test_a_coded_500_rejecting_our_input_is_not_retried(version: str) -> None:
    async with adapter_rig(version) as rig:
        ref, _ = await _user_path(rig)
        unknown_squad = DesiredAccess(
            777, rig.fake.now() + timedelta(days=1),
            AccessLimits(internal_squads=("0e6f3c4e-1111-4222-8333-444455556666",)),
        )  # fmt: skip

        with pytest.raises(VpnPanelError) as caught:
            await rig.panel.apply_access(ref, unknown_squad)

        assert not isinstance(caught.value, VpnPanelUnavailableError)
        assert (caught.value.panel_code, caught.value.status) == ("A039", 500)
        assert rig.calls() == ["PATCH /api/users"]


async def test_the_circuit_opens_fails_fast_and_closes_again(version: str) -> None:
    async with adapter_rig(version, attempts=1, threshold=2, cooldown=30) as rig:
        ref, path = await _user_path(rig)
        rig.fake.fail_next("GET", path, drop=True, times=3)
        for _ in range(2):
            with pytest.raises(VpnPanelUnavailableError):
                await rig.panel.get_user(ref)

        with pytest.raises(VpnPanelUnavailableError, match="circuit open"):
            await rig.panel.get_user(ref)
        assert len(rig.calls()) == 2  # the open circuit sent nothing

        rig.monotonic.advance(30)
        with pytest.raises(VpnPanelUnavailableError):  # the half-open trial fails
            await rig.panel.get_user(ref)
        with pytest.raises(VpnPanelUnavailableError, match="circuit open"):
            await rig.panel.get_user(ref)

        rig.monotonic.advance(30)
        assert (await rig.panel.get_user(ref)) is not None  # the trial succeeds: closed
        assert (await rig.panel.get_user(ref)) is not None
        assert len(rig.calls()) == 5


async def test_logs_carry_neither_the_token_nor_subscription_links(version: str) -> None:
    async with adapter_rig(version, token=TOKEN, attempts=2) as rig:
        with capture_logs() as logs:
            ref, path = await _user_path(rig)
            revoked = await rig.panel.revoke_subscription(ref)
            rig.fake.fail_next("GET", path, status=503, times=2)
            with pytest.raises(VpnPanelUnavailableError):
                await rig.panel.get_user(ref)

        (stored,) = rig.fake.users.values()
        text = repr(logs)
        assert logs  # something was logged
        assert TOKEN not in text
        assert stored.short_uuid not in text
        assert revoked.subscription_url not in text
        assert "panel.test/api/sub" not in text
