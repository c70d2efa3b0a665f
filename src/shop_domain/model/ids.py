"""Typed identifiers. Customers are keyed by their Telegram user id."""

from typing import NewType

CustomerId = NewType("CustomerId", int)  # the Telegram user id
PlanId = NewType("PlanId", str)
SubscriptionId = NewType("SubscriptionId", str)
OrderId = NewType("OrderId", str)
PaymentId = NewType("PaymentId", str)
PromoCodeId = NewType("PromoCodeId", str)
CampaignId = NewType("CampaignId", str)
PanelUserRef = NewType("PanelUserRef", str)  # 3.x numeric id or 2.x uuid, as text
