"""A local plex.tv for sign-in: the PIN flow (``POST /api/v2/pins``, ``GET /api/v2/pins/{id}``),
the account (``GET /api/v2/user``), its Plex Home (``GET /api/v2/home/users``) and switching to a
profile (``POST /api/v2/home/users/{uuid}/switch?pin=``), with the JSON shapes plex.tv sends when
asked for ``Accept: application/json``.

``link(pin_id, account)`` is what the person does in the browser: the next poll of that PIN carries
the account's token. Tokens are checked on every account call (HTTP 401 otherwise).
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply


@dataclass
class FakePlexUser:
    id: int
    uuid: str
    username: str
    title: str
    token: str
    admin: bool = False
    restricted: bool = False
    pin: str | None = None  # a protected profile's PIN
    home: list[FakePlexUser] = field(default_factory=list)  # the admin's Home members (themselves too)

    def account_json(self) -> dict[str, Any]:
        """``GET /api/v2/user``: the fields of the real answer (subscription, profile, roles, services… trimmed)."""
        return {
            "id": self.id,
            "uuid": self.uuid,
            "username": self.username,
            "title": self.title,
            "email": f"{self.username or self.uuid}@example.invalid" if not self.restricted else "",
            "friendlyName": "",
            "locale": None,
            "confirmed": True,
            "joinedAt": 1419625151,
            "emailOnlyAuth": False,
            "hasPassword": not self.restricted,
            "protected": self.pin is not None,
            "thumb": f"https://plex.tv/users/{self.uuid}/avatar?c=1720981098",
            "authToken": self.token,
            "mailingListStatus": "active",
            "mailingListActive": False,
            "scrobbleTypes": "",
            "country": "DE",
            "subscription": {
                "active": False,
                "subscribedAt": None,
                "status": "Inactive",
                "paymentService": None,
                "plan": None,
                "features": [],
            },
            "subscriptionDescription": None,
            "restricted": self.restricted,
            "anonymous": None,
            "home": True,
            "guest": False,
            "homeSize": 3,
            "homeAdmin": self.admin,
            "maxHomeSize": 15,
            "rememberExpiresAt": 1722263735,
            "profile": {
                "autoSelectAudio": True,
                "defaultAudioLanguage": "de",
                "defaultSubtitleLanguage": "de",
            },
            "entitlements": [],
            "roles": [],
            "services": [],
            "adsConsent": None,
            "adsConsentSetAt": None,
            "adsConsentReminderAt": None,
            "experimentalFeatures": False,
            "twoFactorEnabled": False,
            "backupCodesCreated": False,
        }

    def home_user_json(self) -> dict[str, Any]:
        """One entry of ``GET /api/v2/home/users``."""
        return {
            "id": self.id,
            "uuid": self.uuid,
            "title": self.title,
            "username": self.username,
            "email": f"{self.username}@example.invalid" if self.username else "",
            "friendlyName": "" if self.username else self.title,
            "thumb": f"https://plex.tv/users/{self.uuid}/avatar?c=1722366657",
            "hasPassword": bool(self.username),
            "restricted": self.restricted,
            "updatedAt": 1722366657,
            "restrictionProfile": "little_kid" if self.restricted else None,
            "admin": self.admin,
            "guest": False,
            "protected": self.pin is not None,
        }


def plex_home() -> tuple[FakePlexUser, FakePlexUser, FakePlexUser]:
    """An owner with a protected profile, a grown-up member and a managed child profile."""
    owner = FakePlexUser(
        246408570, "7b4af7a9f26254bd", "annaplex", "Anna", "tok-owner-0001", admin=True, pin="1234"
    )
    member = FakePlexUser(246408571, "8c5bf8bae37365ce", "bennoplex", "Benno", "tok-member-0002")
    child = FakePlexUser(398506727, "76b5d1037c626962", "", "Child", "tok-child-0003", restricted=True)
    owner.home = [owner, member, child]
    member.home = owner.home
    child.home = owner.home
    return owner, member, child


class FakePlexTv(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.pins: dict[int, dict[str, Any]] = {}
        self.linked: dict[int, FakePlexUser] = {}
        self._ids = itertools.count(111222333)
        self.users: dict[str, FakePlexUser] = {}  # token -> user
        self.auto_link: FakePlexUser | None = None  # approves every new PIN at once (a scripted browser)

    def add(self, *users: FakePlexUser) -> None:
        for user in users:
            self.users[user.token] = user

    def link(self, pin_id: int, user: FakePlexUser) -> None:
        """The person signs in on app.plex.tv and approves this PIN."""
        self.add(user)
        self.linked[pin_id] = user

    def _json(self, data: Any, status: int = 200) -> Reply:
        return Reply(status, json.dumps(data).encode())

    def _pin(self, pin_id: int) -> dict[str, Any]:
        user = self.linked.get(pin_id)
        return self.pins[pin_id] | ({"authToken": user.token, "newRegistration": False} if user else {})

    def route(self, request: FakeRequest) -> Reply:
        client = request.headers.get("x-plex-client-identifier")
        if request.method == "POST" and request.path == "/api/v2/pins":
            if not client:
                return self._json(
                    {
                        "errors": [
                            {"code": 1000, "message": "X-Plex-Client-Identifier is missing", "status": 400}
                        ]
                    },
                    400,
                )
            pin_id = next(self._ids)
            self.pins[pin_id] = {
                "id": pin_id,
                "code": f"code{pin_id}"[-25:] if request.query.get("strong") == "true" else "ABCD",
                "product": request.headers.get("x-plex-product") or "0",
                "trusted": False,
                "qr": f"https://plex.tv/api/v2/pins/qr/code{pin_id}",
                "clientIdentifier": client,
                "location": {
                    "code": "DE",
                    "european_union_member": True,
                    "continent_code": "EU",
                    "country": "Germany",
                    "city": "Berlin",
                    "time_zone": "Europe/Berlin",
                    "postal_code": "10115",
                    "in_privacy_restricted_country": True,
                    "subdivisions": "Berlin",
                    "coordinates": "52.5200, 13.4050",
                },
                "expiresIn": 1800,
                "createdAt": "2026-12-03T17:00:00Z",
                "expiresAt": "2026-12-03T17:30:00Z",
                "authToken": None,
                "newRegistration": None,
            }
            reply = self._json(self._pin(pin_id), 201)
            if self.auto_link is not None:
                self.link(pin_id, self.auto_link)
            return reply
        match = re.fullmatch(r"/api/v2/pins/(\d+)", request.path)
        if request.method == "GET" and match:
            pin_id = int(match.group(1))
            if pin_id not in self.pins:
                return self._json(
                    {"errors": [{"code": 1020, "message": "Code not found or expired", "status": 404}]}, 404
                )
            return self._json(self._pin(pin_id))
        user = self.users.get(request.headers.get("x-plex-token", ""))
        if user is None:
            return self._json(
                {"errors": [{"code": 1001, "message": "User could not be authenticated", "status": 401}]}, 401
            )
        if request.method == "GET" and request.path == "/api/v2/user":
            return self._json(user.account_json())
        if request.method == "GET" and request.path == "/api/v2/home/users":
            owner = next((u for u in user.home if u.admin), user)
            members = user.home or [user]
            return self._json(
                {
                    "id": 5081234,
                    "name": f"{owner.title}'s home",
                    "guestUserID": 1234567,
                    "guestUserUUID": "3e11f81d041ae84f",
                    "guestEnabled": False,
                    "subscription": False,
                    "users": [member.home_user_json() for member in members],
                }
            )
        match = re.fullmatch(r"/api/v2/home/users/([0-9a-f]+)/switch", request.path)
        if request.method == "POST" and match:
            target = next((u for u in user.home if u.uuid == match.group(1)), None)
            if target is None:
                return self._json(
                    {"errors": [{"code": 1002, "message": "User not found", "status": 404}]}, 404
                )
            if target.pin is not None and request.query.get("pin") != target.pin:
                return self._json({"errors": [{"code": 1041, "message": "Invalid PIN", "status": 403}]}, 403)
            self.add(target)
            return self._json(target.account_json(), 201)
        return self._json({"errors": [{"code": 1002, "message": "Not found", "status": 404}]}, 404)
