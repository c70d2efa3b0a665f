"""Which updates carry money: they pass the throttle, the channel gate and the ban check.

Telegram takes the customer's Stars between the pre-checkout answer and `successful_payment`.
A throttled, gated or banned-and-dropped payment message would leave money taken and nothing
credited, and an unanswered pre-checkout query fails the customer's payment after 10 seconds.
So these updates always reach the Stars router, where the domain decides (a banned customer's
pre-checkout query is refused there, with a reason).
"""

from __future__ import annotations

from aiogram.types import Update


def is_payment_update(update: Update) -> bool:
    if update.pre_checkout_query is not None:
        return True
    message = update.message
    return message is not None and (
        message.successful_payment is not None or message.refunded_payment is not None
    )
