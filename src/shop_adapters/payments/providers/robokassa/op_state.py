"""OpStateExt, the XML status query: `Result/Code` 0 is success, 3 "no such invoice".

`State/Code`: 5 initiated, 10 cancelled, 20 on hold, 50 money received and being credited,
60 refused and returned to the buyer, 80 suspended, 100 paid. `Info/OutSum` is the amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from xml.etree import ElementTree

from shop_domain.ports.payment_gateway import NotificationKind

INVOICE_NOT_FOUND: Final = 3
STATE_KINDS: Final = {
    5: NotificationKind.PENDING,
    10: NotificationKind.FAILED,
    20: NotificationKind.PENDING,
    50: NotificationKind.PENDING,
    60: NotificationKind.FAILED,
    80: NotificationKind.PENDING,
    100: NotificationKind.PAID,
}


@dataclass(frozen=True, slots=True)
class OperationState:
    result_code: int
    state_code: int | None = None
    out_sum: str | None = None


def parse_op_state(xml: bytes) -> OperationState:
    """Raises ValueError for anything that is not an OpStateExt answer."""
    try:
        # The body comes from the configured Robokassa host over TLS, and expat (>= 2.4.1,
        # bundled with Python 3.11) refuses entity-expansion bombs.
        root = ElementTree.fromstring(xml)  # noqa: S314
    except ElementTree.ParseError as error:
        raise ValueError(f"not XML: {error}") from error
    result_code = _int(root.findtext("{*}Result/{*}Code"))
    if result_code is None:
        raise ValueError("no Result/Code")
    state = _int(root.findtext("{*}State/{*}Code"))
    return OperationState(result_code, state, root.findtext("{*}Info/{*}OutSum"))


def _int(text: str | None) -> int | None:
    return None if text is None else int(text.strip())
