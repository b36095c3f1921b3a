"""Requests: a table with status badges and progress, filters by status and user, and a detail pane
with the actions (approve/deny with a note, cancel, retry, delete) and the timeline of events."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.enums import Permission, RequestKind, RequestStatus
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import JobEvent
from rmab_desktop.domain.requests import CANCELLABLE_STATUSES, RETRYABLE_STATUSES, RequestDetails, UserInfo
from rmab_desktop.services.events import AppEvent
from rmab_desktop.ui.delegates.badge_delegate import BadgeDelegate
from rmab_desktop.ui.delegates.progress_delegate import ProgressDelegate
from rmab_desktop.ui.formatting import date_only, duration, number, percent, speed
from rmab_desktop.ui.models.requests_model import (
    STATUS_FILTERS,
    RequestFilterProxy,
    RequestsModel,
    TimelineModel,
)
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.widgets.empty_state import EmptyState
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout
from rmab_desktop.ui.widgets.visible_refresh import RefreshWhileVisible

if TYPE_CHECKING:
    from rmab_desktop.domain.library import ImportResult
    from rmab_desktop.services.events import EventBus
    from rmab_desktop.services.pipeline import Acquisition
    from rmab_desktop.services.reported_issues import ProblemReports
    from rmab_desktop.services.requests import RequestService, UserService
    from rmab_desktop.services.rescue import DeletionPlan, RequestRescue
    from rmab_desktop.ui.pages.catalog_widgets import CatalogNavigator
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("RequestsPage")

REFRESH_MS = 5000


INTERACTIVE_STATUSES = frozenset(
    {RequestStatus.AWAITING_SEARCH, RequestStatus.SEARCHING, RequestStatus.DOWNLOADING, RequestStatus.FAILED,
     RequestStatus.WARN}
)  # fmt: skip


def download_line(details: RequestDetails) -> str:
    """'Downloading 42% at 1.2 MB/s, about 3 min left' from the monitor's progress fields."""
    done = percent(details.progress or 0)
    rate = speed(details.speed_bps)
    left = duration(max(60.0, details.eta_seconds)) if details.eta_seconds else ""
    if rate and left:
        return tr("Downloading {percent} at {speed}, about {time} left").format(
            percent=done, speed=rate, time=left
        )
    if rate:
        return tr("Downloading {percent} at {speed}").format(percent=done, speed=rate)
    if left:
        return tr("Downloading {percent}, about {time} left").format(percent=done, time=left)
    return tr("Downloading {percent}").format(percent=done)


class _EventBridge(QObject):
    """Services publish on any thread; this signal delivers to the GUI thread (queued)."""

    happened = Signal()


