"""Signed-in Audible: device registration, token refresh, deregistration, library and wishlist.

The ``audible`` package builds the external-browser login (OAuth URL, code verifier, device
serial), holds the credentials (:class:`audible.Authenticator`, stored with ``to_dict``) and
builds the access-token header. The package posts to fixed ``https://api.amazon.<tld>`` hosts, so
the few HTTP calls go through this adapter instead, with both hosts configurable (a proxy, or the
local stand-in the tests use). Request bodies follow the package's own registration and refresh.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import httpx

from rmab_desktop.clients._http import DEFAULT_DEADLINE, fetch, new_client, parse_json
from rmab_desktop.clients.audible import tld_for
from rmab_desktop.clients.fields import dicts, flag, integer, mapping, number, text, timestamp
from rmab_desktop.domain.audible_library import AudibleTitle
from rmab_desktop.domain.errors import AuthenticationError, InvalidResponseError, ServiceError
from rmab_desktop.domain.i18n import Translator

tr = Translator("ServiceErrors")

if TYPE_CHECKING:  # the package (about 0.5 s to import) loads when a sign-in or sync runs
    from audible import Authenticator
    from audible.localization import Locale

log = logging.getLogger(__name__)

SERVICE = "Audible"
DEVICE_TYPE = "A2CZJZGLK2JJVM"  # the iPhone app the package registers as
LIBRARY_RESPONSE_GROUPS = (
    "contributors,media,product_attrs,product_desc,series,rating,is_finished,percent_complete,"
    "provided_review,listening_status"
)
WISHLIST_RESPONSE_GROUPS = "contributors,media,product_attrs,product_desc,series,rating"
LIBRARY_PAGE_SIZE = 1000
WISHLIST_PAGE_SIZE = 50
SIGN_IN_AGAIN = "Sign in to Audible again (Audible library > Sign in, or `rmab audible login`)."


@dataclass(frozen=True)
class AudibleEndpoints:
    """Where the API and the Amazon auth service are: the real hosts unless overridden."""

    api_url: str
    auth_url: str

    @classmethod
    def for_region(
        cls, region: str, api_url: str | None = None, auth_url: str | None = None
    ) -> AudibleEndpoints:
        tld = tld_for(region)
        return cls(
            (api_url or f"https://api.audible.{tld}").rstrip("/"),
            (auth_url or f"https://api.amazon.{tld}").rstrip("/"),
        )


def locale_for(region: str) -> Locale:
    from audible.localization import Locale

    return Locale(region)


def _token_header(access_token: str) -> dict[str, str]:
    from audible.utils import build_access_token_header

    return dict(build_access_token_header(access_token))


def _expiry(seconds: Any) -> float:
    return (datetime.now(UTC) + timedelta(seconds=int(seconds))).timestamp()


def registration_body(
    authorization_code: str, code_verifier: bytes, domain: str, serial: str
) -> dict[str, Any]:
    from audible._device import APP_VERSION, OS_VERSION, SOFTWARE_VERSION
    from audible.login import build_client_id

    return {
        "requested_token_type": ["bearer", "mac_dms", "website_cookies", "store_authentication_cookie"],
        "cookies": {"website_cookies": [], "domain": f".amazon.{domain}"},
        "registration_data": {
            "domain": "Device",
            "app_version": APP_VERSION,
            "device_serial": serial,
            "device_type": DEVICE_TYPE,
            "device_name": "%FIRST_NAME%%FIRST_NAME_POSSESSIVE_STRING%%DUPE_STRATEGY_1ST%Audible for iPhone",
            "os_version": OS_VERSION,
            "software_version": SOFTWARE_VERSION,
            "device_model": "iPhone",
            "app_name": "Audible",
        },
        "auth_data": {
            "client_id": build_client_id(serial),
            "authorization_code": authorization_code,
            "code_verifier": code_verifier.decode(),
            "code_algorithm": "SHA-256",
            "client_domain": "DeviceLegacy",
        },
        "requested_extensions": ["device_info", "customer_info"],
    }


def _registration(reply: dict[str, Any]) -> dict[str, Any]:
    """The Authenticator attributes from an ``/auth/register`` success reply."""
    try:
        success = reply["response"]["success"]
        tokens = success["tokens"]
        return {
            "adp_token": tokens["mac_dms"]["adp_token"],
            "device_private_key": tokens["mac_dms"]["device_private_key"],
            "access_token": tokens["bearer"]["access_token"],
            "refresh_token": tokens["bearer"]["refresh_token"],
            "expires": _expiry(tokens["bearer"]["expires_in"]),
            "website_cookies": {
                c["Name"]: str(c["Value"]).replace('"', "") for c in dicts(tokens.get("website_cookies"))
            }
            or None,
            "store_authentication_cookie": tokens.get("store_authentication_cookie"),
            "device_info": success["extensions"]["device_info"],
            "customer_info": success["extensions"]["customer_info"],
        }
    except (KeyError, TypeError):
        raise InvalidResponseError(
            tr.mark("Audible's registration answer is incomplete."), service=SERVICE
        ) from None


def _first_name(value: Any) -> str:
    return text(mapping(value).get("name")) or ""


def library_title(item: dict[str, Any]) -> AudibleTitle:
    """A library or wishlist item of the API (``/1.0/library``, ``/1.0/wishlist``)."""
    series = dicts(item.get("series"))
    status = mapping(item.get("listening_status"))
    ratings = mapping(mapping(item.get("provided_review")).get("ratings"))
    own = number(ratings.get("overall_rating"))
    community = number(mapping(mapping(item.get("rating")).get("overall_distribution")).get("average_rating"))
    progress = number(item.get("percent_complete"))
    if progress is None:
        progress = number(status.get("percent_complete"))
    return AudibleTitle(
        asin=str(item.get("asin") or "").strip().upper(),
        title=text(item.get("title")) or "",
        authors=tuple(name for name in (_first_name(a) for a in dicts(item.get("authors"))) if name),
        narrators=tuple(name for name in (_first_name(n) for n in dicts(item.get("narrators"))) if name),
        series_title=text(series[0].get("title")) or "" if series else "",
        series_position=text(series[0].get("sequence")) or "" if series else "",
        runtime_min=integer(item.get("runtime_length_min")),
        cover_url=text(mapping(item.get("product_images")).get("500")) or "",
        progress_percent=progress,
        finished=flag(item.get("is_finished")) or flag(status.get("is_finished")),
        rating=own if own and 0 < own <= 5 else None,
        average_rating=community if community else None,
        purchase_date=timestamp(item.get("purchase_date")),
        date_added=timestamp(mapping(item.get("library_status")).get("date_added"))
        or timestamp(item.get("added_timestamp")),
        raw={k: item.get(k) for k in ("asin", "title", "subtitle", "release_date", "language") if k in item},
    )


class AudibleAccountClient:
    """HTTP calls for one marketplace; token refreshes update ``auth`` and call ``on_refreshed``."""

    def __init__(
        self,
        endpoints: AudibleEndpoints,
        auth: Authenticator | None = None,
        *,
        on_refreshed: Any = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = DEFAULT_DEADLINE,
        library_page_size: int = LIBRARY_PAGE_SIZE,
        wishlist_page_size: int = WISHLIST_PAGE_SIZE,
    ) -> None:
        self.endpoints = endpoints
        self.library_page_size = library_page_size
        self.wishlist_page_size = wishlist_page_size
        self.auth = auth
        self.on_refreshed = on_refreshed
        self._http = new_client(transport=transport, headers={"Accept": "application/json"})
        self.seconds = timeout  # the deadline of one whole call

    def close(self) -> None:
        self._http.close()

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """The answer whatever its status (callers word the statuses); transport failures are typed."""
        return fetch(self._http, SERVICE, method, url, seconds=self.seconds, **kwargs)

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        return parse_json(response, SERVICE)

    # -- device ------------------------------------------------------------------------------
    def register(
        self, authorization_code: str, code_verifier: bytes, region: str, serial: str
    ) -> dict[str, Any]:
        body = registration_body(authorization_code, code_verifier, tld_for(region), serial)
        response = self._send("POST", f"{self.endpoints.auth_url}/auth/register", json=body)
        if response.status_code != 200:
            raise AuthenticationError(
                tr.mark("Audible refused to register this device (HTTP {status_code})."),
                service=SERVICE,
                hint=tr.mark("Sign in again; the code from the browser is valid for a few minutes only."),
                status_code=response.status_code,
            )
        return _registration(self._json(response))

    def refresh(self) -> None:
        """A new access token from the refresh token (the old one lasts an hour)."""
        assert self.auth is not None
        if not self.auth.refresh_token:
            raise AuthenticationError(
                tr.mark("This Audible sign-in has no refresh token."), service=SERVICE, hint=SIGN_IN_AGAIN
            )
        from audible._device import APP_VERSION

        body = {
            "app_name": "Audible",
            "app_version": APP_VERSION,
            "source_token": self.auth.refresh_token,
            "requested_token_type": "access_token",
            "source_token_type": "refresh_token",
        }
        response = self._send("POST", f"{self.endpoints.auth_url}/auth/token", data=body)
        if response.status_code in (400, 401, 403):
            raise AuthenticationError(
                tr.mark("Audible no longer accepts this sign-in."), service=SERVICE, hint=SIGN_IN_AGAIN
            )
        if response.status_code != 200:
            raise ServiceError(
                tr.mark("Audible's sign-in service answered HTTP {status_code}."),
                service=SERVICE,
                status_code=response.status_code,
            )
        reply = mapping(self._json(response))
        if not reply.get("access_token") or integer(reply.get("expires_in")) is None:
            raise InvalidResponseError(tr.mark("Audible's token answer is incomplete."), service=SERVICE)
        self.auth.access_token = reply["access_token"]
        self.auth.expires = _expiry(reply["expires_in"])
        log.info("Audible access token refreshed")
        if self.on_refreshed is not None:
            self.on_refreshed(self.auth)

    def deregister(self) -> None:
        assert self.auth is not None
        if self.auth.access_token_expired:
            self.refresh()
        response = self._send(
            "POST",
            f"{self.endpoints.auth_url}/auth/deregister",
            json={"deregister_all_existing_accounts": False},
            headers=_token_header(self.auth.access_token or ""),
        )
        if response.status_code != 200:
            raise ServiceError(
                tr.mark("Audible did not deregister this device (HTTP {status_code})."),
                service=SERVICE,
                hint=tr.mark("Try again, or remove the device under Amazon > Your devices."),
                status_code=response.status_code,
            )

    # -- API ---------------------------------------------------------------------------------
    def get(self, path: str, params: dict[str, Any]) -> httpx.Response:
        """GET ``/1.0/<path>`` with a fresh access token; one refresh and retry on HTTP 401."""
        assert self.auth is not None
        if self.auth.access_token_expired:
            self.refresh()
        for attempt in range(2):
            headers = _token_header(self.auth.access_token or "")
            response = self._send(
                "GET", f"{self.endpoints.api_url}/1.0/{path}", params=params, headers=headers
            )
            if response.status_code == 401 and attempt == 0:
                self.refresh()
                continue
            if response.status_code == 401:
                raise AuthenticationError(
                    tr.mark("Audible refused this sign-in."), service=SERVICE, hint=SIGN_IN_AGAIN
                )
            if response.status_code != 200:
                raise ServiceError(
                    tr.mark("Audible answered HTTP {status_code} for your {path}."),
                    service=SERVICE,
                    hint=tr.mark("Try again later."),
                    status_code=response.status_code,
                    path=path,
                )
            return response
        raise AssertionError("unreachable")

    def library(self, purchased_after: datetime | None = None) -> list[dict[str, Any]]:
        """Every library item (pages of 1000, until ``Total-Count`` is reached or a page is short)."""
        params: dict[str, Any] = {
            "response_groups": LIBRARY_RESPONSE_GROUPS,
            "image_sizes": "500",
            "num_results": self.library_page_size,
            "sort_by": "-PurchaseDate",
        }
        if purchased_after is not None:
            params["purchased_after"] = purchased_after.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        items: list[dict[str, Any]] = []
        page = 1
        while True:
            response = self.get("library", {**params, "page": page})
            batch = dicts(mapping(self._json(response)).get("items"))
            items.extend(batch)
            total = integer(response.headers.get("Total-Count"))
            if len(batch) < self.library_page_size or (total is not None and len(items) >= total):
                return items
            page += 1

    def wishlist(self) -> list[dict[str, Any]]:
        params = {
            "response_groups": WISHLIST_RESPONSE_GROUPS,
            "image_sizes": "500",
            "num_results": self.wishlist_page_size,
        }
        items: list[dict[str, Any]] = []
        page = 0
        while True:
            batch = dicts(mapping(self._json(self.get("wishlist", {**params, "page": page}))).get("products"))
            items.extend(batch)
            if len(batch) < self.wishlist_page_size:
                return items
            page += 1
