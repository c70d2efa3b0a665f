"""Reading users: by key, stream (keyset), list (offset), resolve, tags; 2.x list lookups (§5.2)."""

from __future__ import annotations

from tests.fakes.remnawave.lookup import user_by_id, user_by_key, user_where
from tests.fakes.remnawave.problems import Issue, ValidationFailed
from tests.fakes.remnawave.records import STATUSES, STRATEGIES
from tests.fakes.remnawave.routing import Call, Reply
from tests.fakes.remnawave.serialise import user_json
from tests.fakes.remnawave.validation import Checker, is_uuid


def get_user(call: Call) -> Reply:
    return Reply(200, user_json(call.panel, user_by_key(call, "A063")))


def get_by_id_v2(call: Call) -> Reply:
    return Reply(200, user_json(call.panel, user_by_id(call, call.params["id"], "A063")))


def get_by_username(call: Call) -> Reply:
    user = user_where(call, "A063", username=call.params["username"])
    return Reply(200, user_json(call.panel, user))


def get_by_short_uuid(call: Call) -> Reply:
    user = user_where(call, "A063", short_uuid=call.params["short"])
    return Reply(200, user_json(call.panel, user))


def _query_int(call: Call, name: str, default: int, low: int, high: int | None = None) -> int:
    raw = call.query.get(name)
    if raw is None:
        return default
    if not raw.lstrip("-").isdigit():
        raise ValidationFailed([Issue("invalid_type", [name], "Invalid input: expected number")])
    value = int(raw)
    if value < low or (high is not None and value > high):
        code = "too_small" if value < low else "too_big"
        raise ValidationFailed([Issue(code, [name], f"Number must be in [{low}, {high}]")])
    return value


def _stream_filters(call: Call) -> dict[str, object]:
    q = call.query
    if call.panel.dialect == 2:
        return {}
    issues: list[Issue] = []
    if "status" in q and q["status"] not in STATUSES:
        issues.append(Issue("invalid_value", ["status"], "Invalid option"))
    if "trafficLimitStrategy" in q and q["trafficLimitStrategy"] not in STRATEGIES:
        issues.append(Issue("invalid_value", ["trafficLimitStrategy"], "Invalid option"))
    if "telegramId" in q and not q["telegramId"].isdigit():
        issues.append(Issue("invalid_format", ["telegramId"], "Invalid string: must be digits"))
    if "externalSquadUuid" in q and not is_uuid(q["externalSquadUuid"]):
        issues.append(Issue("invalid_format", ["externalSquadUuid"], "Invalid UUID"))
    if issues:
        raise ValidationFailed(issues)
    wanted: dict[str, object] = {}
    for key, attr in _STREAM_FILTERS.items():
        if key in q:
            wanted[attr] = int(q[key]) if key == "telegramId" else q[key]
    return wanted


_STREAM_FILTERS = {
    "status": "status",
    "trafficLimitStrategy": "traffic_limit_strategy",
    "telegramId": "telegram_id",
    "email": "email",
    "tag": "tag",
    "externalSquadUuid": "external_squad_uuid",
}


def stream_users(call: Call) -> Reply:
    size = _query_int(call, "size", 250, 1, 1000)
    cursor = _query_int(call, "cursor", 0, 0)
    filters = _stream_filters(call)
    matching = [
        u for u in sorted(call.panel.users.values(), key=lambda u: u.id)
        if u.id > cursor and all(getattr(u, a) == v for a, v in filters.items())
    ]  # fmt: skip
    page, has_more = matching[:size], len(matching) > size
    payload = {
        "users": [user_json(call.panel, u) for u in page],
        "nextCursor": str(page[-1].id) if page and has_more else None,
        "hasMore": has_more,
    }
    return Reply(200, payload)


def list_users(call: Call) -> Reply:
    start = _query_int(call, "start", 0, 0)
    size = _query_int(call, "size", 25, 1, 1000)
    users = sorted(call.panel.users.values(), key=lambda u: u.id, reverse=True)
    page = users[start : start + size]
    return Reply(200, {"users": [user_json(call.panel, u) for u in page], "total": len(users)})


def resolve_user(call: Call) -> Reply:
    panel = call.panel
    c = Checker(call.body)
    keys = ("id", "shortUuid", "username") + (("uuid",) if panel.dialect == 2 else ())
    given = [key for key in keys if c.data.get(key) is not None]
    if len(given) != 1:
        c.fail([], f"Exactly one of {', '.join(keys)} must be provided")
    value = c.integer("id", minimum=1) if given == ["id"] else c.string(given[0] if given else "id")
    c.done()
    attr = {"id": "id", "shortUuid": "short_uuid", "username": "username", "uuid": "uuid"}
    user = user_where(call, "A025", **{attr[given[0]]: value})
    found = {"id": user.id, "username": user.username, "shortUuid": user.short_uuid}
    return Reply(200, ({"uuid": user.uuid} if panel.dialect == 2 else {}) | found)


def list_tags(call: Call) -> Reply:
    tags = sorted({u.tag for u in call.panel.users.values() if u.tag is not None})
    return Reply(200, {"tags": tags})


def _matching(call: Call, attr: str, value: object) -> Reply:
    users = [u for u in call.panel.users.values() if getattr(u, attr) == value]
    return Reply(200, [user_json(call.panel, u) for u in users])


def by_telegram_id_v2(call: Call) -> Reply:
    raw = call.params["tg"]
    if not raw.isdigit():
        raise ValidationFailed([Issue("invalid_string", ["telegramId"], "Invalid")])
    return _matching(call, "telegram_id", int(raw))


def by_email_v2(call: Call) -> Reply:
    return _matching(call, "email", call.params["email"])


def by_tag_v2(call: Call) -> Reply:
    return _matching(call, "tag", call.params["tag"])
