"""Prowlarr's v1 API: search (categories per indexer), indexer list, and release files via its proxy.

Prowlarr answers search with a JSON array of release resources. Each may carry a download URL
(Prowlarr's own proxy link), a magnet URL, or both; flags come as strings (``indexerFlags``);
categories as ``{id, name, subCategories}`` objects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from rmab_desktop.clients._http import new_client, normalize_base_url, parse_json, send
from rmab_desktop.clients.fields import dicts, integer, mapping, number, text
from rmab_desktop.clients.torznab import SEARCH_DEADLINE, SEARCH_TIMEOUT, fetch_release_file
from rmab_desktop.domain.errors import AuthenticationError, InvalidResponseError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import DEFAULT_INDEXER_PRIORITY, Protocol, Release

tr = Translator("ServiceErrors")

SERVICE = "Prowlarr"


@dataclass(frozen=True)
class ProwlarrIndexer:
    id: int
    name: str
    protocol: Protocol
    enabled: bool
    priority: int
    categories: tuple[int, ...]
    query_limit: int | None = None  # searches per day the user allows this indexer in Prowlarr


def _daily_query_limit(item: dict[str, Any]) -> int | None:
    """``baseSettings.queryLimit`` of an indexer resource's fields, per day (``limitsUnit`` 1: per hour)."""
    fields = {text(f.get("name")) or "": f.get("value") for f in dicts(item.get("fields"))}
    limit = integer(fields.get("baseSettings.queryLimit"))
    if limit is None or limit <= 0:
        return None
    return limit * 24 if integer(fields.get("baseSettings.limitsUnit")) == 1 else limit


def _protocol(value: Any, download_url: str | None) -> Protocol:
    name = (text(value) or "").lower()
    if name in {"usenet", "torrent"}:
        return name  # type: ignore[return-value]
    url = (download_url or "").lower()
    if url.endswith(".nzb") or "/nzb/" in url or "&t=get" in url or "/getnzb" in url:
        return "usenet"
    return "torrent"


def _category_ids(value: Any) -> tuple[int, ...]:
    ids: list[int] = []
    for entry in value if isinstance(value, list) else []:
        if isinstance(entry, dict):
            cid = integer(entry.get("id"))
            subs = [integer(sub.get("id")) for sub in dicts(entry.get("subCategories"))]
        else:
            cid, subs = integer(entry), []
        for item in [cid, *subs]:
            if item is not None and item not in ids:
                ids.append(item)
    return tuple(ids)


def _flags(item: dict[str, Any]) -> tuple[str, ...]:
    flags: list[str] = []
    for key in ("indexerFlags", "flags", "tags", "labels"):
        values = item.get(key)
        for flag in values if isinstance(values, list) else []:
            name = text(flag)
            if name and not name.isdigit() and name.lower() not in flags:
                flags.append(name.lower())
    down, up = number(item.get("downloadVolumeFactor")), number(item.get("uploadVolumeFactor"))
    if down == 0 and "freeleech" not in flags:
        flags.append("freeleech")
    elif down is not None and down < 1 and "halfleech" not in flags:
        flags.append("halfleech")
    if up is not None and up > 1 and "double_upload" not in flags:
        flags.append("double_upload")
    return tuple(flags)


def _date(value: Any) -> datetime | None:
    raw = text(value)
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


def release_from_json(item: dict[str, Any], priorities: dict[int, int] | None = None) -> Release | None:
    """One Prowlarr release resource; None when it has no title or nothing to download."""
    title = " ".join((text(item.get("title")) or "").split())
    download = text(item.get("downloadUrl"))
    magnet = text(item.get("magnetUrl"))
    if download and download.lower().startswith("magnet:"):
        magnet, download = magnet or download, None
    if not title:
        return None
    indexer_id = integer(item.get("indexerId"))
    guid = text(item.get("guid")) or download or magnet or text(item.get("infoHash"))
    if not guid:
        guid = f"prowlarr:{indexer_id}:{title}:{integer(item.get('size'))}"
    seeders = integer(item.get("seeders"))
    leechers = integer(item.get("leechers"))
    infohash = text(item.get("infoHash"))
    return Release(
        guid=guid,
        title=title,
        indexer=text(item.get("indexer")) or "",
        protocol=_protocol(item.get("protocol"), download),
        size_bytes=integer(item.get("size")) or None,
        seeders=seeders,
        peers=seeders + leechers if seeders is not None and leechers is not None else None,
        grabs=integer(item.get("grabs")),
        download_url=download,
        magnet_url=magnet,
        infohash=infohash.lower() if infohash else None,
        info_url=text(item.get("infoUrl")) or text(item.get("commentUrl")),
        publish_date=_date(item.get("publishDate")),
        categories=_category_ids(item.get("categories")),
        files=integer(item.get("files")),
        flags=_flags(item),
        indexer_priority=(priorities or {}).get(indexer_id or -1, DEFAULT_INDEXER_PRIORITY),
        author=text(item.get("author")),
        book_title=text(item.get("bookTitle")),
        indexer_id=indexer_id,
        extra={
            "sort_title": text(item.get("sortTitle")) or "",
            "file_name": text(item.get("fileName")) or "",
        },
    )


