from shop_domain.services.billing.record_rejected_notification import (
    RecordRejectedNotification,
)
from tests.unit.services.shop_harness import Shop


async def test_rejected_notification_is_stored_once_and_unverified(shop: Shop) -> None:
    record = RecordRejectedNotification(shop.uow, shop.clock)
    await record.execute("fakepay", b'{"forged": true}', "bad signature")
    await record.execute("fakepay", b'{"forged": true}', "bad signature")
    events = list(shop.store.state.events.values())
    assert len(events) == 1
    assert not events[0].verified
    assert events[0].outcome == "rejected"
