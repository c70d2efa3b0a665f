"""POST /panel/webhook: Remnawave events, signed with HMAC-SHA256 over the raw body.

Without a configured secret the endpoint refuses everything (fail closed).
"""

from __future__ import annotations

import structlog
from aiohttp import web

from shop_domain.errors import (
    InfrastructureError,
    NotificationMalformedError,
    NotificationUntrustedError,
)
from shop_domain.ports.vpn_panel import PanelWebhookParser
from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from shop_domain.services.core.handle_panel_event import PANEL_SOURCE, HandlePanelEvent
from shop_entrypoints.webhooks.bodies import BodyTooLargeError, json_error, read_capped_body

logger = structlog.get_logger(__name__)


class PanelWebhooks:
    def __init__(
        self,
        parser: PanelWebhookParser | None,
        handle_panel_event: HandlePanelEvent,
        record_rejected: RecordRejectedNotification,
    ) -> None:
        self._parser = parser
        self._handle_panel_event = handle_panel_event
        self._record_rejected = record_rejected

    async def on_panel_event(self, request: web.Request) -> web.StreamResponse:
        if self._parser is None:
            return json_error(403, "panel_webhooks_not_configured")
        try:
            body = await read_capped_body(request)
        except BodyTooLargeError:
            return json_error(413, "body_too_large")
        headers = {name.lower(): value for name, value in request.headers.items()}
        try:
            event = self._parser.parse(headers, body)
        except NotificationMalformedError as error:
            await self._record_rejected.execute(PANEL_SOURCE, body, error.code)
            return json_error(400, error.code)
        except NotificationUntrustedError as error:
            await self._record_rejected.execute(PANEL_SOURCE, body, error.code)
            return json_error(401, error.code)
        try:
            outcome = await self._handle_panel_event.execute(event, body)
        except InfrastructureError as error:
            logger.warning("panel_event_failed", event=event.name, error_code=error.code)
            return json_error(503, error.code)
        return web.json_response({"ok": True, "outcome": outcome.value})
