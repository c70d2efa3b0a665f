"""The panel-user lifecycle: find-or-create, absolute updates, actions, delete, listing.

Idempotency follows the panel's quirks: enable on an ACTIVE user (A030), disable on a
DISABLED one (A029) and delete of a missing user (A025) are successes. Create and revoke are
never retried; a create that collides on the deterministic username (A019) adopts the
existing user instead of failing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import structlog

from shop_adapters.remnawave import errors as codes
from shop_adapters.remnawave.mapping import create_body, to_panel_user, update_body
from shop_adapters.remnawave.paging import offset_pages, stream_pages
from shop_adapters.remnawave.schemas import UserPayload, parse
from shop_adapters.remnawave.session import PanelSession
from shop_domain.errors import VpnPanelConflictError, VpnPanelError, VpnPanelUserNotFoundError
from shop_domain.model.ids import PanelUserRef
from shop_domain.ports.vpn_panel import DesiredAccess, PanelUser

logger = structlog.get_logger(__name__)


class PanelUsers(PanelSession):
    async def ensure_user(self, access: DesiredAccess) -> PanelUser:
        username = self._config.username_for(access.telegram_id)
        try:
            user = await self._user_call(
                "create_user",
                "POST",
                "/users",
                idempotent=False,
                json=create_body(username, access),
            )
        except VpnPanelError as error:
            if error.panel_code != codes.USERNAME_TAKEN:
                raise
            return await self._adopt(username, access)
        logger.info("panel_user_created", panel_user_ref=user.ref, username=username)
        return user

    async def _adopt(self, username: str, access: DesiredAccess) -> PanelUser:
        existing = await self._by_username(username)
        if existing is None:  # deleted between our create and our lookup
            msg = f"panel user {username} vanished while being reconciled"
            raise VpnPanelError(msg, panel_code=codes.USERNAME_TAKEN)
        if existing.telegram_id not in {None, access.telegram_id}:
            msg = f"panel user {username} belongs to Telegram id {existing.telegram_id}"
            raise VpnPanelConflictError(msg, panel_code=codes.USERNAME_TAKEN)
        logger.info("panel_user_reconciled", panel_user_ref=existing.ref, username=username)
        return await self.apply_access(existing.ref, access)

    async def _by_username(self, username: str) -> PanelUser | None:
        try:
            return await self._user_call(
                "get_user_by_username",
                "GET",
                f"/users/by-username/{username}",
                idempotent=True,
            )
        except VpnPanelUserNotFoundError:
            return None

    async def apply_access(self, ref: PanelUserRef, access: DesiredAccess) -> PanelUser:
        dialect = await self._dialect()
        body = update_body(dialect.identity(ref), access, self._now())
        return await self._user_call("update_user", "PATCH", "/users", idempotent=True, json=body)

    async def get_user(self, ref: PanelUserRef) -> PanelUser | None:
        dialect = await self._dialect()
        try:
            path = f"/users/{dialect.key(ref)}"
            return await self._user_call("get_user", "GET", path, idempotent=True)
        except VpnPanelUserNotFoundError:
            return None

    async def find_by_telegram_id(self, telegram_id: int) -> list[PanelUser]:
        dialect = await self._dialect()
        if dialect.has_user_stream:
            pages = stream_pages(self._http, 1000, {"telegramId": telegram_id})
            return [to_panel_user(u, dialect) async for page in pages for u in page]
        try:
            payload = await self._http.call(
                "find_by_telegram_id",
                "GET",
                f"/users/by-telegram-id/{telegram_id}",
                idempotent=True,
            )
        except VpnPanelError as error:
            if error.panel_code == codes.USERS_NOT_FOUND:  # panels before 2.3: 404, not []
                return []
            raise
        if not isinstance(payload, list):
            raise VpnPanelError("find_by_telegram_id: expected a list of users")
        return [
            to_panel_user(parse(UserPayload, u, "find_by_telegram_id"), dialect) for u in payload
        ]

    async def iter_users(self, page_size: int = 500) -> AsyncIterator[list[PanelUser]]:
        dialect = await self._dialect()
        pages = (
            stream_pages(self._http, page_size)
            if dialect.has_user_stream
            else offset_pages(self._http, page_size)
        )
        async for page in pages:
            yield [to_panel_user(user, dialect) for user in page]

    async def enable_user(self, ref: PanelUserRef) -> None:
        await self._action(ref, "enable", tolerated=codes.ALREADY_ENABLED)

    async def disable_user(self, ref: PanelUserRef) -> None:
        await self._action(ref, "disable", tolerated=codes.ALREADY_DISABLED)

    async def reset_traffic(self, ref: PanelUserRef) -> None:
        await self._action(ref, "reset-traffic")

    async def revoke_subscription(self, ref: PanelUserRef) -> PanelUser:
        """New credentials and a new link on every call: never retried."""
        dialect = await self._dialect()
        path = f"/users/{dialect.key(ref)}/actions/revoke"
        return await self._user_call("revoke_subscription", "POST", path, idempotent=False, json={})

    async def delete_user(self, ref: PanelUserRef) -> None:
        dialect = await self._dialect()
        try:
            path = f"/users/{dialect.key(ref)}"
            await self._http.call("delete_user", "DELETE", path, idempotent=True)
        except VpnPanelUserNotFoundError:
            return

    async def _action(self, ref: PanelUserRef, name: str, tolerated: str | None = None) -> None:
        dialect = await self._dialect()
        path = f"/users/{dialect.key(ref)}/actions/{name}"
        try:
            await self._http.call(f"{name}_user", "POST", path, idempotent=True)
        except VpnPanelError as error:
            if tolerated is None or error.panel_code != tolerated:
                raise
