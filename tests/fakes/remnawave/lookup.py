"""Finding the user a request names: by path parameter (3.x id or 2.x uuid) or by body keys."""

from __future__ import annotations

from tests.fakes.remnawave.problems import CodedError
from tests.fakes.remnawave.records import FakeUser
from tests.fakes.remnawave.routing import Call
from tests.fakes.remnawave.validation import user_id_param, uuid_param


def user_by_id(call: Call, raw: str, missing: str = "A025", name: str = "userId") -> FakeUser:
    user = call.panel.users.get(user_id_param(raw, name))
    if user is None:
        raise CodedError(missing)
    return user


def user_by_uuid(call: Call, raw: str, missing: str = "A025", name: str = "uuid") -> FakeUser:
    wanted = uuid_param(raw, name)
    user = next((u for u in call.panel.users.values() if u.uuid == wanted), None)
    if user is None:
        raise CodedError(missing)
    return user


def user_by_key(call: Call, missing: str = "A025") -> FakeUser:
    """The user in the path: `{id}` on 3.x, `{uuid}` on 2.x."""
    if call.panel.dialect == 2:
        return user_by_uuid(call, call.params["key"], missing)
    return user_by_id(call, call.params["key"], missing)


def user_where(call: Call, missing: str, **match: object) -> FakeUser:
    for user in call.panel.users.values():
        if all(getattr(user, name) == value for name, value in match.items()):
            return user
    raise CodedError(missing)
