"""Revoke the subscription link and issue a new one: the old link stops working at once."""

from __future__ import annotations

import logging

from shop_domain.errors import SubscriptionNotFoundError
from shop_domain.model.ids import CustomerId
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.ports.vpn_panel import VpnPanel

logger = logging.getLogger(__name__)


class RevokeSubscriptionLink:
    def __init__(self, uow_factory: UnitOfWorkFactory, panel: VpnPanel) -> None:
        self._uow_factory = uow_factory
        self._panel = panel

    async def execute(self, customer_id: CustomerId) -> str:
        """Return the new subscription link; panel errors propagate, nothing is stored then."""
        async with self._uow_factory() as uow:
            subscription = await uow.subscriptions.get_by_customer(customer_id)
        if subscription is None or subscription.panel_user_ref is None:
            raise SubscriptionNotFoundError(str(customer_id))
        user = await self._panel.revoke_subscription(subscription.panel_user_ref)
        async with self._uow_factory() as uow:
            current = await uow.subscriptions.lock_by_customer(customer_id)
            if current is not None:
                await uow.subscriptions.update(
                    current.linked_to_panel(user.ref, user.subscription_url)
                )
                await uow.commit()
        logger.info("subscription_link_revoked", extra={"subscription_id": subscription.id})
        return user.subscription_url
