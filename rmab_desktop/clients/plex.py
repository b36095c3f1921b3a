"""Plex Media Server: music-type sections where albums are books and artists are authors.

PMS answers JSON when asked (``Accept: application/json``) but older servers and some proxies send
XML, so both are read into the same plain dicts. Paths of albums are not part of the album list:
they come from the track list (``type=10``), whose parts carry the file names.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import httpx
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from rmab_desktop import APP_NAME, __version__
from rmab_desktop.clients._http import DEFAULT_TIMEOUT, new_client, normalize_base_url, parse_json, send
from rmab_desktop.domain.errors import InvalidResponseError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.logging_setup import REDACTOR

tr = Translator("ServiceErrors")

SERVICE = "Plex"
PLEX_TV_URL = "https://plex.tv"
PLEX_AUTH_APP_URL = "https://app.plex.tv/auth"
MUSIC_SECTION_TYPE = "artist"
ALBUM_TYPE = 9
TRACK_TYPE = 10
PAGE_SIZE = 500
_ASIN_GUID = re.compile(r"(?:audible|audnexus)[^:]*://([A-Z0-9]{10})", re.IGNORECASE)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _element_to_dict(element: Element) -> dict[str, Any]:
    data: dict[str, Any] = dict(element.attrib)
    for child in element:
        data.setdefault(child.tag, []).append(_element_to_dict(child))
    return data


def parse_container(response: httpx.Response) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The MediaContainer's attributes and its children, from a JSON or an XML body."""
    body = response.content.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"<"):
        try:
            root = SafeET.fromstring(body)
        except (SafeET.ParseError, DefusedXmlException) as exc:
            raise InvalidResponseError(
                tr.mark("Plex sent XML the app cannot read."), service=SERVICE
            ) from exc
        if root.tag != "MediaContainer":
            raise InvalidResponseError(tr.mark("Plex sent XML without a MediaContainer."), service=SERVICE)
        return dict(root.attrib), [_element_to_dict(child) for child in root]
    data = parse_json(response, SERVICE)
    container = data.get("MediaContainer") if isinstance(data, dict) else None
    if not isinstance(container, dict):
        raise InvalidResponseError(tr.mark("Plex sent JSON without a MediaContainer."), service=SERVICE)
    children = container.get("Metadata") or container.get("Directory") or []
    if not isinstance(children, list) or not all(isinstance(c, dict) for c in children):
        raise InvalidResponseError(
            tr.mark("Plex sent a MediaContainer with unreadable items."), service=SERVICE
        )
    return container, children


@dataclass(frozen=True)
class PlexSection:
    key: str
    title: str
    type: str
    locations: tuple[str, ...]
    hidden: bool = False

    @property
    def is_music(self) -> bool:
        return self.type == MUSIC_SECTION_TYPE


@dataclass(frozen=True)
class PlexAlbum:
    """An album of a music section: one book. ``author`` is the album's artist."""

    rating_key: str
    title: str
    author: str | None
    year: int | None
    guid: str | None
    studio: str | None
    summary: str | None
    thumb: str | None
    track_count: int | None
    added_at: int | None

    @property
    def asin(self) -> str | None:
        match = _ASIN_GUID.search(self.guid or "")
        return match.group(1).upper() if match else None


@dataclass(frozen=True)
class PlexTrack:
    album_key: str | None
    file: str | None
    size_bytes: int
    duration_ms: int
    container: str | None


def _album(item: dict[str, Any]) -> PlexAlbum:
    return PlexAlbum(
        rating_key=str(item.get("ratingKey") or ""),
        title=str(item.get("title") or "").strip(),
        author=_str(item.get("parentTitle")),
        year=_int(item.get("year")),
        guid=_str(item.get("guid")),
        studio=_str(item.get("studio")),
        summary=_str(item.get("summary")),
        thumb=_str(item.get("thumb")),
        track_count=_int(item.get("leafCount")),
        added_at=_int(item.get("addedAt")),
    )


def _track(item: dict[str, Any]) -> PlexTrack:
    media = (item.get("Media") or [{}])[0]
    part = (media.get("Part") or [{}])[0]
    return PlexTrack(
        album_key=_str(item.get("parentRatingKey")),
        file=_str(part.get("file")),
        size_bytes=_int(part.get("size")) or 0,
        duration_ms=_int(item.get("duration")) or _int(media.get("duration")) or 0,
        container=_str(part.get("container") or media.get("container")),
    )


