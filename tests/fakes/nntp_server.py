"""A news server that has no articles: NZBGet connects, asks, and gets "430 no such article".

Enough NNTP for a download to fail fast and for real (health check), not a protocol implementation.
"""

from __future__ import annotations

import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.wfile.write(b"200 rmab test news server ready\r\n")
        for raw in self.rfile:
            command = raw.decode("latin-1").strip().split(" ", 1)
            verb = command[0].upper()
            if verb == "QUIT":
                self.wfile.write(b"205 bye\r\n")
                return
            if verb == "AUTHINFO":
                reply = b"381 more\r\n" if command[-1].upper().startswith("USER") else b"281 ok\r\n"
            elif verb == "GROUP":
                reply = f"211 0 0 0 {command[-1]}\r\n".encode()
            elif verb in ("ARTICLE", "BODY", "HEAD", "STAT"):
                reply = b"430 no such article\r\n"
            elif verb == "MODE":
                reply = b"200 reader\r\n"
            else:
                reply = b"500 unknown command\r\n"
            self.wfile.write(reply)


class EmptyNewsServer:
    def __init__(self) -> None:
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def start(self) -> EmptyNewsServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
