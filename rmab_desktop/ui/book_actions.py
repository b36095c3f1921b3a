"""Actions on a book, registered in one place like pages and settings sections.

``LIBRARY_BOOK_ACTIONS`` act on books of the user's library (the Library page's action bar and its
context menu); ``CATALOG_BOOK_ACTIONS`` act on Audible catalog books (the context menu of every covers
grid: Search results, Discover sections, author and series lists, similar books on a book page).
A spec's factory gets the app's container and the window's shell and returns the handler; pages
receive the bound actions (:func:`bind`) and never the container.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from rmab_desktop.domain.i18n import Marked, Translator, text
from rmab_desktop.ui import icons

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.domain.catalog import CatalogEntry
    from rmab_desktop.services.library.service import LibraryEntry
    from rmab_desktop.ui.shell import Shell

B = TypeVar("B")

tr = Translator("BookActions")


class BookView(Protocol):
    """The page an action runs from: shows a book again after the action changed it."""

    def refresh_book(self, book: Any) -> None: ...


def exactly_one(books: Sequence[object]) -> bool:
    return len(books) == 1


@dataclass(frozen=True)
class BookHandler(Generic[B]):
    """What an action does with the selected books, and when it can."""

    run: Callable[[list[B], BookView], object]  # what it returns is ignored
    enabled: Callable[[list[B]], bool] = exactly_one
    unavailable: str = ""  # set when this build cannot run the action: shown as its tooltip, disabled


@dataclass(frozen=True)
class BookActionSpec(Generic[B]):
    key: str
    text: Marked  # shown through rmab_desktop.domain.i18n.text()
    icon_name: str  # a file in resources/icons/ without extension
    factory: Callable[[AppCore, Shell], BookHandler[B]]
    shortcut: str = ""
    tooltip: Marked | str = ""
    order: int = 100
    default: bool = False  # run on double-click / Enter


@dataclass(frozen=True)
class BookAction(Generic[B]):
    """A spec bound to its handler: what a page receives."""

    spec: BookActionSpec[B]
    handler: BookHandler[B]

    def qaction(self, parent: QWidget) -> QAction:
        spec = self.spec
        label = text(spec.text)
        action = QAction(icons.icon(spec.icon_name), label, parent)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(self.handler.unavailable or text(spec.tooltip) or label)
        return action

    def enabled(self, books: list[B]) -> bool:
        return not self.handler.unavailable and bool(books) and self.handler.enabled(books)


def bind(specs: Sequence[BookActionSpec[B]], core: AppCore, shell: Shell) -> list[BookAction[B]]:
    """The registered actions, in order, with their handlers built from the container."""
    return [BookAction(spec, spec.factory(core, shell)) for spec in sorted(specs, key=lambda s: s.order)]


# -- the library's books --------------------------------------------------------------------------
def _open_folder(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages import library_actions

    return library_actions.open_folder(shell.notifier)


def _play(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages import library_actions

    return library_actions.play(shell.runner, shell.notifier)


def _rescan(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages import library_actions

    return library_actions.rescan(core.library, shell.runner, shell.notifier)


def _retag(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages import library_actions

    return library_actions.retag(core.library, shell.runner, shell.notifier)


def _report_problem(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages import library_actions

    return library_actions.report_problem(core.problems, shell.runner, shell.notifier)


def _watch_series(core: AppCore, shell: Shell) -> BookHandler[LibraryEntry]:
    from rmab_desktop.ui.pages.series_page import watch_series_action

    return watch_series_action(core.watching, shell.runner, shell.notifier)


LIBRARY_BOOK_ACTIONS: list[BookActionSpec[LibraryEntry]] = [
    BookActionSpec(
        "open", tr.mark("Open folder"), "folder", _open_folder, shortcut="Ctrl+O", order=10, default=True
    ),
    BookActionSpec("play", tr.mark("Play"), "play", _play, shortcut="Ctrl+P", order=20),
    BookActionSpec("rescan", tr.mark("Rescan"), "retry", _rescan, order=30),
    BookActionSpec(
        "retag",
        tr.mark("Re-tag"),
        "export",
        _retag,
        tooltip=tr.mark("Write title, author, narrator, series and cover tags into the files again"),
        order=40,
    ),
    BookActionSpec(
        "report",
        tr.mark("Report a problem…"),
        "warning",
        _report_problem,
        tooltip=tr.mark("Wrong book, bad audio or the wrong edition: tell the administrators"),
        order=50,
    ),
    BookActionSpec(
        "watch_series",
        tr.mark("Watch this series"),
        "watch",
        _watch_series,
        tooltip=tr.mark("Request the series' new books for you as they come out"),
        order=60,
    ),
]


# -- catalog books --------------------------------------------------------------------------------
def _open_book(core: AppCore, shell: Shell) -> BookHandler[CatalogEntry]:
    from rmab_desktop.ui.wiring import catalog_navigator

    # looked up when run: the navigator binds these actions while it is being built
    return BookHandler(lambda books, _view: catalog_navigator(core, shell).open_entry(books[0]))


def _view_on_audible(core: AppCore, shell: Shell) -> BookHandler[CatalogEntry]:
    from rmab_desktop.ui.pages import catalog_actions

    return catalog_actions.view_on_audible(shell.notifier)


def _never_request(whole_work: bool) -> Callable[[AppCore, Shell], BookHandler[CatalogEntry]]:
    def factory(core: AppCore, shell: Shell) -> BookHandler[CatalogEntry]:
        from rmab_desktop.ui.pages import catalog_actions

        return catalog_actions.never_request(
            core.requests, shell.runner, shell.notifier, whole_work=whole_work
        )

    return factory


CATALOG_BOOK_ACTIONS: list[BookActionSpec[CatalogEntry]] = [
    BookActionSpec("details", tr.mark("Details"), "info", _open_book, order=10, default=True),
    BookActionSpec("audible", tr.mark("View on Audible"), "audible", _view_on_audible, order=20),
    BookActionSpec(
        "ignore",
        tr.mark("Never request this"),
        "blocklist",
        _never_request(False),
        tooltip=tr.mark("Watches, shelves and “Request everything missing” pass this edition over"),
        order=30,
    ),
    BookActionSpec(
        "ignore_work",
        tr.mark("Never request any edition"),
        "blocklist",
        _never_request(True),
        tooltip=tr.mark("Watches, shelves and “Request everything missing” pass every edition over"),
        order=31,
    ),
]
