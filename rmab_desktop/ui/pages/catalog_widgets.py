"""Pieces shared by the catalog pages: the covers grid view, and the navigator that opens books,
authors and series in their own windows (from Discover, Search, dropped Audible links ...)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QStyleOptionViewItem, QWidget

from rmab_desktop.domain.catalog import CatalogEntry
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.domain.watching import WatchKind
from rmab_desktop.ui.delegates.cover_delegate import CoverDelegate
from rmab_desktop.ui.models.catalog_model import BookGridModel, CoverImages
from rmab_desktop.ui.models.roles import ObjectRole

if TYPE_CHECKING:
    from rmab_desktop.services.catalog import CatalogService
    from rmab_desktop.services.requests import RequestService
    from rmab_desktop.services.watching import WatchService
    from rmab_desktop.ui.book_actions import BookAction
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Banners, Runner

tr = Translator("CatalogPages")

CATALOG_BANNER = "catalog-offline"
# Errors that mean Audible did not answer (no connection, a timeout), as ErrorInfo.exc_type names them.
UNREACHABLE_ERRORS = frozenset({"ServiceUnreachableError", "ServiceTimeoutError"})


class BookGrid(QListView):
    """A covers grid (wrapping) or a one-row strip (``strip=True``) over a :class:`BookGridModel`;
    its context menu offers the registered catalog book actions."""

    bookActivated = Signal(object)  # CatalogEntry

    def __init__(
        self,
        model: BookGridModel,
        book_actions: Sequence[BookAction[CatalogEntry]] = (),
        *,
        strip: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.book_actions = list(book_actions)
        if self.book_actions:
            self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.customContextMenuRequested.connect(self._context_menu)
        self.delegate = CoverDelegate(parent=self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)  # into a list on the Lists page
        self.setMouseTracking(True)
        self.setSpacing(4)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        if strip:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(False)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            hint = self.delegate.sizeHint(_option(self), model.index(0))
            self.setFixedHeight(hint.height() + self.horizontalScrollBar().sizeHint().height() + 12)
        else:
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setWrapping(True)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(ObjectRole)
        if isinstance(entry, CatalogEntry):
            self.bookActivated.emit(entry)

    def _context_menu(self, point: QPoint) -> None:
        entry = self.indexAt(point).data(ObjectRole)
        if isinstance(entry, CatalogEntry):
            self.actions_menu(entry).popup(self.viewport().mapToGlobal(point))

    def actions_menu(self, entry: CatalogEntry) -> QMenu:
        menu = QMenu(self)
        for book_action in self.book_actions:
            action = book_action.qaction(menu)
            action.setEnabled(book_action.enabled([entry]))
            action.triggered.connect(lambda _checked=False, a=book_action: a.handler.run([entry], self))
            menu.addAction(action)
        return menu

    def refresh_book(self, entry: CatalogEntry) -> None:
        """An action changed this book (its availability): show the new badge."""
        self.grid_model().update_entries([entry])

    def grid_model(self) -> BookGridModel:
        model = self.model()
        assert isinstance(model, BookGridModel)
        return model


def _option(view: QListView) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    return option


class CatalogNavigator(QObject):
    """Opens book, author and series windows; tells pages when a request was made."""

    requestCreated = Signal(object)  # RequestDetails
    catalogStatus = Signal(bool, str)  # online, message (emitted from any thread, delivered queued)

    def __init__(
        self,
        catalog: CatalogService,
        requests: RequestService,
        runner: Runner,
        notifier: Notifier,
        banners: Banners,
        covers: CoverImages,
        region: Callable[[], str],
    ) -> None:
        """``covers`` is the window's one pixmap cache; ``region`` the user's catalog region now."""
        super().__init__()
        self.catalog, self.requests, self.runner, self.notifier = catalog, requests, runner, notifier
        self.banners, self.covers, self.region = banners, covers, region
        self.book_actions: list[BookAction[CatalogEntry]] = []  # set by the composition (ui/wiring.py)
        # Set by the composition: author and series with an ASIN open the page with states and "Watch".
        self.watching: WatchService | None = None
        self.windows: list[QWidget] = []
        self.catalogStatus.connect(self._show_status)
        catalog.status_listeners.append(
            lambda status: self.catalogStatus.emit(bool(status.online), status.message)
        )

    def _show_status(self, online: bool, message: str) -> None:
        if online:
            self.banners.hide_banner(CATALOG_BANNER)
        else:
            text = tr(
                "The Audible catalog cannot be reached. Saved sections are shown; searching needs a "
                "connection. ({reason})"
            ).format(reason=message)
            self.banners.show_banner(CATALOG_BANNER, text, "warning")

    def _show(self, widget: QWidget, title: str) -> QWidget:
        widget.setWindowFlag(Qt.WindowType.Window, True)
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        widget.setWindowTitle(title)
        widget.resize(QSize(900, 720))
        for keys in (QKeySequence(Qt.Key.Key_Escape), QKeySequence(QKeySequence.StandardKey.Close)):
            QShortcut(keys, widget, widget.close)
        widget.destroyed.connect(lambda *_: self.windows.remove(widget) if widget in self.windows else None)
        self.windows.append(widget)
        widget.show()
        return widget

    def open_book(self, asin: str, region: str | None = None) -> QWidget:
        from rmab_desktop.ui.pages.book_page import BookPage

        page = BookPage(
            self.catalog, self.requests, self.runner, self.notifier, self, asin, region or self.region()
        )
        return self._show(page, tr("Book {asin}").format(asin=asin))

    def open_entry(self, entry: CatalogEntry) -> QWidget:
        return self.open_book(entry.book.asin, entry.book.region)

    def open_list(self, title: str, load: Callable[[], list[CatalogEntry]]) -> QWidget:
        from rmab_desktop.ui.pages.book_page import BookListPage

        return self._show(BookListPage(self.runner, self, title, load), title)

    def open_author(self, name: str, asin: str | None, region: str) -> QWidget:
        if asin and self.watching is not None:
            return self._open_books(WatchKind.AUTHOR, asin, name, region)
        catalog = self.catalog
        return self.open_list(
            tr("Books by {author}").format(author=name),
            lambda: catalog.author_books(name, region, author_asin=asin),
        )

    def open_series(self, title: str, asin: str | None, region: str) -> QWidget:
        if asin and self.watching is not None:
            return self._open_books(WatchKind.SERIES, asin, title, region)
        catalog = self.catalog
        return self.open_list(
            tr("Series: {series}").format(series=title),
            lambda: catalog.series_books(title, region, series_asin=asin),
        )

    def _open_books(self, kind: WatchKind, asin: str, name: str, region: str) -> QWidget:
        """The series or author page: every book with its state, "Request missing" and "Watch"."""
        from rmab_desktop.ui.pages.series_page import SeriesPage

        assert self.watching is not None
        page = SeriesPage(self.watching, self.runner, kind, asin, name, region, self.open_book)
        return self._show(page, page.heading.text())

    def announce(self, details: RequestDetails) -> None:
        self.requestCreated.emit(details)


def connect_dropped_links(page: QWidget, nav: CatalogNavigator) -> None:
    """Once the page sits in the main window, dropped Audible links open the book."""

    def attach() -> None:
        window: Any = page.window()
        signal = getattr(window, "bookLinkDropped", None)
        if signal is not None and not getattr(window, "_catalog_links_connected", False):
            signal.connect(nav.open_book)
            window._catalog_links_connected = True

    QTimer.singleShot(0, attach)
