"""Torznab and Newznab: one parser for both feed dialects, their caps documents and error documents.

The XML is parsed with defusedxml (no entity expansion, no external entities). Real feeds vary a
lot: a BOM before the declaration, no channel header, sizes as ``<size>``, ``torznab:attr size``
or only the enclosure length (which can be the size of the .torrent file), magnet links in
``<link>``, placeholder values such as "(removed)", repeated categories, and HTTP 200 answers whose
body is ``<error code="100" description="Incorrect user credentials"/>``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from xml.etree.ElementTree import Element

import httpx
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from rmab_desktop.clients._http import new_client, normalize_base_url, send
from rmab_desktop.clients.deadline import CONNECT_TIMEOUT
from rmab_desktop.clients.fields import integer, number, quote
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    NotFoundError,
    RateLimitedError,
    ServiceError,
)
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import DEFAULT_INDEXER_PRIORITY, Protocol, Release

tr = Translator("ServiceErrors")

TORZNAB_NS = "http://torznab.com/schemas/2015/feed"
NEWZNAB_NS = "http://www.newznab.com/DTD/2010/feeds/attributes/"
SEARCH_TIMEOUT = httpx.Timeout(60.0, connect=CONNECT_TIMEOUT)  # some trackers take ~30 s to answer
SEARCH_DEADLINE = 90.0  # one search request, answer read in full
_HASH = re.compile(r"^(?:[0-9a-fA-F]{40}|[A-Za-z2-7]{32})$")
_MAGNET_HASH = re.compile(r"xt=urn:btih:([0-9a-zA-Z]+)", re.IGNORECASE)
_REDIRECTS = {301, 302, 303, 307, 308}
_AUTH_CODES = {100, 101, 102}
_LIMIT_CODES = {429, 500, 501}


@dataclass(frozen=True)
class CapsCategory:
    id: int
    name: str
    subcategories: tuple[CapsCategory, ...] = ()


@dataclass(frozen=True)
class IndexerCaps:
    """What a Torznab/Newznab server says it can do (``t=caps``)."""

    server_title: str = ""
    max_limit: int | None = None
    default_limit: int | None = None
    searches: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "search" -> ("q", ...)
    categories: tuple[CapsCategory, ...] = ()

    def category_ids(self) -> set[int]:
        ids: set[int] = set()
        for category in self.categories:
            ids.add(category.id)
            ids.update(sub.id for sub in category.subcategories)
        return ids

    def audiobook_categories(self) -> list[int]:
        """3030 and its language variants (3130, 3230 ...) when offered, else 3030."""
        found = sorted(cid for cid in self.category_ids() if cid % 100 == 30 and 3000 <= cid < 4000)
        return found or [3030]


# -- document level --------------------------------------------------------------------------------
def _root(data: bytes | str, service: str) -> Element:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    raw = raw.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    if not raw:
        raise InvalidResponseError(tr.mark("{service} sent an empty answer."), service=service)
    try:
        root = SafeET.fromstring(raw)
    except DefusedXmlException as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent XML with forbidden constructs."), service=service
        ) from exc
    except SafeET.ParseError as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent an answer that is not XML."),
            service=service,
            hint=tr.mark("Check that the address is a Torznab/Newznab API URL (it usually ends in /api)."),
        ) from exc
    if _local(root.tag) == "error":
        raise error_from_document(root, service)
    return root


def error_from_document(root: Element, service: str) -> ServiceError:
    """The typed error of a Newznab/Torznab ``<error code description/>`` document."""
    code = integer(root.get("code"))
    description = (root.get("description") or "unknown error").strip()
    message = f"{service} answered with an error: {quote(description)} (code {code})."
    if code in _AUTH_CODES:
        return AuthenticationError(
            message, service=service, hint="Check the API key of this indexer in Settings > Indexers."
        )
    if code in _LIMIT_CODES or "limit" in description.lower():
        return RateLimitedError(message, service=service)
    return ServiceError(message, service=service, hint="Check the indexer settings and try again.")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(item: Element, name: str) -> str | None:
    for child in item:
        if _local(child.tag) == name:
            value = (child.text or "").strip()
            return value or None
    return None


def _children_text(item: Element, name: str) -> list[str]:
    return [(c.text or "").strip() for c in item if _local(c.tag) == name and (c.text or "").strip()]


def _attrs(item: Element) -> dict[str, list[str]]:
    attrs: dict[str, list[str]] = {}
    for child in item:
        if _local(child.tag) == "attr":
            name = (child.get("name") or "").strip().lower()
            value = (child.get("value") or "").strip()
            if name and value:
                attrs.setdefault(name, []).append(value)
    return attrs


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None


def _placeholder(value: str | None) -> str | None:
    if not value or value.startswith("(") or value.lower() in {"none", "null", "n/a"}:
        return None
    return value


# -- feeds -----------------------------------------------------------------------------------------
def parse_feed(
    data: bytes | str,
    *,
    indexer: str = "",
    indexer_id: int | None = None,
    indexer_priority: int = DEFAULT_INDEXER_PRIORITY,
    protocol: Protocol | None = None,
    service: str = "Indexer",
) -> list[Release]:
    """Every usable item of a Torznab/Newznab RSS answer; items without a title are skipped."""
    root = _root(data, service)
    if _local(root.tag) not in {"rss", "channel", "feed"}:
        raise InvalidResponseError(tr.mark("{service} sent XML that is not a search feed."), service=service)
    namespaces = {value for value in _namespaces(root)}
    default_protocol: Protocol = protocol or (
        "usenet" if NEWZNAB_NS in namespaces and TORZNAB_NS not in namespaces else "torrent"
    )
    releases = []
    for item in root.iter():
        if _local(item.tag) != "item":
            continue
        release = _release(item, indexer, indexer_id, indexer_priority, default_protocol, protocol)
        if release is not None:
            releases.append(release)
    return releases


@dataclass(frozen=True)
class ApiLimits:
    """What a Newznab indexer reports in ``<newznab:apilimits>``: use in its current window."""

    api_current: int | None = None
    api_max: int | None = None
    grab_current: int | None = None
    grab_max: int | None = None


def parse_api_limits(data: bytes | str, *, service: str = "Indexer") -> ApiLimits | None:
    """The feed's ``apilimits`` element (Newznab servers such as nZEDb add it), or None."""
    root = _root(data, service)
    for element in root.iter():
        if _local(element.tag) == "apilimits":
            return ApiLimits(
                integer(element.get("apiCurrent")),
                integer(element.get("apiMax")),
                integer(element.get("grabCurrent")),
                integer(element.get("grabMax")),
            )
    return None


