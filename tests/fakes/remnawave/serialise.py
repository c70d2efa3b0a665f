"""JSON as the panel writes it: ISO dates with milliseconds and Z, fixed key order (spec §2, §4)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tests.fakes.remnawave.records import FakeDevice, FakeSquad, FakeUser

if TYPE_CHECKING:
    from tests.fakes.remnawave.panel import FakePanel


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    moment = moment.astimezone(UTC)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def dumps(data: object) -> bytes:
    """Compact JSON with raw UTF-8, as JSON.stringify writes it."""
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def user_json(panel: FakePanel, user: FakeUser) -> dict[str, Any]:
    head: dict[str, Any] = {"uuid": user.uuid} if panel.dialect == 2 else {}
    return head | {
        "id": user.id,
        "shortUuid": user.short_uuid,
        "username": user.username,
        "status": user.status,
        "trafficLimitBytes": user.traffic_limit_bytes,
        "trafficLimitStrategy": user.traffic_limit_strategy,
        "expireAt": iso(user.expire_at),
        "telegramId": user.telegram_id or None,
        "email": user.email,
        "description": user.description,
        "tag": user.tag,
        "hwidDeviceLimit": user.hwid_device_limit,
        "externalSquadUuid": user.external_squad_uuid,
        "trojanPassword": user.trojan_password,
        "vlessUuid": user.vless_uuid,
        "ssPassword": user.ss_password,
        "lastTriggeredThreshold": user.last_triggered_threshold,
        "subRevokedAt": iso(user.sub_revoked_at),
        "lastTrafficResetAt": iso(user.last_traffic_reset_at),
        "createdAt": iso(user.created_at),
        "updatedAt": iso(user.updated_at),
        "subscriptionUrl": panel.subscription_url(user),
        "activeInternalSquads": [
            {"uuid": squad, "name": panel.squads[squad].name}
            for squad in user.squads
            if squad in panel.squads
        ],
        "userTraffic": {
            "usedTrafficBytes": user.used_bytes,
            "lifetimeUsedTrafficBytes": user.lifetime_used_bytes,
            "onlineAt": iso(user.online_at),
            "firstConnectedAt": iso(user.first_connected_at),
            "lastConnectedNodeUuid": user.last_connected_node_uuid,
        },
    }


def device_json(panel: FakePanel, device: FakeDevice) -> dict[str, Any]:
    owner: dict[str, Any] = {"userId": device.user_id}
    if panel.dialect == 2:
        owner = {"userUuid": panel.users[device.user_id].uuid}
    return (
        {"hwid": device.hwid}
        | owner
        | {
            "platform": device.platform,
            "osVersion": device.os_version,
            "deviceModel": device.device_model,
            "userAgent": device.user_agent,
            "requestIp": device.request_ip,
            "createdAt": iso(device.created_at),
            "updatedAt": iso(device.updated_at),
        }
    )


def squad_json(panel: FakePanel, squad: FakeSquad) -> dict[str, Any]:
    members = sum(squad.uuid in user.squads for user in panel.users.values())
    return {
        "uuid": squad.uuid,
        "viewPosition": squad.view_position,
        "name": squad.name,
        "tags": [],
        "info": {"membersCount": members, "inboundsCount": len(squad.inbounds)},
        "inbounds": list(squad.inbounds),
        "createdAt": iso(squad.created_at),
        "updatedAt": iso(squad.updated_at),
    }


def pretty_bytes(value: int) -> str:
    """The panel's human traffic strings: "0", otherwise the largest IEC unit, two decimals."""
    if value == 0:
        return "0"
    units = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
    amount = float(value)
    unit = 0
    while amount >= 1024 and unit < len(units) - 1:
        amount /= 1024
        unit += 1
    return f"{amount:.2f} {units[unit]}"
