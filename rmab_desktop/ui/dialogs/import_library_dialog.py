"""Import an existing library: scan a folder, review a proposed match per book, link, optionally
reorganize after a preview of every move. Nothing is linked or moved until the user says so.
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.library.importing import (
    Candidate,
    LibraryImport,
    MoveReport,
    PlannedMove,
    Proposal,
)
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE
from rmab_desktop.ui.dialogs.sizing import set_column_widths
from rmab_desktop.ui.formatting import number, percent
from rmab_desktop.ui.models.roles import KeyRole, ObjectRole, SortRole
from rmab_desktop.ui.notifier import Notifier
from rmab_desktop.ui.theme import status_color

if TYPE_CHECKING:
    from rmab_desktop.domain.cancel import CancelToken
    from rmab_desktop.services.library.backends import Progress
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import TaskHandle

Index = QModelIndex | QPersistentModelIndex
tr = Translator("ImportLibraryDialog")
SKIP = tr.mark("Skip")
PENDING = tr.mark("Not decided")
LINK = tr.mark("Link")
# Scan phases (ScanProgress.phase, then this dialog's "matching"), as the status line names them.
PHASES = {
    "walking": tr.mark("Walking"),
    "reading": tr.mark("Reading"),
    "saving": tr.mark("Saving"),
    "done": tr.mark("Done"),
    "matching": tr.mark("Matching"),
}


RowT = TypeVar("RowT")


class _RowsModel(QAbstractTableModel, Generic[RowT]):
    """A read-only table over ``self._rows`` with fixed ``HEADERS`` (marked for translation)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RowT] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return text(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None


class ProposalModel(_RowsModel[Proposal]):
    """One row per scanned book: what was found, the proposed match, the user's decision."""

    HEADERS = (
        tr.mark("Decision"),
        tr.mark("Folder"),
        tr.mark("Proposed match"),
        tr.mark("Confidence"),
        tr.mark("Why"),
    )

    def __init__(self) -> None:
        super().__init__()
        self._decisions: list[Candidate | str] = []  # a Candidate to link, SKIP or PENDING

    def set_proposals(self, proposals: list[Proposal]) -> None:
        self.beginResetModel()
        self._rows = list(proposals)
        self._decisions = [PENDING] * len(self._rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        proposal, decision = self._rows[index.row()], self._decisions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return text(decision if isinstance(decision, str) else LINK)
            if column == 1:
                return proposal.book.path
            if column == 2:
                chosen = decision if isinstance(decision, Candidate) else proposal.candidate
                return chosen.label if chosen else "—"
            if column == 3:
                return percent(proposal.confidence) if proposal.candidate else ""
            if column == 4:
                return proposal.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            level = "success" if isinstance(decision, Candidate) else ("warning" if decision == SKIP else "")
            return status_color(level, False) if level else None
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 4):
            return proposal.folder if column == 1 else proposal.reason
        if role == SortRole:
            return (proposal.confidence, proposal.book.path)[column == 1]
        if role == ObjectRole:
            return proposal
        if role == KeyRole:
            return proposal.folder
        return None

    def decide(self, rows: list[int], decision: Candidate | str) -> None:
        for row in rows:
            self._decisions[row] = decision
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def decide_proposed(self, rows: list[int]) -> int:
        """Accept the proposed match of the given rows that have one; returns how many."""
        chosen = [(row, found) for row in rows if (found := self._rows[row].candidate) is not None]
        for row, candidate in chosen:
            self.decide([row], candidate)
        return len(chosen)

    def confident_rows(self) -> list[int]:
        return [row for row, proposal in enumerate(self._rows) if proposal.confident]

    def proposal(self, row: int) -> Proposal:
        return self._rows[row]

    def accepted(self) -> list[tuple[Proposal, Candidate]]:
        return [(p, d) for p, d in zip(self._rows, self._decisions, strict=True) if isinstance(d, Candidate)]


class MovesModel(_RowsModel[PlannedMove]):
    HEADERS = (tr.mark("From"), tr.mark("To"), tr.mark("Problem"))

    def set_moves(self, moves: list[PlannedMove]) -> None:
        self.beginResetModel()
        self._rows = list(moves)
        self.endResetModel()

    @property
    def moves(self) -> list[PlannedMove]:
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        move = self._rows[index.row()]
        values = (move.folder, move.target_rel, move.problem or "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            return values[index.column()] if 0 <= index.column() < 3 else None
        if role == Qt.ItemDataRole.ForegroundRole and move.problem:
            return QColor(status_color("warning", False))
        if role == ObjectRole:
            return move
        return None


def _table(model: QAbstractTableModel) -> tuple[QTableView, QSortFilterProxyModel]:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view, proxy


class ImportLibraryDialog(QDialog):
    def __init__(
        self,
        workflow: LibraryImport,
        runner: Runner,
        notifier: Notifier,
        library_root: str | None,
        template: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Import an existing library"))
        self.resize(1100, 640)
        self.runner, self.notifier = runner, notifier
        self.workflow = workflow
        self.library_root = library_root
        self.template = template or DEFAULT_TEMPLATE
        self.folder = ""
        self._candidates: list[Candidate] = []
        self._handle: TaskHandle | None = None
        self.proposals = ProposalModel()
        self.moves = MovesModel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._folder_step())
        self.stack.addWidget(self._review_step())
        self.stack.addWidget(self._move_step())
        self.status = QLabel(wordWrap=True)
        self.status.setAccessibleName(tr("Status"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)

    # ----------------------------------------------------------------- step 1: folder
    def _folder_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                "<h3>"
                + tr("Which folder holds your audiobooks?")
                + "</h3>"
                + tr(
                    "The app reads the folder and its tags and proposes which book each folder is. "
                    "It changes nothing on disk until you review the proposals and agree."
                ),
                wordWrap=True,
            )
        )
        self.folder_edit = QLineEdit(self.library_root or "")
        self.folder_edit.setAccessibleName(tr("Folder to import"))
        browse = QPushButton(tr("&Browse…"))
        browse.clicked.connect(self._browse)
        self.scan_button = QPushButton(tr("&Scan"))
        self.scan_button.setDefault(True)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_scan = QPushButton(tr("Cancel scan"))
        self.cancel_scan.setEnabled(False)
        self.cancel_scan.clicked.connect(self._stop_scan)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        row.addWidget(self.scan_button)
        row.addWidget(self.cancel_scan)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Library folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def scan(self) -> None:
        folder = self.folder_edit.text().strip()
        if not folder:
            self.status.setText(tr("Choose a folder first."))
            return
        self.folder = os.path.abspath(folder)
        self.scan_button.setEnabled(False)
        self.cancel_scan.setEnabled(True)
        self.status.setText(tr("Scanning…"))
        self._handle = self.runner.submit(
            self._scan_and_propose,
            self.folder,
            pool="library",
            with_progress=True,
            on_progress=self._scan_progress,
            on_result=self._proposed,
            on_error=self._failed,
            on_finished=self._scan_finished,
        )

    def _stop_scan(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def _scan_finished(self) -> None:
        self.scan_button.setEnabled(True)
        self.cancel_scan.setEnabled(False)

    def _scan_and_propose(
        self, folder: str, progress: Progress, cancel: CancelToken
    ) -> tuple[list[Proposal], list[Candidate]]:
        books = self.workflow.scan(folder, progress=progress, cancel=cancel)
        progress("matching")
        candidates = self.workflow.candidates(books, cancel)
        return self.workflow.propose(folder, books, candidates), candidates

    def _scan_progress(self, value: object) -> None:
        phase, done, total = (getattr(value, n, None) for n in ("phase", "done", "total"))
        phase = str(phase or value)
        words = text(PHASES.get(phase, phase.capitalize()))
        if total:
            self.status.setText(
                tr.n("{phase}: {done} of %n file(s)…", total).format(phase=words, done=number(done or 0))
            )
        else:
            self.status.setText(tr("{phase}…").format(phase=words))

    def _failed(self, info: Any) -> None:
        self.status.setText(f"{info.message} {info.hint}".strip())

    def _proposed(self, result: tuple[list[Proposal], list[Candidate]]) -> None:
        proposals, self._candidates = result
        self.proposals.set_proposals(proposals)
        self.review_view.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        confident = len(self.proposals.confident_rows())
        self.accept_confident.setText(tr.n("Accept the %n confident match(es)", confident))
        self.accept_confident.setEnabled(confident > 0)
        self.status.setText(
            tr("{books}; {matches}. Review them, then link.").format(
                books=tr.n("%n book(s) found", len(proposals)),
                matches=tr.n("%n confident match(es)", confident),
            )
        )
        self.stack.setCurrentIndex(1)
        self.link_button.setDefault(True)

    # ----------------------------------------------------------------- step 2: review
    def _review_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                "<h3>"
                + tr("Review the proposed matches")
                + "</h3>"
                + tr(
                    "Accept, fix or skip each book. Only books marked <b>Link</b> are linked; the others stay as they are."
                ),
                wordWrap=True,
            )
        )
        self.review_view, self.review_proxy = _table(self.proposals)
        self.review_view.setAccessibleName(tr("Proposed matches"))
        set_column_widths(self.review_view, {0: 100, 1: 330, 2: 330, 3: 90})
        self.review_view.doubleClicked.connect(lambda _i: self.fix_selected())
        layout.addWidget(self.review_view, 1)
        self.accept_confident = QPushButton(tr("Accept the confident matches"))
        self.accept_confident.clicked.connect(
            lambda: self.proposals.decide_proposed(self.proposals.confident_rows())
        )
        accept = QPushButton(tr("&Accept selected"))
        accept.clicked.connect(lambda: self.proposals.decide_proposed(self._selected_rows()))
        fix = QPushButton(tr("&Choose match…"))
        fix.clicked.connect(self.fix_selected)
        skip = QPushButton(tr("S&kip selected"))
        skip.clicked.connect(lambda: self.proposals.decide(self._selected_rows(), SKIP))
        self.link_button = QPushButton(tr("&Link accepted books"))
        self.link_button.clicked.connect(self.link)
        row = QHBoxLayout()
        for button in (self.accept_confident, accept, fix, skip):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.link_button)
        layout.addLayout(row)
        return page

    def _selected_rows(self) -> list[int]:
        rows = self.review_view.selectionModel().selectedRows()
        return sorted({self.review_proxy.mapToSource(index).row() for index in rows})

    def fix_selected(self) -> None:
        rows = self._selected_rows()
        if len(rows) != 1:
            self.status.setText(tr("Select one book to choose its match."))
            return
        proposal = self.proposals.proposal(rows[0])
        ordered = [c for c in (proposal.candidate, *proposal.alternatives) if c is not None]
        ordered += sorted((c for c in self._candidates if c not in ordered), key=lambda c: c.label.casefold())
        if not ordered:
            self.status.setText(tr("The app knows no books yet: request or search some first."))
            return
        labels = [c.label for c in ordered]
        label, ok = QInputDialog.getItem(
            self,
            tr("Choose match"),
            tr("Which book is {folder}?").format(folder=proposal.book.path),
            labels,
            0,
            True,
        )
        if ok and label in labels:
            self.proposals.decide(rows, ordered[labels.index(label)])

    def link(self) -> None:
        decisions = self.proposals.accepted()
        if not decisions:
            self.status.setText(tr("No book is marked Link yet."))
            return
        self.link_button.setEnabled(False)
        self.runner.submit(
            self.workflow.link,
            decisions,
            pool="library",
            on_result=self._linked,
            on_error=self._failed,
            on_finished=lambda: self.link_button.setEnabled(True),
        )

    def _linked(self, count: int) -> None:
        self.status.setText(tr.n("Linked %n book(s).", count))
        self.notifier.notify(tr("Library import"), tr.n("Linked %n book(s) to the catalog.", count))
        self.stack.setCurrentIndex(2)
        self.preview_button.setDefault(True)

    # ----------------------------------------------------------------- step 3: moves
    def _move_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.move_intro = QLabel(wordWrap=True)
        self.move_intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.move_intro)
        self.moves_view, _ = _table(self.moves)
        self.moves_view.setAccessibleName(tr("Planned moves"))
        set_column_widths(self.moves_view, {0: 430, 1: 430})
        layout.addWidget(self.moves_view, 1)
        self.preview_button = QPushButton(tr("&Preview moves"))
        self.preview_button.clicked.connect(self.preview_moves)
        self.move_button = QPushButton(tr("&Move these books"))
        self.move_button.setEnabled(False)
        self.move_button.clicked.connect(self.move_books)
        row = QHBoxLayout()
        row.addWidget(self.preview_button)
        row.addStretch(1)
        row.addWidget(self.move_button)
        layout.addLayout(row)
        return page

    def showEvent(self, event: QShowEvent) -> None:
        folder = html.escape(self.library_root) if self.library_root else tr("(not set)")
        self.move_intro.setText(
            "<h3>"
            + tr("Reorganize (optional)")
            + "</h3>"
            + tr(
                "The linked books can be moved into your library folder <b>{folder}</b> following the "
                "naming template. Preview first: every move is listed, and nothing moves until you press Move."
            ).format(folder=folder)
        )
        super().showEvent(event)

    def preview_moves(self) -> None:
        if not self.library_root:
            self.status.setText(tr("Set the library folder in Settings first."))
            return
        self.runner.submit(
            self.workflow.plan_moves,
            self.proposals.accepted(),
            self.library_root,
            self.template,
            pool="library",
            on_result=self._previewed,
            on_error=self._failed,
        )

    def _previewed(self, moves: list[PlannedMove]) -> None:
        self.moves.set_moves(moves)
        ready = sum(1 for m in moves if not m.problem)
        self.move_button.setText(tr.n("&Move %n book(s)", ready))
        self.move_button.setEnabled(ready > 0)
        self.status.setText(
            tr("{ready}, {left}.").format(
                ready=tr.n("%n book(s) can move", ready),
                left=tr.n("%n book(s) cannot (see Problem)", len(moves) - ready),
            )
        )

    def move_books(self, confirmed: bool | None = None) -> None:
        ready = [m for m in self.moves.moves if not m.problem]
        if confirmed is None:
            answer = QMessageBox.question(
                self,
                tr("Move books"),
                tr.n("Move %n book folder(s) into {folder}?", len(ready)).format(folder=self.library_root),
            )
            confirmed = answer == QMessageBox.StandardButton.Yes
        if not confirmed or not ready:
            return
        self.move_button.setEnabled(False)
        self.runner.submit(
            self.workflow.move,
            ready,
            self.library_root,
            self.template,
            pool="library",
            with_progress=True,
            on_progress=lambda text: self.status.setText(str(text)),
            on_result=self._moved,
            on_error=self._failed,
        )

    def _moved(self, report: MoveReport) -> None:
        failed = "; ".join(f"{os.path.basename(f)}: {why}" for f, why in report.failed[:3])
        moved = tr.n("Moved %n book(s).", len(report.moved))
        self.status.setText(
            tr("{moved} Not moved: {failed}").format(moved=moved, failed=failed) if failed else moved
        )
        self.notifier.notify(
            tr("Library import"), tr.n("Moved %n book(s) into the library.", len(report.moved))
        )
