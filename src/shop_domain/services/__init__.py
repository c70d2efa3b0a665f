"""Use cases, one per module, grouped as the roadmap splits the old SubscriptionService:
`core` (customers, trial, access, provisioning), `billing` (prices, checkout, payments,
promo codes, refunds) and, with the background jobs, `notification`."""
