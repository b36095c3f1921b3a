"""A fake SABnzbd API on loopback with the real reply shapes (strings for numbers, optional BOM).

Tests drive the state: ``advance(nzo_id, percentage)``, ``finish(nzo_id, storage)``, ``fail(...)``.
``old_format`` switches to the 0.6 shape (BOM, extra keys, no time_added/labels).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

API_KEY = "0123456789abcdef0123456789abcdef"


class FakeSabnzbd(LoopbackServer):
    def __init__(self, *, api_key: str = API_KEY, complete_dir: str = "/downloads/complete") -> None:
        super().__init__()
        self.api_key = api_key
        self.complete_dir = complete_dir
        self.old_format = False
        self.queue: list[dict[str, Any]] = []
        self.history: list[dict[str, Any]] = []
        self.added_files: dict[str, bytes] = {}
        self._ids = itertools.count(1)

    # -- state the tests drive ----------------------------------------------------------------
    def _slot(self, nzo_id: str) -> dict[str, Any]:
        return next(s for s in self.queue if s["nzo_id"] == nzo_id)

    def advance(self, nzo_id: str, percentage: int, kbpersec: str = "512.00") -> None:
        slot = self._slot(nzo_id)
        mb = float(slot["mb"])
        slot.update(
            status="Downloading",
            percentage=str(percentage),
            mbleft=f"{mb * (100 - percentage) / 100:.2f}",
            timeleft="0:01:05",
        )
        self.kbpersec = kbpersec

    def _to_history(self, nzo_id: str, status: str, storage: str, fail_message: str = "") -> None:
        slot = self._slot(nzo_id)
        self.queue.remove(slot)
        self.history.insert(
            0,
            {
                "nzo_id": nzo_id,
                "name": slot["filename"],
                "nzb_name": slot["filename"] + ".nzb",
                "category": slot["cat"],
                "status": status,
                "fail_message": fail_message,
                "bytes": int(float(slot["mb"]) * 1024 * 1024),
                "size": f"{slot['mb']} MB",
                "storage": storage,
                "path": storage,
                "completed": 1700000000,
                "download_time": 12,
                "postproc_time": 3,
                "stage_log": [
                    {"name": "Download", "actions": ["Downloaded in 12 seconds at an average of 1 MB/s"]}
                ],
                "duplicate_key": "",
                "meta": None,
            },
        )

    def finish(self, nzo_id: str, storage: str) -> None:
        self._to_history(nzo_id, "Completed", storage)

    def fail(self, nzo_id: str, message: str = "Unpacking failed, archive requires a password") -> None:
        self._to_history(nzo_id, "Failed", "", message)

    kbpersec = "0.00"

    # -- HTTP ---------------------------------------------------------------------------------
    def _json(self, payload: Any) -> Reply:
        body = json.dumps(payload, indent=3).encode()
        return Reply(200, (b"\xef\xbb\xbf" + body) if self.old_format else body)

    def route(self, request: FakeRequest) -> Reply:
        if request.path != "/api":
            return Reply(404, b"Not found", "text/plain")
        mode = request.query.get("mode", "")
        if mode == "version":
            return self._json({"version": "0.6.14" if self.old_format else "4.3.2"})
        if request.query.get("apikey") != self.api_key:
            return Reply(200, b"API Key Incorrect\n", "text/plain")
        handler = getattr(self, f"_mode_{mode}", None)
        if handler is None:
            return self._json({"status": False, "error": "not implemented"})
        return handler(request)

    def _mode_get_config(self, request: FakeRequest) -> Reply:
        return self._json(
            {"config": {"misc": {"complete_dir": self.complete_dir, "download_dir": "/incomplete"}}}
        )

    def _add(self, name: str, cat: str, paused: bool) -> Reply:
        nzo_id = f"SABnzbd_nzo_{next(self._ids):06d}"
        slot = {
            "index": len(self.queue),
            "nzo_id": nzo_id,
            "filename": name,
            "cat": cat or "*",
            "status": "Paused" if paused else "Queued",
            "mb": "100.00",
            "mbleft": "100.00",
            "percentage": "0",
            "priority": "Normal",
            "timeleft": "0:00:00",
            "eta": "unknown",
            "avg_age": "10d",
            "script": "None",
            "size": "100 MB",
            "sizeleft": "100 MB",
            "unpackopts": "3",
            "missing": 0,
        }
        if not self.old_format:
            slot.update(time_added=1700000000, labels=[], direct_unpack=None)
        self.queue.append(slot)
        return self._json({"status": True, "nzo_ids": [nzo_id]})

    def _mode_addfile(self, request: FakeRequest) -> Reply:
        if b"filename=" not in request.body:
            return self._json({"status": False, "error": "No NZB file"})
        name = request.query.get("nzbname") or "upload"
        self.added_files[name] = request.body
        return self._add(name, request.query.get("cat", ""), request.query.get("priority") == "-2")

    def _mode_addurl(self, request: FakeRequest) -> Reply:
        return self._add(
            request.query.get("nzbname") or request.query["name"], request.query.get("cat", ""), False
        )

    def _delete(self, rows: list[dict[str, Any]], request: FakeRequest) -> Reply:
        value = request.query.get("value")
        rows[:] = [r for r in rows if r["nzo_id"] != value]
        self.last_delete = (value, request.query.get("del_files"))
        return self._json({"status": True, "nzo_ids": [value]})

    def _mode_queue(self, request: FakeRequest) -> Reply:
        if request.query.get("name") == "delete":
            return self._delete(self.queue, request)
        queue: dict[str, Any] = {
            "status": "Downloading" if self.queue else "Idle",
            "paused": False,
            "noofslots": len(self.queue),
            "kbpersec": self.kbpersec,
            "mb": f"{sum(float(s['mb']) for s in self.queue):.2f}",
            "mbleft": f"{sum(float(s['mbleft']) for s in self.queue):.2f}",
            "diskspace1": "127.50",
            "timeleft": "0:00:00",
            "slots": self.queue,
        }
        if self.old_format:
            queue.update(
                active_lang="en", color_scheme="lightblue", categories=["*", "audiobooks"], eta="unknown"
            )
        return self._json({"queue": queue})

    def _mode_history(self, request: FakeRequest) -> Reply:
        if request.query.get("name") == "delete":
            return self._delete(self.history, request)
        return self._json(
            {
                "history": {
                    "noofslots": len(self.history),
                    "ppslots": 0,
                    "day_size": "0 B",
                    "total_size": "1.2 GB",
                    "last_history_update": 1,
                    "slots": self.history,
                }
            }
        )
