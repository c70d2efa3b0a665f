import httpx
import pytest

from shop_adapters.payments.http import ProviderHttp, open_http_client
from shop_domain.errors import PaymentProviderError


def _client(statuses: list[int], seen: list[httpx.Request]) -> httpx.AsyncClient:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(statuses.pop(0) if statuses else 200, json={"ok": True})

    return httpx.AsyncClient(transport=httpx.MockTransport(answer))


async def test_idempotent_calls_are_retried_on_5xx_and_429() -> None:
    seen: list[httpx.Request] = []
    async with _client([503, 429], seen) as client:
        http = ProviderHttp(client, "demo", backoff_seconds=0.001)
        response = await http.send("GET", "https://pay.test/x", idempotent=True)

    assert response.status_code == 200
    assert len(seen) == 3


async def test_other_calls_are_not_retried() -> None:
    seen: list[httpx.Request] = []
    async with _client([500], seen) as client:
        http = ProviderHttp(client, "demo", backoff_seconds=0.001)
        with pytest.raises(PaymentProviderError, match="HTTP 500"):
            await http.send("POST", "https://pay.test/x", idempotent=False)

    assert len(seen) == 1


async def test_4xx_is_returned_for_the_provider_to_read() -> None:
    seen: list[httpx.Request] = []
    async with _client([400], seen) as client:
        response = await ProviderHttp(client, "demo").send("GET", "https://x/y", idempotent=True)

    assert response.status_code == 400


async def test_transport_errors_give_up_after_the_attempts() -> None:
    calls = 0

    def refuse(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ReadTimeout("slow", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as client:
        http = ProviderHttp(client, "demo", attempts=2, backoff_seconds=0.001)
        with pytest.raises(PaymentProviderError, match="ReadTimeout"):
            await http.send("GET", "https://pay.test/x", idempotent=True)

    assert calls == 2


async def test_the_shared_client_is_closed_on_shutdown() -> None:
    resource = open_http_client(timeout_seconds=3)
    client = await anext(resource)
    assert client.timeout.read == 3
    with pytest.raises(StopAsyncIteration):
        await anext(resource)
    assert client.is_closed
