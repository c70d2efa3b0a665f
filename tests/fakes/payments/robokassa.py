"""A fake Robokassa: the payment page (signature check of the redirect URL), OpStateExt XML,
and the ResultURL notification as Robokassa sends it: form fields in old and new spelling,
`OutSum` with six decimals, an upper-case hex signature, `Shp_*` fields, optional `IsTest`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from shop_domain.ports.payment_gateway import InboundRequest
from tests.fakes.payments.asgi import FakeProviderApp, FakeRequest, FakeResponse

HOST = "https://auth.robokassa.ru"
SENDER_IP = "185.59.216.65"
PASSWORD1 = "Pass1-test"
PASSWORD2 = "Pass2-test"
_NS = "http://merchant.roboxchange.com/WebService/"


def digest(algorithm: str, text: str) -> str:
    return hashlib.new(algorithm, text.encode(), usedforsecurity=False).hexdigest()


def _shp(fields: dict[str, str]) -> str:
    shp = sorted((k, v) for k, v in fields.items() if k.lower().startswith("shp_"))
    return "".join(f":{k}={v}" for k, v in shp)


@dataclass
class FakeRobokassa:
    merchant_login: str = "vpn-shop"
    password1: str = PASSWORD1
    password2: str = PASSWORD2
    algorithm: str = "md5"

    def __post_init__(self) -> None:
        self.invoices: dict[int, dict[str, Any]] = {}
        self.app = FakeProviderApp()
        self.app.route("GET", r"/Merchant/WebService/Service\.asmx/OpStateExt", self._op_state)

    # --- the customer opens the payment page ------------------------------------------------
    def open_checkout(self, url: str) -> int:
        """What Robokassa does with the redirect: check the Password #1 signature, open the
        invoice (state 5). Raises AssertionError where Robokassa shows "error 29"."""
        fields = dict(parse_qsl(urlsplit(url).query, keep_blank_values=True))
        base = f"{fields['MerchantLogin']}:{fields['OutSum']}:{fields['InvId']}:{self.password1}"
        expected = digest(self.algorithm, base + _shp(fields))
        assert fields["MerchantLogin"] == self.merchant_login, "unknown shop"
        assert fields["SignatureValue"].lower() == expected, "error 29: bad SignatureValue"
        inv_id = int(fields["InvId"])
        self.invoices.setdefault(inv_id, {"state": 5, "fields": fields})
        return inv_id

    def pay(self, inv_id: int) -> None:
        self.invoices[inv_id]["state"] = 100

    # --- OpStateExt -------------------------------------------------------------------------
    def _op_state(self, request: FakeRequest) -> FakeResponse:
        login, inv_id = request.query.get("MerchantLogin", ""), request.query.get("InvoiceID", "")
        expected = digest(self.algorithm, f"{login}:{inv_id}:{self.password2}")
        if login != self.merchant_login:
            return self._xml(
                "<Result><Code>2</Code><Description>Shop not found</Description></Result>"
            )
        if request.query.get("Signature", "").lower() != expected:
            return self._xml(
                "<Result><Code>1</Code><Description>Invalid signature</Description></Result>"
            )
        invoice = self.invoices.get(int(inv_id)) if inv_id.isdigit() else None
        if invoice is None:
            return self._xml(
                "<Result><Code>3</Code><Description>Invoice not found</Description></Result>"
            )
        out_sum = f"{Decimal(invoice['fields']['OutSum']):.6f}"
        return self._xml(
            "<Result><Code>0</Code></Result>"
            f"<State><Code>{invoice['state']}</Code>"
            "<RequestDate>2026-11-20T10:06:00.000+03:00</RequestDate>"
            "<StateDate>2026-11-20T10:05:00.000+03:00</StateDate></State>"
            "<Info><IncCurrLabel>BankCardPSR</IncCurrLabel>"
            f"<IncSum>{out_sum}</IncSum><IncAccount>553691******1279</IncAccount>"
            "<PaymentMethod><Code>BankCard</Code><Description>Bank card</Description>"
            f"</PaymentMethod><OutCurrLabel>BankCardPSR</OutCurrLabel><OutSum>{out_sum}</OutSum>"
            "<OpKey>E0D6C6A5-0A47-4F3B-9DC8-6E67D5A8B111</OpKey></Info>"
        )

    @staticmethod
    def _xml(inner: str) -> FakeResponse:
        body = (
            f'<?xml version="1.0" encoding="utf-8"?>\n'
            f'<OperationStateResponse xmlns="{_NS}">{inner}</OperationStateResponse>'
        )
        return FakeResponse(200, body.encode(), "text/xml; charset=utf-8")

    # --- ResultURL --------------------------------------------------------------------------
    def result_fields(
        self,
        inv_id: int,
        *,
        out_sum: str | None = None,
        password2: str | None = None,
        is_test: bool = False,
        extra: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """The notification for a paid invoice (pays it); `out_sum` overrides the echoed
        amount *before* signing, `password2` signs with another password (a forgery)."""
        invoice = self.invoices[inv_id]
        invoice["state"] = 100
        paid = out_sum or f"{Decimal(invoice['fields']['OutSum']):.6f}"
        shp = {k: v for k, v in invoice["fields"].items() if k.lower().startswith("shp_")}
        shp |= extra or {}
        base = f"{paid}:{inv_id}:{password2 or self.password2}"
        signature = digest(self.algorithm, base + _shp(shp)).upper()
        fields = {
            "out_summ": paid,
            "OutSum": paid,
            "inv_id": str(inv_id),
            "InvId": str(inv_id),
            "crc": signature,
            "SignatureValue": signature,
            "PaymentMethod": "BankCard",
            "IncSum": paid,
            "IncCurrLabel": "BankCardPSR",
            "EMail": "buyer@example.com",
            "Fee": "3.900000",
            **shp,
        }
        if is_test:
            fields["IsTest"] = "1"
        return fields

    def deliver(
        self, fields: dict[str, str], *, peer_ip: str | None = SENDER_IP, method: str = "POST"
    ) -> InboundRequest:
        if method == "GET":
            return InboundRequest("GET", "/payments/robokassa", {}, fields, b"", peer_ip)
        headers = {"content-type": "application/x-www-form-urlencoded"}
        body = urlencode(fields).encode()
        return InboundRequest("POST", "/payments/robokassa", headers, {}, body, peer_ip)
