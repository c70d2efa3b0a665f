"""A fail-closed CIDR allow-list of notification senders (YooKassa, Robokassa, FreeKassa...).

The peer address must come from the web layer's trusted-proxy resolution (`InboundRequest.
peer_ip`). No address, an unparsable address or an empty list all mean "refused": to turn
the check off an operator must say so with `IpAllowList.allow_any()`, never by leaving a
setting empty.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Final

from shop_domain.errors import NotificationUntrustedError

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
_EVERYWHERE: Final = ("0.0.0.0/0", "::/0")


class IpAllowList:
    def __init__(self, networks: Iterable[str]) -> None:
        """`networks`: CIDRs or single addresses; a malformed entry fails at start-up."""
        self._networks: tuple[IpNetwork, ...] = tuple(
            ipaddress.ip_network(entry.strip(), strict=False) for entry in networks
        )

    @classmethod
    def allow_any(cls) -> IpAllowList:
        """An explicit opt-out, e.g. when the signature alone is trusted."""
        return cls(_EVERYWHERE)

    @property
    def networks(self) -> tuple[IpNetwork, ...]:
        return self._networks

    def allows(self, peer_ip: str | None) -> bool:
        if not peer_ip:
            return False
        try:
            address = ipaddress.ip_address(peer_ip.strip())
        except ValueError:
            return False
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped  # "::ffff:185.59.216.65" from a dual-stack socket
        return any(address in network for network in self._networks)

    def require(self, peer_ip: str | None) -> None:
        """Raise NotificationUntrustedError unless `peer_ip` is listed."""
        if not self.allows(peer_ip):
            raise NotificationUntrustedError(f"sender {peer_ip!r} is not allow-listed")
