"""Which panel API is spoken: detection from /api/system/metadata, pinning, keys."""

from __future__ import annotations

import httpx
import pytest

from shop_adapters.remnawave.circuit_breaker import CircuitBreaker
from shop_adapters.remnawave.config import BreakerPolicy, RetryPolicy
from shop_adapters.remnawave.dialect import detect_dialect, dialect_for_version, forced_dialect
from shop_adapters.remnawave.transport import PanelHttp
from shop_domain.errors import VpnPanelUnsupportedError, VpnPanelUserNotFoundError
from shop_domain.model.ids import PanelUserRef

UUID = "9f3c1b2a-6d4e-4f1a-8b2c-3d4e5f6a7b8c"


@pytest.mark.parametrize(
    ("version", "major"), [("3.3.2", 3), ("3.0.0", 3), ("3.4.15", 3), ("2.8.1", 2), ("2.3.0", 2)]
)
def test_supported_versions(version: str, major: int) -> None:
    dialect = dialect_for_version(version)

    assert (dialect.major, dialect.version, dialect.has_user_stream) == (
        major, version, major == 3,
    )  # fmt: skip


@pytest.mark.parametrize("version", ["4.0.0", "2.2.0", "1.6.18", "dev", ""])
def test_unsupported_versions_stop_with_a_clear_error(version: str) -> None:
    with pytest.raises(VpnPanelUnsupportedError, match=r"not supported|unreadable"):
        dialect_for_version(version)


def test_v3_keys_are_positive_integers_and_a_v2_uuid_reads_as_missing() -> None:
    v3 = dialect_for_version("3.3.2")

    assert v3.key(PanelUserRef("42")) == 42
    assert v3.identity(PanelUserRef("42")) == {"id": 42}
    assert v3.device_owner(PanelUserRef("42")) == {"userId": 42}
    assert v3.subscription_path(PanelUserRef("42")) == "/subscriptions/by-id/42"
    for foreign in (UUID, "0", "-1", ""):
        with pytest.raises(VpnPanelUserNotFoundError):
            v3.key(PanelUserRef(foreign))


def test_v2_keys_are_uuids() -> None:
    v2 = dialect_for_version("2.7.0")

    assert v2.key(PanelUserRef(UUID.upper())) == UUID
    assert v2.identity(PanelUserRef(UUID)) == {"uuid": UUID}
    assert v2.device_owner(PanelUserRef(UUID)) == {"userUuid": UUID}
    assert v2.subscription_path(PanelUserRef(UUID)) == f"/subscriptions/by-uuid/{UUID}"
    with pytest.raises(VpnPanelUserNotFoundError):
        v2.key(PanelUserRef("42"))


def _http(handler: httpx.MockTransport) -> PanelHttp:
    client = httpx.AsyncClient(transport=handler, base_url="https://panel.test/api/")
    return PanelHttp(client, RetryPolicy(attempts=1), CircuitBreaker(BreakerPolicy()))


def _metadata(version: str) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/system/metadata"
        return httpx.Response(200, json={"response": {"version": version, "build": {}}})

    return httpx.MockTransport(handle)


async def test_detection_reads_the_metadata_version() -> None:
    assert (await detect_dialect(_http(_metadata("3.3.2")), "auto")).major == 3
    assert (await detect_dialect(_http(_metadata("2.8.0")), "auto")).major == 2


async def test_detection_refuses_a_panel_of_another_major() -> None:
    with pytest.raises(VpnPanelUnsupportedError, match=r"4\.1\.0 is not supported"):
        await detect_dialect(_http(_metadata("4.1.0")), "auto")


async def test_a_panel_without_metadata_asks_for_a_pinned_version() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        body = {"message": "Cannot GET /api/system/metadata", "error": "Not Found",
                "statusCode": 404}  # fmt: skip
        return httpx.Response(404, json=body)

    with pytest.raises(VpnPanelUnsupportedError, match="SHOP_PANEL__API_VERSION=2"):
        await detect_dialect(_http(httpx.MockTransport(handle)), "auto")


async def test_a_pinned_version_makes_no_request() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    dialect = await detect_dialect(_http(httpx.MockTransport(handle)), "2")

    assert (dialect.major, dialect.version) == (2, "2 (forced)")
    assert forced_dialect("auto") is None
