from datetime import UTC, datetime

import pytest

from shop_domain.errors import InvalidPaymentTransitionError
from shop_domain.model.ids import CustomerId, OrderId, PaymentId
from shop_domain.model.money import Money
from shop_domain.model.payments import (
    Payment,
    PaymentStatus,
    can_transition,
    sources_of,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
S = PaymentStatus


def payment(status: PaymentStatus = S.PENDING) -> Payment:
    return Payment(
        PaymentId("p"), OrderId("o"), CustomerId(1), "fake", Money.of("1", "RUB"), status, NOW
    )


def test_payment_moves_pending_to_paid_to_provisioned() -> None:
    paid = payment().transition(S.PAID, NOW)
    assert paid.paid_at == NOW
    assert paid.is_credited
    assert paid.transition(S.PROVISIONED, NOW).status is S.PROVISIONED


@pytest.mark.parametrize("target", [S.FAILED, S.EXPIRED, S.HELD])
def test_payment_pending_can_fail_expire_or_be_held(target: PaymentStatus) -> None:
    assert payment().transition(target, NOW).status is target


@pytest.mark.parametrize("source", [S.EXPIRED, S.FAILED])
def test_payment_late_confirmation_of_expired_checkout_is_honoured(source: PaymentStatus) -> None:
    assert can_transition(source, S.PAID)


@pytest.mark.parametrize("credited", [S.PAID, S.PROVISIONED])
def test_payment_never_moves_backwards_from_paid(credited: PaymentStatus) -> None:
    for target in (S.PENDING, S.FAILED, S.EXPIRED, S.HELD):
        assert not can_transition(credited, target)
    with pytest.raises(InvalidPaymentTransitionError):
        payment(credited).transition(S.PENDING, NOW)


def test_payment_paid_to_refunded() -> None:
    refunded = payment(S.PAID).transition(S.REFUNDED, NOW)
    assert refunded.refunded_at == NOW
    assert not refunded.is_credited
    assert not any(can_transition(S.REFUNDED, target) for target in S)


def test_payment_compare_and_set_sources() -> None:
    assert sources_of(S.PAID) == {S.PENDING, S.FAILED, S.EXPIRED, S.HELD}
    assert sources_of(S.PROVISIONED) == {S.PAID}
    assert sources_of(S.REFUNDED) == {S.PAID, S.PROVISIONED, S.HELD}
