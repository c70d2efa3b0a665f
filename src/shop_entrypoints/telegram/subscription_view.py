"""How "my subscription" reads: the status text and the QR code of the link."""

from __future__ import annotations

import io

import segno

from shop_domain.model.customers import Language
from shop_domain.model.subscriptions import Subscription, SubscriptionStatus
from shop_domain.services.core.get_subscription_overview import SubscriptionOverview
from shop_domain.services.core.manage_devices import DeviceList
from shop_entrypoints.telegram.formatting import format_date, format_traffic
from shop_entrypoints.telegram.texts import Texts


def _status_id(overview: SubscriptionOverview, subscription: Subscription) -> str:
    if subscription.status is not SubscriptionStatus.ACTIVE:
        return f"status-{subscription.status.value}"
    if not overview.is_active:
        return "status-expired"
    return "status-trial" if subscription.is_trial else "status-active"


def _details(
    overview: SubscriptionOverview, subscription: Subscription, texts: Texts, lang: Language
) -> list[str]:
    lines: list[str] = []
    limit = subscription.limits.traffic_limit_bytes
    used = overview.used_traffic_bytes
    if used is not None and limit:
        lines.append(
            texts.get(lang, "sub-traffic", used=format_traffic(used), limit=format_traffic(limit))
        )
    elif used is not None:
        lines.append(texts.get(lang, "sub-traffic-unlimited", used=format_traffic(used)))
    elif limit:
        lines.append(texts.get(lang, "sub-traffic-limit", limit=format_traffic(limit)))
    lines.extend(_devices_line(overview, subscription, texts, lang))
    return lines


def _devices_line(
    overview: SubscriptionOverview, subscription: Subscription, texts: Texts, lang: Language
) -> list[str]:
    """`Devices: 2 of 3` when the panel said how many are connected, else the limit alone."""
    limit, connected = subscription.limits.device_limit, overview.connected_devices
    if connected is not None and limit:
        return [texts.get(lang, "sub-devices-connected", count=connected, limit=limit)]
    if connected is not None:
        return [texts.get(lang, "sub-devices-connected-unlimited", count=connected)]
    return [texts.get(lang, "sub-devices", count=limit)] if limit else []


def overview_text(overview: SubscriptionOverview, texts: Texts, lang: Language) -> str:
    """Header, limits, the link, and a note when the panel could not be asked."""
    subscription = overview.subscription
    if subscription is None:
        return texts.get(lang, "sub-none")
    header = texts.get(
        lang,
        "sub-overview",
        status=texts.get(lang, _status_id(overview, subscription)),
        date=format_date(subscription.expires_at, lang),
        days=overview.days_left,
    )
    url = overview.subscription_url
    link = texts.get(lang, "sub-link", url=url) if url else texts.get(lang, "sub-link-pending")
    blocks = [header, "\n".join(_details(overview, subscription, texts, lang)), link]
    if not overview.panel_reachable:
        blocks.append(texts.get(lang, "sub-panel-down"))
    return "\n\n".join(block for block in blocks if block)


def devices_text(devices: DeviceList, texts: Texts, lang: Language) -> str:
    count = len(devices.devices)
    if devices.device_limit:
        title = texts.get(lang, "devices-title", count=count, limit=devices.device_limit)
    else:
        title = texts.get(lang, "devices-title-unlimited", count=count)
    hint = texts.get(lang, "devices-hint" if count else "devices-empty")
    return f"{title}\n\n{hint}"


def qr_png(url: str) -> bytes:
    """The link as a PNG QR code, rendered in memory."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
