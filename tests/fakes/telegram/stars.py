"""FakeStarsSession: the fake Bot API plus Telegram Stars' payment methods.

- `answerPreCheckoutQuery` with `ok=false` and no `error_message` is refused, as Telegram does.
- `getStarTransactions` pages `transactions` chronologically by `offset`/`limit` (max 100).
- `refundStarPayment` refunds a known charge of that user once; a repeat gets
  `CHARGE_ALREADY_REFUNDED`, an unknown charge `CHARGE_NOT_FOUND`.
"""

from __future__ import annotations

from typing import Any

from aiogram.methods import (
    AnswerPreCheckoutQuery,
    GetStarTransactions,
    RefundStarPayment,
    TelegramMethod,
)

from tests.fakes.telegram.session import FakeTelegramSession

DATE = 1_768_046_400


def _bad_request(description: str) -> tuple[int, dict[str, Any]]:
    return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}


class FakeStarsSession(FakeTelegramSession):
    def __init__(self) -> None:
        super().__init__()
        self.transactions: list[dict[str, Any]] = []
        self.refunded: set[str] = set()

    def pay(self, user_id: int, payload: str, stars: int, charge_id: str) -> None:
        """The customer paid an invoice: the incoming transaction Telegram records."""
        self.transactions.append(
            {
                "id": charge_id,
                "amount": stars,
                "date": DATE + len(self.transactions),
                "source": {
                    "type": "user",
                    "transaction_type": "invoice_payment",
                    "user": {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"},
                    "invoice_payload": payload,
                },
            }
        )

    def withdraw(self, stars: int) -> None:
        """An outgoing transaction (a withdrawal to Fragment): not a payment."""
        self.transactions.append(
            {
                "id": f"withdrawal-{len(self.transactions)}",
                "amount": stars,
                "date": DATE + len(self.transactions),
                "receiver": {"type": "fragment"},
            }
        )

    def _answer(self, method: TelegramMethod[Any]) -> tuple[int, dict[str, Any]]:
        if self._has_queued(method):
            return super()._answer(method)  # a test queued an error for this call
        if isinstance(method, AnswerPreCheckoutQuery) and not (method.ok or method.error_message):
            return _bad_request("error_message is required when ok is false")
        if isinstance(method, GetStarTransactions):
            return self._transactions(method)
        if isinstance(method, RefundStarPayment):
            return self._refund(method)
        return super()._answer(method)

    def _transactions(self, method: GetStarTransactions) -> tuple[int, dict[str, Any]]:
        limit = method.limit or 100
        if not 1 <= limit <= 100:  # Telegram's bound
            return _bad_request("limit must be between 1 and 100")
        offset = method.offset or 0
        page = self.transactions[offset : offset + limit]
        return 200, {"ok": True, "result": {"transactions": page}}

    def _refund(self, method: RefundStarPayment) -> tuple[int, dict[str, Any]]:
        charge = method.telegram_payment_charge_id
        known = any(
            t["id"] == charge and t.get("source", {}).get("user", {}).get("id") == method.user_id
            for t in self.transactions
        )
        if not known:
            return _bad_request("CHARGE_NOT_FOUND")
        if charge in self.refunded:
            return _bad_request("CHARGE_ALREADY_REFUNDED")
        self.refunded.add(charge)
        return 200, {"ok": True, "result": True}

    def _has_queued(self, method: TelegramMethod[Any]) -> bool:
        return any(isinstance(method, queued.method) for queued in self._errors)
