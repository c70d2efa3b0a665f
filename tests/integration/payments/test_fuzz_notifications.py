"""Thousands of hostile requests per adapter: only the two notification errors may come out.

A payment adapter that raises anything else (KeyError, InvalidOperation, UnicodeError...)
would turn a forged request into a 500 and a retry storm, or worse, into a crash of the
webhook handler; one that accepts a request must have produced a well-formed notification.
"""

from __future__ import annotations

import random

import pytest

from shop_domain.errors import NotificationMalformedError, NotificationUntrustedError
from shop_domain.model.money import Money
from shop_domain.ports.payment_gateway import PaymentNotification
from tests.integration.payments.fuzz_inputs import hostile_requests
from tests.integration.payments.harness import GatewayHarness, checkout_request

CASES_PER_ADAPTER = 1200
SEED = 20261118


async def test_hostile_requests_raise_only_notification_errors(harness: GatewayHarness) -> None:
    checkout = await harness.gateway.create_checkout(checkout_request(harness.order()))
    genuine = harness.paid_notification(checkout)
    rng = random.Random(f"{SEED}:{harness.gateway.name}")  # noqa: S311 - reproducible
    outcomes = {"untrusted": 0, "malformed": 0, "accepted": 0}

    for request in hostile_requests(harness, genuine, rng, CASES_PER_ADAPTER):
        try:
            notification = await harness.gateway.parse_notification(request)
        except NotificationMalformedError:
            outcomes["malformed"] += 1
        except NotificationUntrustedError:
            outcomes["untrusted"] += 1
        except Exception as error:  # the point of the test
            pytest.fail(f"{type(error).__name__}: {error} for {request!r}")
        else:
            assert isinstance(notification, PaymentNotification)
            assert notification.amount is None or isinstance(notification.amount, Money)
            outcomes["accepted"] += 1

    assert sum(outcomes.values()) == CASES_PER_ADAPTER
    assert outcomes["malformed"] > CASES_PER_ADAPTER // 4, outcomes  # parsing was reached
    assert outcomes["untrusted"] > 0, outcomes
