"""RobokassaGateway(PaymentGateway): a signed redirect URL, ResultURL, and OpStateExt.

Creating a checkout needs no server call: the URL carries `OutSum` ("199.00"), the derived
numeric `InvId` (see signing.py), `Shp_payment_id` = our id, and the Password #1 signature.
The notification is handled by result_url.py; the reply Robokassa expects is exactly
`OK{InvId}`. Refunds need Password #3 and the Refund API, which is not wired yet (MANUAL).
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlencode

import httpx

from shop_adapters.payments.gateway_identity import GatewayIdentity
from shop_adapters.payments.http import ProviderHttp, provider_error
from shop_adapters.payments.ip_allowlist import IpAllowList
from shop_adapters.payments.money_codecs import from_decimal_string, to_decimal_string
from shop_adapters.payments.providers.robokassa.config import RobokassaConfig
from shop_adapters.payments.providers.robokassa.op_state import (
    INVOICE_NOT_FOUND,
    STATE_KINDS,
    parse_op_state,
)
from shop_adapters.payments.providers.robokassa.result_url import PROVIDER, parse_result
from shop_adapters.payments.providers.robokassa.signing import (
    PAYMENT_ID_FIELD,
    checkout_signature,
    invoice_id_for,
    op_state_signature,
)
from shop_domain.errors import PaymentProviderError, RefundNotSupportedError
from shop_domain.model.ids import PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import Payment
from shop_domain.ports.payment_gateway import (
    Acknowledgement,
    Checkout,
    CheckoutKind,
    CheckoutRequest,
    ConfirmationKind,
    GatewayCapabilities,
    InboundRequest,
    PaymentNotification,
    RefundSupport,
)

_DESCRIPTION_MAX: Final = 100


class RobokassaGateway(GatewayIdentity):
    def __init__(self, client: httpx.AsyncClient, config: RobokassaConfig) -> None:
        self._config = config
        self._http = ProviderHttp(client, PROVIDER)
        self._senders = IpAllowList(config.allowed_ips)
        super().__init__(
            PROVIDER,
            GatewayCapabilities(
                checkout_kind=CheckoutKind.REDIRECT_URL,
                confirmation=ConfirmationKind.WEBHOOK_SIGNED,
                currencies=frozenset({"RUB"}),
                refund=RefundSupport.MANUAL,
            ),
        )

    async def create_checkout(self, request: CheckoutRequest) -> Checkout:
        price = request.order.price
        if price.currency != "RUB":
            raise PaymentProviderError(f"robokassa takes RUB only, not {price.currency}")
        config, out_sum = self._config, to_decimal_string(price)
        inv_id = str(invoice_id_for(request.payment_id))
        shp = {PAYMENT_ID_FIELD: request.payment_id}
        signature = checkout_signature(
            config.hash_algorithm, config.merchant_login, out_sum, inv_id, config.password1, shp
        )
        params = {
            "MerchantLogin": config.merchant_login,
            "OutSum": out_sum,
            "InvId": inv_id,
            "Description": request.description[:_DESCRIPTION_MAX],
            "SignatureValue": signature,
            "Culture": "ru" if request.language == "ru" else "en",
            "Encoding": "utf-8",
            **shp,
        }
        if config.test_mode:
            params["IsTest"] = "1"
        return Checkout(inv_id, url=f"{config.checkout_url}?{urlencode(params)}")

    async def parse_notification(self, request: InboundRequest) -> PaymentNotification:
        return parse_result(request, self._config, self._senders)

    def acknowledge(self, notification: PaymentNotification) -> Acknowledgement:
        return Acknowledgement(200, f"OK{notification.provider_payment_id}".encode())

    async def fetch_status(self, payment: Payment) -> PaymentNotification | None:
        config = self._config
        inv_id = payment.provider_payment_id or str(invoice_id_for(payment.id))
        params = {
            "MerchantLogin": config.merchant_login,
            "InvoiceID": inv_id,
            "Signature": op_state_signature(
                config.hash_algorithm, config.merchant_login, inv_id, config.password2
            ),
        }
        url = f"{config.service_url}/OpStateExt"
        response = await self._http.send("GET", url, idempotent=True, params=params)
        try:
            state = parse_op_state(response.content) if response.is_success else None
            if state is not None and state.result_code == INVOICE_NOT_FOUND:
                return None  # the customer never opened the payment page
            if state is None or state.result_code != 0 or state.state_code not in STATE_KINDS:
                raise ValueError(f"OpStateExt answered {state}")
            amount = None if state.out_sum is None else from_decimal_string(state.out_sum, "RUB")
        except ValueError as error:
            raise provider_error(PROVIDER, response, str(error)) from error
        return PaymentNotification(
            provider=PROVIDER,
            event_id=f"status:{inv_id}:{state.state_code}",
            kind=STATE_KINDS[state.state_code],
            payment_ref=PaymentId(payment.id),
            provider_payment_id=inv_id,
            amount=amount,
            is_test=config.test_mode,
        )

    async def refund(self, payment: Payment, amount: Money | None, idempotency_key: str) -> None:
        raise RefundNotSupportedError("Robokassa refunds are made in the merchant cabinet")
