"""A BitTorrent HTTP tracker on loopback: every client announcing a torrent learns the others.

Real clients find each other through it as they would on the internet. ``add_seed`` registers a
seed up front, so a downloader finds it even before the seed's own first announce.
"""

from __future__ import annotations

import socket
import struct
from collections import defaultdict
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

from tests.fakes.loopback_http import ServerThread


class FakeTracker(ServerThread):
    def __init__(self) -> None:
        self.swarms: dict[bytes, dict[bytes, int]] = defaultdict(dict)
        self.announces = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body = owner.announce(urlsplit(self.path).query)
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.serve(Handler)

    @property
    def announce_url(self) -> str:
        return f"{self.url}/announce"

    def add_seed(self, info_hash_hex: str, port: int) -> None:
        """Announce a seed on its behalf (a daemon's own announce may be slow or retried late)."""
        self.swarms[bytes.fromhex(info_hash_hex)][f"-SEED-{port}".encode()] = port

    def announce(self, query: str) -> bytes:
        fields = {}
        for pair in query.split("&"):
            key, _, value = pair.partition("=")
            fields[key] = unquote_to_bytes(value)
        self.announces += 1
        swarm = self.swarms[fields.get("info_hash", b"")]
        peer_id, port = fields.get("peer_id", b""), int(fields.get("port", b"0") or 0)
        if fields.get("event") == b"stopped":
            swarm.pop(peer_id, None)
        elif port:
            swarm[peer_id] = port
        # Only downloaders learn the others: a seed and a downloader dialing each other at the same
        # moment may both drop the duplicate connection and back off for a long time.
        leeching = fields.get("left", b"1") != b"0"
        peers = b"".join(
            socket.inet_aton("127.0.0.1") + struct.pack(">H", p)
            for pid, p in swarm.items()
            if leeching and pid != peer_id
        )
        # The bencoded announce reply (BEP 3, compact peers of BEP 23), keys in sorted order.
        return b"d8:completei%de10:incompletei0e8:intervali2e12:min intervali1e5:peers%d:%se" % (
            len(swarm),
            len(peers),
            peers,
        )
