"""POST /payments/{provider}: verify, store, credit, and only then acknowledge.

Forged and malformed requests get a 4xx and change nothing but the audit trail; transient
failures get a 5xx so the provider delivers again; the provider's exact acknowledgement is sent
only after the crediting transaction has committed.
"""

from __future__ import annotations

import structlog
from aiohttp import web

from shop_domain.errors import (
    InfrastructureError,
    NotificationMalformedError,
    NotificationUntrustedError,
    PaymentMethodNotAvailableError,
    PaymentNotFoundError,
)
from shop_domain.ports.payment_gateway import InboundRequest, PaymentGateway, PaymentGateways
from shop_domain.services.billing.confirm_payment import ConfirmPayment
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_entrypoints.webhooks.bodies import BodyTooLargeError, json_error, read_capped_body
from shop_entrypoints.webhooks.client_ip import ClientIpResolver

logger = structlog.get_logger(__name__)


class PaymentWebhooks:
    def __init__(
        self,
        gateways: PaymentGateways,
        confirm_payment: ConfirmPayment,
        record_rejected: RecordRejectedNotification,
        client_ip: ClientIpResolver,
    ) -> None:
        self._gateways = gateways
        self._confirm_payment = confirm_payment
        self._record_rejected = record_rejected
        self._client_ip = client_ip

    async def on_payment_notification(self, request: web.Request) -> web.StreamResponse:
        provider = request.match_info["provider"]
        try:
            gateway = self._gateways.get(provider)
            body = await read_capped_body(request)
        except PaymentMethodNotAvailableError:
            return json_error(404, "unknown_provider")
        except BodyTooLargeError:
            return json_error(413, "body_too_large")
        with structlog.contextvars.bound_contextvars(provider=provider):
            return await self._process(gateway, request, body)

    async def _process(
        self, gateway: PaymentGateway, request: web.Request, body: bytes
    ) -> web.StreamResponse:
        inbound = InboundRequest(
            method=request.method,
            path=request.path,
            headers={name.lower(): value for name, value in request.headers.items()},
            query=dict(request.query),
            body=body,
            peer_ip=self._client_ip.resolve(request),
        )
        try:
            notification = await gateway.parse_notification(inbound)
        except NotificationMalformedError as error:
            await self._record_rejected.execute(gateway.name, body, error.code)
            return json_error(400, error.code)
        except NotificationUntrustedError as error:
            await self._record_rejected.execute(gateway.name, body, error.code)
            return json_error(401, error.code)
        except InfrastructureError as error:  # e.g. the re-fetch from the provider failed
            logger.warning("payment_notification_deferred", error_code=error.code)
            return json_error(503, error.code)
        try:
            await self._confirm_payment.execute(notification, body)
        except PaymentNotFoundError:
            # Never acknowledge-and-drop: the provider retries, the reconciler also looks.
            logger.warning("payment_notification_for_unknown_payment")
            return json_error(503, "payment_not_found")
        except InfrastructureError as error:
            logger.warning("payment_notification_failed", error_code=error.code)
            return json_error(503, error.code)
        ack = gateway.acknowledge(notification)
        return web.Response(
            status=ack.status,
            body=ack.body,
            headers={"Content-Type": ack.content_type, **ack.headers},
        )
