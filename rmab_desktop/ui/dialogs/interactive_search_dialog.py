"""Interactive search for one request: every result ranked, rejected ones greyed with their reasons,
and any one can be grabbed: the user's explicit choice may override the gate (after a warning)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.releases import RankedRelease
from rmab_desktop.services.pipeline import Acquisition
from rmab_desktop.ui.dialogs.sizing import set_column_widths
from rmab_desktop.ui.formatting import number, size
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel
from rmab_desktop.workers.runner import ErrorInfo, ImmediateRunner, TaskRunner

tr = Translator("InteractiveSearch")
BLOCKLISTED = tr.mark("Blocklisted")
ACCEPTED = tr.mark("Accepted")
REJECTED = tr.mark("Rejected")


@dataclass(frozen=True)
class SearchResult:
    """One row of the dialog: a ranked release, its rank, and whether the blocklist has it."""

    rank: int
    ranked: RankedRelease
    blocked: bool

    @property
    def id(self) -> str:
        return f"{self.rank}:{self.ranked.release.guid}"

    @property
    def usable(self) -> bool:
        return self.ranked.accepted and not self.blocked

    @property
    def verdict(self) -> str:
        """Blocklisted, Accepted or Rejected, in the app's language."""
        if self.blocked:
            return text(BLOCKLISTED)
        return text(ACCEPTED if self.ranked.accepted else REJECTED)

    @property
    def first_reason(self) -> str:
        if self.blocked:
            return tr("Blocklisted: it failed for this book before")
        reasons = [r for r in self.ranked.reasons if r.startswith("Rejected")] or self.ranked.reasons
        return reasons[0] if reasons else ""


COLUMNS: list[Column[SearchResult]] = [
    Column(tr.mark("#"), lambda r: r.rank, sort=lambda r: r.rank),
    Column(
        tr.mark("Verdict"),
        lambda r: r.verdict,
        level=lambda r: "success" if r.usable else "muted",
        tooltip=lambda r: "\n".join(r.ranked.reasons),
    ),
    Column(tr.mark("Score"), lambda r: number(r.ranked.score, 1), sort=lambda r: r.ranked.score),
    Column(tr.mark("Title"), lambda r: r.ranked.release.title, tooltip=lambda r: "\n".join(r.ranked.reasons)),
    Column(tr.mark("Indexer"), lambda r: r.ranked.release.indexer),
    Column(
        tr.mark("Size"),
        lambda r: size(r.ranked.release.size_bytes or None),
        sort=lambda r: r.ranked.release.size_bytes or 0,
    ),
    Column(
        tr.mark("Seeders"),
        lambda r: "" if r.ranked.release.seeders is None else r.ranked.release.seeders,
        sort=lambda r: r.ranked.release.seeders or -1,
    ),
    Column(tr.mark("Why"), lambda r: r.first_reason, tooltip=lambda r: "\n".join(r.ranked.reasons)),
]


class SearchResultsModel(RowTableModel[SearchResult]):
    """Rejected and blocklisted rows are drawn greyed out."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if not self.row_object(index.row()).usable:
                palette = QApplication.palette()
                return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            return None
        return super().data(index, role)


def explain(result: SearchResult) -> str:
    """The score parts and every reason, for the detail pane."""
    ranked = result.ranked
    verdict = tr("{verdict}, score {score}").format(verdict=result.verdict, score=number(ranked.score, 1))
    lines = [ranked.release.title, verdict, ""]
    lines += [f"• {reason}" for reason in ranked.reasons]
    if ranked.parts:
        lines += ["", tr("Score parts:")]
        lines += [
            f"  {name}: {'+' if value >= 0 else ''}{number(value, 1)}"
            for name, value in sorted(ranked.parts.items(), key=lambda p: -abs(p[1]))
        ]
    return "\n".join(lines)


class InteractiveSearchDialog(QDialog):
    def __init__(
        self,
        acquisition: Acquisition,
        runner: TaskRunner | ImmediateRunner,
        request_id: int,
        book_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.acquisition = acquisition
        self.runner = runner
        self.request_id = request_id
        self.setWindowTitle(tr("Interactive search: {title}").format(title=book_title))
        self.resize(1100, 640)
        self.model = SearchResultsModel(COLUMNS)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        layout = QVBoxLayout(self)
        self.status_label = QLabel(tr("Searching every indexer…"))
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Releases found"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        set_column_widths(self.table, {0: 36, 1: 90, 2: 60, 3: 420, 4: 120, 5: 80, 6: 70})
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.grab_selected())
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setAccessibleName(tr("Why this score"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([440, 160])
        layout.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.grab_button = QPushButton(tr("&Grab this release"))
        self.grab_button.setEnabled(False)
        self.grab_button.clicked.connect(self.grab_selected)
        buttons.addButton(self.grab_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search()

    def search(self) -> None:
        self.runner.submit(
            self.acquisition.interactive_results, self.request_id,
            on_result=self._loaded, on_error=self._error,
        )  # fmt: skip

    def _loaded(self, results: list[tuple[RankedRelease, bool]]) -> None:
        rows = [SearchResult(rank, ranked, blocked) for rank, (ranked, blocked) in enumerate(results, 1)]
        self.model.set_rows(rows)
        usable = sum(r.usable for r in rows)
        if rows:
            counts = tr("{results}, {acceptable}.").format(
                results=tr.n("%n result(s)", len(rows)), acceptable=tr.n("%n acceptable", usable)
            )
            self.status_label.setText(
                tr(
                    "{counts} Greyed rows were rejected or are blocklisted; hover or select one to see why. "
                    "You can still grab any of them."
                ).format(counts=counts)
            )
        else:
            self.status_label.setText(
                tr("No results. Check the indexers in Settings, or set custom search terms on the request.")
            )
        if rows:
            self.table.selectRow(0)

    def _error(self, info: ErrorInfo) -> None:
        self.status_label.setText(
            tr("Search failed: {reason}").format(reason=f"{info.message} {info.hint}".strip())
        )

    def current(self) -> SearchResult | None:
        index = self.table.currentIndex()
        return index.data(ObjectRole) if index.isValid() else None

    def _selected(self, *_args: Any) -> None:
        result = self.current()
        self.grab_button.setEnabled(result is not None)
        self.details.setPlainText(explain(result) if result else "")

    def confirm_override(self, result: SearchResult) -> bool:
        """Rejected or blocklisted: grab only after the user confirms, seeing the reason."""
        answer = QMessageBox.warning(
            self,
            tr("Grab a rejected release?"),
            tr("“{title}” is {verdict}:\n{reason}\n\nGrab it anyway?").format(
                title=result.ranked.release.title, verdict=result.verdict.lower(), reason=result.first_reason
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def grab_selected(self) -> None:
        result = self.current()
        if result is None or (not result.usable and not self.confirm_override(result)):
            return
        self.grab_button.setEnabled(False)
        self.status_label.setText(tr("Grabbing “{title}”…").format(title=result.ranked.release.title))
        self.runner.submit(
            self.acquisition.grab_chosen, self.request_id, result.ranked,
            on_result=lambda _job: self.accept(), on_error=self._grab_failed,
        )  # fmt: skip

    def _grab_failed(self, info: ErrorInfo) -> None:
        self.grab_button.setEnabled(True)
        self._error(info)
