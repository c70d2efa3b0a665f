"""A faithful in-process Remnawave panel (3.x and 2.x) for integration tests.

Spec: ../shared/contracts/remnawave-fake-panel.md. Mount `panel.app` with
`httpx.ASGITransport`; drive time, traffic, devices, webhooks and faults from Python.
"""

from tests.fakes.remnawave.asgi import RecordedRequest
from tests.fakes.remnawave.panel import DEFAULT_SECRET, FakePanel
from tests.fakes.remnawave.webhooks import Delivery, sign

__all__ = ["DEFAULT_SECRET", "Delivery", "FakePanel", "RecordedRequest", "sign"]
