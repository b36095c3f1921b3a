"""A local stand-in for Audible's signed-in API and Amazon's device auth service.

Serves ``POST /auth/register`` (authorization code -> device tokens, real-shaped: mac_dms adp_token
and PEM key, bearer ``Atna|`` / ``Atnr|`` tokens, website cookies, device_info, customer_info),
``POST /auth/token`` (refresh), ``POST /auth/deregister``, and ``GET /1.0/library`` (1-based
``page``, ``num_results``, ``purchased_after``, ``Total-Count`` header, ``{"items": [...]}``) and
``GET /1.0/wishlist`` (0-based ``page``, ``{"products": [...]}``). The API wants the access token
in ``x-amz-access-token`` and answers 401 when it is unknown, expired or revoked.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

AUTH_CODE = "ANdNAVhyhqirUelHGEHA"
LANDED_URL = (
    "https://www.amazon.com/ap/maplanding?openid.assoc_handle=amzn_audible_ios_us"
    f"&openid.oa2.authorization_code={AUTH_CODE}&openid.mode=id_res"
)


def _private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()


def library_item(index: int, **overrides: Any) -> dict[str, Any]:
    """One ``/1.0/library`` item with the groups the app asks for (contributors, media, series,
    rating, is_finished, percent_complete, provided_review, listening_status)."""
    asin = f"B0SYNC{index:04d}"
    finished = index % 3 == 0
    percent = 100.0 if finished else float((index * 17) % 90)
    item: dict[str, Any] = {
        "asin": asin,
        "title": f"Synced Book {index}",
        "subtitle": None,
        "authors": [{"asin": f"B0AUTH{index:04d}", "name": f"Author {index}"}],
        "narrators": [{"name": f"Narrator {index}"}],
        "series": [{"asin": "B0SERIES01", "sequence": str(index), "title": "The Synced Saga", "url": "/pd/x"}]
        if index % 2
        else None,
        "runtime_length_min": 300 + index,
        "content_delivery_type": "SinglePartBook",
        "format_type": "unabridged",
        "language": "english",
        "release_date": "2021-03-04",
        "product_images": {"500": f"https://m.media-amazon.com/images/I/{asin}._SL500_.jpg"},
        "purchase_date": f"2024-01-{1 + index % 28:02d}T10:00:00.000Z",
        "library_status": {
            "date_added": f"2024-01-{1 + index % 28:02d}T10:00:01.000Z",
            "is_pending": None,
            "is_preordered": None,
            "is_removable": None,
            "is_visible": None,
        },
        "is_finished": finished,
        "percent_complete": percent,
        "listening_status": {
            "finished_at_timestamp": "2024-02-01T00:00:00.000Z" if finished else None,
            "is_finished": finished,
            "percent_complete": percent,
            "time_remaining_seconds": 0 if finished else 3600,
        },
        "provided_review": {"ratings": {"overall_rating": 4, "performance_rating": 5, "story_rating": 4}}
        if index % 4 == 1
        else None,
        "rating": {
            "num_reviews": 10,
            "overall_distribution": {
                "average_rating": 4.25,
                "display_average_rating": "4.3",
                "display_stars": 4.5,
                "num_ratings": 120,
            },
        },
    }
    item.update(overrides)
    return item


def wishlist_item(index: int) -> dict[str, Any]:
    item = library_item(index)
    for key in ("purchase_date", "library_status", "is_finished", "percent_complete", "listening_status"):
        item.pop(key)
    item.update(
        asin=f"B0WANT{index:04d}", title=f"Wanted Book {index}", added_timestamp="2025-01-01T00:00:00Z"
    )
    return item


class FakeAudibleAccount(LoopbackServer):
    def __init__(
        self, library: list[dict[str, Any]] | None = None, wishlist: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__()
        self.library = library if library is not None else [library_item(i) for i in range(1, 6)]
        self.wishlist = wishlist if wishlist is not None else [wishlist_item(i) for i in range(1, 4)]
        self.access_tokens: set[str] = set()
        self.refresh_tokens: set[str] = set()
        self.devices: set[str] = set()
        self.refusing_refresh = False

    @staticmethod
    def _json(status: int, data: Any, headers: dict[str, str] | None = None) -> Reply:
        return Reply(status, json.dumps(data).encode(), headers=headers or {})

    def _new_access_token(self) -> str:
        token = "Atna|" + secrets.token_urlsafe(24)
        self.access_tokens.add(token)
        return token

    def revoke_access_tokens(self) -> None:
        """As when a token expires early on Amazon's side: the next API call gets 401."""
        self.access_tokens.clear()

    def route(self, request: FakeRequest) -> Reply:
        if request.method == "POST" and request.path == "/auth/register":
            return self._register(json.loads(request.body))
        if request.method == "POST" and request.path == "/auth/token":
            return self._refresh({k: v[-1] for k, v in parse_qs(request.body.decode()).items()})
        token = request.headers.get("x-amz-access-token", "")
        if token not in self.access_tokens:
            return self._json(401, {"message": "Access token is not valid or expired"})
        if request.method == "POST" and request.path == "/auth/deregister":
            self.devices.clear()
            self.access_tokens.clear()
            self.refresh_tokens.clear()
            return self._json(200, {"response": {"success": {}}, "request_id": secrets.token_hex(8)})
        if request.path == "/1.0/library":
            return self._library(request.query)
        if request.path == "/1.0/wishlist":
            page, size = int(request.query.get("page", 0)), int(request.query.get("num_results", 50))
            products = self.wishlist[page * size : (page + 1) * size]
            return self._json(200, {"products": products, "total_results": len(self.wishlist)})
        return self._json(404, {"message": "not found"})

    def _register(self, body: dict[str, Any]) -> Reply:
        auth = body.get("auth_data", {})
        if auth.get("authorization_code") != AUTH_CODE or not auth.get("code_verifier"):
            return self._json(400, {"response": {"error": {"code": "InvalidValue", "message": "bad code"}}})
        serial = body["registration_data"]["device_serial"]
        self.devices.add(serial)
        refresh = "Atnr|" + secrets.token_urlsafe(24)
        self.refresh_tokens.add(refresh)
        adp = "{enc:QUJD}{key:REVG}{iv:R0hJ}{name:QURQVG9rZW5FbmNyeXB0aW9uS2V5}{serial:Mg==}"
        success = {
            "tokens": {
                "mac_dms": {"adp_token": adp, "device_private_key": _private_key_pem()},
                "bearer": {
                    "access_token": self._new_access_token(),
                    "refresh_token": refresh,
                    "expires_in": "3600",
                },
                "website_cookies": [{"Name": "session-id", "Value": '"131-1234567-1234567"', "Path": "/"}],
                "store_authentication_cookie": {"cookie": secrets.token_urlsafe(16)},
            },
            "extensions": {
                "device_info": {
                    "device_name": "Jane's Audible for iPhone",
                    "device_serial_number": serial,
                    "device_type": "A2CZJZGLK2JJVM",
                },
                "customer_info": {"account_pool": "Amazon", "user_id": "amzn1.account.TEST", "name": "Jane"},
            },
            "customer_id": "amzn1.account.TEST",
        }
        return self._json(200, {"response": {"success": success}, "request_id": secrets.token_hex(8)})

    def _refresh(self, form: dict[str, str]) -> Reply:
        if self.refusing_refresh or form.get("source_token") not in self.refresh_tokens:
            return self._json(
                400, {"error_description": "The request has an invalid grant", "error": "invalid_grant"}
            )
        return self._json(
            200, {"access_token": self._new_access_token(), "expires_in": 3600, "token_type": "bearer"}
        )

    def _library(self, query: dict[str, str]) -> Reply:
        items = self.library
        if "purchased_after" in query:
            after = datetime.strptime(query["purchased_after"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
            items = [
                i for i in items if datetime.fromisoformat(i["purchase_date"].replace("Z", "+00:00")) > after
            ]
        page, size = int(query.get("page", 1)), int(query.get("num_results", 1000))
        groups = query.get("response_groups", "").split(",")
        body = {"items": items[(page - 1) * size : page * size], "response_groups": groups}
        return self._json(200, body, {"Total-Count": str(len(items))})
