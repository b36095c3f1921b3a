"""A fake Prowlarr v1 API on loopback: system/status, indexer list, search, proxied release files.

Search filters by every query word, by ``categories`` and by ``indexerIds`` (repeated parameters,
as Prowlarr takes them). ``/{id}/download?link=magnetN`` redirects to a magnet link, other links
return .torrent bytes. A wrong ``X-Api-Key`` answers 401 like Prowlarr.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from tests.fakes.indexer_payloads import FakeRelease, prowlarr_result
from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

API_KEY = "prowlarr-test-key"
TORRENT_BYTES = b"d8:announce30:http://tracker.example/announce4:infod4:name4:testee"


@dataclass
class FakeIndexer:
    id: int
    name: str
    releases: list[FakeRelease] = field(default_factory=list)
    protocol: str = "torrent"
    priority: int = 25
    enable: bool = True
    categories: tuple[int, ...] = (3000, 3030, 7000, 7020)
    query_limit: int | None = None  # Prowlarr's per-indexer "Query Limit" (per day)


class ProwlarrServer(LoopbackServer):
    def __init__(self, indexers: list[FakeIndexer] | None = None) -> None:
        super().__init__()
        self.indexers = list(indexers or [])
        self.api_key = API_KEY

    def _json(self, data: object, status: int = 200) -> Reply:
        return Reply(status, json.dumps(data).encode(), "application/json")

    def route(self, request: FakeRequest) -> Reply:
        key = request.headers.get("x-api-key") or request.query.get("apikey")
        if key != self.api_key:
            return self._json({"message": "Unauthorized"}, 401)
        path = request.path.rstrip("/")
        if path == "/api/v1/system/status":
            return self._json({"appName": "Prowlarr", "version": "1.24.3.4754", "isDocker": False})
        if path == "/api/v1/indexer":
            return self._json([self._indexer_json(i) for i in self.indexers])
        if path == "/api/v1/search":
            return self._json(self._search(parse_qs(request.raw_query)))
        if path.endswith("/download"):
            link = request.query.get("link", "")
            if link.startswith("magnet"):
                return Reply(301, b"", "text/plain", {"Location": f"magnet:?xt=urn:btih:{'a' * 40}&dn=test"})
            return Reply(200, TORRENT_BYTES, "application/x-bittorrent")
        return self._json({"message": "NotFound"}, 404)

    def _indexer_json(self, indexer: FakeIndexer) -> dict[str, object]:
        return {
            "id": indexer.id,
            "name": indexer.name,
            "protocol": indexer.protocol,
            "enable": indexer.enable,
            "priority": indexer.priority,
            "privacy": "private",
            "fields": [
                {"name": "baseSettings.queryLimit", "value": indexer.query_limit},
                {"name": "baseSettings.grabLimit", "value": None},
                {"name": "baseSettings.limitsUnit", "value": 0},
            ],
            "capabilities": {
                "categories": [{"id": c, "name": f"Cat {c}", "subCategories": []} for c in indexer.categories]
            },
        }

    def _search(self, params: dict[str, list[str]]) -> list[dict[str, object]]:
        words = " ".join(params.get("query", [""])).lower().split()
        categories = {int(c) for c in params.get("categories", [])}
        ids = {int(i) for i in params.get("indexerIds", [])}
        results = []
        for indexer in self.indexers:
            if ids and indexer.id not in ids:
                continue
            for index, release in enumerate(indexer.releases):
                if not all(w in release.title.lower() for w in words):
                    continue
                if categories and not set(release.categories) & categories:
                    continue
                results.append(
                    prowlarr_result(release, index, indexer.id, indexer.name, indexer.protocol, self.url)
                )
        return results

    def searches(self) -> list[dict[str, list[str]]]:
        return [parse_qs(r.raw_query) for r in self.requests if r.path.rstrip("/") == "/api/v1/search"]