def _namespaces(root: Element) -> set[str]:
    found = set()
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.startswith("{"):
            found.add(tag[1:].split("}", 1)[0])
    return found


def _release(
    item: Element,
    indexer: str,
    indexer_id: int | None,
    priority: int,
    default_protocol: Protocol,
    forced: Protocol | None,
) -> Release | None:
    title = " ".join((_child_text(item, "title") or "").split())
    if not title:
        return None
    attrs = _attrs(item)

    def attr(name: str) -> str | None:
        values = attrs.get(name)
        return _placeholder(values[0]) if values else None

    enclosure = next((c for c in item if _local(c.tag) == "enclosure"), None)
    enclosure_url = (enclosure.get("url") or "").strip() if enclosure is not None else ""
    enclosure_type = (enclosure.get("type") or "").lower() if enclosure is not None else ""
    link = _child_text(item, "link") or ""
    candidates = [u for u in (enclosure_url, link) if u]
    magnet = attr("magneturl") or next((u for u in candidates if u.lower().startswith("magnet:")), None)
    download = next((u for u in candidates if not u.lower().startswith("magnet:")), None)

    protocol: Protocol = forced or default_protocol
    if forced is None and ("nzb" in enclosure_type or (download or "").lower().endswith(".nzb")):
        protocol = "usenet"
    elif forced is None and (magnet or attr("seeders") or attr("infohash")):
        protocol = "torrent"

    infohash = attr("infohash")
    if infohash and not _HASH.match(infohash):
        infohash = None
    if infohash is None and magnet:
        found = _MAGNET_HASH.search(magnet)
        infohash = found.group(1) if found and _HASH.match(found.group(1)) else None

    size = integer(attr("size")) or integer(_child_text(item, "size"))
    if size is None and enclosure is not None:
        length = integer(enclosure.get("length"))
        size = length if length and length > 1_000_000 else None

    seeders = integer(attr("seeders"))
    leechers = integer(attr("leechers"))
    peers = integer(attr("peers"))
    if peers is None and seeders is not None and leechers is not None:
        peers = seeders + leechers

    categories: list[int] = []
    for value in attrs.get("category", []) + _children_text(item, "category"):
        number_ = integer(value) if value.isdigit() else None
        if number_ is not None and number_ not in categories:
            categories.append(number_)

    guid = _child_text(item, "guid") or attr("guid") or download or magnet or infohash
    if not guid:
        guid = "sha1:" + hashlib.sha1(f"{indexer}|{title}|{size}".encode()).hexdigest()
    comments = _child_text(item, "comments")
    info_url = comments if comments and comments.startswith("http") else None
    if info_url is None and guid.startswith("http"):
        info_url = guid

    seed_seconds = integer(attr("minimumseedtime"))
    extra = {
        key: value
        for key, value in {
            "description": _child_text(item, "description"),
            "format": attr("format") or attr("filetype"),
            "language": attr("language"),
            "coverurl": attr("coverurl"),
            "year": attr("year"),
        }.items()
        if value
    }
    return Release(
        guid=guid,
        title=title,
        indexer=indexer or _child_text(item, "jackettindexer") or _child_text(item, "prowlarrindexer") or "",
        protocol=protocol,
        size_bytes=size if size and size > 0 else None,
        seeders=seeders,
        peers=peers,
        grabs=integer(attr("grabs")) if attr("grabs") else integer(_child_text(item, "grabs")),
        download_url=download,
        magnet_url=magnet,
        infohash=infohash.lower() if infohash and len(infohash) == 40 else infohash,
        info_url=info_url,
        publish_date=_date(_child_text(item, "pubdate")) or _date(attr("usenetdate")),
        categories=tuple(categories),
        files=integer(attr("files")) if attr("files") else integer(_child_text(item, "files")),
        flags=_flags(attrs, attr),
        indexer_priority=priority,
        author=attr("author") or attr("artist"),
        book_title=attr("booktitle") or attr("book"),
        indexer_id=indexer_id,
        minimum_ratio=number(attr("minimumratio")),
        minimum_seed_minutes=seed_seconds // 60 if seed_seconds is not None else None,
        extra=extra,
    )


