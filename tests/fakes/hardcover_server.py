"""A local Hardcover GraphQL endpoint (``POST /v1/graphql``) for one user's statuses and lists.

Answers carry the real envelope (``{"data": …}`` or ``{"errors": [{"message", "extensions"}]}``,
HTTP 200 either way, as Hasura does); book objects use the field shapes of the real search
documents (``contributions``/``image``) under the ``cached_contributors``/``cached_image`` names.
"""

from __future__ import annotations

import json
from typing import Any

from tests.fakes.loopback_http import FakeRequest, LoopbackServer, Reply

TOKEN = "hc-test-token"


def book(book_id: int, title: str, author: str, *, illustrator: str | None = None) -> dict[str, Any]:
    contributors: list[dict[str, Any]] = [
        {
            "author": {"id": book_id * 10, "name": author, "slug": author.lower().replace(" ", "-")},
            "contribution": None,
        }
    ]
    if illustrator:
        contributors.append(
            {
                "author": {"id": book_id * 10 + 1, "name": illustrator, "slug": "illustrator"},
                "contribution": "Illustrator",
            }
        )
    return {
        "id": book_id,
        "title": title,
        "cached_contributors": contributors,
        "cached_image": {
            "color": "#495d30",
            "color_name": "Brown",
            "height": 500,
            "id": book_id + 7000,
            "url": f"https://assets.hardcover.app/books/{book_id}/cover.jpg",
            "width": 330,
        },
    }


class FakeHardcover(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        self.user_id = 42
        self.statuses: dict[int, list[dict[str, Any]]] = {1: []}  # status_id -> books
        self.lists: dict[str, tuple[str, list[dict[str, Any]]]] = {}  # slug -> (name, books)

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/v1/graphql"

    def route(self, request: FakeRequest) -> Reply:
        if request.method != "POST" or request.path != "/v1/graphql":
            return Reply(404, b'{"message": "Not Found"}')
        if request.headers.get("authorization") != f"Bearer {TOKEN}":
            return self._json(
                {
                    "errors": [
                        {"message": "Could not verify JWT: JWSError", "extensions": {"code": "invalid-jwt"}}
                    ]
                }
            )
        body = json.loads(request.body)
        query, variables = body["query"], body.get("variables") or {}
        if "me {" in query:
            return self._json({"data": {"me": [{"id": self.user_id, "username": "tess"}]}})
        if variables.get("user") != self.user_id:
            return self._json({"data": {"user_books": [], "lists": []}})
        if "user_books" in query:
            rows = [{"book": b} for b in self.statuses.get(int(variables["status"]), [])]
            return self._json({"data": {"user_books": rows}})
        if "lists" in query:
            found = self.lists.get(variables["slug"])
            lists = [{"name": found[0], "list_books": [{"book": b} for b in found[1]]}] if found else []
            return self._json({"data": {"lists": lists}})
        return self._json(
            {"errors": [{"message": "field not found", "extensions": {"code": "validation-failed"}}]}
        )

    @staticmethod
    def _json(payload: dict[str, Any]) -> Reply:
        return Reply(200, json.dumps(payload).encode())
