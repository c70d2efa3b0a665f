"""AccessLimits <-> the flattened limit columns shared by plans, subscriptions and orders."""

from __future__ import annotations

from typing import Any

from shop_domain.model.plans import AccessLimits, TrafficResetStrategy


def limits_to_columns(limits: AccessLimits) -> dict[str, Any]:
    return {
        "traffic_limit_bytes": limits.traffic_limit_bytes,
        "traffic_reset": limits.traffic_reset.value,
        "device_limit": limits.device_limit,
        "internal_squads": list(limits.internal_squads),
        "external_squad": limits.external_squad,
    }


def limits_from_row(row: Any) -> AccessLimits:
    return AccessLimits(
        traffic_limit_bytes=row.traffic_limit_bytes,
        traffic_reset=TrafficResetStrategy(row.traffic_reset),
        device_limit=row.device_limit,
        internal_squads=tuple(row.internal_squads),
        external_squad=row.external_squad,
    )
