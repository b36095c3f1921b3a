"""Search the Audible catalog: suggestions as you type (debounced, off the GUI thread), marketplace,
search field and sort choices, and results that page in as the grid scrolls. When Audible cannot
be reached (before or during a search) the status line says so, with what to do on this page."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from rmab_desktop.domain.catalog import REGION_NAMES, REGIONS, CatalogEntry, SearchResults, SortOrder
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.ui.models.catalog_model import BookGridModel
from rmab_desktop.ui.pages.catalog_widgets import (
    UNREACHABLE_ERRORS,
    BookGrid,
    CatalogNavigator,
    connect_dropped_links,
)
from rmab_desktop.ui.widgets.page_header import PageHeader, page_layout

if TYPE_CHECKING:
    from rmab_desktop.services.catalog import CatalogService
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo, TaskHandle

tr = Translator("SearchPage")

DEBOUNCE_MS = 300
PAGE_SIZE = 30
SORTS = [
    (tr.mark("Relevance"), SortOrder.RELEVANCE),
    (tr.mark("Best sellers"), SortOrder.BEST_SELLERS),
    (tr.mark("Newest"), SortOrder.NEWEST),
    (tr.mark("Rating"), SortOrder.RATING),
    (tr.mark("Title"), SortOrder.TITLE),
]
FIELDS = [
    (tr.mark("Anything"), "keywords"),
    (tr.mark("Title"), "title"),
    (tr.mark("Author"), "author"),
    (tr.mark("Narrator"), "narrator"),
]


class SearchPage(QWidget):
    def __init__(self, catalog: CatalogService, runner: Runner, nav: CatalogNavigator, region: str) -> None:
        """``region`` is selected first (the user's catalog region)."""
        super().__init__()
        self.catalog, self.runner, self.nav = catalog, runner, nav
        self._suggest_handle: TaskHandle | None = None
        self._query: tuple[str, str, SortOrder, str] | None = None
        layout = page_layout(self)
        layout.addWidget(
            PageHeader(
                tr("Search"), tr("Find any audiobook in the Audible catalog by title, author or narrator.")
            )
        )
        bar = QHBoxLayout()
        self.input = QLineEdit()
        self.input.setPlaceholderText(tr("Title, author, narrator…"))
        self.input.setAccessibleName(tr("Search the Audible catalog"))
        self.input.setAccessibleDescription(tr("Type, then press Enter; suggestions appear as you type"))
        self.input.setClearButtonEnabled(True)
        self.suggestions = QStringListModel(self)
        self.completer = QCompleter(self.suggestions, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(lambda text: self.search(text))
        self.input.setCompleter(self.completer)
        self.input.textEdited.connect(self._typed)
        self.input.returnPressed.connect(self.search)
        self.region = QComboBox()
        self.region.setAccessibleName(tr("Marketplace"))
        for code in REGIONS:
            self.region.addItem(
                tr("{country} ({code})", "a marketplace").format(country=text(REGION_NAMES[code]), code=code),
                code,
            )
        self.region.setCurrentIndex(max(self.region.findData(region), 0))
        self.field = QComboBox()
        self.field.setAccessibleName(tr("Search in"))
        for label, value in FIELDS:
            self.field.addItem(text(label), value)
        self.sort = QComboBox()
        self.sort.setAccessibleName(tr("Sort results by"))
        for label, value in SORTS:
            self.sort.addItem(text(label), value)
        self.button = QPushButton(tr("Search"))
        self.button.clicked.connect(self.search)
        for widget, stretch in (
            (self.input, 1),
            (self.field, 0),
            (self.region, 0),
            (self.sort, 0),
            (self.button, 0),
        ):
            bar.addWidget(widget, stretch)
        layout.addLayout(bar)
        self.status = QLabel(tr("Search the Audible catalog."))
        self.status.setWordWrap(True)
        self._offline_notice = ""  # the status line's text while Audible is known to be unreachable
        nav.catalogStatus.connect(self._catalog_status)
        layout.addWidget(self.status)
        self.model = BookGridModel(nav.covers)
        self.model.loader = self._load_page
        self.grid = BookGrid(self.model, nav.book_actions)
        self.grid.setAccessibleName(tr("Search results"))
        self.grid.setAccessibleDescription(tr("Arrow keys choose a book; Enter opens it"))
        self.grid.bookActivated.connect(nav.open_entry)
        layout.addWidget(self.grid, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._suggest)
        nav.requestCreated.connect(lambda _d: self._update_badges())
        connect_dropped_links(self, nav)

    def focus_search(self) -> None:
        self.input.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.input.selectAll()

    def reload(self) -> None:
        """F5: the same search again."""
        if self._query is not None:
            self.search(self._query[0])

    # -- suggestions -----------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.timer.start()

    def _suggest(self) -> None:
        text = self.input.text().strip()
        if len(text) < 2:
            return
        if self._suggest_handle is not None:
            self._suggest_handle.cancel()
        self._suggest_handle = self.runner.submit(
            self.catalog.suggestions,
            text,
            self.region.currentData(),
            on_result=partial(self._suggested, text),
            on_error=lambda _info: None,
        )

    def _suggested(self, typed: str, titles: list[str]) -> None:
        if self.input.text().strip() != typed:
            return  # the user typed on; a newer answer will come
        self.suggestions.setStringList(titles)
        if titles and self.input.hasFocus():
            self.completer.complete()

    # -- searching -------------------------------------------------------------------------------
    def search(self, text: Any = None) -> None:
        query = (text if isinstance(text, str) and text else self.input.text()).strip()
        if not query:
            self.status.setText(tr("Type something to search for."))
            return
        self.timer.stop()
        self.input.setText(query)
        self._query = (
            query,
            self.region.currentData(),
            SortOrder(self.sort.currentData()),
            self.field.currentData(),
        )
        self.status.setText(tr("Searching for “{query}”…").format(query=query))
        self.model.reset()
        self.model.fetchMore()

    def _load_page(self, offset: int) -> None:
        if self._query is None:
            self.model.loading_failed()
            return
        text, region, sort, field = self._query
        page = offset // PAGE_SIZE + 1
        self.runner.submit(
            self.catalog.search,
            text,
            region,
            page=page,
            sort=sort,
            page_size=PAGE_SIZE,
            field=field,
            on_result=partial(self._loaded, self._query),
            on_error=self._failed,
        )

    def _loaded(
        self, query: tuple[str, str, SortOrder, str], result: tuple[SearchResults, list[CatalogEntry]]
    ) -> None:
        if query != self._query:
            return  # an older search
        page, entries = result
        self.model.append(entries, total=page.total_results)
        count = page.total_results
        if count:
            message = tr.n("%n result(s) for “{query}” in {marketplace}", count).format(
                query=query[0], marketplace=text(REGION_NAMES[query[1]])
            )
        else:
            message = tr("No results for “{query}”.").format(query=query[0])
        self.status.setText(message)

    def _failed(self, info: ErrorInfo) -> None:
        self.model.loading_failed()
        if info.exc_type in UNREACHABLE_ERRORS:
            message = tr(
                "Audible could not be reached, so nothing was found ({reason}). Check your internet "
                "connection, then press Enter to search again."
            )
        elif info.exc_type == "RateLimitedError":
            message = tr(
                "Audible asked the app to slow down ({reason}). Wait a minute, then press Enter to search again."
            )
        elif info.exc_type == "InvalidResponseError":
            message = tr(
                "Audible sent an answer the app cannot read ({reason}). Press Enter to search again, or "
                "choose another marketplace."
            )
        else:
            message = tr("The search failed: {reason} {hint}")
        self.status.setText(message.format(reason=info.message, hint=info.hint).strip())

    def _catalog_status(self, online: bool, reason: str) -> None:
        """Before a search, say that searching needs Audible, which cannot be reached now."""
        if online:
            if self._offline_notice and self.status.text() == self._offline_notice:
                self.status.setText(tr("Audible answers again: search the Audible catalog."))
            self._offline_notice = ""
            return
        self._offline_notice = tr(
            "Audible cannot be reached right now ({reason}), so searching will not find anything. Check "
            "your internet connection; Search works again as soon as Audible answers."
        ).format(reason=reason)
        if self.model.rowCount() == 0:
            self.status.setText(self._offline_notice)

    def _update_badges(self) -> None:
        entries = self.model.entries()
        if entries:
            self.runner.submit(
                self.catalog.annotate, [e.book for e in entries], on_result=self.model.update_entries
            )