def _section(item: dict[str, Any]) -> PlexSection:
    locations = tuple(str(loc.get("path")) for loc in item.get("Location") or [] if loc.get("path"))
    return PlexSection(
        key=str(item.get("key") or ""),
        title=str(item.get("title") or ""),
        type=str(item.get("type") or ""),
        locations=locations,
        hidden=str(item.get("hidden") or "0") in ("1", "true", "True"),
    )


class PlexClient:
    """A Plex Media Server reached with an ``X-Plex-Token``."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        client_id: str = "rmab-desktop",
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = new_client(
            base_url=normalize_base_url(base_url),
            headers={
                "X-Plex-Token": token,
                "Accept": "application/json",
                "X-Plex-Product": APP_NAME,
                "X-Plex-Version": __version__,
                "X-Plex-Client-Identifier": client_id,
            },
            timeout=timeout,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PlexClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _get(self, path: str, **params: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        return parse_container(send(self._http, SERVICE, "GET", path, params=params))

    def identity(self) -> dict[str, Any]:
        """``machineIdentifier`` and ``version`` of the server."""
        container, _ = self._get("/identity")
        if not container.get("machineIdentifier"):
            raise InvalidResponseError(
                tr.mark("This address does not answer like a Plex server."), service=SERVICE
            )
        return container

    def sections(self) -> list[PlexSection]:
        _, children = self._get("/library/sections")
        return [_section(child) for child in children if child.get("key")]

    def music_section(self, key: str) -> PlexSection:
        """The section ``key``; refuses any section that is not a music library."""
        for section in self.sections():
            if section.key == str(key):
                if not section.is_music:
                    raise ValidationError(
                        tr.mark("Plex library '{title}' is a {type} library, not a music library."),
                        hint=tr.mark("Audiobooks in Plex live in a Music library; choose that one."),
                        title=section.title,
                        type=section.type,
                    )
                return section
        raise ValidationError(
            tr.mark("Plex has no library with id {key}."),
            hint=tr.mark("Choose a library in Settings."),
            key=key,
        )

    def _paged(self, section_key: str, type_: int, page_size: int) -> Iterator[dict[str, Any]]:
        start = 0
        while True:
            container, children = self._get(
                f"/library/sections/{section_key}/all",
                type=type_,
                **{"X-Plex-Container-Start": start, "X-Plex-Container-Size": page_size},
            )
            yield from children
            start += len(children)
            total = _int(container.get("totalSize"))
            if not children or len(children) < page_size or (total is not None and start >= total):
                return

    def albums(self, section_key: str, page_size: int = PAGE_SIZE) -> Iterator[PlexAlbum]:
        for item in self._paged(section_key, ALBUM_TYPE, page_size):
            if item.get("ratingKey") and str(item.get("type", "album")) == "album":
                yield _album(item)

    def tracks(self, section_key: str, page_size: int = PAGE_SIZE) -> Iterator[PlexTrack]:
        for item in self._paged(section_key, TRACK_TYPE, page_size):
            yield _track(item)

    def image(self, path: str) -> bytes:
        """An image the server hosts (an album's ``thumb``), as bytes."""
        if not path.startswith("/"):
            raise ValidationError(tr.mark("Not a Plex image path."))
        return send(self._http, SERVICE, "GET", path, headers={"Accept": "image/*"}).content

    def refresh(self, section_key: str, path: str | None = None) -> None:
        """Scan the whole section, or only ``path`` as the server sees it (partial scan)."""
        params = {"path": path} if path else {}
        send(self._http, SERVICE, "GET", f"/library/sections/{section_key}/refresh", params=params)

    def empty_trash(self, section_key: str) -> None:
        """Drop the section's entries whose files are gone; no file is touched. (Plex's
        ``DELETE /library/metadata/{key}`` deletes the media files too, so it is never used.)"""
        send(self._http, SERVICE, "PUT", f"/library/sections/{section_key}/emptyTrash")


def _plex_tv_client(
    client_id: str, base_url: str, transport: httpx.BaseTransport | None, token: str | None = None
) -> httpx.Client:
    headers = {
        "Accept": "application/json",
        "X-Plex-Product": APP_NAME,
        "X-Plex-Client-Identifier": client_id,
    }
    if token:
        headers["X-Plex-Token"] = token
    return new_client(base_url=base_url, headers=headers, timeout=DEFAULT_TIMEOUT, transport=transport)


@dataclass(frozen=True)
class PlexPin:
    id: int
    code: str
    auth_token: str | None


class PlexTvPinFlow:
    """plex.tv sign-in: create a PIN, send the user to the auth page, poll until a token appears."""

    def __init__(
        self,
        client_id: str | None = None,
        *,
        base_url: str = PLEX_TV_URL,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.client_id = client_id or str(uuid.uuid4())
        self._http = _plex_tv_client(self.client_id, base_url, transport)

    def close(self) -> None:
        self._http.close()

    def _pin(self, response: httpx.Response) -> PlexPin:
        data = parse_json(response, "plex.tv")
        if not isinstance(data, dict) or not isinstance(data.get("id"), int) or not data.get("code"):
            raise InvalidResponseError(tr.mark("plex.tv sent a PIN the app cannot read."), service="plex.tv")
        return PlexPin(data["id"], str(data["code"]), _str(data.get("authToken")))

    def create_pin(self) -> PlexPin:
        return self._pin(send(self._http, "plex.tv", "POST", "/api/v2/pins", params={"strong": "true"}))

    def auth_url(self, pin: PlexPin) -> str:
        return str(
            httpx.URL(
                PLEX_AUTH_APP_URL,
                params={"clientID": self.client_id, "code": pin.code, "context[device][product]": APP_NAME},
            )
        ).replace("/auth?", "/auth#?")

    def check_pin(self, pin: PlexPin) -> str | None:
        """The token once the user has signed in, else None."""
        return self._pin(send(self._http, "plex.tv", "GET", f"/api/v2/pins/{pin.id}")).auth_token

    def wait_for_token(
        self, pin: PlexPin, sleep: Callable[[float], bool], interval: float = 2.0
    ) -> str | None:
        """Poll until linked; ``sleep(seconds)`` returns True to stop (e.g. ``CancelToken.wait``)."""
        while True:
            token = self.check_pin(pin)
            if token or sleep(interval):
                return token


@dataclass(frozen=True)
class PlexAccount:
    """A plex.tv account (``GET /api/v2/user``) or one profile of its Plex Home."""

    id: int
    uuid: str
    username: str
    title: str
    admin: bool = False  # the Home's administrator
    protected: bool = False  # switching to this profile needs its PIN
    restricted: bool = False  # a managed profile

    @property
    def label(self) -> str:
        return self.title or self.username or str(self.id)


def _account(data: Any, admin_key: str) -> PlexAccount:
    if not isinstance(data, dict) or not isinstance(data.get("id"), int):
        raise InvalidResponseError(tr.mark("plex.tv sent an account the app cannot read."), service="plex.tv")
    return PlexAccount(
        id=data["id"],
        uuid=str(data.get("uuid") or ""),
        username=str(data.get("username") or ""),
        title=str(data.get("title") or data.get("friendlyName") or ""),
        admin=bool(data.get(admin_key)),
        protected=bool(data.get("protected")),
        restricted=bool(data.get("restricted")),
    )


class PlexTvAccount:
    """The signed-in plex.tv account and its Plex Home profiles (JSON API v2)."""

    def __init__(
        self,
        token: str,
        client_id: str,
        *,
        base_url: str = PLEX_TV_URL,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        REDACTOR.register(token)
        self._http = _plex_tv_client(client_id, base_url, transport, token)

    def close(self) -> None:
        self._http.close()

    def user(self) -> PlexAccount:
        return _account(
            parse_json(send(self._http, "plex.tv", "GET", "/api/v2/user"), "plex.tv"), "homeAdmin"
        )

    def home_users(self) -> list[PlexAccount]:
        """The Home's profiles; an account outside any Home has only itself."""
        data = parse_json(send(self._http, "plex.tv", "GET", "/api/v2/home/users"), "plex.tv")
        users = data.get("users") if isinstance(data, dict) else None
        if not isinstance(users, list):
            raise InvalidResponseError(tr.mark("plex.tv sent a Home the app cannot read."), service="plex.tv")
        return [_account(user, "admin") for user in users]

    def switch(self, profile: PlexAccount, pin: str | None) -> PlexAccount:
        """Become ``profile`` (its PIN when protected); plex.tv refuses a wrong PIN (HTTP 403)."""
        params = {"pin": pin} if pin else {}
        response = send(
            self._http, "plex.tv", "POST", f"/api/v2/home/users/{profile.uuid}/switch", params=params
        )
        data = parse_json(response, "plex.tv")
        if isinstance(data, dict) and data.get("authToken"):
            REDACTOR.register(str(data["authToken"]))
        return _account(data, "homeAdmin")
