"""CustomerLookup: the committed customer, read outside any unit of work.

The bot loads the customer on every update; for a returning customer nothing is written, so
a transaction (BEGIN, SELECT, ROLLBACK) buys nothing a single statement does not give: under
read committed both see the last committed row. Use it only where nothing is written on the
strength of the answer; anything that decides and writes reads inside its unit of work.
"""

from __future__ import annotations

from typing import Protocol

from shop_domain.model.customers import Customer
from shop_domain.model.ids import CustomerId


class CustomerLookup(Protocol):
    async def get(self, customer_id: CustomerId) -> Customer | None: ...
