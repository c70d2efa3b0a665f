"""A plan as the editor shows it, and the parser of the operator's price list."""

from __future__ import annotations

from shop_domain.errors import InvalidPlanError
from shop_domain.model.money import Money
from shop_domain.model.plans import DurationOption, Plan
from shop_entrypoints.telegram.formatting import format_money, format_traffic
from shop_entrypoints.telegram.texts import Texts

MAX_DURATIONS = 12


def plan_text(texts: Texts, lang: str, plan: Plan) -> str:
    durations = [
        texts.get(
            lang,
            "adm-plan-duration",
            days=option.days,
            prices=" · ".join(format_money(p) for _, p in sorted(option.prices.items())) or "—",
        )
        for option in plan.durations
    ]
    limits = plan.limits
    return texts.get(
        lang,
        "adm-plan",
        name=plan.name,
        id=plan.id,
        visibility=texts.get(lang, f"adm-visibility-{plan.visibility.value}"),
        traffic=format_traffic(limits.traffic_limit_bytes) if limits.traffic_limit_bytes else "∞",
        devices=str(limits.device_limit) if limits.device_limit else "∞",
        squads=str(len(limits.internal_squads)),
        durations="\n".join(durations) or texts.get(lang, "adm-plan-no-durations"),
    )


def parse_durations(text: str) -> list[DurationOption]:
    """One duration a line: `30 RUB 199 XTR 150` (days, then currency and price pairs)."""
    lines = [line.split() for line in text.splitlines() if line.strip()]
    if not 0 < len(lines) <= MAX_DURATIONS:
        raise InvalidPlanError(f"send 1-{MAX_DURATIONS} lines")
    return [_duration(words) for words in lines]


def _duration(words: list[str]) -> DurationOption:
    days, pairs = words[0], words[1:]
    if not days.isdigit() or not pairs or len(pairs) % 2:
        raise InvalidPlanError("a line is: days, then currency and price pairs")
    prices: dict[str, Money] = {}
    for currency, amount in zip(pairs[::2], pairs[1::2], strict=True):
        code = currency.upper()
        if code in prices:
            raise InvalidPlanError(f"{code} is listed twice")
        prices[code] = Money.of(amount.replace(",", "."), code)
    return DurationOption(int(days), prices)
