"""A loopback file server with HTTP Range support and switches for broken transfers.

``files`` maps a path to bytes. ``drop_after`` cuts the next transfer after that many bytes (the
connection closes mid-body), ``ignore_range`` answers 200 with the whole file, ``lie_length``
announces a wrong Content-Length. ``range_requests`` records every Range header seen.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes.loopback_http import ServerThread


class RangeFileServer(ServerThread):
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.drop_after: int | None = None
        self.ignore_range = False
        self.range_requests: list[str | None] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                data = owner.files.get(self.path)
                owner.range_requests.append(self.headers.get("Range"))
                if data is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "9")
                    self.end_headers()
                    self.wfile.write(b"not found")
                    return
                start, status = 0, 200
                header = self.headers.get("Range")
                if header and not owner.ignore_range:
                    start = int(header.removeprefix("bytes=").split("-")[0])
                    if start >= len(data):
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{len(data)}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    status = 206
                body = data[start:]
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Accept-Ranges", "bytes")
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                drop, owner.drop_after = owner.drop_after, None
                self.wfile.write(body[:drop] if drop is not None else body)
                if drop is not None:
                    self.wfile.flush()
                    self.close_connection = True

        self.serve(Handler)
