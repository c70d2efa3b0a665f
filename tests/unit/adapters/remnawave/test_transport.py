"""The call pipeline on a scripted transport: retries, Retry-After, breaker, logging."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from structlog.testing import capture_logs

from shop_adapters.remnawave.circuit_breaker import BreakerState, CircuitBreaker
from shop_adapters.remnawave.config import BreakerPolicy, RetryPolicy
from shop_adapters.remnawave.transport import PanelHttp
from shop_domain.errors import VpnPanelError, VpnPanelUnavailableError
from tests.fakes.manual_clock import ManualClock

OK = httpx.Response(200, json={"response": {"fine": True}})


class Script:
    """Answers requests from a list; an exception instance is raised instead."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self._answers: Iterator[httpx.Response | Exception] = iter(answers)
        self.calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        answer = next(self._answers)
        if isinstance(answer, Exception):
            raise answer
        return answer


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _http(
    script: Script, *, attempts: int = 3, threshold: int = 5, clock: ManualClock | None = None
) -> tuple[PanelHttp, Sleeps, CircuitBreaker]:
    client = httpx.AsyncClient(transport=httpx.MockTransport(script), base_url="https://p/api/")
    sleeps = Sleeps()
    breaker = CircuitBreaker(BreakerPolicy(threshold, 30.0), clock or ManualClock())
    policy = RetryPolicy(attempts=attempts, backoff_seconds=0.1, max_retry_after_seconds=10)
    return PanelHttp(client, policy, breaker, sleeps), sleeps, breaker


async def test_an_idempotent_call_is_retried_through_5xx_and_transport_errors() -> None:
    script = Script(httpx.Response(503), httpx.ConnectError("refused"), OK)
    http, sleeps, _ = _http(script)

    assert await http.call("get_user", "GET", "/users/1", idempotent=True) == {"fine": True}
    assert script.calls == 3
    assert len(sleeps) == 2
    assert all(0 < s <= 5.0 for s in sleeps)


async def test_a_non_idempotent_call_is_sent_once() -> None:
    script = Script(httpx.Response(502), OK)
    http, sleeps, _ = _http(script)

    with pytest.raises(VpnPanelUnavailableError):
        await http.call("create_user", "POST", "/users", idempotent=False, json={})
    assert (script.calls, sleeps) == (1, [])


async def test_retry_after_is_honoured() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "7"}), OK)
    http, sleeps, _ = _http(script)

    await http.call("get_user", "GET", "/users/1", idempotent=True)

    assert sleeps == [7.0]


async def test_a_retry_after_beyond_the_cap_gives_up_at_once() -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "600"}), OK)
    http, sleeps, _ = _http(script)

    with pytest.raises(VpnPanelUnavailableError, match="HTTP 429"):
        await http.call("get_user", "GET", "/users/1", idempotent=True)
    assert (script.calls, sleeps) == (1, [])


async def test_a_4xx_is_not_retried_and_counts_as_a_live_panel() -> None:
    body = {"timestamp": "t", "path": "/api/users", "message": "Bad", "errorCode": "A030"}
    script = Script(httpx.Response(503), httpx.Response(400, json=body))
    http, _, breaker = _http(script, attempts=3, threshold=1)

    with pytest.raises(VpnPanelError) as caught:
        await http.call("enable_user", "POST", "/users/1/actions/enable", idempotent=True)

    assert caught.value.panel_code == "A030"
    assert script.calls == 2
    assert breaker.state is BreakerState.CLOSED


async def test_the_breaker_opens_and_then_answers_without_a_request() -> None:
    script = Script(*[httpx.Response(503)] * 4)
    http, _, breaker = _http(script, attempts=2, threshold=2)
    for _ in range(2):
        with pytest.raises(VpnPanelUnavailableError):
            await http.call("get_user", "GET", "/users/1", idempotent=True)

    with pytest.raises(VpnPanelUnavailableError, match="circuit open"):
        await http.call("get_user", "GET", "/users/1", idempotent=True)

    assert breaker.state is BreakerState.OPEN
    assert script.calls == 4  # the third call never left the process


async def test_opening_and_closing_the_circuit_is_logged() -> None:
    clock = ManualClock()
    http, _, _ = _http(Script(httpx.Response(503), OK), attempts=1, threshold=1, clock=clock)

    with capture_logs() as logs:
        with pytest.raises(VpnPanelUnavailableError):
            await http.call("get_user", "GET", "/users/1", idempotent=True)
        clock.advance(30)
        await http.call("get_user", "GET", "/users/1", idempotent=True)

    events = [e["event"] for e in logs if e["event"].startswith("panel_circuit")]
    assert events == ["panel_circuit_opened", "panel_circuit_closed"]
    opened = next(e for e in logs if e["event"] == "panel_circuit_opened")
    assert opened["log_level"] == "error"


async def test_an_empty_2xx_body_is_none_and_a_missing_envelope_is_an_error() -> None:
    http, _, _ = _http(Script(httpx.Response(204), httpx.Response(200, json={"users": []})))

    assert await http.call("delete_user", "DELETE", "/users/1", idempotent=True) is None
    with pytest.raises(VpnPanelError, match="envelope"):
        await http.call("list_users", "GET", "/users", idempotent=True)


async def test_failures_are_logged_with_status_and_timing_but_no_secrets() -> None:
    client = httpx.AsyncClient(
        transport=httpx.MockTransport(Script(httpx.Response(500))),
        base_url="https://p/api/",
        headers={"Authorization": "Bearer very-secret"},
    )
    http = PanelHttp(client, RetryPolicy(attempts=1), CircuitBreaker(BreakerPolicy()))

    with capture_logs() as logs, pytest.raises(VpnPanelUnavailableError):
        await http.call("get_user", "GET", "/users/1", idempotent=True)

    (entry,) = [e for e in logs if e["event"] == "panel_request_failed"]
    assert entry["status_code"] == 500
    assert entry["operation"] == "get_user"
    assert isinstance(entry["elapsed_ms"], int)
    assert "very-secret" not in repr(logs)
