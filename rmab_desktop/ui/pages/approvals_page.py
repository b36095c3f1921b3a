"""Approvals: requests waiting for an administrator; approve or deny with a note, one or many.

Rights are checked by the service on every action (read from the database then); the page only
hides the buttons from someone who is not an administrator any more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.enums import RequestKind, RequestStatus
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import Decision, RequestDetails, UserInfo
from rmab_desktop.ui.formatting import friendly_time
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.ui.widgets.state_stack import StateStack
from rmab_desktop.ui.widgets.visible_refresh import RefreshWhileVisible

if TYPE_CHECKING:
    from rmab_desktop.services.events import EventBus
    from rmab_desktop.services.requests import RequestService, UserService
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("ApprovalsPage")

REFRESH_MS = 5000

COLUMNS: list[Column[RequestDetails]] = [
    Column(tr.mark("Book"), lambda r: r.book.title),
    Column(tr.mark("Author"), lambda r: tr(", ", "between names").join(r.book.authors)),
    Column(tr.mark("Requested by"), lambda r: r.username),
    Column(
        tr.mark("Kind"),
        lambda r: tr("Ebook") if r.kind == RequestKind.EBOOK else tr("Audiobook"),
    ),
    Column(tr.mark("Requested"), lambda r: friendly_time(r.created_at)),
]


class _Bridge(QObject):
    """Services publish on any thread; this signal reloads on the GUI thread."""

    happened = Signal()


class ApprovalsPage(QWidget):
    def __init__(
        self, requests: RequestService, users: UserService, events: EventBus, runner: Runner
    ) -> None:
        super().__init__()
        self.requests, self.users, self.runner = requests, users, runner
        self.me: UserInfo | None = None
        self._build()
        self.bridge = _Bridge()
        self.bridge.happened.connect(self.reload)
        self._unsubscribe = events.subscribe(lambda _event: self.bridge.happened.emit())
        self.destroyed.connect(lambda *_: self._unsubscribe())
        RefreshWhileVisible(self, self.reload, REFRESH_MS)
        self.reload()

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Approvals"),
                tr(
                    "Requests from people without automatic approval wait here until an administrator decides."
                ),
            )
        )
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        self.model: RowTableModel[RequestDetails] = RowTableModel(COLUMNS)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Requests waiting for approval"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        inner.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note for the requester (optional)"))
        self.note.setAccessibleName(tr("Note for the requester"))
        self.note.setMaxLength(500)
        self.select_all = QPushButton(tr("Select &all"))
        self.select_all.clicked.connect(self.table.selectAll)
        self.approve_button = QPushButton(tr("&Approve"))
        self.deny_button = QPushButton(tr("&Deny"))
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.deny_button.clicked.connect(lambda: self.decide(approve=False))
        bar.addWidget(self.note, 1)
        for button in (self.select_all, self.approve_button, self.deny_button):
            bar.addWidget(button)
        inner.addLayout(bar)
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(tr("Result of the last decision"))
        inner.addWidget(self.message)
        self.states = StateStack(content, "success", self.reload)
        layout.addWidget(self.states, 1)
        self._update_buttons()

    # -- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        requests, users = self.requests, self.users

        def fetch() -> tuple[UserInfo, list[RequestDetails]]:
            waiting = requests.list(statuses=[RequestStatus.AWAITING_APPROVAL])
            return users.current(), [r for r in reversed(waiting) if r.parent_id is None]  # oldest first

        self.states.show_loading()
        self.runner.submit(fetch, on_result=self._loaded, on_error=self._load_failed)

    def _loaded(self, result: tuple[UserInfo, list[RequestDetails]]) -> None:
        self.me, rows = result
        if not self.me.is_admin:
            self.model.set_rows([])
            self.states.show_empty(
                tr("Only administrators approve requests"),
                tr("Your own requests and their approval show on the Requests page."),
            )
        elif not rows:
            self.model.set_rows([])
            self.states.show_empty(
                tr("Nothing waits for approval"),
                tr(
                    "When someone without automatic approval requests a book, it waits here and the "
                    "administrators are notified."
                ),
            )
        else:
            self.model.set_rows(rows)
            self.states.show_content()
        self._update_buttons()

    def _load_failed(self, info: ErrorInfo) -> None:
        self.states.show_error(f"{info.message} {info.hint}".strip())

    def selected(self) -> list[RequestDetails]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        found = [self.model.index(row, 0).data(ObjectRole) for row in sorted(rows)]
        return [r for r in found if isinstance(r, RequestDetails)]

    def _update_buttons(self) -> None:
        count = len(self.selected())
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(count > 0)
        self.approve_button.setText(tr.n("&Approve %n", count) if count > 1 else tr("&Approve"))
        self.deny_button.setText(tr.n("&Deny %n", count) if count > 1 else tr("&Deny"))

    # -- deciding --------------------------------------------------------------------------------
    def decide(self, *, approve: bool) -> None:
        chosen = [r.id for r in self.selected()]
        if not chosen:
            return
        note, requests = self.note.text(), self.requests
        self.message.setText(tr("Approving…") if approve else tr("Denying…"))
        for button in (self.approve_button, self.deny_button):
            button.setEnabled(False)
        self.runner.submit(
            lambda: requests.decide(chosen, approve, note),
            on_result=lambda decisions: self._decided(decisions, approve),
            on_error=self._failed,
        )

    def _decided(self, decisions: list[Decision], approve: bool) -> None:
        done = [d for d in decisions if d.ok]
        failed = [d for d in decisions if not d.ok]
        lines = []
        if done:
            lines.append(
                tr.n("Approved %n request(s).", len(done))
                if approve
                else tr.n("Denied %n request(s).", len(done))
            )
        lines += [tr("Request {id}: {error}").format(id=d.request_id, error=d.error) for d in failed]
        self.message.setText("\n".join(lines))
        if done:
            self.note.clear()
        self.reload()

    def _failed(self, info: ErrorInfo) -> None:
        self.message.setText(f"{info.message} {info.hint}".strip())
        self._update_buttons()
