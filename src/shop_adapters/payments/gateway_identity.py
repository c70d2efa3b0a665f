"""GatewayIdentity: the two read-only facts every gateway publishes, held in one place.

Each provider's gateway subclasses it and passes its name (the `/payments/<name>` path
segment the registry checks) and its `GatewayCapabilities` once, in its constructor; the
port's `name` and `capabilities` properties then come from here instead of six copies.
"""

from __future__ import annotations

from shop_domain.ports.payment_gateway import GatewayCapabilities


class GatewayIdentity:
    def __init__(self, name: str, capabilities: GatewayCapabilities) -> None:
        self._name = name
        self._capabilities = capabilities

    @property
    def name(self) -> str:
        return self._name

    @property
    def capabilities(self) -> GatewayCapabilities:
        return self._capabilities
