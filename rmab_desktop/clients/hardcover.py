"""Hardcover's GraphQL API: a user's reading status or one of their lists.

POST ``https://api.hardcover.app/v1/graphql`` with ``Authorization: Bearer <token>`` (the token
from hardcover.app/account/api; it is sent with a "Bearer " prefix whether or not the user pasted
one). Answers are ``{"data": {...}}`` or ``{"errors": [{"message": …}]}``. Queries stay within the
API's depth limit by reading the books' ``cached_contributors`` and ``cached_image`` JSON fields.
Status ids: 1 want to read, 2 currently reading, 3 read, 4 paused, 5 did not finish.
"""

from __future__ import annotations

from typing import Any

import httpx

from rmab_desktop.clients._http import DEFAULT_TIMEOUT, new_client, parse_json, send
from rmab_desktop.domain.errors import AuthenticationError, InvalidResponseError, NotFoundError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.shelves import ShelfBook

tr = Translator("ServiceErrors")

SERVICE = "Hardcover"
API_URL = "https://api.hardcover.app/v1/graphql"
STATUSES = {"want-to-read": 1, "currently-reading": 2, "read": 3, "paused": 4, "did-not-finish": 5}

_BOOK = "book { id title cached_contributors cached_image }"
_ME = "query { me { id username } }"
_STATUS = (
    "query Shelf($user: Int!, $status: Int!) { user_books(where: {user_id: {_eq: $user}, "
    f"status_id: {{_eq: $status}}}}, limit: 500) {{ {_BOOK} }} }}"
)
_LIST = (
    "query Shelf($user: Int!, $slug: String!) { lists(where: {user_id: {_eq: $user}, "
    f"slug: {{_eq: $slug}}}}) {{ name list_books {{ {_BOOK} }} }} }}"
)


class HardcoverClient:
    def __init__(
        self, token: str, *, url: str = API_URL, transport: httpx.BaseTransport | None = None
    ) -> None:
        token = token.strip()
        if not token:
            raise AuthenticationError(
                tr.mark("No Hardcover token is saved."),
                service=SERVICE,
                hint=tr.mark("Paste your token from hardcover.app/account/api."),
            )
        bearer = token if token.lower().startswith("bearer ") else f"Bearer {token}"
        self.url = url
        self._client = new_client(
            timeout=DEFAULT_TIMEOUT,
            transport=transport,
            headers={"Authorization": bearer, "Content-Type": "application/json"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HardcoverClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = send(
            self._client, SERVICE, "POST", self.url, json={"query": query, "variables": variables or {}}
        )
        body = parse_json(response, SERVICE)
        if not isinstance(body, dict):
            raise InvalidResponseError(
                tr.mark("Hardcover sent an answer of the wrong shape."), service=SERVICE
            )
        if body.get("errors"):
            message = str((body["errors"][0] or {}).get("message", "unknown error"))
            if "jwt" in message.lower() or "auth" in message.lower():
                raise AuthenticationError(
                    tr.mark("Hardcover refused the token."),
                    service=SERVICE,
                    hint=tr.mark("Paste a fresh token from hardcover.app/account/api."),
                )
            raise InvalidResponseError(
                tr.mark("Hardcover could not answer: {reason}"), service=SERVICE, reason=message
            )
        data = body.get("data")
        if not isinstance(data, dict):
            raise InvalidResponseError(tr.mark("Hardcover sent an answer without data."), service=SERVICE)
        return data

    def _user_id(self) -> int:
        me = self._query(_ME).get("me")
        user = me[0] if isinstance(me, list) and me else me
        if not isinstance(user, dict) or not isinstance(user.get("id"), int):
            raise AuthenticationError(tr.mark("Hardcover did not say whose token this is."), service=SERVICE)
        return int(user["id"])

    def shelf(self, target: str) -> tuple[str, list[ShelfBook]]:
        """(a name, the books) of a reading status ("want-to-read") or a list (its slug)."""
        user = self._user_id()
        if target in STATUSES:
            rows = self._query(_STATUS, {"user": user, "status": STATUSES[target]}).get("user_books") or []
            return target.replace("-", " ").capitalize(), _books(rows)
        lists = self._query(_LIST, {"user": user, "slug": target}).get("lists") or []
        if not lists:
            raise NotFoundError(
                tr.mark("You have no Hardcover list called '{target}'."),
                hint="Use the list's short name from its address, e.g. 'favorites', or a status: "
                + ", ".join(STATUSES),
                target=target,
            )
        return str(lists[0].get("name") or target), _books(lists[0].get("list_books") or [])


def _books(rows: list[Any]) -> list[ShelfBook]:
    books = []
    for row in rows:
        book = row.get("book") if isinstance(row, dict) else None
        if not isinstance(book, dict) or not book.get("title") or book.get("id") is None:
            continue
        authors = tuple(
            str(c["author"]["name"])
            for c in book.get("cached_contributors") or []
            if isinstance(c, dict)
            and isinstance(c.get("author"), dict)
            and c["author"].get("name")
            and c.get("contribution") in (None, "Author")
        )
        image = book.get("cached_image")
        books.append(
            ShelfBook(
                external_id=str(book["id"]),
                title=str(book["title"]).strip(),
                authors=authors,
                cover_url=str(image["url"]) if isinstance(image, dict) and image.get("url") else None,
            )
        )
    return books
