"""The local HTTP API (FastAPI): requests, catalog search, library, health and an arr-style queue.

Every ``/api/v1`` endpoint reads the token (``X-Api-Key: TOKEN`` or ``Authorization: Bearer
TOKEN``) and asks :class:`ApiTokenService` who it acts for and with which role, on every call:
nothing about a caller is cached. Handlers are plain functions, so FastAPI runs them on its worker
threads and the blocking services never stall the event loop. Two small pages outside ``/api/v1``
(``/bookmarklet``, ``/request-book``) hold no data: the browser sends the token itself.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from rmab_desktop import __version__
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.errors import InvalidTokenError, NotFoundError, RmabError, ValidationError
from rmab_desktop.domain.requests import PermissionDeniedError, RequestDetails, UserInfo
from rmab_desktop.services.local_api.pages import bookmarklet_page, request_page
from rmab_desktop.services.local_api.server import ApiServices

API_PREFIX = "/api/v1"
QUEUE_STATUSES = (
    RequestStatus.AWAITING_SEARCH,
    RequestStatus.SEARCHING,
    RequestStatus.DOWNLOADING,
    RequestStatus.PROCESSING,
    RequestStatus.DOWNLOADED,
)


class NewRequest(BaseModel):
    asin: str = Field(min_length=10, max_length=10, pattern=r"^[A-Za-z0-9]{10}$")
    region: str | None = None
    with_ebook: bool = False


class Decision(BaseModel):
    note: str = Field(default="", max_length=500)


_api_key = APIKeyHeader(name="X-Api-Key", auto_error=False, description="An API token from Settings")
_bearer = HTTPBearer(auto_error=False, description="The same API token, as a bearer token")
_STATUS_OF: tuple[tuple[type[RmabError], int], ...] = (
    (InvalidTokenError, 401),
    (PermissionDeniedError, 403),
    (NotFoundError, 404),
    (ValidationError, 422),
)


def _error(status: int, exc: RmabError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": exc.user_message, "hint": exc.hint}, status_code=status, headers=headers)


def _caller(
    request: Request,
    api_key: Annotated[str | None, Depends(_api_key)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> UserInfo:
    """The token's user with the role it may use now (asked of the database at every call)."""
    services: ApiServices = request.app.state.services
    return services.tokens.authenticate(api_key or (bearer.credentials if bearer else None))


def _admin(user: Annotated[UserInfo, Depends(_caller)]) -> UserInfo:
    """``user`` carries the role the token may use now: a user token of an administrator is a
    user token here (the database alone would say "admin")."""
    if not user.is_admin:
        raise PermissionDeniedError("Only an administrator can use this endpoint.")
    return user


User = Annotated[UserInfo, Depends(_caller)]
Admin = Annotated[UserInfo, Depends(_admin)]


class RequestOut(BaseModel):
    """One request as the API describes it."""

    id: int
    status: str
    kind: str
    asin: str | None
    region: str
    title: str
    authors: list[str]
    user_id: int | None
    username: str
    progress: float | None
    status_message: str | None
    approval_note: str | None
    created_at: datetime
    updated_at: datetime


class CreatedRequest(BaseModel):
    request: RequestOut
    joined: bool  # True: someone had asked for the book; the caller joined that request
    message: str


def _request_out(details: RequestDetails) -> RequestOut:
    return RequestOut(
        id=details.id,
        status=details.status.value,
        kind=details.kind.value,
        asin=details.book.asin,
        region=details.region,
        title=details.book.title,
        authors=list(details.book.authors),
        user_id=details.user_id,
        username=details.username,
        progress=details.progress,
        status_message=details.status_message,
        approval_note=details.approval_note,
        created_at=details.created_at,
        updated_at=details.updated_at,
    )


