"""The caller's address, trusting X-Forwarded-For only from configured reverse proxies."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from aiohttp import web

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class ClientIpResolver:
    def __init__(self, trusted_proxies: Sequence[str | IpNetwork] = ()) -> None:
        self._trusted = tuple(ipaddress.ip_network(cidr, strict=False) for cidr in trusted_proxies)

    def _is_trusted(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            return False
        return any(ip in network for network in self._trusted)

    def resolve(self, request: web.Request) -> str | None:
        """The right-most address not added by one of our proxies; the TCP peer otherwise."""
        peer = request.remote
        if peer is None or not self._is_trusted(peer):
            return peer
        forwarded = request.headers.get("X-Forwarded-For", "")
        chain = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        for hop in reversed(chain):
            if not self._is_trusted(hop):
                return hop
        return chain[0] if chain else peer
