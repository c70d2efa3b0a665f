"""Payment gateways: one adapter per provider behind the `PaymentGateway` port.

Shared parts live here and every provider package under `providers/` uses them:

- `registry.py`: `PaymentGatewayRegistry`, the `PaymentGateways` lookup the use cases see.
- `money_codecs.py`: the wire formats of amounts (minor units, decimal strings), exact.
- `inbound.py`: reading a notification (headers, JSON, forms) and turning any parsing
  failure into `NotificationMalformedError`.
- `signatures.py`: constant-time HMAC and digest comparison.
- `ip_allowlist.py`: a fail-closed CIDR allow-list for providers that sign nothing or weakly.
- `http.py`: the shared `httpx.AsyncClient` and `ProviderHttp`, which maps transport errors
  and 5xx answers to `PaymentProviderError` and retries idempotent calls.

docs/payments.md explains how to add a provider.
"""
