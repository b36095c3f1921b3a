"""The sidebar's pages. Each capability appends one PageSpec; the main window builds from PAGES."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from rmab_desktop.ui.context import UiContext


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon_name: str  # a file in resources/icons/ without extension
    factory: Callable[[UiContext], QWidget]
    order: int = 100


def _activity(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.activity_page import ActivityPage

    return ActivityPage(ctx)


def _status(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.status_page import StatusPage

    assert ctx.core.health is not None  # built by open_core
    return StatusPage(ctx.core.health, ctx.runner)


def _discover(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.catalog_widgets import navigator
    from rmab_desktop.ui.pages.discover_page import DiscoverPage

    return DiscoverPage(ctx, navigator(ctx))


def _search(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.catalog_widgets import navigator
    from rmab_desktop.ui.pages.search_page import SearchPage

    return SearchPage(ctx, navigator(ctx))


def _requests(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.catalog_widgets import navigator
    from rmab_desktop.ui.pages.requests_page import RequestsPage

    return RequestsPage(ctx, navigator(ctx))


def _blocklist(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.blocklist_page import BlocklistPage

    core = ctx.core
    assert core.blocklist is not None and core.requests is not None  # built by open_core
    requests = core.requests

    def books() -> list[tuple[int, str]]:
        return sorted({(r.audiobook_id, r.book.title) for r in requests.list()}, key=lambda b: b[1].lower())

    return BlocklistPage(core.blocklist, ctx.runner, books)


def _library(ctx: UiContext) -> QWidget:
    from rmab_desktop.ui.pages.library_page import library_page

    return library_page(ctx)


PAGES: list[PageSpec] = [
    PageSpec("discover", "Discover", "discover", _discover, order=10),
    PageSpec("search", "Search", "search", _search, order=20),
    PageSpec("requests", "Requests", "requests", _requests, order=30),
    PageSpec("library", "Library", "library", _library, order=40),
    PageSpec("blocklist", "Blocklist", "blocklist", _blocklist, order=45),
    PageSpec("activity", "Activity", "activity", _activity, order=900),
    PageSpec("status", "Service status", "status", _status, order=910),
]
