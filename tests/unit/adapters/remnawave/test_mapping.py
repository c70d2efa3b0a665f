"""Request bodies built from `DesiredAccess`, and the panel's date format."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from shop_adapters.remnawave.dialect import dialect_for_version
from shop_adapters.remnawave.mapping import create_body, iso, to_panel_user, update_body
from shop_adapters.remnawave.schemas import UserPayload
from shop_domain.errors import VpnPanelError
from shop_domain.model.plans import GIB, AccessLimits, TrafficResetStrategy
from shop_domain.ports.vpn_panel import DesiredAccess, PanelUserStatus

NOW = datetime(2026, 8, 20, 10, 0, tzinfo=UTC)
SQUAD = "5b1a3c2d-0000-4000-8000-000000000001"


def _access(**overrides: object) -> DesiredAccess:
    values: dict[str, object] = {
        "telegram_id": 777,
        "expires_at": NOW + timedelta(days=30),
        "limits": AccessLimits(
            traffic_limit_bytes=50 * 1024**3,
            traffic_reset=TrafficResetStrategy.MONTH,
            device_limit=3,
            internal_squads=(SQUAD,),
        ),
    } | overrides
    return DesiredAccess(**values)  # type: ignore[arg-type]


def test_iso_is_utc_with_milliseconds_and_z() -> None:
    moscow = datetime(2026, 8, 20, 13, 0, 0, 123456, tzinfo=timezone(timedelta(hours=3)))

    assert iso(moscow) == "2026-08-20T10:00:00.123Z"


def test_create_sends_every_value_and_omits_unset_nullable_ones() -> None:
    body = create_body("tg_777", _access(limits=AccessLimits()))

    assert body == {
        "username": "tg_777",
        "expireAt": "2026-09-19T10:00:00.000Z",
        "status": "ACTIVE",
        "telegramId": 777,
        "trafficLimitBytes": 0,
        "trafficLimitStrategy": "NO_RESET",
        "activeInternalSquads": [],
        "externalSquadUuid": None,
    }  # hwidDeviceLimit and description: null is a 400 on create


def test_update_writes_absolute_values_in_one_body() -> None:
    body = update_body({"id": 5}, _access(description="paid"), NOW)

    assert body == {
        "id": 5,
        "status": "ACTIVE",
        "telegramId": 777,
        "hwidDeviceLimit": 3,
        "trafficLimitBytes": 50 * 1024**3,
        "trafficLimitStrategy": "MONTH",
        "activeInternalSquads": [SQUAD],
        "externalSquadUuid": None,
        "expireAt": "2026-09-19T10:00:00.000Z",
        "description": "paid",
    }


def test_an_access_that_ran_out_is_written_as_disabled_without_a_past_expiry() -> None:
    body = update_body({"uuid": "u"}, _access(expires_at=NOW - timedelta(days=1)), NOW)

    assert body["status"] == "DISABLED"
    assert "expireAt" not in body  # the panel refuses a past expireAt on PATCH


def test_a_disabled_access_is_disabled() -> None:
    assert update_body({"id": 1}, _access(enabled=False), NOW)["status"] == "DISABLED"


def _payload(**overrides: object) -> UserPayload:
    body: dict[str, object] = {
        "id": 7, "username": "tg_7", "shortUuid": "abc", "status": "LIMITED",
        "expireAt": "2026-09-01T00:00:00.000Z", "trafficLimitBytes": GIB,
        "trafficLimitStrategy": "WEEK", "telegramId": 7, "hwidDeviceLimit": None,
        "externalSquadUuid": None, "subscriptionUrl": "https://sub/abc",
        "activeInternalSquads": [{"uuid": SQUAD, "name": "EU"}],
        "userTraffic": {"usedTrafficBytes": 5, "onlineAt": None, "firstConnectedAt": None},
        "someFutureField": {"ignored": True},
    } | overrides  # fmt: skip
    return UserPayload.model_validate(body)


def test_a_panel_user_is_read_tolerantly() -> None:
    user = to_panel_user(_payload(), dialect_for_version("3.3.2"))

    assert (user.ref, user.status, user.used_traffic_bytes) == ("7", PanelUserStatus.LIMITED, 5)
    assert user.limits == AccessLimits(GIB, TrafficResetStrategy.WEEK, None, (SQUAD,), None)
    assert user.expires_at == datetime(2026, 9, 1, tzinfo=UTC)


def test_an_old_panel_user_with_top_level_traffic_and_a_uuid_key() -> None:
    old = _payload(id=None, uuid="u-1", userTraffic=None, usedTrafficBytes=9)

    user = to_panel_user(old, dialect_for_version("2.3.0"))

    assert (user.ref, user.used_traffic_bytes) == ("u-1", 9)


def test_an_unknown_status_is_a_panel_error_not_a_crash() -> None:
    with pytest.raises(VpnPanelError, match="unreadable panel user"):
        to_panel_user(_payload(status="FROZEN"), dialect_for_version("3.3.2"))
