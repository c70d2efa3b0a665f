"""EventTexts (an EventMessages): what customers hear of on their own, in their language, and
the broadcast report for the admin who sent one. HTML: every value is escaped.

`TrialStarted` and `CustomerRegistered` send the customer nothing (the bot's screens already
said it); the operators' log chat gets its own lines from AdminLogMessages.

A purchase reaches the customer as ONE message: `PaymentSucceeded` is for the log chat only, and
the `SubscriptionReady` that follows the payment names the amount, the days and the link. If the
panel is down, `ProvisioningFailed` tells the customer their access is on its way.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from shop_adapters.telegram.outgoing import Button, OutgoingMessage
from shop_domain.events import (
    BroadcastFinished,
    BroadcastProgressed,
    ExpiryReminderDue,
    OperatorMessageSent,
    PaymentHeldForReview,
    PaymentRefunded,
    ProvisioningFailed,
    ReferralBonusGranted,
    ShopEvent,
    SubscriptionReady,
    TrafficLimitReached,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_entrypoints.telegram.callbacks import MenuCallback, Screen
from shop_entrypoints.telegram.formatting import format_date, format_money
from shop_entrypoints.telegram.texts import Texts

Messages = list[OutgoingMessage]
_RENEW = ("btn-notify-renew", Screen.CATALOG)


class EventTexts:
    def __init__(
        self, texts: Texts, uow_factory: UnitOfWorkFactory, default_language: Language
    ) -> None:
        self._texts = texts
        self._uow_factory = uow_factory
        self._default = default_language
        self._renderers: dict[type, Callable[[Any], Awaitable[Messages]]] = {
            SubscriptionReady: self._subscription_ready,
            PaymentHeldForReview: self._payment_held,
            PaymentRefunded: self._payment_refunded,
            ReferralBonusGranted: self._referral_bonus,
            ExpiryReminderDue: self._expiry,
            TrafficLimitReached: self._traffic_limit,
            ProvisioningFailed: self._provisioning_failed,
            OperatorMessageSent: self._operator_message,
            BroadcastProgressed: self._broadcast_progressed,
            BroadcastFinished: self._broadcast_finished,
        }

    async def render(self, event: ShopEvent) -> Sequence[OutgoingMessage]:
        renderer = self._renderers.get(type(event))
        return [] if renderer is None else await renderer(event)

    async def _language(self, customer_id: CustomerId) -> Language:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(customer_id)
        return self._default if customer is None else customer.language

    def _text(self, language: Language, message_id: str, **args: str | int) -> str:
        safe = {k: html.escape(v) if isinstance(v, str) else v for k, v in args.items()}
        return self._texts.get(language, message_id, **safe)

    def _button(self, language: Language, message_id: str, screen: Screen) -> Button:
        data = MenuCallback(screen=screen).pack()
        return Button(self._texts.get(language, message_id), callback_data=data)

    def _customer(
        self,
        lang: Language,
        customer_id: CustomerId,
        message_id: str,
        *buttons: tuple[str, Screen],
        **args: Any,
    ) -> Messages:
        text = self._text(lang, message_id, **args)
        row = tuple(self._button(lang, label, screen) for label, screen in buttons)
        return [OutgoingMessage(int(customer_id), text, buttons=(row,) if row else ())]

    async def _subscription_ready(self, event: SubscriptionReady) -> Messages:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(event.customer_id)
            payment = None
            if event.after_payment is not None:
                payment = await uow.payments.get(event.after_payment)
            order = None if payment is None else await uow.orders.get(payment.order_id)
        lang = self._default if customer is None else customer.language
        date = format_date(event.expires_at, lang)
        url = event.subscription_url
        if payment is None or order is None:
            return self._customer(
                lang, event.customer_id, "notify-subscription-ready", date=date, url=url
            )
        return self._customer(
            lang,
            event.customer_id,
            "notify-payment-ready",
            ("btn-notify-subscription", Screen.SUBSCRIPTION),
            amount=format_money(payment.amount),
            days=order.days,
            date=date,
            url=url,
        )

    async def _payment_held(self, event: PaymentHeldForReview) -> Messages:
        lang = await self._language(event.customer_id)
        expected, received = format_money(event.expected), format_money(event.received)
        return self._customer(
            lang, event.customer_id, "notify-payment-held", expected=expected, received=received
        )

    async def _payment_refunded(self, event: PaymentRefunded) -> Messages:
        lang = await self._language(event.customer_id)
        amount = format_money(event.amount)
        return self._customer(lang, event.customer_id, "notify-payment-refunded", amount=amount)

    async def _referral_bonus(self, event: ReferralBonusGranted) -> Messages:
        lang = await self._language(event.customer_id)
        return self._customer(lang, event.customer_id, "notify-referral-bonus", days=event.days)

    async def _expiry(self, event: ExpiryReminderDue) -> Messages:
        lang = await self._language(event.customer_id)
        message_id = "notify-expiring" if event.hours_left > 0 else "notify-expired"
        date = format_date(event.expires_at, lang)
        return self._customer(lang, event.customer_id, message_id, _RENEW, date=date)

    async def _traffic_limit(self, event: TrafficLimitReached) -> Messages:
        lang = await self._language(event.customer_id)
        return self._customer(lang, event.customer_id, "notify-traffic-limit", _RENEW)

    async def _provisioning_failed(self, event: ProvisioningFailed) -> Messages:
        lang = await self._language(event.customer_id)
        return self._customer(lang, event.customer_id, "notify-provisioning-delayed")

    async def _operator_message(self, event: OperatorMessageSent) -> Messages:
        lang = await self._language(event.customer_id)
        return self._customer(lang, event.customer_id, "notify-operator-message", text=event.text)

    async def _broadcast_progressed(self, event: BroadcastProgressed) -> Messages:
        lang = await self._language(event.admin_id)
        text = self._text(
            lang,
            "admin-broadcast-progress",
            broadcast=event.broadcast_id,
            total=event.total,
            done=event.done,
            sent=event.sent,
            blocked=event.blocked,
            failed=event.failed,
        )
        key = f"broadcast-progress:{event.broadcast_id}"
        return [OutgoingMessage(int(event.admin_id), text, is_customer=False, live_key=key)]

    async def _broadcast_finished(self, event: BroadcastFinished) -> Messages:
        lang = await self._language(event.admin_id)
        text = self._text(
            lang,
            "admin-broadcast-finished",
            broadcast=event.broadcast_id,
            cancelled="yes" if event.cancelled else "no",
            total=event.total,
            sent=event.sent,
            blocked=event.blocked,
            failed=event.failed,
            unconfirmed=event.unconfirmed,
        )
        return [OutgoingMessage(int(event.admin_id), text, is_customer=False)]
