"""AdminLogMessages (an EventMessages): what the operators' log chat hears of, in one
language, posted into the configured forum topic.

New customers, trials, payments, held payments, refunds and provisioning failures. With no
log chat configured it renders nothing. HTML: every value is escaped; the customer id links
to their Telegram profile.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from shop_adapters.telegram.outgoing import OutgoingMessage
from shop_domain.events import (
    CustomerRegistered,
    OperationalAlertRaised,
    PaymentHeldForReview,
    PaymentRefunded,
    PaymentSucceeded,
    ProvisioningFailed,
    ShopEvent,
    TrialStarted,
)
from shop_domain.model.customers import Language
from shop_domain.model.ids import CustomerId
from shop_entrypoints.telegram.formatting import format_date, format_money
from shop_entrypoints.telegram.texts import Texts

Line = tuple[str, dict[str, str | int]]


def _customer(customer_id: CustomerId) -> str:
    return f'<a href="tg://user?id={int(customer_id)}">{int(customer_id)}</a>'


def _registered(event: CustomerRegistered, _: Language) -> Line:
    args: dict[str, str | int] = {
        "id": _customer(event.customer_id),
        "username": html.escape(f"@{event.username}") if event.username else "—",
    }
    if event.referred_by is not None:
        return "adm-log-customer-referred", {**args, "inviter": _customer(event.referred_by)}
    if event.campaign_id is not None:
        return "adm-log-customer-campaign", args
    return "adm-log-customer", args


def _trial(event: TrialStarted, lang: Language) -> Line:
    return "adm-log-trial", {
        "id": _customer(event.customer_id),
        "date": format_date(event.expires_at, lang),
    }


def _payment(event: PaymentSucceeded, lang: Language) -> Line:
    return "adm-log-payment", {
        "id": _customer(event.customer_id),
        "amount": format_money(event.amount),
        "provider": html.escape(event.provider),
        "days": event.days,
        "plan": html.escape(str(event.plan_id)),
        "date": format_date(event.expires_at, lang),
    }


def _held(event: PaymentHeldForReview, _: Language) -> Line:
    return "adm-log-payment-held", {
        "id": _customer(event.customer_id),
        "provider": html.escape(event.provider),
        "expected": format_money(event.expected),
        "received": format_money(event.received),
    }


def _refund(event: PaymentRefunded, _: Language) -> Line:
    return "adm-log-refund", {
        "id": _customer(event.customer_id),
        "amount": format_money(event.amount),
    }


def _failed(event: ProvisioningFailed, _: Language) -> Line:
    return "adm-log-provisioning-failed", {
        "id": _customer(event.customer_id),
        "attempts": event.attempts,
        "code": html.escape(event.error_code),
    }


def _alert(event: OperationalAlertRaised, _: Language) -> Line:
    return "adm-log-alert-" + event.kind.value.replace("_", "-"), {
        "subject": html.escape(event.subject),
        "value": event.value,
        "threshold": event.threshold,
    }


_LINES: dict[type, Callable[[Any, Language], Line]] = {
    CustomerRegistered: _registered,
    TrialStarted: _trial,
    PaymentSucceeded: _payment,
    PaymentHeldForReview: _held,
    PaymentRefunded: _refund,
    ProvisioningFailed: _failed,
    OperationalAlertRaised: _alert,
}


class AdminLogMessages:
    def __init__(
        self,
        texts: Texts,
        chat_id: int | None,
        topic_id: int | None = None,
        language: Language = Language.RU,
    ) -> None:
        self._texts = texts
        self._chat_id = chat_id
        self._topic_id = topic_id
        self._language = language

    async def render(self, event: ShopEvent) -> Sequence[OutgoingMessage]:
        line = _LINES.get(type(event))
        if self._chat_id is None or line is None:
            return []
        message_id, args = line(event, self._language)
        text = self._texts.get(self._language, message_id, **args)
        return [OutgoingMessage(self._chat_id, text, thread_id=self._topic_id, is_customer=False)]
