"""/start: register a new customer (with referral, campaign or promo deep link) or greet a
returning one with a single read.

With a `lookup`, that read happens outside any unit of work (one statement, no transaction);
only a new customer or a changed profile opens one, and reads again inside it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from shop_domain.errors import ConcurrentUpdateError, ShopError
from shop_domain.events import CustomerRegistered
from shop_domain.model.customers import Customer, Language, new_referral_code
from shop_domain.model.deep_links import DeepLink, DeepLinkKind
from shop_domain.model.ids import CampaignId, CustomerId
from shop_domain.ports.clock import Clock
from shop_domain.ports.customer_lookup import CustomerLookup
from shop_domain.ports.notifier import Notifier
from shop_domain.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from shop_domain.services.billing.apply_promo_code import (
    ApplyPromoCode,
    ApplyPromoCodeRequest,
    ApplyPromoCodeResult,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RegisterCustomerRequest:
    telegram_id: int
    username: str | None = None
    first_name: str | None = None
    language_code: str | None = None
    start_payload: str | None = None


@dataclass(frozen=True, slots=True)
class RegisterCustomerResult:
    customer: Customer
    is_new: bool
    promo: ApplyPromoCodeResult | None = None
    promo_error: str | None = None  # the ShopError code if a promo deep link failed


class RegisterCustomer:
    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        clock: Clock,
        notifier: Notifier,
        apply_promo_code: ApplyPromoCode,
        default_language: Language = Language.RU,
        lookup: CustomerLookup | None = None,
    ) -> None:
        self._uow_factory = uow_factory
        self._clock = clock
        self._notifier = notifier
        self._apply_promo_code = apply_promo_code
        self._default_language = default_language
        self._lookup = lookup

    async def execute(self, request: RegisterCustomerRequest) -> RegisterCustomerResult:
        link = DeepLink.parse(request.start_payload)
        customer_id = CustomerId(request.telegram_id)
        known = None if self._lookup is None else await self._lookup.get(customer_id)
        if known is not None and not _profile_changed(known, request):
            customer, is_new = known, False
        else:
            customer, is_new = await self._load_or_add(request, link)
        if is_new:
            logger.info("customer_registered", extra={"customer_id": customer_id})
            await self._notifier.notify(
                CustomerRegistered(
                    customer.id, customer.username, customer.referred_by, customer.campaign_id
                )
            )
        result = RegisterCustomerResult(customer=customer, is_new=is_new)
        if link is not None and link.kind is DeepLinkKind.PROMO:
            result = await self._redeem(result, link.value)
        return result

    async def _load_or_add(
        self, request: RegisterCustomerRequest, link: DeepLink | None
    ) -> tuple[Customer, bool]:
        async with self._uow_factory() as uow:
            customer = await uow.customers.get(CustomerId(request.telegram_id))
            is_new = False
            if customer is None:
                customer, is_new = await self._new_customer(uow, request, link)
            elif _profile_changed(customer, request):
                customer = replace(
                    customer, username=request.username, first_name=request.first_name
                )
                await uow.customers.update(customer)
                await uow.commit()
        return customer, is_new

    async def _new_customer(
        self, uow: UnitOfWork, request: RegisterCustomerRequest, link: DeepLink | None
    ) -> tuple[Customer, bool]:
        customer = Customer(
            id=CustomerId(request.telegram_id),
            language=Language.from_telegram(request.language_code, self._default_language),
            referral_code=new_referral_code(),
            created_at=self._clock.now(),
            username=request.username,
            first_name=request.first_name,
        )
        if link is not None and link.kind is DeepLinkKind.REFERRAL:
            inviter = await uow.customers.get_by_referral_code(link.value.upper())
            if inviter is not None and customer.can_be_referred_by(inviter.id):
                customer = replace(customer, referred_by=inviter.id)
        if link is not None and link.kind is DeepLinkKind.CAMPAIGN:
            campaign = await uow.campaigns.get_by_code(link.value)
            if campaign is not None and campaign.is_active:
                customer = replace(customer, campaign_id=CampaignId(campaign.id))
        try:
            await uow.customers.add(customer)
            await uow.commit()
        except ConcurrentUpdateError:
            # A double tap registered the customer a moment ago: read what won.
            await uow.rollback()
            existing = await uow.customers.get(customer.id)
            if existing is None:
                raise
            return existing, False
        return customer, True

    async def _redeem(self, result: RegisterCustomerResult, code: str) -> RegisterCustomerResult:
        try:
            promo = await self._apply_promo_code.execute(
                ApplyPromoCodeRequest(customer_id=result.customer.id, code=code)
            )
        except ShopError as error:
            return replace(result, promo_error=error.code)
        return replace(result, promo=promo)


def _profile_changed(customer: Customer, request: RegisterCustomerRequest) -> bool:
    return customer.username != request.username or customer.first_name != request.first_name
