"""A local webhook that records what Apprise's json:// and form:// targets post to it.

``fail_next(n, status)`` makes the next n posts fail, to exercise retries; the shared
``LoopbackServer`` switches (``fail_status``, ``delay``) work too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply


def post_fields(request: FakeRequest) -> dict[str, Any]:
    """The posted fields, whether JSON or form encoded."""
    text = request.body.decode("utf-8", "replace")
    if request.headers.get("content-type", "").startswith("application/json"):
        return json.loads(text)
    return {key: values[-1] for key, values in parse_qs(text).items()}


class WebhookReceiver(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.posts: list[FakeRequest] = []
        self._failures: list[int] = []
        self._arrived = threading.Condition()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def hook_url(self, scheme: str = "json", path: str = "/hook") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._arrived:
            self._failures.extend([status] * count)

    def route(self, request: FakeRequest) -> Reply:
        with self._arrived:
            status = self._failures.pop(0) if self._failures else 200
            if status < 400:
                self.posts.append(request)
                self._arrived.notify_all()
        return Reply(status, b"ok" if status < 400 else b"receiver refused", "text/plain")

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The fields of the first ``count`` successful posts (fewer if they did not come)."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self.posts) >= count, timeout)
            return [post_fields(post) for post in self.posts]


@contextmanager
def webhook_receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver
