"""Network faults on 127.0.0.1 for deadline tests: a slow-drip server, a silent one, a refused port.

``SlowDripServer`` answers every request with a complete, valid HTTP response, but sends it one
byte every ``interval`` seconds (status line and headers included), so no read ever times out.
``SilentServer`` accepts connections, reads the request and never answers. ``refused_url()`` is
an address where nothing listens. Each server is a context manager and closes every connection
it holds when it stops.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class _AcceptingServer:
    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._stop = threading.Event()
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self.accepted = 0
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self._connections.append(conn)
                self.accepted += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    @staticmethod
    def _read_request(conn: socket.socket) -> None:
        data = b""
        conn.settimeout(5)
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk

    def _serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def __enter__(self):  # type: ignore[no-untyped-def]
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._listener.close()
        with self._lock:
            for conn in self._connections:
                with contextlib.suppress(OSError):
                    conn.close()


class SlowDripServer(_AcceptingServer):
    """Sends a valid answer (``body``, ``content_type``) one byte every ``interval`` seconds."""

    def __init__(
        self, body: bytes = b'{"ok": true}', content_type: str = "application/json", interval: float = 2.0
    ) -> None:
        super().__init__()
        self.interval = interval
        self.completed = 0  # answers sent in full: a client that obeys a short deadline never sees one
        self.response = (
            b"HTTP/1.1 200 OK\r\n"
            + f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
            + body
        )

    def _serve(self, conn: socket.socket) -> None:
        self._read_request(conn)
        for index in range(len(self.response)):
            if self._stop.wait(self.interval if index else 0):
                return
            try:
                conn.sendall(self.response[index : index + 1])
            except OSError:
                return
        with self._lock:
            self.completed += 1


class SilentServer(_AcceptingServer):
    """Accepts, reads the request, and never answers (until it stops)."""

    def _serve(self, conn: socket.socket) -> None:
        self._read_request(conn)
        self._stop.wait()


def refused_url() -> str:
    """An http address on 127.0.0.1 where nothing listens (the port was just released)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