def _flags(attrs: dict[str, list[str]], attr: Any) -> tuple[str, ...]:
    flags: list[str] = []
    down = number(attr("downloadvolumefactor"))
    up = number(attr("uploadvolumefactor"))
    if down is not None and down == 0:
        flags.append("freeleech")
    elif down is not None and down < 1:
        flags.append("halfleech")
    if up is not None and up > 1:
        flags.append("double_upload")
    for tag in attrs.get("tag", []) + attrs.get("flags", []):
        name = tag.strip().lower()
        if name and name not in flags:
            flags.append(name)
    return tuple(flags)


# -- caps ------------------------------------------------------------------------------------------
def parse_caps(data: bytes | str, *, service: str = "Indexer") -> IndexerCaps:
    root = _root(data, service)
    if _local(root.tag) != "caps":
        raise InvalidResponseError(
            tr.mark("{service} sent XML that is not a caps document."), service=service
        )
    server_title = ""
    max_limit = default_limit = None
    searches: dict[str, tuple[str, ...]] = {}
    categories: list[CapsCategory] = []
    for child in root:
        name = _local(child.tag)
        if name == "server":
            server_title = child.get("title") or ""
        elif name == "limits":
            max_limit, default_limit = integer(child.get("max")), integer(child.get("default"))
        elif name == "searching":
            for search in child:
                if (search.get("available") or "").lower() == "yes":
                    params = (search.get("supportedParams") or search.get("supportedparams") or "q").split(
                        ","
                    )
                    searches[_local(search.tag)] = tuple(p.strip() for p in params if p.strip())
        elif name == "categories":
            categories.extend(_caps_category(cat) for cat in child if _local(cat.tag) == "category")
    return IndexerCaps(
        server_title=server_title,
        max_limit=max_limit,
        default_limit=default_limit,
        searches=searches,
        categories=tuple(c for c in categories if c.id >= 0),
    )


