"""The fields Telegram adds to a ChatMember beyond `status` and `user`, by status.

`kicked` (banned) carries `until_date` (0: forever). `restricted` carries every permission
and `is_member`: a restricted user may still be in the chat (`restricted`) or not
(`restricted_left`, our shorthand for a restricted user who left; Telegram says `restricted`).
"""

from __future__ import annotations

from typing import Any

_PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_react_to_messages",
    "can_edit_tag",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)


def member_fields(status: str) -> dict[str, Any]:
    """Extra fields of the member JSON; a `restricted_left` status is sent as `restricted`."""
    if status == "kicked":
        return {"until_date": 0}
    if status in {"restricted", "restricted_left"}:
        fields: dict[str, Any] = dict.fromkeys(_PERMISSIONS, False)
        fields.update(status="restricted", is_member=status == "restricted", until_date=0)
        return fields
    return {}
