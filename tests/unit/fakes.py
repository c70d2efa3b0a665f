"""Hand-written fakes of the domain's ports for the unit tests (no mocks of our classes)."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from shop_domain.errors import (
    NotificationUntrustedError,
    PaymentMethodNotAvailableError,
    PaymentProviderError,
    VpnPanelUnavailableError,
    VpnPanelUserNotFoundError,
)
from shop_domain.events import ShopEvent
from shop_domain.model.ids import PanelUserRef
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment
from shop_domain.ports.job_queue import JobPayload
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    InboundRequest,
    PaymentGateway,
    PaymentNotification,
    RefundSupport,
)
from shop_domain.ports.vpn_panel import (
    DesiredAccess,
    HwidDevice,
    InternalSquad,
    PanelStats,
    PanelUser,
    PanelUserStatus,
)

T0 = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


class FixedClock:
    def __init__(self, now: datetime = T0) -> None:
        self.current = now

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


@dataclass
class FakeNotifier:
    events: list[ShopEvent] = field(default_factory=list)

    async def notify(self, event: ShopEvent) -> None:
        self.events.append(event)

    def of_type(self, kind: type) -> list[ShopEvent]:
        return [e for e in self.events if isinstance(e, kind)]


@dataclass
class FakeJobQueue:
    jobs: list[tuple[str, JobPayload]] = field(default_factory=list)

    async def enqueue(self, job: str, payload: JobPayload, *, delay_seconds: float = 0) -> None:
        self.jobs.append((job, payload))


class FakeLease:
    def __init__(self, locks: FakeLocks, name: str) -> None:
        self._locks, self._name = locks, name

    async def release(self) -> None:
        self._locks.held.discard(self._name)


@dataclass
class FakeLocks:
    held: set[str] = field(default_factory=set)

    async def acquire(self, name: str, ttl_seconds: float) -> FakeLease | None:
        if name in self.held:
            return None
        self.held.add(name)
        return FakeLease(self, name)


class FakeVpnPanel:
    """Records calls; `down = True` makes every call fail like an unreachable panel."""

    def __init__(self) -> None:
        self.users: dict[PanelUserRef, PanelUser] = {}
        self.calls: list[str] = []
        self.down = False
        self._ids = itertools.count(1)

    def _check(self, call: str) -> None:
        self.calls.append(call)
        if self.down:
            raise VpnPanelUnavailableError("panel is down")

    def _write(self, ref: PanelUserRef, access: DesiredAccess, username: str) -> PanelUser:
        status = PanelUserStatus.ACTIVE if access.enabled else PanelUserStatus.DISABLED
        previous = self.users.get(ref)
        user = PanelUser(
            ref=ref,
            username=username,
            short_uuid=previous.short_uuid if previous else f"short{ref}",
            status=status,
            expires_at=access.expires_at,
            subscription_url=previous.subscription_url if previous else f"https://sub.test/{ref}",
            limits=access.limits,
            used_traffic_bytes=previous.used_traffic_bytes if previous else 0,
            telegram_id=access.telegram_id,
        )
        self.users[ref] = user
        return user

    async def ensure_user(self, access: DesiredAccess) -> PanelUser:
        self._check("ensure_user")
        username = f"tg_{access.telegram_id}"
        for ref, user in self.users.items():
            if user.username == username:
                return self._write(ref, access, username)
        return self._write(PanelUserRef(str(next(self._ids))), access, username)

    async def apply_access(self, ref: PanelUserRef, access: DesiredAccess) -> PanelUser:
        self._check("apply_access")
        if ref not in self.users:
            raise VpnPanelUserNotFoundError("User not found", panel_code="A025", status=404)
        return self._write(ref, access, self.users[ref].username)

    async def get_user(self, ref: PanelUserRef) -> PanelUser | None:
        self._check("get_user")
        return self.users.get(ref)

    async def find_by_telegram_id(self, telegram_id: int) -> list[PanelUser]:
        self._check("find_by_telegram_id")
        return [u for u in self.users.values() if u.telegram_id == telegram_id]

    async def enable_user(self, ref: PanelUserRef) -> None:
        self._check("enable_user")

    async def disable_user(self, ref: PanelUserRef) -> None:
        self._check("disable_user")

    async def revoke_subscription(self, ref: PanelUserRef) -> PanelUser:
        self._check("revoke_subscription")
        user = replace(self.users[ref], subscription_url=f"https://sub.test/{ref}/new")
        self.users[ref] = user
        return user

    async def reset_traffic(self, ref: PanelUserRef) -> None:
        self._check("reset_traffic")
        self.users[ref] = replace(self.users[ref], used_traffic_bytes=0)

    async def delete_user(self, ref: PanelUserRef) -> None:
        self._check("delete_user")
        self.users.pop(ref, None)

    async def list_devices(self, ref: PanelUserRef) -> list[HwidDevice]:
        self._check("list_devices")
        return []

    async def delete_device(self, ref: PanelUserRef, hwid: str) -> None:
        self._check("delete_device")

    async def list_internal_squads(self) -> list[InternalSquad]:
        self._check("list_internal_squads")
        return [InternalSquad("00000000-0000-4000-8000-000000000001", "Default")]

    async def stats(self) -> PanelStats:
        self._check("stats")
        return PanelStats("3.3.2", len(self.users), {}, 0, 1)

    async def iter_users(self, page_size: int = 500) -> AsyncIterator[list[PanelUser]]:
        self._check("iter_users")
        users = list(self.users.values())
        for start in range(0, len(users), page_size):
            yield users[start : start + page_size]


class FakePaymentGateway:
    """A provider taking `currencies`; notifications are 'signed' with a shared secret."""

    def __init__(
        self,
        name: str = "fakepay",
        currencies: Sequence[str] = ("RUB",),
        kind: CheckoutKind = CheckoutKind.REDIRECT_URL,
        refund: RefundSupport = RefundSupport.API,
    ) -> None:
        self._name = name
        self._capabilities = GatewayCapabilities(
            checkout_kind=kind,
            confirmation=ConfirmationKind.WEBHOOK_SIGNED,
            currencies=frozenset(currencies),
            refund=refund,
        )
        self.created: list[CheckoutRequest] = []
        self.refunds: list[tuple[str, str]] = []
        self.statuses: dict[str, PaymentNotification] = {}
        self.failing = False

    @property
    def name(self) -> str:
        return self._name

    @property
    def capabilities(self) -> GatewayCapabilities:
        return self._capabilities

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        if self.failing:
            raise PaymentProviderError("provider is down")
        self.created.append(request)
        return Checkout(f"prov-{request.payment_id}", url=f"https://pay.test/{request.payment_id}")

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        raise NotificationUntrustedError("the fake gateway is driven directly")

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(body=b"OK")

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        return self.statuses.get(payment.id)

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        if self.failing:
            raise PaymentProviderError("provider is down")
        self.refunds.append((payment.id, idempotency_key))


class FakePaymentGateways:
    def __init__(self, *gateways: PaymentGateway) -> None:
        self._gateways = {g.name: g for g in gateways}

    def get(self, name: str) -> PaymentGateway:
        try:
            return self._gateways[name]
        except KeyError:
            raise PaymentMethodNotAvailableError(name) from None

    def offered_for(self, currency: str) -> Sequence[PaymentGateway]:
        return [g for g in self._gateways.values() if currency in g.capabilities.currencies]