def _caps_category(element: Element) -> CapsCategory:
    subs = tuple(
        CapsCategory(integer(sub.get("id")) or -1, sub.get("name") or "")
        for sub in element
        if _local(sub.tag) == "subcat"
    )
    return CapsCategory(integer(element.get("id")) or -1, element.get("name") or "", subs)


# -- HTTP client -----------------------------------------------------------------------------------
def api_url(base_url: str) -> str:
    """``…/api`` for a Torznab/Newznab base address (Jackett, Prowlarr per-indexer, NZB sites)."""
    url = normalize_base_url(base_url)
    return url if url.lower().endswith("/api") else url + "/api"


class TorznabClient:
    """Search one Torznab (torrent) or Newznab (usenet) endpoint; the API key is never logged."""

    def __init__(
        self,
        base_url: str,
        api_key: str | None,
        *,
        name: str = "Indexer",
        protocol: Protocol = "torrent",
        priority: int = DEFAULT_INDEXER_PRIORITY,
        indexer_id: int | None = None,
        http: httpx.Client | None = None,
    ) -> None:
        self.url = api_url(base_url)
        self.api_key = api_key or ""
        self.name = name
        self.protocol = protocol
        self.priority = priority
        self.indexer_id = indexer_id
        self._http = http or new_client(timeout=SEARCH_TIMEOUT, follow_redirects=True)
        self.last_limits: ApiLimits | None = None  # from the last search's feed

    def close(self) -> None:
        self._http.close()

    def _get(self, params: dict[str, Any]) -> bytes:
        if self.api_key:
            params = {**params, "apikey": self.api_key}
        try:
            return send(
                self._http, self.name, "GET", self.url, seconds=SEARCH_DEADLINE, params=params
            ).content
        except NotFoundError as exc:
            raise InvalidResponseError(
                tr.mark("{service}: there is no Torznab/Newznab API at this address (HTTP 404)."),
                service=self.name,
                hint=tr.mark("Copy the feed URL from Jackett or Prowlarr (it ends in /api or /torznab/)."),
            ) from exc

    def caps(self) -> IndexerCaps:
        return parse_caps(self._get({"t": "caps"}), service=self.name)

    def search(
        self, query: str, categories: list[int] | None = None, *, limit: int = 100, mode: str = "search"
    ) -> list[Release]:
        return self._feed({"t": mode, "q": query, "limit": limit, "extended": 1}, categories)

    def recent(self, categories: list[int] | None = None, *, limit: int = 100) -> list[Release]:
        """The indexer's RSS feed: its newest items (a search without ``q``)."""
        return self._feed({"t": "search", "limit": limit, "extended": 1}, categories)

    def _feed(self, params: dict[str, Any], categories: list[int] | None) -> list[Release]:
        if categories:
            params["cat"] = ",".join(str(c) for c in categories)
        body = self._get(params)
        self.last_limits = parse_api_limits(body, service=self.name)
        return parse_feed(
            body,
            indexer=self.name,
            indexer_id=self.indexer_id,
            indexer_priority=self.priority,
            protocol=self.protocol,
            service=self.name,
        )


def fetch_release_file(
    http: httpx.Client, service: str, url: str, *, headers: dict[str, str] | None = None
) -> bytes | str:
    """The .torrent/.nzb bytes behind a download link, or the magnet link it redirects to."""
    for _ in range(5):
        response = send(http, service, "GET", url, headers=headers, follow_redirects=False)
        if response.status_code not in _REDIRECTS:
            body = response.content
            if not body:
                raise InvalidResponseError(tr.mark("{service} sent an empty release file."), service=service)
            if body.lstrip()[:1] == b"<" and b"<error" in body[:300]:
                raise error_from_document(_error_root(body, service), service)
            return body
        location: str = response.headers.get("location", "")
        if location.lower().startswith("magnet:"):
            return location
        url = str(response.request.url.join(location))
    raise InvalidResponseError(tr.mark("{service} redirected too many times."), service=service)


def _error_root(body: bytes, service: str) -> Element:
    try:
        return SafeET.fromstring(body.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip())
    except (SafeET.ParseError, DefusedXmlException) as exc:
        raise InvalidResponseError(
            tr.mark("{service} sent an error page instead of a file."), service=service
        ) from exc
