"""The Audible library page: the titles you own (and your wishlist) with covers, listening progress,
your rating, filters, sort and search; sign-in, sync and export import; "Request everything missing".

All reading and writing runs on the runner; the page shows loading, empty and error states.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QWidget,
)

from rmab_desktop.domain.audible_library import (
    AudibleEntry,
    ImportSummary,
    ListeningState,
    Shelf,
    WishlistPlan,
)
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.audible_library import (
    AudibleLibraryStore,
    WishlistOutcome,
    import_export,
    plan_missing,
    request_missing,
    sync_both,
)
from rmab_desktop.services.audible_library.account import AccountInfo, AudibleAccount
from rmab_desktop.services.requests import RequestService
from rmab_desktop.ui.delegates.audible_card_delegate import AudibleCardDelegate
from rmab_desktop.ui.delegates.progress_delegate import ProgressDelegate
from rmab_desktop.ui.dialogs.audible_dialogs import AudibleSignInDialog, WishlistPreviewDialog
from rmab_desktop.ui.dialogs.sizing import set_column_widths
from rmab_desktop.ui.formatting import friendly_time
from rmab_desktop.ui.models.audible_model import PROGRESS_COLUMN, AudibleModel
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.models.roles import SortRole
from rmab_desktop.ui.notifier import Notifier
from rmab_desktop.ui.shell import Runner
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("AudibleLibraryPage")

STATES = (
    (tr.mark("All titles"), None),
    (tr.mark("Finished"), ListeningState.FINISHED),
    (tr.mark("In progress"), ListeningState.IN_PROGRESS),
    (tr.mark("Not started"), ListeningState.NOT_STARTED),
)
LOCAL = ((tr.mark("Anywhere"), None), (tr.mark("In my library"), True), (tr.mark("Not in my library"), False))
SORTS = (
    (tr.mark("Title"), "title"),
    (tr.mark("Author"), "author"),
    (tr.mark("Recently added"), "added"),
    (tr.mark("Progress"), "progress"),
    (tr.mark("My rating"), "rating"),
)
GRID, TABLE, EMPTY = 0, 1, 2


class AudibleLibraryPage(QWidget):
    def __init__(
        self,
        store: AudibleLibraryStore,
        account: AudibleAccount,
        requests: RequestService,
        runner: Runner,
        notifier: Notifier,
        covers: CoverImages | None,
        region: str,
    ) -> None:
        super().__init__()
        self.store, self.account, self.requests = store, account, requests
        self.runner, self.notifier, self.region = runner, notifier, region
        self.shelf = Shelf.LIBRARY
        self.account_info: AccountInfo | None = None
        self.model = AudibleModel(covers)
        self.proxy = QSortFilterProxyModel(self)  # the table's header sorts too
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        layout = page_layout(self)
        self.import_button = QPushButton(tr("&Import export…"))
        self.import_button.setToolTip(tr("Import an audible-cli or Libation export (JSON, CSV or TSV)"))
        self.import_button.clicked.connect(self.choose_import)
        self.sign_in_button = QPushButton(tr("Sign &in…"))
        self.sign_in_button.clicked.connect(self.sign_in_or_out)
        self.sync_button = QPushButton(tr("S&ync now"))
        self.sync_button.clicked.connect(self.sync)
        layout.addWidget(
            PageHeader(
                tr("Audible library"),
                tr("The audiobooks you own on Audible, how far you listened, and your wishlist."),
                self.import_button,
                self.sign_in_button,
                self.sync_button,
            )
        )
        self.tabs = QTabBar()
        self.tabs.addTab(tr("Library"))
        self.tabs.addTab(tr("Wishlist"))
        self.tabs.setAccessibleName(tr("Library or wishlist"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs)
        layout.addLayout(self._filter_bar())
        self.stack = QStackedWidget()
        self.grid = QListView()
        self.grid.setAccessibleName(tr("Audible titles as covers"))
        self.grid.setModel(self.proxy)
        self.grid.setItemDelegate(AudibleCardDelegate(self.grid))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setSpacing(4)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.grid.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)  # into a list
        self.table = QTableView()
        self.table.setAccessibleName(tr("Audible titles as a table"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setItemDelegateForColumn(PROGRESS_COLUMN, ProgressDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        self.table.setIconSize(QSize(28, 28))  # the cover, small, beside the title
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        preferred = {0: 260, 1: 160, 2: 140, 3: 160, 4: 150}  # the rest: as wide as their titles
        set_column_widths(self.table, {c: preferred.get(c, 0) for c in range(self.proxy.columnCount())})
        self.empty = EmptyState(
            "audible",
            tr("No Audible titles yet"),
            tr("Sign in to Audible and sync, or import an export from audible-cli or Libation."),
            tr("Import an export…"),
            self.choose_import,
        )
        for widget in (self.grid, self.table, self.empty):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        bottom = QHBoxLayout()
        self.status_label = QLabel(tr("Loading…"))
        self.status_label.setWordWrap(True)
        self.request_missing_button = QPushButton(tr("&Request everything missing…"))
        self.request_missing_button.setToolTip(
            tr("Request every wishlist book that is not owned, in your library, requested or ignored")
        )
        self.request_missing_button.clicked.connect(self.preview_missing)
        self.request_missing_button.hide()
        self.ignore_button = QPushButton(tr("I&gnore / unignore"))
        self.ignore_button.setToolTip(tr("Never request the selected wishlist books (or allow them again)"))
        self.ignore_button.clicked.connect(self.toggle_ignored)
        self.ignore_button.hide()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.ignore_button)
        bottom.addWidget(self.request_missing_button)
        layout.addLayout(bottom)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.reload()
        self.refresh_account()

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search_edit = QLineEdit(placeholderText=tr("Search title, author, narrator or series"))
        self.search_edit.setAccessibleName(tr("Search the Audible titles"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        bar.addWidget(self.search_edit, 1)
        self.state_combo = self._combo(STATES, tr("Listening state"))
        self.local_combo = self._combo(LOCAL, tr("In the local library"))
        self.sort_combo = self._combo(SORTS, tr("Sort by"))
        for combo in (self.state_combo, self.local_combo, self.sort_combo):
            bar.addWidget(combo)
        self.table_toggle = QPushButton(tr("&Table view"))
        self.table_toggle.setCheckable(True)
        self.table_toggle.setToolTip(tr("Show the titles as a table instead of covers"))
        self.table_toggle.toggled.connect(lambda _on: self._show_view())
        bar.addWidget(self.table_toggle)
        return bar

    def _combo(self, choices: tuple[tuple[str, Any], ...], name: str) -> QComboBox:
        combo = QComboBox()
        for label, value in choices:
            combo.addItem(text(label), value)
        combo.setAccessibleName(name)
        combo.currentIndexChanged.connect(lambda _i: self.reload())
        return combo

    # -- loading ---------------------------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        self.shelf = Shelf.WISHLIST if index == 1 else Shelf.LIBRARY
        self.request_missing_button.setVisible(self.shelf == Shelf.WISHLIST)
        self.ignore_button.setVisible(self.shelf == Shelf.WISHLIST)
        self.reload()

    def reload(self) -> None:
        self.status_label.setText(tr("Loading…"))
        self.runner.submit(
            self.store.entries,
            self.shelf,
            search=self.search_edit.text(),
            state=ListeningState(state) if (state := self.state_combo.currentData()) else None,
            in_local_library=self.local_combo.currentData(),
            sort=self.sort_combo.currentData(),
            descending=self.sort_combo.currentData() in ("added", "progress", "rating"),
            pool="library",
            on_result=self._loaded,
            on_error=self._error,
        )

    def _loaded(self, entries: list[AudibleEntry]) -> None:
        self.model.set_rows(entries)
        self.proxy.sort(-1)  # the service's order, until a header is clicked
        self.model.layoutChanged.emit()
        filtered = bool(self.search_edit.text().strip()) or any(
            c.currentIndex() > 0 for c in (self.state_combo, self.local_combo)
        )
        if entries:
            self.status_label.setText(tr.n("%n title(s)", len(entries)))
        elif filtered:
            self.status_label.setText(tr("No title matches these filters."))
        else:
            self.status_label.setText(tr("Nothing here yet."))
        self._show_view(empty=not entries and not filtered)
        self.runner.submit(self.store.history, 1, pool="library", on_result=self._last_sync)

    def _last_sync(self, history: list[Any]) -> None:
        if history and self.model.rowCount():
            last = history[0]
            pattern = (
                tr("{count} · last import {when}")
                if last.kind == "import"
                else tr("{count} · last sync {when}")
            )
            self.status_label.setText(
                pattern.format(
                    count=tr.n("%n title(s)", self.model.rowCount()), when=friendly_time(last.synced_at)
                )
            )

    def _show_view(self, empty: bool = False) -> None:
        self.stack.setCurrentIndex(EMPTY if empty else TABLE if self.table_toggle.isChecked() else GRID)

    def _error(self, info: ErrorInfo) -> None:
        self.status_label.setText(f"{info.message} {info.hint}".strip())

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def selected(self) -> list[AudibleEntry]:
        view = self.grid if self.stack.currentIndex() == GRID else self.table
        rows = {self.proxy.mapToSource(i).row() for i in view.selectionModel().selectedIndexes()}
        return [self.model.row_object(r) for r in sorted(rows)]

    # -- account ---------------------------------------------------------------------------------
    def refresh_account(self) -> None:
        self.runner.submit(self.account.status, self.region, on_result=self._account, on_error=self._error)

    def _account(self, info: AccountInfo | None) -> None:
        self.account_info = info
        self.sign_in_button.setText(tr("Sign &out") if info else tr("Sign &in…"))
        self.sync_button.setEnabled(info is not None)
        self.sync_button.setToolTip(
            tr("Signed in as {name}").format(name=info.name or info.region) if info else tr("Sign in to sync")
        )

    def sign_in_or_out(self) -> None:
        if self.account_info is not None:
            self.runner.submit(
                self.account.sign_out, self.region, on_result=self._signed_out, on_error=self._error
            )
            return
        self.sign_in_dialog = AudibleSignInDialog(self.account, self.runner, self.region, self)
        self.sign_in_dialog.accepted.connect(self._signed_in)
        self.sign_in_dialog.open()

    def _signed_out(self, _result: object) -> None:
        self.notifier.notify(tr("Audible"), tr("Signed out; this device is deregistered."))
        self.refresh_account()

    def _signed_in(self) -> None:
        info = self.sign_in_dialog.info
        if info is not None:
            self.region = info.region
        self.refresh_account()
        self.sync()

    def sync(self) -> None:
        self.sync_button.setEnabled(False)
        self.status_label.setText(tr("Syncing with Audible…"))
        self.runner.submit(
            sync_both,
            self.store,
            self.account,
            self.region,
            on_result=self._synced,
            on_error=self._sync_failed,
        )

    def _synced(self, summaries: list[ImportSummary]) -> None:
        library, wishlist = summaries
        self.notifier.notify(
            tr("Audible synced"),
            tr(
                "Library: {added} added, {updated} updated, {removed} removed. Wishlist: {wished} titles."
            ).format(
                added=library.added,
                updated=library.updated,
                removed=library.removed,
                wished=wishlist.added + wishlist.updated + wishlist.unchanged,
            ),
            "success",
        )
        self.sync_button.setEnabled(True)
        self.reload()

    def _sync_failed(self, info: ErrorInfo) -> None:
        self.sync_button.setEnabled(self.account_info is not None)
        self._error(info)

    # -- importing -------------------------------------------------------------------------------
    def choose_import(self) -> None:
        dialog = QFileDialog(self, tr("Import an Audible export"))
        dialog.setNameFilters([tr("Exports (*.json *.csv *.tsv)"), tr("All files (*)")])
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        self.import_dialog = dialog
        dialog.fileSelected.connect(lambda path: self.import_file(Path(path)))
        dialog.open()

    def import_file(self, path: Path) -> None:
        self.status_label.setText(tr("Importing {name}…").format(name=path.name))
        self.runner.submit(
            import_export,
            self.store,
            path,
            self.shelf,
            self.region,
            pool="library",
            on_result=self._imported,
            on_error=self._error,
        )

    def _imported(self, summary: ImportSummary) -> None:
        message = tr("{added} added, {updated} updated, {unchanged} unchanged.").format(
            added=summary.added, updated=summary.updated, unchanged=summary.unchanged
        )
        if summary.errors:
            message = f"{message} {tr.n('%n row(s) could not be read.', len(summary.errors))}"
        self.notifier.notify(tr("Audible import"), message, "warning" if summary.errors else "success")
        self.reload()

    # -- wishlist --------------------------------------------------------------------------------
    def toggle_ignored(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.status_label.setText(tr("Select wishlist books first."))
            return
        store = self.store

        def toggle() -> None:
            for entry in chosen:
                store.set_ignored(entry.asin, not entry.ignored)

        self.runner.submit(toggle, pool="library", on_result=lambda _r: self.reload(), on_error=self._error)

    def preview_missing(self) -> None:
        self.request_missing_button.setEnabled(False)
        self.runner.submit(
            plan_missing, self.store, pool="library", on_result=self._preview, on_error=self._preview_failed
        )

    def _preview_failed(self, info: ErrorInfo) -> None:
        self.request_missing_button.setEnabled(True)
        self._error(info)

    def _preview(self, plan: WishlistPlan) -> None:
        self.request_missing_button.setEnabled(True)
        self.preview_dialog = WishlistPreviewDialog(plan, self)
        self.preview_dialog.accepted.connect(self._request_missing)
        self.preview_dialog.open()

    def _request_missing(self) -> None:
        self.status_label.setText(tr("Requesting…"))
        self.runner.submit(
            request_missing, self.store, self.requests, on_result=self._requested, on_error=self._error
        )

    def _requested(self, outcome: WishlistOutcome) -> None:
        message = tr.n("%n book(s) requested.", len(outcome.requested))
        if outcome.failed:
            details = "; ".join(f"{item.title}: {error}" for item, error in outcome.failed)
            failed = tr.n("%n book(s) could not be requested: {details}", len(outcome.failed))
            message = f"{message} {failed.format(details=details)}"
        self.notifier.notify(tr("Wishlist"), message, "warning" if outcome.failed else "success")
        self.reload()
