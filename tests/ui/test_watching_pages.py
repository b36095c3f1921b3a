"""The Watching page and the series/author page over real services and the stand-in Audible server:
their loading, empty, error and content states, and the actions on them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.watching import WatchFormat, WatchKind, WatchMode
from rmab_desktop.ui.pages.series_page import SeriesPage
from rmab_desktop.ui.pages.watching_page import WatchingPage
from rmab_desktop.workers.runner import ImmediateRunner
from tests.fakes.audible_server import FakeAudible
from tests.integration.test_catalog_service import make_service
from tests.integration.watching.test_watch_check import CATALOG, MARA, SERIES, World


class HeldRunner(ImmediateRunner):
    """Keeps submitted work until :meth:`release`: the page shows its loading state meanwhile."""

    def __init__(self) -> None:
        self.held: list[Callable[[], Any]] = []

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        self.held.append(lambda: ImmediateRunner.submit(self, fn, *args, **kwargs))

    def release(self) -> None:
        while self.held:
            self.held.pop(0)()


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeAudible]:
    server = FakeAudible(products=[dict(p) for p in CATALOG])
    server.loose_author_search = True
    server.start()
    yield server
    server.stop()


@pytest.fixture
def world(database: Database, fake: FakeAudible, tmp_path: Path) -> Iterator[World]:
    fake.fail_next("ok", 0)
    catalog = make_service(database, fake.base_url, tmp_path / "covers")
    yield World(database, catalog)
    catalog.close()


def never(_parent: QWidget, _count: int) -> bool:
    raise AssertionError("no confirmation expected")


def test_watching_page_loading_empty_content_and_actions(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = HeldRunner()
    page = WatchingPage(world.watching, runner)
    qtbot.addWidget(page)
    assert page.watch_panel.currentWidget() is page.watch_panel.loading
    runner.release()
    assert page.watch_panel.currentWidget() is page.watch_panel.empty
    assert page.ignore_panel.currentWidget() is page.ignore_panel.empty
    assert not page.check_all_button.isEnabled()

    world.watching.add(WatchKind.AUTHOR, MARA["asin"], region="us")
    world.watching.add(WatchKind.SERIES, SERIES["asin"], mode=WatchMode.ALL, region="us")
    page.runner = ImmediateRunner()
    page.reload()
    assert page.watch_panel.currentWidget() is page.table
    assert [page.table.item(r, 0).text() for r in range(2)] == ["Lantern Cycle", "Mara Quell"]
    assert (
        page.table.item(0, 2).text() == "Whole back catalogue"
        and page.table.item(0, 5).text() == "Not checked yet"
    )

    page.table.selectRow(0)
    page.check_button.click()
    assert "4 new books requested." in page.message.text()
    assert page.table.item(0, 5).text().startswith("Requested: The Lantern Road, The Lantern Sea")

    page.table.selectRow(1)
    page.pause_button.click()
    assert page.table.item(1, 0).text() == "Mara Quell (paused)"
    page.table.selectRow(1)
    assert page.pause_button.text() == "Resume"
    page.edit_selected()
    page.edit_dialog.format_box.setCurrentIndex(page.edit_dialog.format_box.findData(WatchFormat.BOTH.value))
    page.edit_dialog.accept()
    assert page.table.item(1, 3).text() == "Audiobook and ebook"
    page.table.selectRow(1)
    page.remove_selected(confirm=False)
    assert page.table.rowCount() == 1


def test_watching_page_error_states_say_what_to_do(world: World, fake: FakeAudible, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = WatchingPage(world.watching, ImmediateRunner())
    qtbot.addWidget(page)
    world.own("B0LANT0002", "The Lantern Sea")
    world.catalog.book("B0LANT0002", "us")
    fake.fail_next("500", 10)
    try:
        page.tabs.setCurrentIndex(1)
    finally:
        fake.fail_next("ok", 0)
    assert page.missing_panel.currentWidget() is page.missing_panel.error
    assert "Audible" in page.missing_panel.error.text_label.text()

    def broken() -> Any:
        raise RuntimeError("the database is gone")

    page.watching.list = lambda *_a, **_k: broken()  # type: ignore[method-assign]
    page.reload()
    assert page.watch_panel.currentWidget() is page.watch_panel.error
    assert "the database is gone" in page.watch_panel.error.text_label.text()


def test_missing_in_your_series_lists_gaps_and_requests_them_after_confirming(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []
    page = WatchingPage(world.watching, ImmediateRunner(), confirm=lambda _p, n: asked.append(n) or True)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(1)
    assert page.missing_panel.currentWidget() is page.missing_panel.empty  # nothing owned yet

    world.own("B0LANT0002", "The Lantern Sea")
    world.catalog.book("B0LANT0002", "us")
    page.load_missing()
    assert page.missing_panel.currentWidget() is page.tree
    top = page.tree.topLevelItem(0)
    assert top.text(0) == "Lantern Cycle: you have 1, 3 missing" and top.childCount() == 3
    page.tree.setCurrentItem(top.child(1))
    page.request_selected_series()
    assert asked == [3] and "3 books requested." in page.message.text()
    assert set(world.asins()) == {"B0LANT0001", "B0LANT0003", "B0LANT0004"}


def test_ignore_list_section_shows_and_removes(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    user = world.users.current()
    world.requests.ignores.add(user.id, world.catalog.book("B0MARANEW1", "us"), whole_work=True)
    page = WatchingPage(world.watching, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.ignore_panel.currentWidget() is page.ignore_table
    assert [page.ignore_table.item(0, c).text() for c in range(3)] == [
        "A Quiet Harbour",
        "B0MARANEW1",
        "Every edition",
    ]
    page.ignore_table.selectRow(0)
    page.unignore_button.click()
    assert page.ignore_panel.currentWidget() is page.ignore_panel.empty
    assert world.requests.ignores.entries(user.id) == []


def test_series_page_shows_states_in_order_and_requests_missing(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.own("B0LANT0003", "The Lantern Sky")
    asked: list[int] = []
    runner = HeldRunner()
    page = SeriesPage(
        world.watching,
        runner,
        WatchKind.SERIES,
        SERIES["asin"],
        SERIES["title"],
        "us",
        lambda *_: None,
        confirm=lambda _p, n: asked.append(n) or True,
    )
    qtbot.addWidget(page)
    assert page.panel.currentWidget() is page.panel.loading
    runner.release()
    rows = [[page.table.item(r, c).text() for c in (0, 1, 3)] for r in range(page.table.rowCount())]
    assert rows == [
        ["1", "The Lantern Road", "Missing"],
        ["2", "The Lantern Sea", "Missing"],
        ["3", "The Lantern Sky", "In library"],
        ["4", "The Lantern Gate", "Missing"],
    ]
    assert page.request_button.text() == "Request missing (3)"
    page.request_button.click()
    runner.release()
    assert asked == [3] and set(world.asins()) == {"B0LANT0001", "B0LANT0002", "B0LANT0004"}
    assert [page.table.item(r, 3).text() for r in range(4)] == [
        "Requested",
        "Requested",
        "In library",
        "Requested",
    ]
    assert not page.request_button.isEnabled()

    page.watch_button.click()
    runner.release()
    assert "Watching Lantern Cycle" in page.message.text()
    assert [w.name for w in world.watching.list()] == ["Lantern Cycle"]


def test_author_page_error_state(world: World, fake: FakeAudible, qtbot) -> None:  # type: ignore[no-untyped-def]
    fake.fail_next("500", 10)
    try:
        page = SeriesPage(
            world.watching,
            ImmediateRunner(),
            WatchKind.AUTHOR,
            MARA["asin"],
            "Mara Quell",
            "us",
            lambda *_: None,
            confirm=never,
        )
    finally:
        fake.fail_next("ok", 0)
    qtbot.addWidget(page)
    assert page.panel.currentWidget() is page.panel.error
    page.load()
    assert page.panel.currentWidget() is page.table
    assert "Mara's Other Life" not in [page.table.item(r, 1).text() for r in range(page.table.rowCount())]


def test_author_page_requests_one_edition_of_each_missing_work(world: World, qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []
    page = SeriesPage(
        world.watching,
        ImmediateRunner(),
        WatchKind.AUTHOR,
        MARA["asin"],
        MARA["name"],
        "us",
        lambda *_: None,
        confirm=lambda _p, n: asked.append(n) or True,
    )
    qtbot.addWidget(page)
    titles = [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    assert titles.count("Glass Orchard") == 2  # both editions are listed
    assert "Mara's Other Life" not in titles and "Quell the Storm" not in titles  # namesake, same surname
    assert page.request_button.text() == "Request missing (7)"  # Glass Orchard once
    page.request_button.click()
    assert asked == [7] and "7 books requested." in page.message.text()
    assert sum(asin.startswith("B0MARAFUL") for asin in world.asins()) == 1


def test_never_request_from_a_covers_grid_puts_the_book_or_its_work_on_the_ignore_list(
    world: World, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.ui.notifier import RecordingNotifier
    from rmab_desktop.ui.pages.catalog_actions import never_request

    notifier = RecordingNotifier()
    entries = world.catalog.annotate([world.catalog.book("B0MARAFUL1", "us")])
    never_request(world.requests, ImmediateRunner(), notifier, whole_work=True).run(entries, None)  # type: ignore[arg-type]
    [entry] = world.requests.ignores.entries(world.users.current().id)
    assert (entry.asin, entry.whole_work) == ("B0MARAFUL1", True)
    assert "never be requested automatically" in notifier.sent[-1][1]
    # The other edition of the work is ignored too.
    world.catalog.book("B0MARAFUL2", "us")
    assert world.requests.ignores.ignored(world.users.current().id, "B0MARAFUL2", "us")
