"""The admin queues: approvals (bulk approve or deny with a note, sidebar badge) and reported
problems (report dialog, replace or dismiss), with their loading, empty and error faces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import Audiobook, Request
from rmab_desktop.domain.catalog import CatalogBook, Person
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.reported_issues import ProblemKind, ProblemStatus
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.requests import ApprovalSettings, RequestService, UserService
from rmab_desktop.ui.dialogs.report_book_problem import ReportBookProblemDialog
from rmab_desktop.ui.main_window import MainWindow
from rmab_desktop.ui.models.roles import BadgeRole
from rmab_desktop.ui.pages.approvals_page import ApprovalsPage
from rmab_desktop.ui.pages.problems_page import ProblemsPage
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.shell import Shell

DUNE = CatalogBook("B0DUNE0001", "Dune", authors=(Person("Frank Herbert"),))
EMMA = CatalogBook("B0EMMA0001", "Emma", authors=(Person("Jane Austen"),))


def waiting_requests(core: AppCore) -> tuple[int, list[int]]:
    """Alice's two requests waiting for approval; (alice's id, request ids)."""
    alice = core.users.create("alice")
    core.users.set_approval_settings(ApprovalSettings(auto_approve=False))
    ids = [core.requests.create(b.asin, user=alice, book=b).request.id for b in (DUNE, EMMA)]
    return alice.id, ids


def available_request(core: AppCore, owner_id: int) -> int:
    with core.database.session() as session:
        book = Audiobook(asin="B0PERSUAS1", title="Persuasion", authors=[{"name": "Jane Austen"}])
        session.add(book)
        session.flush()
        request = Request(audiobook_id=book.id, user_id=owner_id, status=RequestStatus.AVAILABLE.value)
        session.add(request)
        session.flush()
        return request.id


def badge(core: AppCore, key: str) -> int:
    [spec] = [spec for spec in PAGES if spec.key == key]
    assert spec.badge is not None
    return spec.badge(core)()


def test_an_admin_approves_several_requests_at_once_with_a_note(qtbot, core: AppCore, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    alice_id, ids = waiting_requests(core)
    assert badge(core, "approvals") == 2
    page = ApprovalsPage(core.requests, core.users, core.events, shell.runner)
    qtbot.addWidget(page)
    assert page.states.state == "content" and page.model.rowCount() == 2
    assert [page.model.row_object(r).book.title for r in range(2)] == ["Dune", "Emma"]  # oldest first

    page.table.selectAll()
    assert page.approve_button.isEnabled() and "2" in page.approve_button.text()
    page.note.setText("Both fine")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)

    assert [core.requests.get(i).status for i in ids] == [RequestStatus.AWAITING_SEARCH] * 2
    assert core.requests.get(ids[0]).approval_note == "Both fine"
    assert "2" in page.message.text() and page.note.text() == ""
    assert page.states.state == "empty" and badge(core, "approvals") == 0

    core.users.act_as(alice_id)
    assert badge(core, "approvals") == 0  # nothing for someone who cannot approve
    page.reload()
    assert page.states.state == "empty" and "administrators" in page.states.empty.title_label.text()


def test_a_denial_reports_each_request_that_could_not_be_decided(qtbot, core: AppCore, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    _, ids = waiting_requests(core)
    page = ApprovalsPage(core.requests, core.users, core.events, shell.runner)
    qtbot.addWidget(page)
    page.table.selectAll()
    other_desktop = RequestService(core.database, core.queue, EventBus(), core.users, core.catalog.book)
    other_desktop.approve(ids[0])  # decided on another desktop meanwhile (this page heard nothing)

    page.decide(approve=False)

    assert core.requests.get(ids[1]).status == RequestStatus.DENIED
    assert f"Request {ids[0]}" in page.message.text() and "Denied 1 request" in page.message.text()


def test_the_queue_says_when_it_cannot_load(qtbot, tmp_path: Path, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    broken = Database.connect(f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}")  # no tables at all
    users = UserService(broken, ConfigStore(broken))
    requests = RequestService(broken, None, EventBus(), users, lambda asin, region: DUNE)  # type: ignore[arg-type]
    page = ApprovalsPage(requests, users, EventBus(), shell.runner)
    qtbot.addWidget(page)
    assert page.states.state == "error" and page.states.error.text_label.text()
    broken.dispose()


def test_the_sidebar_shows_a_page_badge_with_its_words(qtbot, core: AppCore) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(window_state=core.prefs.window)
    qtbot.addWidget(window)
    model = window.pages_model
    index = model.index(model.row_of("approvals"))

    window.set_badge("approvals", 3)

    assert index.data(BadgeRole) == 3
    assert "3" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Approvals"
    window.set_badge("approvals", 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Approvals"


def test_a_user_reports_a_wrong_book_and_an_admin_replaces_it(qtbot, core: AppCore, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    alice = core.users.create("alice")
    request_id = available_request(core, alice.id)
    core.users.act_as(alice.id)
    dialog = ReportBookProblemDialog(core.problems, shell.runner, request_id, "Persuasion")
    qtbot.addWidget(dialog)
    dialog.kinds.button(list(ProblemKind).index(ProblemKind.WRONG_BOOK)).setChecked(True)
    dialog.note.setPlainText("x" * 251)
    assert not dialog.send_button.isEnabled() and "1" in dialog.counter.text()
    dialog.note.setPlainText("This is Emma")

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == dialog.DialogCode.Accepted and dialog.reported is not None
    [problem] = core.problems.list()
    assert problem.kind == ProblemKind.WRONG_BOOK and problem.note == "This is Emma"
    again = ReportBookProblemDialog(core.problems, shell.runner, request_id, "Persuasion")
    qtbot.addWidget(again)
    again.send()
    assert "already reported" in again.message.text() and again.result() != again.DialogCode.Accepted

    user_page = ProblemsPage(core.problems, core.users, shell.runner)
    qtbot.addWidget(user_page)
    assert user_page.model.rowCount() == 1 and not user_page.replace_button.isVisibleTo(user_page)

    core.users.act_as(None)  # the administrator
    assert badge(core, "problems") == 1
    picked: list[int] = []
    page = ProblemsPage(core.problems, core.users, shell.runner, lambda rid, _t, _p: picked.append(rid))
    qtbot.addWidget(page)
    assert page.select_problem(problem.id) and page.replace_button.isEnabled()

    qtbot.mouseClick(page.pick_button, Qt.MouseButton.LeftButton)

    assert picked == [request_id]  # the interactive search opens for the same request
    assert core.problems.get(problem.id).status == ProblemStatus.REPLACED
    details = core.requests.get(request_id)
    assert details.status == RequestStatus.AWAITING_SEARCH and details.user_id == alice.id
    assert badge(core, "problems") == 0 and not page.replace_button.isEnabled()


def test_the_problem_queue_is_empty_until_someone_reports(qtbot, core: AppCore, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    page = ProblemsPage(core.problems, core.users, shell.runner)
    qtbot.addWidget(page)
    assert page.states.state == "empty" and "No problems" in page.states.empty.title_label.text()
    with core.database.session() as session:
        assert session.scalars(select(Request)).all() == []


def test_the_requests_page_offers_a_report_for_an_available_book(qtbot, core: AppCore, shell: Shell) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.ui.pages.requests_page import RequestsPage

    request_id = available_request(core, core.users.default_user().id)
    page = RequestsPage(
        core.requests, core.users, core.acquisition, core.events, shell.runner, problems=core.problems
    )
    qtbot.addWidget(page)
    assert page.select_request(request_id)
    assert page.buttons["report"].isVisibleTo(page)

    dialog = page.report_problem()

    assert isinstance(dialog, ReportBookProblemDialog)
    dialog.send()
    assert [p.request_id for p in core.problems.list()] == [request_id]
    assert "administrators" in page.action_message.text()