def parse_search_results(data: Any, priorities: dict[int, int] | None = None) -> list[Release]:
    """Releases of a Prowlarr ``/api/v1/search`` answer (already decoded JSON or raw bytes)."""
    if isinstance(data, bytes | str):
        try:
            data = json.loads(data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise InvalidResponseError(
                tr.mark("{service} sent an answer that is not JSON."), service=SERVICE
            ) from exc
    if not isinstance(data, list):
        raise InvalidResponseError(tr.mark("{service} search did not return a list."), service=SERVICE)
    releases = (release_from_json(item, priorities) for item in dicts(data))
    return [release for release in releases if release is not None]


class ProwlarrClient:
    def __init__(self, base_url: str, api_key: str, *, http: httpx.Client | None = None) -> None:
        self.base_url = normalize_base_url(base_url)
        self._http = http or new_client(timeout=SEARCH_TIMEOUT)
        self._headers = {"X-Api-Key": api_key, "Accept": "application/json"}

    def close(self) -> None:
        self._http.close()

    def _get_json(self, path: str, params: Any = None) -> Any:
        try:
            response = send(
                self._http,
                SERVICE,
                "GET",
                f"{self.base_url}/api/v1/{path}",
                seconds=SEARCH_DEADLINE,
                params=params,
                headers=self._headers,
            )
        except AuthenticationError as exc:
            raise AuthenticationError(
                str(exc), service=SERVICE, hint="Copy the API key from Prowlarr > Settings > General."
            ) from exc
        return parse_json(response, SERVICE)

    def status(self) -> dict[str, Any]:
        data = self._get_json("system/status")
        if not isinstance(data, dict) or "version" not in data:
            raise InvalidResponseError(
                tr.mark("This address does not answer like Prowlarr."),
                service=SERVICE,
                hint=tr.mark("Use Prowlarr's address, e.g. http://localhost:9696."),
            )
        return data

    def indexers(self) -> list[ProwlarrIndexer]:
        found = []
        for item in dicts(self._get_json("indexer")):
            iid = integer(item.get("id"))
            if iid is None:
                continue
            caps = mapping(item.get("capabilities"))
            found.append(
                ProwlarrIndexer(
                    id=iid,
                    name=text(item.get("name")) or f"Indexer {iid}",
                    protocol=_protocol(item.get("protocol"), None),
                    enabled=bool(item.get("enable", True)),
                    priority=integer(item.get("priority")) or DEFAULT_INDEXER_PRIORITY,
                    categories=_category_ids(caps.get("categories")),
                    query_limit=_daily_query_limit(item),
                )
            )
        return found

    def search(
        self,
        query: str,
        categories: list[int],
        indexer_ids: list[int] | None = None,
        *,
        limit: int = 100,
        priorities: dict[int, int] | None = None,
    ) -> list[Release]:
        params: list[tuple[str, Any]] = [
            ("query", query),
            ("type", "search"),
            ("limit", limit),
            ("offset", 0),
        ]
        params += [("categories", c) for c in categories]
        params += [("indexerIds", i) for i in indexer_ids or []]
        return parse_search_results(self._get_json("search", params), priorities)

    def fetch_release_file(self, url: str) -> bytes | str:
        """The .torrent/.nzb bytes behind a Prowlarr download link, or the magnet it redirects to."""
        return fetch_release_file(self._http, SERVICE, url, headers=self._headers)
