"""Two desktops on one database: a user's request waits for approval, an admin on the other
desktop approves it (one by one or in bulk), rights are read again on every action, and a second
user joins an existing request and hears when it arrives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.cli import main
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import RequestStatus, Role
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.services.requests import ApprovalSettings

DUNE = CatalogBook("B0DUNE0001", "Dune", authors=(Person("Frank Herbert"),), narrators=("Scott Brick",))
EMMA = CatalogBook("B0EMMA0001", "Emma", authors=(Person("Jane Austen"),), narrators=("Juliet Stevenson",))


@pytest.fixture
def desktops(tmp_path: Path, database_url: str) -> Iterator[tuple[AppCore, AppCore]]:
    first = open_core(tmp_path / "desktop-a", database_url, log_to_console=False)
    second = open_core(tmp_path / "desktop-b", database_url, log_to_console=False)
    yield first, second
    first.close()
    second.close()


def household(core: AppCore) -> tuple[int, int, int]:
    """(admin, alice, bob) with approval required for everyone but admins."""
    admin = core.users.default_user()
    alice = core.users.create("alice")
    bob = core.users.create("bob")
    core.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    return admin.id, alice.id, bob.id


def test_a_request_waits_until_an_admin_on_the_other_desktop_approves_it(
    desktops: tuple[AppCore, AppCore],
) -> None:
    at_alice, at_admin = desktops
    admin_id, alice_id, _ = household(at_alice)
    at_alice.users.act_as(alice_id)
    at_admin.users.act_as(admin_id)
    heard: list[AppEvent] = []
    at_alice.events.subscribe(heard.append)

    waiting = at_alice.requests.create(DUNE.asin, book=DUNE).request

    assert waiting.status == RequestStatus.AWAITING_APPROVAL and waiting.user_id == alice_id
    [asked] = [e for e in heard if e.kind == EventKind.AWAITING_APPROVAL]
    assert "alice" in asked.message and "Dune" in asked.message  # the admins read who asks for what
    assert at_admin.requests.awaiting_approval_count() == 1  # the sidebar badge of the admin's desktop
    with pytest.raises(PermissionDeniedError):
        at_alice.requests.approve(waiting.id)  # a user cannot approve their own request

    [decision] = at_admin.requests.decide([waiting.id], approve=True, note="enjoy")

    assert decision.ok and decision.details is not None
    seen = at_alice.requests.get(waiting.id)
    assert seen.status == RequestStatus.AWAITING_SEARCH and seen.approval_note == "enjoy"
    assert seen.user_id == alice_id
    assert at_admin.requests.awaiting_approval_count() == 0


def test_a_demoted_admin_loses_approval_at_once_on_every_desktop(
    desktops: tuple[AppCore, AppCore],
) -> None:
    first, second = desktops
    _, alice_id, _ = household(first)
    carol = first.users.create("carol", role=Role.ADMIN)
    second.users.act_as(carol.id)
    stale = second.users.current()  # what the second desktop knew when Carol signed in
    first.users.act_as(alice_id)
    waiting = first.requests.create(DUNE.asin, book=DUNE).request

    first.users.set_role(carol.id, Role.USER)  # demoted on the first desktop

    with pytest.raises(PermissionDeniedError):
        second.requests.approve(waiting.id, admin=stale)
    assert second.requests.get(waiting.id).status == RequestStatus.AWAITING_APPROVAL


def test_bulk_decisions_go_on_past_a_request_decided_elsewhere(
    desktops: tuple[AppCore, AppCore],
) -> None:
    first, second = desktops
    admin_id, alice_id, _ = household(first)
    first.users.act_as(alice_id)
    dune = first.requests.create(DUNE.asin, book=DUNE).request
    emma = first.requests.create(EMMA.asin, book=EMMA).request
    first.users.act_as(admin_id)
    second.users.act_as(admin_id)
    first.requests.deny(dune.id, "not now")  # decided on the other desktop first

    decisions = second.requests.decide([dune.id, emma.id], approve=True)

    assert [d.ok for d in decisions] == [False, True]
    assert "Denied" in decisions[0].error
    assert second.requests.get(emma.id).status == RequestStatus.AWAITING_SEARCH


def test_a_second_user_joins_the_request_and_hears_when_it_arrives(
    desktops: tuple[AppCore, AppCore],
) -> None:
    first, second = desktops
    _, alice_id, bob_id = household(first)
    first.users.act_as(alice_id)
    second.users.act_as(bob_id)
    original = first.requests.create(DUNE.asin, book=DUNE).request

    joined = second.requests.create(DUNE.asin, book=DUNE)

    assert joined.joined and joined.request.id == original.id and bob_id in joined.request.member_ids
    heard: list[AppEvent] = []
    first.events.subscribe(heard.append)
    first.requests.set_status(original.id, RequestStatus.AVAILABLE, "In the library")
    [available] = [e for e in heard if e.kind == EventKind.AVAILABLE]
    assert available.user_id == alice_id and available.data["member_ids"] == [bob_id]


def test_requests_approve_takes_several_ids_from_the_command_line(
    tmp_path: Path, database_url: str, desktops: tuple[AppCore, AppCore], capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = desktops
    _, alice_id, _ = household(first)
    first.users.act_as(alice_id)
    ids = [first.requests.create(b.asin, book=b).request.id for b in (DUNE, EMMA)]
    argv = ["--profile-dir", str(tmp_path / "desktop-b"), "--database-url", database_url, "requests"]

    code = main([*argv, "approve", *map(str, ids), "--note", "both fine", "--json"])

    out = json.loads(capsys.readouterr().out)
    assert code == 0 and [r["status"] for r in out["decided"]] == ["awaiting_search"] * 2
    code = main([*argv, "deny", str(ids[0]), "--user", "alice"])
    err = capsys.readouterr().err
    assert code != 0 and err.count("error:") == 1 and err.count("hint:") == 1
    assert "administrator" in err
