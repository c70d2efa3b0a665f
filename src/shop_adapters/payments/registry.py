"""PaymentGatewayRegistry(PaymentGateways): the enabled gateways, in the operator's order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from shop_domain.errors import PaymentMethodNotAvailableError
from shop_domain.ports.payment_gateway import PaymentGateway


class PaymentGatewayRegistry:
    """Built once by the composition root from the gateways the settings enable.

    `gateways` maps a provider name (the `/payments/<name>` path segment) to its adapter, or
    to `None` when the provider is switched off, so the container can pass every provider and
    let settings decide. `button_order` lists provider names in the order the operator wants
    the payment buttons; enabled gateways it does not name follow, alphabetically, and names
    of disabled gateways are skipped.
    """

    def __init__(
        self,
        gateways: Mapping[str, PaymentGateway | None],
        button_order: Sequence[str] = (),
    ) -> None:
        enabled = {name: gateway for name, gateway in gateways.items() if gateway is not None}
        for name, gateway in enabled.items():
            if gateway.name != name:
                raise ValueError(f"gateway {gateway.name!r} is registered as {name!r}")
        if len(set(button_order)) != len(button_order):
            raise ValueError(f"button order {list(button_order)} names a provider twice")
        ordered = [name for name in button_order if name in enabled]
        ordered += sorted(set(enabled) - set(ordered))
        self._gateways = {name: enabled[name] for name in ordered}

    @property
    def names(self) -> tuple[str, ...]:
        """Enabled provider names, in button order."""
        return tuple(self._gateways)

    def get(self, name: str) -> PaymentGateway:
        try:
            return self._gateways[name]
        except KeyError:
            raise PaymentMethodNotAvailableError(name) from None

    def offered_for(self, currency: str) -> Sequence[PaymentGateway]:
        return [g for g in self._gateways.values() if currency in g.capabilities.currencies]
