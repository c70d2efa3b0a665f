"""The VPN panel port: what the shop needs from Remnawave, in domain terms."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from shop_domain.model.ids import PanelUserRef
from shop_domain.model.plans import AccessLimits
from shop_domain.model.subscriptions import SubscriptionStatus


class PanelUserStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    DISABLED = "DISABLED"
    LIMITED = "LIMITED"
    EXPIRED = "EXPIRED"

    @property
    def subscription_status(self) -> SubscriptionStatus:
        return SubscriptionStatus(self.value.lower())


@dataclass(frozen=True, slots=True)
class DesiredAccess:
    """The absolute state a panel user must have; writing it twice changes nothing."""

    telegram_id: int
    expires_at: datetime
    limits: AccessLimits
    enabled: bool = True
    description: str | None = None


@dataclass(frozen=True, slots=True)
class PanelUser:
    ref: PanelUserRef
    username: str
    short_uuid: str
    status: PanelUserStatus
    expires_at: datetime
    subscription_url: str
    limits: AccessLimits
    used_traffic_bytes: int = 0
    telegram_id: int | None = None
    online_at: datetime | None = None
    first_connected_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class HwidDevice:
    hwid: str
    platform: str | None
    os_version: str | None
    device_model: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class InternalSquad:
    uuid: str
    name: str
    members: int = 0


@dataclass(frozen=True, slots=True)
class PanelStats:
    version: str
    total_users: int
    users_by_status: dict[str, int]
    online_now: int
    nodes_online: int


class VpnPanel(Protocol):
    """Remnawave (3.x or 2.x). Adapters raise VpnPanelUnavailableError / VpnPanelError.

    Already-enabled, already-disabled and not-found-on-delete are successes.
    """

    async def ensure_user(self, access: DesiredAccess) -> PanelUser:
        """Find the customer's panel user by deterministic username, or create it, then make
        its state equal `access` (one update with absolute values)."""
        ...

    async def apply_access(self, ref: PanelUserRef, access: DesiredAccess) -> PanelUser: ...

    async def get_user(self, ref: PanelUserRef) -> PanelUser | None: ...

    async def find_by_telegram_id(self, telegram_id: int) -> list[PanelUser]: ...

    async def enable_user(self, ref: PanelUserRef) -> None: ...

    async def disable_user(self, ref: PanelUserRef) -> None: ...

    async def revoke_subscription(self, ref: PanelUserRef) -> PanelUser:
        """Issue a new subscription link; the old one stops working."""
        ...

    async def reset_traffic(self, ref: PanelUserRef) -> None: ...

    async def delete_user(self, ref: PanelUserRef) -> None: ...

    async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]: ...

    async def delete_device(self, ref: PanelUserRef, hwid: str) -> None: ...

    async def list_internal_squads(self) -> list[InternalSquad]: ...

    async def stats(self) -> PanelStats: ...

    def iter_users(self, page_size: int = 500) -> AsyncIterator[list[PanelUser]]:
        """Every panel user, page by page (keyset pagination where the panel has it)."""
        ...


class PanelEventKind(enum.StrEnum):
    EXPIRATION_WARNING = "expiration_warning"  # before expiry: hours_relative < 0
    EXPIRED = "expired"  # at or after expiry
    LIMITED = "limited"
    ENABLED = "enabled"
    DISABLED = "disabled"
    REVOKED = "revoked"
    MODIFIED = "modified"
    DELETED = "deleted"
    TRAFFIC_RESET = "traffic_reset"
    FIRST_CONNECTED = "first_connected"
    DEVICE_ADDED = "device_added"
    DEVICE_DELETED = "device_deleted"
    OTHER = "other"  # node, service and other scopes: acknowledged and ignored


@dataclass(frozen=True, slots=True)
class PanelEvent:
    """A verified panel webhook, normalised across panel versions."""

    name: str  # the panel's own event name, for logs
    kind: PanelEventKind
    dedupe_key: str  # (event, user id, timestamp): the panel sends no event id
    occurred_at: datetime
    user: PanelUser | None = None
    hours_relative: int | None = None  # user.expiration meta: -72 = "expires in 72 h"


class PanelWebhookParser(Protocol):
    def parse(self, headers: Mapping[str, str], body: bytes) -> PanelEvent:
        """Verify the signature over the raw bytes and parse; raise
        NotificationUntrustedError (bad or missing signature, no secret configured) or
        NotificationMalformedError."""
        ...
