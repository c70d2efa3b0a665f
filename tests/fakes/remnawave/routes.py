"""Every emulated route, static paths before parameterised ones (as NestJS resolves them)."""

from __future__ import annotations

from tests.fakes.remnawave import devices, system, user_actions, user_reads, user_writes
from tests.fakes.remnawave.routing import V2, V3, route

_SEG = r"[^/]+"
_KEY = rf"(?P<key>{_SEG})"

ROUTES = [
    route("POST", "/users", user_writes.create_user, "users", "create"),
    route("PATCH", "/users", user_writes.update_user, "users", "update"),
    route("GET", "/users", user_reads.list_users, "users", "get-all"),
    route("GET", "/users/stream", user_reads.stream_users, "users", "stream"),
    route("GET", "/users/tags", user_reads.list_tags, "users", "tags"),
    route("POST", "/users/resolve", user_reads.resolve_user, "users", "resolve"),
    route("GET", rf"/users/by-username/(?P<username>{_SEG})", user_reads.get_by_username,
          "users", "get-by-username"),
    route("GET", rf"/users/by-short-uuid/(?P<short>{_SEG})", user_reads.get_by_short_uuid,
          "users", "get-by-short-uuid"),
    route("GET", rf"/users/by-id/(?P<id>{_SEG})", user_reads.get_by_id_v2, "users", "by-id", V2),
    route("GET", rf"/users/by-telegram-id/(?P<tg>{_SEG})", user_reads.by_telegram_id_v2,
          "users", "by-telegram-id", V2),
    route("GET", rf"/users/by-email/(?P<email>{_SEG})", user_reads.by_email_v2,
          "users", "by-email", V2),
    route("GET", rf"/users/by-tag/(?P<tag>{_SEG})", user_reads.by_tag_v2, "users", "by-tag", V2),
    route("GET", rf"/users/{_KEY}", user_reads.get_user, "users", "get"),
    route("DELETE", rf"/users/{_KEY}", user_actions.delete_user, "users", "delete"),
    route("POST", rf"/users/{_KEY}/actions/enable", user_actions.enable_user, "users", "enable"),
    route("POST", rf"/users/{_KEY}/actions/disable", user_actions.disable_user,
          "users", "disable"),
    route("POST", rf"/users/{_KEY}/actions/revoke", user_actions.revoke_user, "users", "revoke"),
    route("POST", rf"/users/{_KEY}/actions/reset-traffic", user_actions.reset_traffic,
          "users", "reset-traffic"),
    route("POST", rf"/users/{_KEY}/actions/extend", user_actions.extend_user,
          "users", "extend", V3),
    route("GET", "/internal-squads", system.list_squads, "internal-squads", "get-all"),
    route("GET", rf"/internal-squads/(?P<uuid>{_SEG})", system.get_squad,
          "internal-squads", "get"),
    route("POST", "/hwid/devices", devices.add_device, "hwid-user-devices", "create"),
    route("POST", "/hwid/devices/delete", devices.delete_device, "hwid-user-devices", "delete"),
    route("POST", "/hwid/devices/delete-all", devices.delete_all_devices,
          "hwid-user-devices", "delete-all"),
    route("GET", rf"/hwid/devices/{_KEY}", devices.list_devices, "hwid-user-devices", "get"),
    route("GET", "/system/metadata", system.metadata, "system", "metadata"),
    route("GET", "/system/health", system.health, "system", "health"),
    route("GET", "/system/stats", system.stats, "system", "stats"),
    route("GET", rf"/sub/(?P<short>{_SEG})/info", system.info_by_short_uuid, "subscriptions",
          "info", public=True),
    route("GET", rf"/subscriptions/by-short-uuid/(?P<short>{_SEG})", system.info_by_short_uuid,
          "subscriptions", "by-short-uuid"),
    route("GET", rf"/subscriptions/by-username/(?P<username>{_SEG})", system.info_by_username,
          "subscriptions", "by-username"),
    route("GET", rf"/subscriptions/by-id/(?P<id>{_SEG})", system.info_by_id,
          "subscriptions", "by-id", V3),
    route("GET", rf"/subscriptions/by-uuid/(?P<uuid>{_SEG})", system.info_by_uuid_v2,
          "subscriptions", "by-uuid", V2),
]  # fmt: skip
