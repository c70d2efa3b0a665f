"""Faithful in-process fakes of payment providers (contract §12.3).

Each fake is an ASGI app mounted with `httpx.ASGITransport` under the provider's real host,
so the adapter under test sends its real requests; each also builds the provider's webhook
requests (`deliver...`), signed the provider's way, plus forged variants.
"""
