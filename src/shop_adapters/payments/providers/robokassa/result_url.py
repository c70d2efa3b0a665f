"""The ResultURL notification: Robokassa calls it (GET or POST form) once a payment is paid.

Checks, in order: the sender IP (fail-closed), the signature with Password #2 over `OutSum`
*exactly as received* (e.g. "100.000000"), `InvId` and the sorted `Shp_*` fields, compared
case-insensitively; then `IsTest` must match the mode. Only then is anything parsed.
"""

from __future__ import annotations

from typing import Final

from shop_adapters.payments.inbound import malformed_guard, parse_form
from shop_adapters.payments.ip_allowlist import IpAllowList
from shop_adapters.payments.money_codecs import from_decimal_string
from shop_adapters.payments.providers.robokassa.config import RobokassaConfig
from shop_adapters.payments.providers.robokassa.signing import (
    MAX_INV_ID,
    PAYMENT_ID_FIELD,
    invoice_id_for,
    result_signature,
    shp_fields,
)
from shop_adapters.payments.signatures import signatures_equal
from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError
from shop_domain.model.ids import PaymentId
from shop_domain.ports.payment_gateway import (
    InboundRequest,
    NotificationKind,
    PaymentNotification,
)

PROVIDER: Final = "robokassa"


def parse_result(
    request: InboundRequest, config: RobokassaConfig, senders: IpAllowList
) -> PaymentNotification:
    senders.require(request.peer_ip)
    with malformed_guard("Robokassa ResultURL"):
        is_get = request.method.upper() == "GET"
        fields = dict(request.query) if is_get else parse_form(request.body)
        _verify(fields, config)
        return _notification(fields)


def _verify(fields: dict[str, str], config: RobokassaConfig) -> None:
    signature = fields.get("SignatureValue")
    if not signature:
        raise NotificationUntrustedError("Robokassa notification without SignatureValue")
    out_sum, inv_id = fields.get("OutSum"), fields.get("InvId")
    if out_sum is None or inv_id is None:
        raise NotificationMalformedError("Robokassa notification without OutSum or InvId")
    shp = shp_fields(fields)
    expected = result_signature(config.hash_algorithm, out_sum, inv_id, config.password2, shp)
    if not signatures_equal(signature, expected, ignore_case=True):
        raise NotificationUntrustedError("Robokassa signature does not match")
    if (fields.get("IsTest", "") == "1") != config.test_mode:
        raise NotificationUntrustedError("Robokassa IsTest does not match the configured mode")


def _notification(fields: dict[str, str]) -> PaymentNotification:
    inv_id = fields["InvId"]
    if not (inv_id.isascii() and inv_id.isdigit()) or not 0 < int(inv_id) <= MAX_INV_ID:
        raise ValueError("InvId is not an integer in 1..2^31-1")
    ref = shp_fields(fields).get(PAYMENT_ID_FIELD)
    if ref is not None and invoice_id_for(ref) != int(inv_id):
        raise ValueError("InvId does not belong to Shp_payment_id")
    return PaymentNotification(
        provider=PROVIDER,
        event_id=f"{int(inv_id)}:paid",  # ResultURL is only ever sent for a paid invoice
        kind=NotificationKind.PAID,
        payment_ref=PaymentId(ref) if ref else None,
        provider_payment_id=str(int(inv_id)),
        amount=from_decimal_string(fields["OutSum"], "RUB"),
        is_test=fields.get("IsTest", "") == "1",
    )
