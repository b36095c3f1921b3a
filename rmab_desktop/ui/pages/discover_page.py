"""Discover: the user's home sections (Popular, New releases, categories), each a strip of covers.

Sections read the database cache (so they show offline) and load 50 books at a time as the strip
scrolls. Sections never refreshed, or older than a day, are refreshed from Audible in the
background; when that fails the window's banner says the catalog is unreachable, and a section
says inline why it has no books (or old ones) and what to do on this page.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.db.models import utcnow
from rmab_desktop.domain.catalog import Category, HomeSectionSpec, SectionKind
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import UserInfo
from rmab_desktop.services.catalog import SectionPage
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
    from rmab_desktop.services.requests import UserService
    from rmab_desktop.ui.notifier import Notifier
    from rmab_desktop.ui.shell import Runner
    from rmab_desktop.workers.runner import ErrorInfo

tr = Translator("DiscoverPage")

STALE_AFTER = timedelta(hours=24)
PAGE = 50


def section_title(spec: HomeSectionSpec) -> str:
    """The built-in sections in the user's language; a category keeps Audible's name for it."""
    if spec.kind == SectionKind.POPULAR:
        return tr("Popular")
    if spec.kind == SectionKind.NEW_RELEASES:
        return tr("New releases")
    return spec.title


class SectionWidget(QWidget):
    def __init__(self, page: DiscoverPage, spec: HomeSectionSpec) -> None:
        super().__init__()
        self.page, self.spec = page, spec
        self.alive = True  # False once replaced: late answers are dropped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        header = QHBoxLayout()
        title = section_title(spec)
        self.title = QLabel(f"<b>{html.escape(title)}</b>")
        self.title.setStyleSheet("font-size: 16px;")
        self.count = QLabel("")
        self.count.setAccessibleName(tr("Number of books"))
        header.addWidget(self.title)
        header.addWidget(self.count)
        header.addStretch(1)
        for symbol, tip, slot in (
            ("▲", tr("Move up"), lambda: page.move_section(spec, -1)),
            ("▼", tr("Move down"), lambda: page.move_section(spec, 1)),
            ("⟳", tr("Refresh from Audible"), lambda: page.refresh(self)),
            ("✕", tr("Remove this section"), lambda: page.remove(spec)),
        ):
            button = QToolButton()
            button.setText(symbol)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setAccessibleDescription(tr("Section “{title}”").format(title=title))
            button.clicked.connect(slot)
            header.addWidget(button)
        layout.addLayout(header)
        self.model = BookGridModel(page.nav.covers)
        self.model.loader = self._load
        self.grid = BookGrid(self.model, page.nav.book_actions, strip=True)
        self.grid.setAccessibleName(title)
        self.grid.bookActivated.connect(page.nav.open_entry)
        layout.addWidget(self.grid)
        self.notice = QLabel()  # why the section is empty or old, and what to do
        self.notice.setWordWrap(True)
        self.notice.setProperty("muted", True)
        self.notice.setVisible(False)
        layout.addWidget(self.notice)

    def start(self) -> None:
        self.model.reset()
        self.model.fetchMore()

    def _load(self, offset: int) -> None:
        catalog = self.page.catalog
        self.page.runner.submit(
            catalog.section_page, self.spec, offset, PAGE, on_result=self._loaded, on_error=self._failed
        )

    def _loaded(self, result: SectionPage) -> None:
        if not self.alive:
            return
        self.model.append(result.entries, total=result.total)
        self.count.setText(tr.n("%n book(s)", result.total) if result.total else "")
        stale = result.refreshed_at is None or utcnow() - result.refreshed_at > STALE_AFTER
        if stale:
            self.page.refresh(self, automatic=True)
        self.explain()

    @property
    def key(self) -> tuple[str, str]:
        return (self.spec.list_key, self.spec.region)

    def explain(self) -> None:
        """Say inline why the section is empty (or shows old books) and what to do here."""
        empty = self.model.rowCount() == 0
        error = self.page.refresh_errors.get(self.key)
        if error is None:
            message = ""
            if empty and self.key in self.page.refreshing:
                message = tr("Nothing saved yet for this section; asking Audible for it…")
            elif empty:
                message = tr(
                    "Audible lists no books for this section in its marketplace. Remove it with ✕, or "
                    "add another one with Add section."
                )
        elif error.exc_type in UNREACHABLE_ERRORS:
            message = (
                tr(
                    "Audible could not be reached, so this section has no books yet ({reason}). Check "
                    "your internet connection, then press ⟳ on this section to try again."
                )
                if empty
                else tr(
                    "These are the books saved earlier: Audible could not be reached ({reason}). "
                    "Press ⟳ on this section to try again."
                )
            ).format(reason=error.message)
        else:
            message = tr(
                "This section could not be refreshed from Audible: {reason} Press ⟳ on this section to "
                "try again; if it keeps failing, remove it with ✕."
            ).format(reason=error.message)
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    def _failed(self, info: ErrorInfo) -> None:
        if not self.alive:
            return
        self.model.loading_failed()
        self.notice.setText(
            tr("The saved books of this section could not be read: {reason} {hint}").format(
                reason=info.message, hint=info.hint
            )
        )
        self.notice.setVisible(True)


class DiscoverPage(QWidget):
    def __init__(
        self,
        catalog: CatalogService,
        users: UserService,
        runner: Runner,
        notifier: Notifier,
        nav: CatalogNavigator,
    ) -> None:
        super().__init__()
        self.catalog, self.users, self.runner, self.notifier, self.nav = catalog, users, runner, notifier, nav
        self.user: UserInfo | None = None
        self.sections: list[SectionWidget] = []
        self.refreshing: set[tuple[str, str]] = set()
        self.refresh_errors: dict[tuple[str, str], ErrorInfo] = {}  # the last refresh of a list failed
        self._refreshed: set[tuple[str, str]] = set()
        layout = page_layout(self)
        self.add_button = QPushButton(tr("Add section"))
        self.add_button.setToolTip(tr("Add a row of books: popular, new releases or a category"))
        self.add_menu = QMenu(self)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._fill_menu)
        layout.addWidget(
            PageHeader(
                tr("Discover"),
                tr("New, popular and recommended audiobooks from Audible; open one to request it."),
                self.add_button,
            )
        )
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the sections' buttons and covers
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addStretch(1)
        scroll.setWidget(self.body)
        layout.addWidget(scroll, 1)
        self.categories: list[Category] = []
        nav.requestCreated.connect(lambda _details: self.update_badges())
        connect_dropped_links(self, nav)
        self.reload()
        # Cached sections need no network: ask once whether Audible answers, for the offline banner.
        self.runner.submit(self.catalog.probe, on_error=lambda _info: None)

    # -- sections --------------------------------------------------------------------------------
    def reload(self) -> None:
        def fetch() -> tuple[UserInfo, list[HomeSectionSpec]]:
            user = self.users.current()
            return user, self.catalog.sections(user.id)

        self.runner.submit(fetch, on_result=self._show_sections)

    def _show_sections(self, result: tuple[UserInfo, list[HomeSectionSpec]]) -> None:
        self.user, specs = result
        for widget in self.sections:
            widget.alive = False
            widget.setParent(None)
            widget.deleteLater()
        self.sections = [SectionWidget(self, spec) for spec in specs]
        for index, widget in enumerate(self.sections):
            self.body_layout.insertWidget(index, widget)
            widget.start()

    def refresh(self, widget: SectionWidget, *, automatic: bool = False) -> None:
        """Fetch the section's list from Audible; one refresh per list at a time, once per session
        when automatic (a stale cache), every time when asked for."""
        key = widget.key
        if key in self.refreshing or (automatic and key in self._refreshed):
            return
        self.refreshing.add(key)
        widget.count.setText(tr("refreshing…"))
        self.runner.submit(
            self.catalog.refresh_section,
            widget.spec,
            on_result=lambda _n: self._refreshed_list(key, None),
            on_error=lambda info: self._refreshed_list(key, info),
        )

    def _refreshed_list(self, key: tuple[str, str], error: ErrorInfo | None) -> None:
        self.refreshing.discard(key)
        self._refreshed.add(key)
        if error is None:
            self.refresh_errors.pop(key, None)
        else:
            self.refresh_errors[key] = error
        for widget in self.sections:
            if widget.key != key:
                continue
            if error is None:
                widget.start()
            else:
                widget.count.setText(tr("could not refresh"))
                widget.explain()

    def move_section(self, spec: HomeSectionSpec, offset: int) -> None:
        user_id = self.user.id if self.user else None
        self.runner.submit(
            self.catalog.move_section, user_id, spec.id, offset, on_result=lambda _s: self.reload()
        )

    def remove(self, spec: HomeSectionSpec) -> None:
        user_id = self.user.id if self.user else None
        self.runner.submit(self.catalog.remove_section, user_id, spec.id, on_result=lambda _r: self.reload())

    def add(self, kind: SectionKind, title: str | None = None, category_id: str | None = None) -> None:
        user_id = self.user.id if self.user else None
        self.runner.submit(
            self.catalog.add_section,
            user_id,
            kind,
            title=title,
            category_id=category_id,
            on_result=lambda _s: self.reload(),
            on_error=lambda info: self.notifier.notify(tr("Discover"), info.message, "warning"),
        )

    def _fill_menu(self) -> None:
        self.add_menu.clear()
        self.add_menu.addAction(tr("Popular"), lambda: self.add(SectionKind.POPULAR))
        self.add_menu.addAction(tr("New releases"), lambda: self.add(SectionKind.NEW_RELEASES))
        categories = self.add_menu.addMenu(tr("Category"))
        if not self.categories:
            categories.addAction(tr("Loading categories…")).setEnabled(False)
            self.runner.submit(self.catalog.categories, on_result=self._categories_loaded)
            return

        def add_category(name: str, category_id: str) -> Callable[[], None]:
            return lambda: self.add(SectionKind.CATEGORY, name, category_id)

        for node in self.categories:
            categories.addAction(node.name, add_category(node.name, node.id))
            for child in node.children:
                categories.addAction(f"   {child.name}", add_category(child.name, child.id))

    def _categories_loaded(self, categories: list[Category]) -> None:
        self.categories = categories

    def update_badges(self) -> None:
        """Re-decide the badges of every shown book (after a request, or a library change)."""
        for widget in self.sections:
            entries = widget.model.entries()
            if entries:
                self.runner.submit(
                    self.catalog.annotate, [e.book for e in entries], on_result=widget.model.update_entries
                )
