"""The bot's incoming Stars payments, by invoice payload, read from `getStarTransactions`.

Telegram lists transactions in chronological order and has no lookup by id or payload, so
the index pages forward from where it stopped last time and remembers every incoming invoice
payment it has seen: each transaction is read once per process. `StarTransaction.id` of an
incoming payment is the `telegram_payment_charge_id` of its `successful_payment`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import structlog
from aiogram import Bot
from aiogram.types import StarTransaction, TransactionPartnerUser

from shop_adapters.payments.providers.telegram_stars.config import TelegramStarsConfig

logger = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class StarCharge:
    charge_id: str
    stars: int
    user_id: int


class StarTransactionIndex:
    def __init__(self, bot: Bot, config: TelegramStarsConfig) -> None:
        self._bot = bot
        self._config = config
        self._offset = 0
        self._by_payload: dict[str, StarCharge] = {}
        self._lock = asyncio.Lock()
        self._reached_end_at: float | None = None  # time.monotonic() of the last full read

    async def find(self, payload: str) -> StarCharge | None:
        """Raises aiogram's TelegramAPIError when Telegram cannot be asked."""
        async with self._lock:
            if payload not in self._by_payload and not self._recently_read():
                await self._catch_up()
            return self._by_payload.get(payload)

    async def _catch_up(self) -> None:
        size = self._config.transactions_page_size
        for _ in range(self._config.max_pages_per_lookup):
            page = await self._bot.get_star_transactions(offset=self._offset, limit=size)
            for transaction in page.transactions:
                self._remember(transaction)
            self._offset += len(page.transactions)
            if len(page.transactions) < size:
                self._reached_end_at = time.monotonic()
                return

    def _recently_read(self) -> bool:
        if self._reached_end_at is None:
            return False
        return time.monotonic() - self._reached_end_at < self._config.rescan_after_seconds

    def _remember(self, transaction: StarTransaction) -> None:
        source = transaction.source
        if not isinstance(source, TransactionPartnerUser):
            return  # outgoing (refunds, withdrawals) or another kind of partner
        payload = source.invoice_payload
        if source.transaction_type != "invoice_payment" or not payload:
            return
        charge = StarCharge(transaction.id, transaction.amount, source.user.id)
        if self._by_payload.setdefault(payload, charge) != charge:
            # A forwarded invoice paid twice: the second charge needs an operator's refund.
            logger.warning("stars_invoice_paid_twice", charge_id=transaction.id)
