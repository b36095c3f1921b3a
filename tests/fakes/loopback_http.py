"""A tiny threaded HTTP server on 127.0.0.1:0 with routes, request log and failure switches.

Fake servers subclass it and implement ``route(request) -> Reply``. Switches every fake shares:
``fail_status`` (answer every request with that status), ``garbage`` (a body no parser accepts) and
``delay`` (seconds to wait before answering, for timeouts).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class FakeRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    raw_query: str = ""  # for repeated parameters (categories=1&categories=2)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


class ServerThread:
    """A ThreadingHTTPServer on 127.0.0.1:0 served by a daemon thread; a context manager."""

    def serve(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):  # type: ignore[no-untyped-def]
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


class LoopbackServer(ServerThread):
    def __init__(self) -> None:
        self.requests: list[FakeRequest] = []
        self.fail_status: int | None = None
        self.garbage = False
        self.delay = 0.0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                request = FakeRequest(
                    self.command,
                    parts.path,
                    {k: v[-1] for k, v in parse_qs(parts.query, keep_blank_values=True).items()},
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                    parts.query,
                )
                owner.requests.append(request)
                reply = owner._dispatch(request)
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(len(reply.body)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(reply.body)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        self.serve(Handler)

    def reset(self) -> None:
        self.requests.clear()
        self.fail_status, self.garbage, self.delay = None, False, 0.0

    def _dispatch(self, request: FakeRequest) -> Reply:
        if self.delay:
            time.sleep(self.delay)
        if self.fail_status is not None:
            return Reply(self.fail_status, b"error", "text/plain")
        if self.garbage:
            return Reply(200, b"\x00\xff<<not json nor xml", "application/json")
        return self.route(request)

    def route(self, request: FakeRequest) -> Reply:
        raise NotImplementedError
