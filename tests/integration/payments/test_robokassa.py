"""Robokassa's quirks: OutSum hashed as received, OK{InvId}, IsTest, InvId derivation."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from shop_adapters.payments.providers.robokassa import RobokassaConfig
from shop_adapters.payments.providers.robokassa.signing import (
    MAX_INV_ID,
    invoice_id_for,
    result_signature,
)
from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import Checkout, NotificationKind
from tests.fakes.payments.robokassa import PASSWORD1, PASSWORD2, digest
from tests.integration.payments.harness import checkout_request, make_order, payment_for
from tests.integration.payments.robokassa_harness import RobokassaHarness


@pytest.fixture
async def robokassa() -> AsyncIterator[RobokassaHarness]:
    harness = RobokassaHarness()
    yield harness
    await harness.aclose()


async def _checkout(robokassa: RobokassaHarness, amount: str = "100.00") -> Checkout:
    return await robokassa.gateway.create_checkout(checkout_request(make_order(amount)))


async def test_outsum_is_hashed_exactly_as_received(robokassa: RobokassaHarness) -> None:
    inv_id = robokassa.fake.open_checkout(str((await _checkout(robokassa)).url))
    fields = robokassa.fake.result_fields(inv_id)
    assert fields["OutSum"] == "100.000000"

    notification = await robokassa.gateway.parse_notification(robokassa.fake.deliver(fields))

    assert notification.amount == Money.of("100.00", "RUB")
    assert notification.provider_payment_id == str(inv_id)
    assert notification.event_id == f"{inv_id}:paid"


async def test_a_signature_over_the_normalised_amount_is_refused(
    robokassa: RobokassaHarness,
) -> None:
    inv_id = robokassa.fake.open_checkout(str((await _checkout(robokassa)).url))
    fields = robokassa.fake.result_fields(inv_id, out_sum="100.00")

    with pytest.raises(NotificationUntrustedError):
        await robokassa.gateway.parse_notification(
            robokassa.fake.deliver(fields | {"OutSum": "100.000000"})
        )


async def test_signature_case_does_not_matter(robokassa: RobokassaHarness) -> None:
    inv_id = robokassa.fake.open_checkout(str((await _checkout(robokassa)).url))
    fields = robokassa.fake.result_fields(inv_id)
    lower = fields | {"SignatureValue": fields["SignatureValue"].lower()}

    notification = await robokassa.gateway.parse_notification(robokassa.fake.deliver(lower))

    assert robokassa.gateway.acknowledge(notification).body == f"OK{inv_id}".encode()


async def test_result_url_by_get_and_from_a_mapped_ipv6_peer(robokassa: RobokassaHarness) -> None:
    inv_id = robokassa.fake.open_checkout(str((await _checkout(robokassa)).url))
    fields = robokassa.fake.result_fields(inv_id)

    by_get = robokassa.fake.deliver(fields, method="GET", peer_ip="::ffff:185.59.217.65")
    notification = await robokassa.gateway.parse_notification(by_get)

    assert notification.kind is NotificationKind.PAID


async def test_redirect_url_is_signed_with_password_1(robokassa: RobokassaHarness) -> None:
    checkout = await _checkout(robokassa, "199.00")
    url = str(checkout.url)

    assert url.startswith("https://auth.robokassa.ru/Merchant/Index.aspx?")
    assert "OutSum=199.00" in url
    assert "Shp_payment_id=pay0123456789abcdef" in url
    assert "IsTest" not in url
    assert robokassa.fake.open_checkout(url) == int(str(checkout.provider_payment_id))


async def test_test_mode_marks_the_url_and_requires_is_test() -> None:
    harness = RobokassaHarness(test_mode=True)
    checkout = await harness.gateway.create_checkout(checkout_request(make_order()))
    inv_id = harness.fake.open_checkout(str(checkout.url))

    live = harness.fake.deliver(harness.fake.result_fields(inv_id, is_test=False))
    test = harness.fake.deliver(harness.fake.result_fields(inv_id, is_test=True))

    assert "IsTest=1" in str(checkout.url)
    with pytest.raises(NotificationUntrustedError, match="IsTest"):
        await harness.gateway.parse_notification(live)
    assert (await harness.gateway.parse_notification(test)).is_test
    await harness.aclose()


async def test_status_before_the_customer_opened_the_page_is_unknown(
    robokassa: RobokassaHarness,
) -> None:
    request = checkout_request(make_order())
    checkout = await robokassa.gateway.create_checkout(request)

    assert await robokassa.gateway.fetch_status(payment_for(request, checkout, "robokassa")) is None


async def test_status_with_a_wrong_password_is_a_provider_error(
    robokassa: RobokassaHarness,
) -> None:
    request = checkout_request(make_order())
    checkout = await robokassa.gateway.create_checkout(request)
    robokassa.fake.open_checkout(str(checkout.url))
    robokassa.fake.password2 = "rotated"

    with pytest.raises(PaymentProviderError):
        await robokassa.gateway.fetch_status(payment_for(request, checkout, "robokassa"))


async def test_only_roubles_are_taken(robokassa: RobokassaHarness) -> None:
    with pytest.raises(PaymentProviderError, match="RUB"):
        await robokassa.gateway.create_checkout(checkout_request(make_order("5.00", "USD")))


def test_invoice_ids_are_stable_and_in_robokassa_range() -> None:
    ids = {invoice_id_for(f"{n:032x}") for n in range(5000)}

    assert invoice_id_for("abc") == invoice_id_for("abc")
    assert all(1 <= inv_id <= MAX_INV_ID for inv_id in ids)
    assert len(ids) == 5000


def test_the_official_example_signature() -> None:
    # docs: OutSum=100.000000, InvId=450009, Shp_login=Vasya, Shp_oplata=1
    shp = {"Shp_oplata": "1", "Shp_login": "Vasya"}
    expected = digest("md5", "100.000000:450009:Пароль#2:Shp_login=Vasya:Shp_oplata=1")
    assert result_signature("md5", "100.000000", "450009", "Пароль#2", shp) == expected


def test_config_is_checked_at_start_up() -> None:
    with pytest.raises(ValueError, match="differ"):
        RobokassaConfig(merchant_login="m", password1="same", password2="same")
    with pytest.raises(ValueError, match="unsupported"):
        RobokassaConfig(
            merchant_login="m", password1=PASSWORD1, password2=PASSWORD2, hash_algorithm="crc32"
        )