class RequestsPage(QWidget):
    def __init__(
        self,
        requests: RequestService,
        users: UserService,
        acquisition: Acquisition,
        events: EventBus,
        runner: Runner,
        nav: CatalogNavigator | None = None,
        rescue: RequestRescue | None = None,
        problems: ProblemReports | None = None,
    ) -> None:
        """``acquisition`` runs the interactive search; ``events`` tell the page to reload;
        ``rescue`` offers the ways out for a stuck request (no "More" menu without it);
        ``problems`` takes reports about an available book (no "Report a problem" without it)."""
        super().__init__()
        self.requests, self.users, self.acquisition, self.runner = requests, users, acquisition, runner
        self.rescue = rescue
        self.problems = problems
        self.preview_dialog: QDialog | None = None
        self.me: UserInfo | None = None
        self.may_search_interactively = False  # the user's permission, read at every reload
        self.current: RequestDetails | None = None
        self._build()
        self.bridge = _EventBridge()
        self.bridge.happened.connect(self.reload)
        self._unsubscribe = events.subscribe(lambda _event: self._on_event(_event))
        self.destroyed.connect(lambda *_: self._unsubscribe())
        if nav is not None:
            nav.requestCreated.connect(lambda _details: self.reload())
        RefreshWhileVisible(self, self.reload, REFRESH_MS)
        self.reload()

    def _on_event(self, _event: AppEvent) -> None:
        self.bridge.happened.emit()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Requests"),
                tr("Every book asked for and where it is: searching, downloading, in the library, or stuck."),
            )
        )
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(tr("Show requests with status"))
        for label, statuses in STATUS_FILTERS:
            self.status_filter.addItem(text(label), statuses)
        self.user_filter = QComboBox()
        self.user_filter.setAccessibleName(tr("Show requests by"))
        self.user_filter.addItem(tr("Everyone"), None)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(tr("Filter…"))
        self.text_filter.setAccessibleName(tr("Filter requests"))
        self.text_filter.setClearButtonEnabled(True)
        show_label, by_label = (
            QLabel(tr("&Show")),
            QLabel(tr("&by", "show requests with this status by this user")),
        )
        show_label.setBuddy(self.status_filter)
        by_label.setBuddy(self.user_filter)
        for widget in (show_label, self.status_filter, by_label, self.user_filter, self.text_filter):
            bar.addWidget(widget)
        layout.addLayout(bar)
        self.model = RequestsModel()
        self.proxy = RequestFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_statuses(self.status_filter.currentData())
        )
        self.user_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_user(self.user_filter.currentData())
        )
        self.text_filter.textChanged.connect(self.proxy.setFilterFixedString)
        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)
        self.table = QTableView()
        self.table.setAccessibleName(tr("Requests"))
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RequestsModel.COL_CREATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            RequestsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.table.setItemDelegateForColumn(RequestsModel.COL_STATUS, BadgeDelegate(self.table))
        self.table.setItemDelegateForColumn(RequestsModel.COL_PROGRESS, ProgressDelegate(self.table))
        self.table.setColumnWidth(RequestsModel.COL_STATUS, 160)
        self.table.setColumnWidth(RequestsModel.COL_PROGRESS, 150)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._select(current))
        self.empty = EmptyState(
            "requests",
            tr("No requests yet"),
            tr(
                "Find a book on Discover or Search and press Request: the app searches your indexers, "
                "downloads it and adds it to your library. Each request and its progress appears here."
            ),
        )
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._show_empty_state)
        self._show_empty_state()
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self._detail_pane())
        splitter.setSizes([400, 300])

    def _show_empty_state(self) -> None:
        """The help replaces the table only while there is no request at all (not when filtered)."""
        self.list_stack.setCurrentWidget(self.empty if self.model.rowCount() == 0 else self.table)

    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        self.detail_title = QLabel(tr("Select a request to see what happened."))
        self.detail_title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.detail_title.setWordWrap(True)
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        layout.addWidget(self.detail_title)
        layout.addWidget(self.detail_info)
        actions = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("Note for the approval or denial (optional)"))
        self.note.setAccessibleName(tr("Note for the approval or denial"))
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("approve", tr("Approve")),
            ("deny", tr("Deny")),
            ("cancel", tr("Cancel request")),
            ("retry", tr("Search again")),
            ("delete", tr("Delete")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, k=key: self.act(k))
            self.buttons[key] = button
        self.buttons["interactive"] = QPushButton(tr("Search interactively…"))
        self.buttons["interactive"].setToolTip(tr("See every release found and choose one yourself"))
        self.buttons["interactive"].clicked.connect(self.search_interactively)
        self.buttons["report"] = QPushButton(tr("Report a problem…"))
        self.buttons["report"].setToolTip(
            tr("Wrong book, bad audio or the wrong edition: tell the administrators")
        )
        self.buttons["report"].clicked.connect(self.report_problem)
        self.buttons["more"] = QPushButton(tr("More"))
        self.buttons["more"].setToolTip(tr("Ways out for a stuck request"))
        self.buttons["more"].setMenu(self._rescue_menu())
        actions.addWidget(self.note, 1)
        for button in self.buttons.values():
            actions.addWidget(button)
        layout.addLayout(actions)
        self.action_message = QLabel()
        self.action_message.setWordWrap(True)
        layout.addWidget(self.action_message)
        self.timeline_model = TimelineModel()
        self.timeline = QTableView()
        self.timeline.setAccessibleName(tr("What happened to this request"))
        self.timeline.setTabKeyNavigation(False)
        self.timeline.setModel(self.timeline_model)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.setItemDelegateForColumn(1, BadgeDelegate(self.timeline))
        self.timeline.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout.addWidget(self.timeline, 1)
        self._update_buttons()
        return pane

    # -- data ------------------------------------------------------------------------------------
    def reload(self) -> None:
        def fetch() -> tuple[UserInfo, list[UserInfo], list[RequestDetails], bool]:
            me = self.users.current()
            interactive = self.users.has_permission(me, Permission.INTERACTIVE_SEARCH)
            return me, self.users.list(), self.requests.list(), interactive

        self.runner.submit(fetch, on_result=self._loaded)

    def _loaded(self, result: tuple[UserInfo, list[UserInfo], list[RequestDetails], bool]) -> None:
        self.me, users, rows, self.may_search_interactively = result
        self.model.set_rows(rows)
        known = {self.user_filter.itemData(i) for i in range(self.user_filter.count())}
        for user in users:
            if user.id not in known:
                self.user_filter.addItem(user.label, user.id)
        if self.current is not None:
            fresh = self.model.get(self.current.id)
            if fresh is not None and fresh != self.current:
                self._show(fresh)
        self._update_buttons()  # the role and permissions are read again at every reload

    def focus_search(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def select_request(self, request_id: int) -> bool:
        row = self.model.row_of(request_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        return True

    def _select(self, index: Any) -> None:
        details = index.data(ObjectRole) if index.isValid() else None
        if isinstance(details, RequestDetails):
            self._show(details)

    def _show(self, details: RequestDetails) -> None:
        self.current = details
        book = details.book
        self.detail_title.setText(
            tr("{title} — {status}").format(title=book.title, status=details.status_label)
        )
        kind = tr("ebook") if details.kind == RequestKind.EBOOK else tr("audiobook")
        lines = [
            tr("By {authors} · {kind} · {region} · requested by {user}").format(
                authors=tr(", ", "between names").join(book.authors) or tr("unknown", "an unknown author"),
                kind=kind,
                region=details.region.upper(),
                user=details.username or tr("someone"),
            ),
            details.status_message or "",
            tr("Attempts: search {search}, download {download}, import {imported}").format(
                search=number(details.search_attempts),
                download=number(details.download_attempts),
                imported=number(details.import_attempts),
            ),
        ]
        if details.approval_note:
            lines.append(tr("Note: {note}").format(note=details.approval_note))
        if details.status == RequestStatus.DOWNLOADING and details.progress is not None:
            lines.append(download_line(details))
        if details.status == RequestStatus.AWAITING_RELEASE and book.release_date:
            lines.append(
                tr("Released on {date}; the search starts that day.").format(
                    date=date_only(book.release_date)
                )
            )
        self.detail_info.setText("\n".join(line for line in lines if line))
        self._update_buttons()
        self.runner.submit(
            self.requests.timeline,
            details.id,
            on_result=partial(self._timeline, details.id),
        )

    def _timeline(self, request_id: int, events: list[JobEvent]) -> None:
        if self.current is not None and self.current.id == request_id:
            self.timeline_model.set_rows(events)
            self.timeline.scrollToBottom()

    def _update_buttons(self) -> None:
        details, admin = self.current, bool(self.me and self.me.is_admin)
        status = details.status if details else None
        visible = {
            "approve": admin and status == RequestStatus.AWAITING_APPROVAL,
            "deny": admin and status == RequestStatus.AWAITING_APPROVAL,
            "cancel": status in CANCELLABLE_STATUSES,
            "retry": status in RETRYABLE_STATUSES or status == RequestStatus.AWAITING_RELEASE,
            "delete": details is not None,
            "interactive": (admin or (self._own(details) and self.may_search_interactively))
            and status in INTERACTIVE_STATUSES,
            "report": self.problems is not None and status == RequestStatus.AVAILABLE,
            "more": self.rescue is not None and details is not None,
        }
        for key, button in self.buttons.items():
            button.setVisible(bool(visible[key]))
        self.note.setVisible(bool(visible["approve"]))

    def _own(self, details: RequestDetails | None) -> bool:
        return details is not None and self.me is not None and details.user_id == self.me.id

    # -- rescue ----------------------------------------------------------------------------------
    def _rescue_menu(self) -> QMenu:
        menu = QMenu(self)
        for label, slot in (
            (tr("Import files by hand…"), lambda: self._choose(folder=False)),
            (tr("Import a folder by hand…"), lambda: self._choose(folder=True)),
            (tr("Search with other words…"), self.search_with_words),
            (tr("Re-check the library"), lambda: self._rescue_call("recheck")),
            (tr("Start over"), lambda: self._rescue_call("start_over")),
            (tr("Delete with files…"), self.delete_with_files),
        ):
            menu.addAction(label).triggered.connect(lambda _checked=False, run=slot: run())
        return menu

    def _choose(self, *, folder: bool) -> None:
        if folder:
            path = QFileDialog.getExistingDirectory(self, tr("Folder that holds the book"))
        else:
            path = QFileDialog.getOpenFileName(self, tr("File of the book (audio or ebook)"))[0]
        if path:
            self.import_by_hand(path)

    def import_by_hand(self, path: str) -> None:
        """Preview what ``path`` would place where; the import starts when the user agrees."""
        if self.rescue is None or self.current is None:
            return
        rescue, request_id = self.rescue, self.current.id
        self.action_message.setText(tr("Looking at {path}…").format(path=path))

        def ask(preview: ImportResult) -> None:
            from rmab_desktop.ui.dialogs.rescue_dialogs import ImportPreviewDialog

            self.action_message.setText("")
            dialog = ImportPreviewDialog(preview, self)
            dialog.accepted.connect(
                lambda: self.runner.submit(
                    rescue.import_files,
                    request_id,
                    path,
                    on_result=lambda _job: self._rescued(tr("Import started; the request follows it.")),
                    on_error=self._failed,
                )
            )
            self.preview_dialog = dialog
            dialog.open()

        self.runner.submit(rescue.preview_import, request_id, path, on_result=ask, on_error=self._failed)

    def search_with_words(self, words: str | None = None) -> None:
        if self.rescue is None or self.current is None:
            return
        if words is None:
            words, ok = QInputDialog.getText(
                self,
                tr("Search with other words"),
                tr("Words to search the indexers for (empty: the title and author):"),
                text=self.current.custom_search_terms or "",
            )
            if not ok:
                return
        self.runner.submit(
            self.rescue.search_with_terms,
            self.current.id,
            words,
            on_result=lambda _d: self._rescued(tr("Searching again with your words.")),
            on_error=self._failed,
        )

    def _rescue_call(self, name: str) -> None:
        if self.rescue is None or self.current is None:
            return
        done = {
            "recheck": tr("The library was checked again."),
            "start_over": tr("Started over: searching from scratch."),
        }[name]
        self.runner.submit(
            getattr(self.rescue, name),
            self.current.id,
            on_result=lambda _d: self._rescued(done),
            on_error=self._failed,
        )

    def delete_with_files(self) -> None:
        """List exactly what goes; delete only when the user agrees."""
        if self.rescue is None or self.current is None:
            return
        rescue, request_id = self.rescue, self.current.id

        def ask(plan: DeletionPlan) -> None:
            from rmab_desktop.ui.dialogs.rescue_dialogs import DeletePreviewDialog

            dialog = DeletePreviewDialog(plan, self)
            dialog.accepted.connect(
                lambda: self.runner.submit(
                    lambda: rescue.delete_with_files(request_id, downloads_now=dialog.now.isChecked()),
                    on_result=lambda _r: self._done("delete"),
                    on_error=self._failed,
                )
            )
            self.preview_dialog = dialog
            dialog.open()

        self.runner.submit(rescue.deletion_plan, request_id, on_result=ask, on_error=self._failed)

    def _rescued(self, message: str) -> None:
        self.action_message.setText(message)
        self.reload()

    # -- actions ---------------------------------------------------------------------------------
    def report_problem(self) -> QDialog | None:
        """The book of the selected (available) request is wrong: tell the administrators."""
        from rmab_desktop.ui.dialogs.report_book_problem import ReportBookProblemDialog

        if self.problems is None or self.current is None:
            return None
        dialog = ReportBookProblemDialog(
            self.problems, self.runner, self.current.id, self.current.book.title, self
        )
        dialog.accepted.connect(
            lambda: self.action_message.setText(tr("Problem reported; the administrators were told."))
        )
        self.preview_dialog = dialog
        dialog.open()
        return dialog

    def search_interactively(self) -> None:
        """All ranked results for the request; the user may grab any one (acquisition helper)."""
        from rmab_desktop.ui.dialogs.interactive_search_dialog import InteractiveSearchDialog

        if self.current is None:
            return
        request_id, title = self.current.id, self.current.book.title

        def allowed() -> bool:  # the permission as it is now, not as it was at the last reload
            return self.users.has_permission(self.users.current(), Permission.INTERACTIVE_SEARCH)

        def open_dialog(may: bool) -> None:
            if not may:
                self.action_message.setText(
                    tr("You may not search interactively any more; ask an administrator.")
                )
                self.reload()
                return
            dialog = InteractiveSearchDialog(self.acquisition, self.runner, request_id, title, self)
            dialog.accepted.connect(self.reload)
            dialog.open()

        self.runner.submit(allowed, on_result=open_dialog, on_error=self._failed)

    def act(self, action: str) -> None:
        if self.current is None:
            return
        request_id, note = self.current.id, self.note.text()
        calls: dict[str, Callable[[], object]] = {
            "approve": lambda: self.requests.approve(request_id, note),
            "deny": lambda: self.requests.deny(request_id, note),
            "cancel": lambda: self.requests.cancel(request_id),
            "retry": lambda: self.requests.retry(request_id),
            "delete": lambda: self.requests.delete(request_id),
        }
        self.action_message.setText("")
        self.runner.submit(calls[action], on_result=lambda _r: self._done(action), on_error=self._failed)

    def _done(self, action: str) -> None:
        self.note.clear()
        if action == "delete":
            self.current = None
            self.detail_title.setText(tr("Request deleted."))
            self.detail_info.setText("")
            self.timeline_model.set_rows([])
            self._update_buttons()
        self.reload()

    def _failed(self, info: ErrorInfo) -> None:
        self.action_message.setText(f"{info.message} {info.hint}".strip())
