"""The sidebar's pages. Each capability appends one PageSpec; the main window builds from PAGES.

A factory gets the app's container and the window's shell and passes each page exactly the
services and window pieces it uses (see ``ui/shell.py``); pages never see the container.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtWidgets import QWidget

from rmab_desktop.domain.i18n import Marked, Translator
from rmab_desktop.ui.wiring import catalog_navigator, cover_images

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.pages.library_page import LibraryPage
    from rmab_desktop.ui.shell import Shell, UiFactory

tr = Translator("Pages")

BadgeCounter: TypeAlias = "Callable[[AppCore], Callable[[], int]]"
"""A page's badge: given the container, the function that counts what waits on the page (it reads
the database: the window calls it on the runner, every few seconds; 0 shows no badge)."""


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: Marked  # shown through rmab_desktop.domain.i18n.text()
    icon_name: str  # a file in resources/icons/ without extension
    factory: UiFactory
    order: int = 100
    badge: BadgeCounter | None = None
    # what the desktop says when the badge's count grows (what waits may come from another desktop)
    badge_notice: Callable[[int], str] | None = None
    restricted: bool = False  # for a household's administrators: shown by the app (set_restricted_visible)


def _activity(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.activity_page import ActivityPage

    return ActivityPage(
        core.queue, core.scheduler, core.handlers.title, shell.runner, shell.pump, shell.log_handler
    )


def _status(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.status_page import StatusPage

    return StatusPage(core.health, shell.runner)


def _discover(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.discover_page import DiscoverPage

    nav = catalog_navigator(core, shell)
    return DiscoverPage(core.catalog, core.users, shell.runner, shell.notifier, nav)


def _search(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.search_page import SearchPage

    return SearchPage(core.catalog, shell.runner, catalog_navigator(core, shell), core.prefs.catalog.region)


def _requests(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.requests_page import RequestsPage

    nav = catalog_navigator(core, shell)
    return RequestsPage(
        core.requests,
        core.users,
        core.acquisition,
        core.events,
        shell.runner,
        nav,
        rescue=core.rescue,
        problems=core.problems,
    )


def _blocklist(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.blocklist_page import BlocklistPage

    requests = core.requests

    def books() -> list[tuple[int, str]]:
        return sorted({(r.audiobook_id, r.book.title) for r in requests.list()}, key=lambda b: b[1].lower())

    return BlocklistPage(core.blocklist, shell.runner, books)


def _library(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.book_actions import LIBRARY_BOOK_ACTIONS, bind
    from rmab_desktop.ui.pages.library_page import LibraryPage

    def open_import(page: LibraryPage) -> None:
        from rmab_desktop.ui.dialogs.import_library_dialog import ImportLibraryDialog

        library = core.prefs.library
        dialog = ImportLibraryDialog(
            core.library_import,
            shell.runner,
            shell.notifier,
            library.root,
            library.path_template,
            parent=page,
        )
        dialog.finished.connect(lambda _code: page.reload())
        dialog.open()

    def open_add_url(page: LibraryPage) -> None:
        from rmab_desktop.ui.dialogs.add_url_dialog import AddUrlDialog

        dialog = AddUrlDialog(core.url_imports, shell.runner, parent=page)
        dialog.finished.connect(lambda _code: page.reload())
        dialog.open()

    actions = bind(LIBRARY_BOOK_ACTIONS, core, shell)
    return LibraryPage(core.library, shell.runner, shell.notifier, actions, open_import, open_add_url)


def _shelves(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.shelves_page import ShelvesPage

    return ShelvesPage(core.shelves, shell.runner, cover_images(core, shell))


def _bookdate(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.bookdate_page import BookDatePage

    return BookDatePage(core.bookdate, shell.runner, cover_images(core, shell))


def _audible(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.audible_page import AudibleLibraryPage
    from rmab_desktop.ui.wiring import cover_images

    return AudibleLibraryPage(
        core.audible_library,
        core.audible_account,
        core.requests,
        shell.runner,
        shell.notifier,
        cover_images(core, shell),
        core.prefs.catalog.region,
    )


def _lists(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.lists_page import ListsPage
    from rmab_desktop.ui.wiring import cover_images

    return ListsPage(
        core.lists,
        shell.runner,
        shell.notifier,
        core.list_books.cover_file,
        core.list_books.cover_urls,
        cover_images(core, shell),
    )


def _approvals(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.approvals_page import ApprovalsPage

    return ApprovalsPage(core.requests, core.users, core.events, shell.runner)


def _approvals_badge(core: AppCore) -> Callable[[], int]:
    requests, users = core.requests, core.users
    return lambda: requests.awaiting_approval_count() if users.current().is_admin else 0


def _problems(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.problems_page import ProblemsPage

    def pick_release(request_id: int, title: str, parent: QWidget) -> None:
        from rmab_desktop.ui.dialogs.interactive_search_dialog import InteractiveSearchDialog

        InteractiveSearchDialog(core.acquisition, shell.runner, request_id, title, parent).open()

    return ProblemsPage(core.problems, core.users, shell.runner, pick_release)


def _problems_badge(core: AppCore) -> Callable[[], int]:
    problems, users = core.problems, core.users
    return lambda: problems.open_count() if users.current().is_admin else 0


def _users(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.users_page import UsersPage

    return UsersPage(core.users, core.household, shell.runner)


def _watching(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.watching_page import WatchingPage

    return WatchingPage(core.watching, shell.runner)


def _upcoming(core: AppCore, shell: Shell) -> QWidget:
    from rmab_desktop.ui.pages.upcoming_page import UpcomingPage

    return UpcomingPage(core.upcoming.list, shell.runner)


PAGES: list[PageSpec] = [
    PageSpec("discover", tr.mark("Discover"), "discover", _discover, order=10),
    PageSpec("search", tr.mark("Search"), "search", _search, order=20),
    PageSpec("requests", tr.mark("Requests"), "requests", _requests, order=30),
    PageSpec("upcoming", tr.mark("Upcoming"), "clock", _upcoming, order=35),
    PageSpec("library", tr.mark("Library"), "library", _library, order=40),
    PageSpec("blocklist", tr.mark("Blocklist"), "blocklist", _blocklist, order=45),
    PageSpec("shelves", tr.mark("Reading shelves"), "shelves", _shelves, order=50),
    PageSpec("bookdate", tr.mark("BookDate"), "bookdate", _bookdate, order=55),
    PageSpec("audible", tr.mark("Audible library"), "audible", _audible, order=60),
    PageSpec("lists", tr.mark("Lists"), "lists", _lists, order=65),
    PageSpec("watching", tr.mark("Watching"), "watch", _watching, order=67),
    PageSpec(
        "approvals",
        tr.mark("Approvals"),
        "success",
        _approvals,
        order=70,
        restricted=True,
        badge=_approvals_badge,
        badge_notice=lambda count: tr.n("Waiting for your approval: %n request(s).", count),
    ),
    PageSpec(
        "problems",
        tr.mark("Reported problems"),
        "warning",
        _problems,
        order=75,
        badge=_problems_badge,
        badge_notice=lambda count: tr.n("Waiting for an administrator: %n reported problem(s).", count),
    ),
    PageSpec("users", tr.mark("Users"), "users", _users, order=80, restricted=True),
    PageSpec("activity", tr.mark("Activity"), "activity", _activity, order=900),
    PageSpec("status", tr.mark("Service status"), "status", _status, order=910),
]