def build_app(services: ApiServices) -> FastAPI:
    app = FastAPI(
        title="ReadMeABook Desktop",
        version=__version__,
        description="The local API of ReadMeABook Desktop: request audiobooks, follow them, approve them.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.services = services

    @app.exception_handler(RmabError)
    def _explained(request: Request, exc: RmabError) -> JSONResponse:
        status = next((code for kind, code in _STATUS_OF if isinstance(exc, kind)), 400)
        return _error(status, exc)

    def visible(user: UserInfo, details: RequestDetails) -> RequestDetails:
        if user.is_admin or details.user_id == user.id or user.id in details.member_ids:
            return details
        raise NotFoundError(f"There is no request {details.id}.")

    @app.get(f"{API_PREFIX}/health", tags=["status"])
    def health(user: User) -> dict[str, Any]:
        statuses = [
            {"name": s.name, "kind": s.kind, "state": s.state.value, "last_error": s.last_error}
            for s in services.health.statuses()
        ]
        return {"status": "ok", "version": __version__, "user": user.username, "services": statuses}

    @app.get(f"{API_PREFIX}/catalog/search", tags=["catalog"])
    def catalog_search(
        user: User, q: Annotated[str, Query(min_length=1)], page: int = 1, region: str | None = None
    ) -> dict[str, Any]:
        results, entries = services.catalog.search(q, region, page=page)
        books = [
            {**e.book.to_json(), "availability": e.availability.value, "request_id": e.request_id}
            for e in entries
        ]
        return {"page": results.page, "total": results.total_results, "books": jsonable_encoder(books)}

    @app.get(f"{API_PREFIX}/requests", tags=["requests"])
    def list_requests(user: User) -> list[RequestOut]:
        """The caller's requests; every request for an administrator."""
        mine = None if user.is_admin else user.id
        return [_request_out(d) for d in services.requests.list(user_id=mine)]

    @app.post(f"{API_PREFIX}/requests", tags=["requests"], status_code=201)
    def create_request(user: User, body: NewRequest) -> CreatedRequest:
        outcome = services.requests.create(body.asin, body.region, user=user, with_ebook=body.with_ebook)
        return CreatedRequest(
            request=_request_out(outcome.request), joined=outcome.joined, message=outcome.message
        )

    @app.get(f"{API_PREFIX}/requests/{{request_id}}", tags=["requests"])
    def get_request(user: User, request_id: int) -> RequestOut:
        return _request_out(visible(user, services.requests.get(request_id)))

    @app.post(f"{API_PREFIX}/requests/{{request_id}}/approve", tags=["requests"])
    def approve(user: Admin, request_id: int, body: Decision | None = None) -> RequestOut:
        return _request_out(services.requests.approve(request_id, body.note if body else "", admin=user))

    @app.post(f"{API_PREFIX}/requests/{{request_id}}/deny", tags=["requests"])
    def deny(user: Admin, request_id: int, body: Decision | None = None) -> RequestOut:
        return _request_out(services.requests.deny(request_id, body.note if body else "", admin=user))

    @app.get(f"{API_PREFIX}/library", tags=["library"])
    def library(user: User) -> list[dict[str, Any]]:
        return [
            {
                "id": e.id,
                "title": e.title,
                "authors": list(e.authors),
                "narrators": list(e.narrators),
                "series": e.series,
                "series_position": e.series_position,
                "asin": e.asin,
                "format": e.format,
                "duration_seconds": e.duration_seconds,
            }
            for e in services.library.entries()
        ]

    @app.get(f"{API_PREFIX}/queue", tags=["status"])
    def queue(
        user: User, page: int = 1, page_size: Annotated[int, Query(alias="pageSize", ge=1, le=500)] = 20
    ) -> dict[str, Any]:
        """Books on their way, shaped like the queue of the *arr applications."""
        mine = None if user.is_admin else user.id
        rows = services.requests.list(statuses=list(QUEUE_STATUSES), user_id=mine)
        start = max(page - 1, 0) * page_size
        records = [
            {
                "id": d.id,
                "title": d.book.title,
                "asin": d.book.asin,
                "status": d.status.value,
                "trackedDownloadState": d.status.value,
                "statusMessages": [d.status_message] if d.status_message else [],
                "progress": d.progress,
                "timeleft": d.eta_seconds,
                "speed": d.speed_bps,
                "added": d.created_at.isoformat(),
            }
            for d in rows[start : start + page_size]
        ]
        return {"page": page, "pageSize": page_size, "totalRecords": len(rows), "records": records}

    @app.get("/bookmarklet", response_class=HTMLResponse, include_in_schema=False)
    def bookmarklet() -> str:
        return bookmarklet_page()

    @app.get("/request-book", response_class=HTMLResponse, include_in_schema=False)
    def request_book() -> str:
        return request_page()

    return app
