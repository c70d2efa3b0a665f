from datetime import UTC, datetime

import pytest

from shop_domain.model.customers import (
    REFERRAL_CODE_ALPHABET,
    Customer,
    Language,
    new_referral_code,
)
from shop_domain.model.ids import CustomerId

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def customer(
    *, has_used_trial: bool = False, has_paid: bool = False, is_banned: bool = False
) -> Customer:
    return Customer(
        CustomerId(1),
        Language.RU,
        "ABCDEFGH",
        NOW,
        has_used_trial=has_used_trial,
        has_paid=has_paid,
        is_banned=is_banned,
    )


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ru", Language.RU),
        ("uk", Language.RU),
        ("en-US", Language.EN),
        ("de", Language.EN),
        (None, Language.EN),
        ("", Language.EN),
    ],
)
def test_language_picked_from_telegram(code: str | None, expected: Language) -> None:
    assert Language.from_telegram(code, default=Language.EN) is expected


def test_referral_code_alphabet_avoids_lookalikes() -> None:
    codes = {new_referral_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 8 and set(c) <= set(REFERRAL_CODE_ALPHABET) for c in codes)
    assert not set("01IO") & set(REFERRAL_CODE_ALPHABET)


def test_trial_only_for_customers_who_never_had_trial_or_paid() -> None:
    assert customer().may_start_trial
    assert not customer(has_used_trial=True).may_start_trial
    assert not customer(has_paid=True).may_start_trial
    assert not customer(is_banned=True).may_start_trial
    assert customer().mark_trial_used().reset_trial().may_start_trial
    assert not customer().mark_paid().may_start_trial


def test_customer_cannot_refer_themselves() -> None:
    assert not customer().can_be_referred_by(CustomerId(1))
    assert customer().can_be_referred_by(CustomerId(2))


def test_customer_ban_unban_terms_and_language() -> None:
    assert customer().ban().is_banned
    assert not customer().ban().unban().is_banned
    accepted = customer().accept_terms(NOW)
    assert accepted.accepted_terms
    assert accepted.accept_terms(datetime(2030, 1, 1, tzinfo=UTC)).terms_accepted_at == NOW
    assert customer().with_language(Language.EN).language is Language.EN
