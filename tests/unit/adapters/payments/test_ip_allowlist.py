import pytest

from shop_adapters.payments.ip_allowlist import IpAllowList
from shop_domain.errors import NotificationUntrustedError

YOOKASSA = ["185.71.76.0/27", "77.75.156.11", "2a02:5180::/32"]


@pytest.mark.parametrize(
    "peer", ["185.71.76.1", "185.71.76.31", "77.75.156.11", "2a02:5180::1", "::ffff:185.71.76.5"]
)
def test_listed_senders_are_allowed(peer: str) -> None:
    assert IpAllowList(YOOKASSA).allows(peer)


@pytest.mark.parametrize(
    "peer",
    [None, "", "185.71.76.32", "77.75.156.12", "2a02:5181::1", "not-an-ip", "::ffff:1.1.1.1"],
)
def test_everything_else_is_refused(peer: str | None) -> None:
    allow_list = IpAllowList(YOOKASSA)
    assert not allow_list.allows(peer)
    with pytest.raises(NotificationUntrustedError):
        allow_list.require(peer)


def test_an_empty_list_refuses_everyone_and_opting_out_is_explicit() -> None:
    assert not IpAllowList([]).allows("185.71.76.1")
    assert IpAllowList.allow_any().allows("203.0.113.9")
    assert IpAllowList.allow_any().allows("2001:db8::1")


def test_a_malformed_entry_fails_at_start_up() -> None:
    with pytest.raises(ValueError, match="does not appear"):
        IpAllowList(["185.71.76.0/33"])
