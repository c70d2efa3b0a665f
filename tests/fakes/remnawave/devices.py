"""HWID device endpoints (spec §5.8); 2.x addresses the user by `userUuid`."""

from __future__ import annotations

from tests.fakes.remnawave.lookup import user_by_id, user_by_uuid
from tests.fakes.remnawave.problems import CodedError
from tests.fakes.remnawave.records import FakeDevice, FakeUser
from tests.fakes.remnawave.routing import Call, Reply
from tests.fakes.remnawave.serialise import device_json
from tests.fakes.remnawave.validation import Checker

HWID = r"^[A-Za-z0-9=-]+$"


def _owner_from_path(call: Call) -> FakeUser:
    if call.panel.dialect == 2:
        return user_by_uuid(call, call.params["key"], name="userUuid")
    return user_by_id(call, call.params["key"])


def _owner_from_body(call: Call, c: Checker) -> FakeUser:
    """Reads the owner key after the other fields, so every issue is reported at once."""
    if call.panel.dialect == 2:
        ref = c.uuid("userUuid") if c.has("userUuid") else c.string("userUuid", required=True)
        c.done()
        return user_by_uuid(call, str(ref), name="userUuid")
    user_id = c.integer("userId", required=True, minimum=1)
    c.done()
    return user_by_id(call, str(user_id))


def _devices_of(call: Call, user: FakeUser) -> Reply:
    devices = [d for (owner, _), d in call.panel.devices.items() if owner == user.id]
    listed = [device_json(call.panel, d) for d in devices]
    return Reply(200, {"total": len(listed), "devices": listed})


def list_devices(call: Call) -> Reply:
    return _devices_of(call, _owner_from_path(call))


def delete_device(call: Call) -> Reply:
    c = Checker(call.body)
    hwid = c.string("hwid", required=True)
    user = _owner_from_body(call, c)
    assert hwid is not None
    device = call.panel.devices.pop((user.id, hwid), None)
    if device is None:
        raise CodedError("A204")
    call.panel.emit_device("user_hwid_devices.deleted", device)
    return _devices_of(call, user)


def delete_all_devices(call: Call) -> Reply:
    user = _owner_from_body(call, Checker(call.body))
    for key in [key for key in call.panel.devices if key[0] == user.id]:
        del call.panel.devices[key]
    return Reply(200, {"total": 0, "devices": []})


def add_device(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body)
    hwid = c.string("hwid", required=True, pattern=HWID, length=(10, 64))
    extra = {
        "platform": c.string("platform"),
        "os_version": c.string("osVersion"),
        "device_model": c.string("deviceModel"),
        "user_agent": c.string("userAgent"),
        "request_ip": c.string("requestIp"),
    }
    user = _owner_from_body(call, c)
    assert hwid is not None
    if (user.id, hwid) in panel.devices:
        raise CodedError("A098")
    limit = (
        user.hwid_device_limit if user.hwid_device_limit is not None else panel.hwid_fallback_limit
    )
    owned = sum(owner == user.id for owner, _ in panel.devices)
    if panel.hwid_enabled and limit and owned >= limit:
        raise CodedError("A099")
    now = panel.now()
    device = FakeDevice(user.id, hwid, now, now, **extra)
    panel.devices[(user.id, hwid)] = device
    panel.emit_device("user_hwid_devices.added", device)
    return _devices_of(call, user)
