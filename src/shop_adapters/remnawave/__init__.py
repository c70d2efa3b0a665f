"""The Remnawave panel adapter: `RemnawavePanel` implements the `VpnPanel` port on httpx."""

from shop_adapters.remnawave.client import build_panel_client, open_panel_client
from shop_adapters.remnawave.config import BreakerPolicy, RemnawaveConfig, RetryPolicy
from shop_adapters.remnawave.panel import RemnawavePanel, open_remnawave_panel

__all__ = [
    "BreakerPolicy",
    "RemnawaveConfig",
    "RemnawavePanel",
    "RetryPolicy",
    "build_panel_client",
    "open_panel_client",
    "open_remnawave_panel",
]
