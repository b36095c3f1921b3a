"""Reported problems: books users said are wrong. Administrators dismiss a report, or replace the
book (its release is blocked, the app's own files of it go, the same request searches again or an
administrator picks the release). Everyone else sees the reports they made and what became of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.reported_issues import ProblemStatus, Replacement, ReportedProblem
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.ui.delegates.badge_delegate import BadgeDelegate
from rmab_desktop.ui.formatting import friendly_time
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.ui.widgets.state_stack import StateStack
from rmab_desktop.ui.widgets.visible_refresh import RefreshWhileVisible

if TYPE_CHECKING:
    from collections.abc import Callable

    from rmab_desktop.services.reported_issues import ProblemReports
    from rmab_desktop.services.requests import UserService
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("ProblemsPage")

REFRESH_MS = 10_000
LEVELS = {ProblemStatus.OPEN: "warning", ProblemStatus.DISMISSED: "muted", ProblemStatus.REPLACED: "success"}

COLUMNS: list[Column[ReportedProblem]] = [
    Column(tr.mark("Status"), lambda p: p.status_label, level=lambda p: LEVELS[p.status]),
    Column(tr.mark("Book"), lambda p: p.title),
    Column(tr.mark("Problem"), lambda p: p.kind_label, tooltip=lambda p: p.note),
    Column(tr.mark("Reported by"), lambda p: p.reporter),
    Column(tr.mark("Reported"), lambda p: friendly_time(p.created_at)),
]


class ProblemsPage(QWidget):
    def __init__(
        self,
        problems: ProblemReports,
        users: UserService,
        runner: Runner,
        pick_release: Callable[[int, str, QWidget], None] | None = None,
    ) -> None:
        """``pick_release`` opens the interactive search for a request (after "Replace and pick")."""
        super().__init__()
        self.problems, self.users, self.runner = problems, users, runner
        self.pick_release = pick_release
        self.me: UserInfo | None = None
        self._build()
        RefreshWhileVisible(self, self.reload, REFRESH_MS)
        self.reload()

    def _build(self) -> None:
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Reported problems"),
                tr("Books someone said are wrong: replace them with another release, or dismiss the report."),
            )
        )
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        self.model: RowTableModel[ReportedProblem] = RowTableModel(COLUMNS)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Reported problems"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents
            )
        self.table.setItemDelegateForColumn(0, BadgeDelegate(self.table))
        self.table.setColumnWidth(0, 120)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        inner.addWidget(self.table, 1)
        self.detail = QLabel(wordWrap=True)
        self.detail.setAccessibleName(tr("The selected report"))
        inner.addWidget(self.detail)
        bar = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note for the reporter (optional)"))
        self.note.setAccessibleName(tr("Note for the reporter"))
        self.note.setMaxLength(500)
        self.dismiss_button = QPushButton(tr("&Dismiss"))
        self.dismiss_button.setToolTip(tr("Close the report; the book stays as it is"))
        self.replace_button = QPushButton(tr("&Replace"))
        self.replace_button.setToolTip(
            tr("Block this release for the book, remove the files the app imported and search again")
        )
        self.pick_button = QPushButton(tr("Replace and &pick…"))
        self.pick_button.setToolTip(tr("Like Replace, but you choose the new release yourself"))
        self.dismiss_button.clicked.connect(self.dismiss)
        self.replace_button.clicked.connect(lambda: self.replace(pick=False))
        self.pick_button.clicked.connect(lambda: self.replace(pick=True))
        bar.addWidget(self.note, 1)
        for button in (self.dismiss_button, self.replace_button, self.pick_button):
            bar.addWidget(button)
        inner.addLayout(bar)
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName(tr("Result of the last action"))
        inner.addWidget(self.message)
        self.states = StateStack(content, "warning", self.reload)
        layout.addWidget(self.states, 1)
        self._update_buttons()

    # -- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        problems, users = self.problems, self.users

        def fetch() -> tuple[UserInfo, list[ReportedProblem]]:
            me = users.current()
            return me, problems.list(reporter_id=None if me.is_admin else me.id)

        self.states.show_loading()
        self.runner.submit(fetch, on_result=self._loaded, on_error=self._load_failed)

    def _loaded(self, result: tuple[UserInfo, list[ReportedProblem]]) -> None:
        self.me, rows = result
        self.model.set_rows(rows)
        if rows:
            self.states.show_content()
        elif self.me.is_admin:
            self.states.show_empty(
                tr("No problems reported"),
                tr(
                    "When someone reports a wrong book, bad audio or the wrong edition from the Library "
                    "or Requests page, the report waits here and the administrators are notified."
                ),
            )
        else:
            self.states.show_empty(
                tr("You reported no problems"),
                tr("Something wrong with a book? Select it on the Library or Requests page and report it."),
            )
        self._show_current()

    def _load_failed(self, info: ErrorInfo) -> None:
        self.states.show_error(f"{info.message} {info.hint}".strip())

    def current(self) -> ReportedProblem | None:
        problem = self.table.currentIndex().data(ObjectRole)
        return problem if isinstance(problem, ReportedProblem) else None

    def select_problem(self, problem_id: int) -> bool:
        row = self.model.row_of(problem_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _show_current(self) -> None:
        problem = self.current()
        if problem is None:
            self.detail.setText(tr("Select a report to see it."))
        else:
            lines = [
                tr("“{title}”: {kind}, reported by {reporter}; requested by {requester}.").format(
                    title=problem.title,
                    kind=problem.kind_label,
                    reporter=problem.reporter or tr("someone"),
                    requester=problem.requester or tr("someone"),
                ),
                tr("Note: {note}").format(note=problem.note) if problem.note else "",
                tr("Answer: {note}").format(note=problem.resolution_note) if problem.resolution_note else "",
            ]
            self.detail.setText("\n".join(line for line in lines if line))
        self._update_buttons()

    def _update_buttons(self) -> None:
        problem = self.current()
        admin = bool(self.me and self.me.is_admin)
        can_act = admin and problem is not None and problem.status == ProblemStatus.OPEN
        for widget in (self.note, self.dismiss_button, self.replace_button, self.pick_button):
            widget.setVisible(admin)
            widget.setEnabled(can_act)
        self.pick_button.setVisible(admin and self.pick_release is not None)

    # -- actions ---------------------------------------------------------------------------------
    def dismiss(self) -> None:
        problem = self.current()
        if problem is None:
            return
        problems, note = self.problems, self.note.text()
        self.runner.submit(
            lambda: problems.dismiss(problem.id, note),
            on_result=lambda _p: self._done(tr("Report dismissed.")),
            on_error=self._failed,
        )

    def replace(self, *, pick: bool) -> None:
        problem = self.current()
        if problem is None:
            return
        problems, note = self.problems, self.note.text()
        self.message.setText(tr("Replacing…"))
        self.runner.submit(
            lambda: problems.replace(problem.id, note, interactive=pick),
            on_result=lambda done: self._replaced(done, pick),
            on_error=self._failed,
        )

    def _replaced(self, done: Replacement, pick: bool) -> None:
        lines = [
            tr.n("%n release(s) blocked for this book.", len(done.blocklisted)),
            tr.n("Removed %n file(s) the app had imported.", len(done.removed)),
        ]
        if done.kept:
            lines.append(tr.n("Kept %n file(s) the app did not import.", len(done.kept)))
        lines.append(
            tr("Pick the new release in the search window.")
            if pick
            else tr("Searching again for the same request.")
        )
        lines += list(done.problems)
        self._done("\n".join(lines))
        request_id = done.problem.request_id
        if pick and self.pick_release is not None and request_id is not None:
            self.pick_release(request_id, done.problem.title, self)

    def _done(self, message: str) -> None:
        self.message.setText(message)
        self.note.clear()
        self.reload()

    def _failed(self, info: ErrorInfo) -> None:
        self.message.setText(f"{info.message} {info.hint}".strip())
