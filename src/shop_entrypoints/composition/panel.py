"""The `panel` settings section as the Remnawave adapter's config and webhook parser."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import SecretStr

from shop_adapters.remnawave.config import BreakerPolicy, RemnawaveConfig, RetryPolicy
from shop_adapters.remnawave.webhook_parser import RemnawaveWebhookParser
from shop_entrypoints.settings import PanelSettings


def remnawave_config(section: Mapping[str, Any]) -> RemnawaveConfig:
    panel = PanelSettings.model_validate(dict(section))
    return RemnawaveConfig(
        url=str(panel.url),
        api_token=panel.api_token.get_secret_value(),
        username_prefix=panel.username_prefix,
        api_version=panel.api_version,
        cookie=panel.cookie_pair(),
        api_key=None if panel.api_key is None else panel.api_key.get_secret_value(),
        timeout_seconds=panel.timeout_seconds,
        max_connections=panel.max_connections,
        retry=RetryPolicy(attempts=panel.retry_attempts),
        breaker=BreakerPolicy(panel.breaker_failure_threshold, panel.breaker_cooldown_seconds),
    )


def webhook_parser(secret: SecretStr | None) -> RemnawaveWebhookParser | None:
    """None without a secret: POST /panel/webhook then refuses everything (403)."""
    return None if secret is None else RemnawaveWebhookParser(secret.get_secret_value())
