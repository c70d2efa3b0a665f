import pytest

from shop_adapters.payments.registry import PaymentGatewayRegistry
from shop_domain.errors import PaymentMethodNotAvailableError
from tests.unit.fakes import FakePaymentGateway

stars = FakePaymentGateway("stars", currencies=("XTR",))
yookassa = FakePaymentGateway("yookassa", currencies=("RUB",))
cryptopay = FakePaymentGateway("cryptopay", currencies=("RUB", "USDT"))
stripe = FakePaymentGateway("stripe", currencies=("USD", "RUB"))


def test_offered_gateways_follow_the_operator_order() -> None:
    registry = PaymentGatewayRegistry(
        {"stripe": stripe, "cryptopay": cryptopay, "yookassa": yookassa},
        button_order=["yookassa", "cryptopay", "stripe"],
    )

    assert [g.name for g in registry.offered_for("RUB")] == ["yookassa", "cryptopay", "stripe"]
    assert [g.name for g in registry.offered_for("USD")] == ["stripe"]
    assert registry.offered_for("EUR") == []


def test_unlisted_gateways_follow_alphabetically_and_disabled_ones_are_skipped() -> None:
    registry = PaymentGatewayRegistry(
        {"stripe": stripe, "cryptopay": cryptopay, "stars": stars, "yookassa": None},
        button_order=["yookassa", "stars"],
    )

    assert registry.names == ("stars", "cryptopay", "stripe")
    with pytest.raises(PaymentMethodNotAvailableError):
        registry.get("yookassa")


def test_get_finds_enabled_gateways_only() -> None:
    registry = PaymentGatewayRegistry({"stripe": stripe})

    assert registry.get("stripe") is stripe
    with pytest.raises(PaymentMethodNotAvailableError):
        registry.get("paypal")


def test_a_gateway_under_the_wrong_name_is_a_wiring_error() -> None:
    with pytest.raises(ValueError, match="registered as"):
        PaymentGatewayRegistry({"cryptopay": stripe})
    with pytest.raises(ValueError, match="twice"):
        PaymentGatewayRegistry({"stripe": stripe}, button_order=["stripe", "stripe"])
