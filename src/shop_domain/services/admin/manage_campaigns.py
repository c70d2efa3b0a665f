"""Ad campaigns: create a deep link to hand to an ad network, then read its results."""

from __future__ import annotations

from shop_domain.errors import InvalidCampaignError
from shop_domain.model.campaigns import AdCampaign, CampaignStats
from shop_domain.model.deep_links import DeepLink, DeepLinkKind
from shop_domain.model.ids import CampaignId
from shop_domain.ports.clock import Clock
from shop_domain.ports.unit_of_work import UnitOfWorkFactory
from shop_domain.services.ids import new_id


class ManageCampaigns:
    def __init__(self, uow_factory: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow_factory = uow_factory
        self._clock = clock

    async def create(self, code: str, name: str) -> tuple[AdCampaign, str]:
        """The campaign and its /start payload (`c_<code>`)."""
        campaign = AdCampaign(CampaignId(new_id()), code, name.strip() or code, self._clock.now())
        async with self._uow_factory() as uow:
            if await uow.campaigns.get_by_code(code) is not None:
                raise InvalidCampaignError(f"campaign {code} exists")
            await uow.campaigns.add(campaign)
            await uow.commit()
        return campaign, DeepLink(DeepLinkKind.CAMPAIGN, code).render()

    async def report(self) -> list[CampaignStats]:
        async with self._uow_factory() as uow:
            reports = []
            for campaign in await uow.campaigns.list_all():
                stats = await uow.campaigns.stats(campaign.id)
                if stats is not None:
                    reports.append(stats)
            return reports
