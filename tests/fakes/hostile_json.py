"""A loopback server answering every request with whatever JSON body a test sets (for fuzzing).

Envelopes keep a client talking long enough to reach its parser: qBittorrent's login answers
``Ok.``, Transmission's RPC and NZBGet's JSON-RPC wrap the hostile value in their success
envelope when ``wrap`` is set.
"""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply


class HostileJsonServer(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.body: bytes = b"{}"
        self.wrap = False

    def set_value(self, value: Any, *, wrap: bool = False) -> None:
        self.body = json.dumps(value).encode()
        self.wrap = wrap

    def route(self, request: FakeRequest) -> Reply:
        if request.path.endswith("/auth/login"):
            return Reply(200, b"Ok.", "text/plain")
        if not self.wrap:
            return Reply(200, self.body)
        if request.path.endswith("/jsonrpc"):
            return Reply(200, b'{"version": "1.1", "id": 1, "result": ' + self.body + b"}")
        if request.path.endswith("/transmission/rpc"):
            return Reply(
                200,
                b'{"result": "success", "arguments": ' + self.body + b"}",
                headers={"X-Transmission-Session-Id": "fuzz"},
            )
        return Reply(200, self.body)
