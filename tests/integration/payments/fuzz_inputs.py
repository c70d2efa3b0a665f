"""Seeded generators of hostile notification requests, for the fuzz test.

Three families: random bytes with random headers (nothing authentic), authentic requests
whose body is a mutation of a genuine one (parsing is reached), and authentic requests
made of random fields (for form providers, also signed over those fields).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

from shop_domain.ports.payment_gateway import InboundRequest
from tests.integration.payments.harness import GatewayHarness

FIELD_NAMES = [
    "OutSum", "InvId", "SignatureValue", "IsTest", "Shp_payment_id", "Shp_x", "shp_", "EMail",
    "update_id", "update_type", "payload", "amount", "status", "id", "type", "data",
    "livemode", "object", "currency", "", "\u0000", "ключ",
]  # fmt: skip
HEADER_NAMES = [
    "stripe-signature", "crypto-pay-api-signature", "content-type", "x-forwarded-for", "",
]  # fmt: skip
ODD_TEXT = [
    "", "0", "-0", "1e5", "NaN", "Infinity", "1_000", " 100.00", "100.00 ", "100,00", "0x10",
    "99999999999999999999999999", "1.0000000000001", "\u0661\u0660\u0660", "None", "null",
    "true", "\ud800",
    "\x00", "t=,v1=", "t=1,v1=" + "f" * 64, "t=99999999999999999999,v1=aa", "🙂" * 50, "=",
]  # fmt: skip


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(ODD_TEXT)
    alphabet = "0123456789.-+eE abcxyz:=,&%\"'{}[]\u02bc\u200b"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


def random_json(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice([None, True, False, 0, -1, 2**63, 1.5, 1e308, random_text(rng), [], {}])
    if roll < 0.75:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(FIELD_NAMES): random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def mutate_json(value: Any, rng: random.Random) -> Any:
    """Replace, drop or retype one node somewhere in a JSON document."""
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(list(value))
        copy = dict(value)
        if rng.random() < 0.2:
            del copy[key]
        else:
            copy[key] = mutate_json(value[key], rng)
        return copy
    if isinstance(value, list) and value and rng.random() < 0.8:
        index = rng.randrange(len(value))
        return [*value[:index], mutate_json(value[index], rng), *value[index + 1 :]]
    return random_json(rng)


def mutate_bytes(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        spot = rng.randrange(len(data))
        action = rng.randrange(3)
        if action == 0:
            data[spot] = rng.randrange(256)
        elif action == 1:
            del data[spot:]
        else:
            data[spot:spot] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def hostile_requests(
    harness: GatewayHarness, genuine: InboundRequest, rng: random.Random, count: int
) -> Iterator[InboundRequest]:
    try:
        document = json.loads(genuine.body)
    except ValueError:
        document = None
    for number in range(count):
        family = number % 4
        if family == 0:
            headers = {rng.choice(HEADER_NAMES): random_text(rng) for _ in range(rng.randint(0, 3))}
            body = rng.randbytes(rng.randint(0, 200))
            yield InboundRequest(rng.choice(["POST", "GET"]), "/", headers, {}, body, "1.2.3.4")
        elif family == 1 or document is None:
            yield harness.signed(mutate_bytes(genuine.body, rng))
        elif family == 2:
            yield harness.signed(json.dumps(mutate_json(document, rng)).encode())
        else:
            fields = {rng.choice(FIELD_NAMES): random_text(rng) for _ in range(rng.randint(0, 6))}
            yield harness.signed_fields(fields)
