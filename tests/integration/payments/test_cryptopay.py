"""CryptoPay's quirks: fiat vs crypto pricing, the raw-body signature, no create retries."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from shop_adapters.payments.providers.cryptopay import CryptoPayConfig, CryptoPayGateway
from shop_domain.errors import NotificationUntrustedError, PaymentProviderError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import NotificationKind
from tests.fakes.payments.cryptopay import HOST
from tests.integration.payments.cryptopay_harness import CryptoPayHarness
from tests.integration.payments.harness import checkout_request, make_order, payment_for


@pytest.fixture
async def cryptopay() -> AsyncIterator[CryptoPayHarness]:
    harness = CryptoPayHarness()
    yield harness
    await harness.aclose()


async def test_fiat_invoice_is_priced_in_fiat_and_paid_in_crypto(
    cryptopay: CryptoPayHarness,
) -> None:
    checkout = await cryptopay.gateway.create_checkout(checkout_request(make_order("199.00")))

    sent = cryptopay.fake.app.requests[-1].json()
    assert sent["currency_type"] == "fiat"
    assert sent["fiat"] == "RUB"
    assert sent["amount"] == "199.00"
    assert sent["payload"] == "pay0123456789abcdef"
    assert checkout.url == f"https://t.me/CryptoBot?start=IV{checkout.provider_payment_id}"
    invoice_id = int(str(checkout.provider_payment_id))
    cryptopay.fake.pay(invoice_id, paid_asset="USDT", paid_amount="2.15")
    body = cryptopay.fake.paid_update_body(invoice_id)

    notification = await cryptopay.gateway.parse_notification(cryptopay.fake.deliver(body))

    assert notification.amount == Money.of("199.00", "RUB")  # not the 2.15 USDT paid
    assert notification.event_id == str(json.loads(body)["update_id"])


async def test_crypto_priced_invoice_uses_the_asset(cryptopay: CryptoPayHarness) -> None:
    await cryptopay.gateway.create_checkout(checkout_request(make_order("5.00", "USDT")))

    sent = cryptopay.fake.app.requests[-1].json()
    assert sent["currency_type"] == "crypto"
    assert sent["asset"] == "USDT"
    assert "fiat" not in sent


async def test_accepted_assets_are_sent_for_fiat_invoices() -> None:
    harness = CryptoPayHarness()
    config = CryptoPayConfig(
        token=harness.fake.token, accepted_assets=("USDT", "TON"), api_base=HOST
    )
    gateway = CryptoPayGateway(harness.client, config)

    await gateway.create_checkout(checkout_request(make_order()))

    assert harness.fake.app.requests[-1].json()["accepted_assets"] == "USDT,TON"
    await harness.aclose()


async def test_signature_covers_the_raw_bytes_not_the_json(cryptopay: CryptoPayHarness) -> None:
    checkout = await cryptopay.gateway.create_checkout(checkout_request(make_order()))
    genuine = cryptopay.paid_notification(checkout)
    reserialised = json.dumps(json.loads(genuine.body), indent=1).encode()

    with pytest.raises(NotificationUntrustedError):
        await cryptopay.gateway.parse_notification(
            cryptopay.fake.deliver(
                reserialised, signature=genuine.headers["crypto-pay-api-signature"]
            )
        )


async def test_create_is_never_retried_without_an_idempotency_key(
    cryptopay: CryptoPayHarness,
) -> None:
    cryptopay.fake.app.fail_next = [502]

    with pytest.raises(PaymentProviderError):
        await cryptopay.gateway.create_checkout(checkout_request(make_order()))

    assert len(cryptopay.fake.app.requests) == 1


async def test_status_reads_are_retried(cryptopay: CryptoPayHarness) -> None:
    request = checkout_request(make_order())
    checkout = await cryptopay.gateway.create_checkout(request)
    cryptopay.fake.expire(int(str(checkout.provider_payment_id)))
    cryptopay.fake.app.fail_next = [500]

    status = await cryptopay.gateway.fetch_status(payment_for(request, checkout, "cryptopay"))

    assert status is not None
    assert status.kind is NotificationKind.EXPIRED


async def test_api_errors_become_provider_errors(cryptopay: CryptoPayHarness) -> None:
    cryptopay.fake.token = "another-token"  # noqa: S105

    with pytest.raises(PaymentProviderError, match="UNAUTHORIZED"):
        await cryptopay.gateway.create_checkout(checkout_request(make_order()))


async def test_transport_failure_becomes_provider_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        gateway = CryptoPayGateway(client, CryptoPayConfig(token="t"))  # noqa: S106
        with pytest.raises(PaymentProviderError, match="ConnectError"):
            await gateway.create_checkout(checkout_request(make_order()))


def test_testnet_uses_the_testnet_host() -> None:
    testnet = CryptoPayConfig(token="t", testnet=True)  # noqa: S106
    mainnet = CryptoPayConfig(token="t")  # noqa: S106
    assert testnet.base_url == "https://testnet-pay.crypt.bot"
    assert mainnet.base_url == "https://pay.crypt.bot"
    with pytest.raises(ValueError, match="token"):
        CryptoPayConfig(token="")
