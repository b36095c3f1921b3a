"""The local API over real HTTP (httpx against uvicorn on a loopback port), with a real database and
the fake Audible catalog: tokens, roles checked at every call, requests, approvals, and no token in
plain text in the database or the log."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import update

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models import ApiToken, utcnow
from rmab_desktop.domain.enums import Permission, RequestStatus, Role
from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.local_api.server import ServerState
from rmab_desktop.settings import Preferences, SettingsStore
from tests.db_dump import database_dump
from tests.fakes.audible_server import FakeAudible

ASIN = "B0TESTSER1"


@pytest.fixture(scope="module")
def audible() -> Iterator[FakeAudible]:
    server = FakeAudible()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, audible: FakeAudible) -> Iterator[AppCore]:
    prefs = Preferences()
    prefs.catalog.audible_base_url = audible.base_url
    prefs.catalog.audnexus_base_url = audible.base_url
    SettingsStore(tmp_path / "profile" / "config" / "settings.json").save(prefs)
    app = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield app
    app.close()


@pytest.fixture
def api(core: AppCore) -> Iterator[httpx.Client]:
    url = core.api_server.start("127.0.0.1", 0)
    with httpx.Client(base_url=url, timeout=30) as client:
        yield client
    core.api_server.stop()


def test_tokens_are_checked_on_every_call(core: AppCore, api: httpx.Client, database_url: str) -> None:
    admin = core.users.default_user()
    alice = core.users.create("alice", password="correct horse")
    core.users.set_permission(alice.id, Permission.AUTO_APPROVE, False)
    admin_token = core.api_tokens.create(admin, name="home assistant").token
    alice_new = core.api_tokens.create(alice, name="phone", expires_days=30)
    alice_token = alice_new.token

    assert api.get("/api/v1/requests").status_code == 401
    wrong = api.get("/api/v1/requests", headers={"X-Api-Key": alice_token[:-2] + "xx"})
    assert wrong.status_code == 401 and "not valid" in wrong.json()["error"]
    assert api.get("/api/v1/health", headers={"Authorization": f"Bearer {alice_token}"}).status_code == 200

    # A user asks for a book; it waits for approval; the user cannot approve it, the admin can.
    created = api.post("/api/v1/requests", json={"asin": ASIN}, headers={"X-Api-Key": alice_token})
    assert created.status_code == 201, created.text
    request_id = created.json()["request"]["id"]
    assert created.json()["request"]["status"] == RequestStatus.AWAITING_APPROVAL.value
    as_alice = {"X-Api-Key": alice_token}
    assert [r["id"] for r in api.get("/api/v1/requests", headers=as_alice).json()] == [request_id]
    assert api.post(f"/api/v1/requests/{request_id}/approve", headers=as_alice).status_code == 403
    assert api.post(f"/api/v1/requests/{request_id}/deny", headers=as_alice).status_code == 403
    approved = api.post(
        f"/api/v1/requests/{request_id}/approve", json={"note": "enjoy"}, headers={"X-Api-Key": admin_token}
    )
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] != RequestStatus.AWAITING_APPROVAL.value
    queue = api.get("/api/v1/queue", headers=as_alice).json()
    assert {"page", "pageSize", "totalRecords", "records"} <= set(queue)
    mine = api.get(f"/api/v1/requests/{request_id}", headers=as_alice).json()
    assert mine["asin"] == ASIN and mine["username"] == "alice" and mine["approval_note"] == "enjoy"
    found = api.get("/api/v1/catalog/search", params={"q": "Lantern"}, headers=as_alice).json()
    lantern = next(book for book in found["books"] if book["asin"] == ASIN)
    assert lantern["request_id"] == request_id  # the badge shows the book is requested
    assert api.get("/api/v1/catalog/search", headers=as_alice).status_code == 422  # no query
    assert api.get("/api/v1/library", headers=as_alice).json() == []  # an empty library, no error
    assert api.post("/api/v1/requests", json={"asin": "nope"}, headers=as_alice).status_code == 422

    # Another user's request is not there for alice; everyone's is there for the admin.
    bob = core.users.create("bob", password="correct horse")
    bob_token = core.api_tokens.create(bob).token
    assert api.get(f"/api/v1/requests/{request_id}", headers={"X-Api-Key": bob_token}).status_code == 404
    assert api.get("/api/v1/requests", headers={"X-Api-Key": bob_token}).json() == []
    assert len(api.get("/api/v1/requests", headers={"X-Api-Key": admin_token}).json()) == 1

    # A demoted admin's token loses admin endpoints at once.
    core.users.set_role(bob.id, Role.ADMIN)
    promoted = core.api_tokens.create(bob, role=Role.ADMIN).token
    assert api.post("/api/v1/requests/999/deny", headers={"X-Api-Key": promoted}).status_code == 404
    as_user = core.api_tokens.create(bob, role=Role.USER).token  # an admin's token for a script
    assert api.post("/api/v1/requests/999/deny", headers={"X-Api-Key": as_user}).status_code == 403
    core.users.set_role(bob.id, Role.USER)
    assert api.post("/api/v1/requests/999/deny", headers={"X-Api-Key": promoted}).status_code == 403

    # Revoked and expired tokens open nothing.
    core.api_tokens.revoke(alice, alice_new.info.id)
    revoked = api.get("/api/v1/requests", headers=as_alice)
    assert revoked.status_code == 401 and "revoked" in revoked.json()["error"]
    with core.database.session() as session:
        session.execute(update(ApiToken).values(expires_at=utcnow() - timedelta(minutes=1)))
    expired = api.get("/api/v1/health", headers={"X-Api-Key": bob_token})
    assert expired.status_code == 401 and "expired" in expired.json()["error"]

    listed = {t.prefix: t for t in core.api_tokens.list(admin)}
    assert listed[admin_token[:12]].last_used_at is not None
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = core.paths.log_file.read_text(encoding="utf-8")
    assert "/api/v1/requests" in log_text  # the access log went to the app's log
    dump = database_dump(database_url)
    for token in (admin_token, alice_token, bob_token, promoted):
        assert token not in log_text
        assert token not in dump
        assert token[:12] in dump  # the visible prefix is kept


def test_tokens_for_others_need_an_admin(core: AppCore) -> None:
    admin = core.users.default_user()
    alice = core.users.create("alice", password="correct horse")
    with pytest.raises(PermissionDeniedError):
        core.api_tokens.create(alice, user_id=admin.id)
    with pytest.raises(PermissionDeniedError):
        core.api_tokens.create(alice, role=Role.ADMIN)
    made = core.api_tokens.create(admin, user_id=alice.id, name="for alice")
    assert made.info.username == "alice" and made.info.role is Role.USER
    assert [t.id for t in core.api_tokens.list(alice)] == [made.info.id]


def test_openapi_and_pages(core: AppCore, api: httpx.Client) -> None:
    spec = api.get("/api/v1/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/v1/requests", "/api/v1/requests/{request_id}/approve", "/api/v1/queue"} <= paths
    assert {"APIKeyHeader", "HTTPBearer"} <= set(spec["components"]["securitySchemes"])
    assert {"RequestOut", "CreatedRequest", "NewRequest"} <= set(spec["components"]["schemas"])
    page = api.get("/bookmarklet")
    assert page.status_code == 200 and "javascript:" in page.text and "request-book" in page.text
    assert "X-Api-Key" in api.get("/request-book", params={"asin": ASIN}).text


def test_the_lan_needs_consent(core: AppCore) -> None:
    with pytest.raises(ConfigurationError, match="not this computer only"):
        core.api_server.start("0.0.0.0", 0)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(ConfigurationError, match="Cannot listen"):
            core.api_server.start("127.0.0.1", taken.getsockname()[1])
    status = core.api_server.status()
    assert status.state is ServerState.FAILED and status.error and "Cannot listen" in status.error
