"""The Shelves and BookDate pages over real services, the fake Audible, Goodreads and model servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import LibraryItem
from rmab_desktop.domain.bookdate import Swipe
from rmab_desktop.domain.shelves import ShelfSource
from rmab_desktop.services.bookdate import BookDateService
from rmab_desktop.ui.models.catalog_model import CoverImages
from rmab_desktop.ui.pages.bookdate_page import BookDatePage, swipe_for
from rmab_desktop.ui.pages.shelves_page import ShelvesPage
from rmab_desktop.workers.runner import ImmediateRunner
from tests.fakes.audible_server import FakeAudible
from tests.fakes.goodreads_server import FakeGoodreads
from tests.fakes.llm_server import KEY, FakeLLM
from tests.integration.shelves.test_bookdate import THREE_REAL_ONE_INVENTED
from tests.integration.shelves.world import World

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "shelves"


@pytest.fixture(scope="module")
def audible() -> Iterator[FakeAudible]:
    server = FakeAudible().start()
    yield server
    server.stop()


@pytest.fixture
def world(database: Database, audible: FakeAudible, tmp_path: Path) -> Iterator[World]:
    audible.fail_next("ok", 0)
    audible.similar.clear()
    w = World(database, audible, tmp_path / "covers")
    yield w
    w.close()


@pytest.fixture
def covers(world: World, qapp) -> CoverImages:  # type: ignore[no-untyped-def]
    return CoverImages(ImmediateRunner(), world.catalog.covers.fetch)


def test_shelves_page_adds_syncs_and_offers_the_choice(world: World, covers: CoverImages, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = ShelvesPage(world.shelves, ImmediateRunner(), covers)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty
    with FakeGoodreads() as goodreads:
        page.add()
        dialog = page.add_dialog
        assert dialog.source == ShelfSource.GOODREADS
        dialog.target_edit.setText(goodreads.feed_url())
        dialog.accept()
    assert page.stack.currentWidget() is page.scroll_area
    [card] = page.cards
    assert "2 requested" in card.counts_label.text() and "1 waiting for a choice" in card.counts_label.text()
    assert card.status_label.text().startswith("Synced")
    [row] = page.choice_rows
    assert row.choice.title == "The Lantern Sea" and [c.button.text() for c in row.cards] == ["This one"]
    row.cards[0].button.click()
    assert page.choice_rows == []
    assert world.requested_asins() == {"B0TESTSER1", "B0TESTCLS1", "B0TESTFUT1"}

    # The feed is gone: the error is on the shelf, in words.
    page.cards[0].sync_button.click()
    assert "The last sync failed" in page.cards[0].status_label.text()
    page.cards[0].pause_button.click()
    assert page.cards[0].pause_button.text() == "Resume"
    page.remove(page.cards[0].shelf.id, confirm=False)
    assert page.stack.currentWidget() is page.empty
    assert len(world.requested_asins()) == 3  # removing a shelf keeps its requests


def bookdate(world: World) -> BookDateService:
    return BookDateService(
        world.database, world.credentials, world.users, world.requests, world.catalog, world.resolver
    )


def _drag(widget, dx: int, dy: int) -> None:  # type: ignore[no-untyped-def]
    start = QPointF(40, 40)
    origin = QPointF(widget.mapToGlobal(QPoint(40, 40)))
    for kind, offset, buttons in (
        (QEvent.Type.MouseButtonPress, QPointF(0, 0), Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseMove, QPointF(dx / 2, dy / 2), Qt.MouseButton.LeftButton),
        (QEvent.Type.MouseButtonRelease, QPointF(dx, dy), Qt.MouseButton.NoButton),
    ):
        event = QMouseEvent(
            kind,
            start + offset,
            origin + offset,
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(widget, event)


def test_bookdate_deck_swipes_by_drag_keys_and_buttons_and_undoes(
    world: World, covers: CoverImages, qtbot
) -> None:  # type: ignore[no-untyped-def]
    service = bookdate(world)
    with FakeLLM(THREE_REAL_ONE_INVENTED) as llm:
        service.set_provider("compatible", base_url=llm.openai_url, model="test-model", api_key=KEY)
        page = BookDatePage(service, ImmediateRunner(), covers)
        qtbot.addWidget(page)
        page.show()
        assert [c.title for c in page.cards] == ["The Lantern Road", "The Chamber Below", "The Lantern Sea"]
        assert page.view is not None and "The Lantern Road" in page.view.title_label.text()
        assert page.settings.provider_combo.currentData() == "compatible"

        _drag(page.view, 160, 10)  # dragged right, far enough: requested
        qtbot.waitUntil(lambda: world.requested_asins() == {"B0TESTSER1"}, timeout=3000)
        assert "Requested: The Lantern Road" in page.message_label.text()
        view = page.view
        _drag(view, 30, 0)  # too short: springs back, nothing stored
        qtbot.wait(300)
        assert page.cards[0].title == "The Chamber Below" and service.deck()[0].title == "The Chamber Below"

        qtbot.keyClick(page, Qt.Key.Key_Left)  # not interested
        qtbot.waitUntil(lambda: len(service.deck()) == 1, timeout=3000)
        page.undo_button.click()
        assert page.cards[0].title == "The Chamber Below" and len(service.deck()) == 2
        page.up_button.click()
        qtbot.waitUntil(lambda: page.cards and page.cards[0].title == "The Lantern Sea", timeout=3000)


def test_bookdate_without_a_provider_deals_local_cards(
    world: World, covers: CoverImages, audible: FakeAudible, qtbot
) -> None:  # type: ignore[no-untyped-def]
    service = bookdate(world)
    page = BookDatePage(service, ImmediateRunner(), covers)
    qtbot.addWidget(page)
    assert "needs a few books" in page.empty.text_label.text()  # says what to do
    assert page.settings.provider_combo.currentData() == ""
    with world.database.session() as session:
        session.add(
            LibraryItem(
                backend="folder", external_id="a", title="The Lantern Road", asin="B0TESTSER1", authors=[]
            )
        )
    audible.similar["B0TESTSER1"] = ["B0TESTNOS1"]
    page.restart()
    assert [c.asin for c in page.cards] == ["B0TESTNOS1"]
    assert page.view is not None and "Similar to The Lantern Road" in page.view.reason_label.text()


def test_swipe_distances() -> None:
    assert swipe_for(150, 20) == Swipe.RIGHT
    assert swipe_for(-150, 20) == Swipe.LEFT
    assert swipe_for(20, -150) == Swipe.UP
    assert swipe_for(60, -40) is None


def test_add_dialog_imports_a_csv_export(world: World, covers: CoverImages, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = ShelvesPage(world.shelves, ImmediateRunner(), covers)
    qtbot.addWidget(page)
    page.add()
    dialog = page.add_dialog
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(ShelfSource.CSV))
    assert dialog.browse_button.isVisibleTo(dialog) and not dialog.token_edit.isVisibleTo(dialog)
    assert not dialog.buttons.buttons()[0].isEnabled()  # nothing to add yet
    dialog.target_edit.setText(str(FIXTURES / "storygraph_export.csv"))
    dialog.shelf_edit.setText("all")
    dialog.accept()
    [card] = page.cards
    assert card.shelf.name == "StoryGraph export (all)"
    assert "1 requested" in card.counts_label.text() and "1 no audiobook" in card.counts_label.text()


def test_provider_settings_list_models_test_and_preview(world: World, covers: CoverImages, qtbot) -> None:  # type: ignore[no-untyped-def]
    service = bookdate(world)
    with FakeLLM(THREE_REAL_ONE_INVENTED) as llm:
        page = BookDatePage(service, ImmediateRunner(), covers)
        qtbot.addWidget(page)
        settings = page.settings
        settings.provider_combo.setCurrentIndex(settings.provider_combo.findData("compatible"))
        settings.base_url_edit.setText(llm.openai_url)
        settings.key_edit.setText(KEY)
        settings.prompt_edit.setPlainText("Short books, please.")
        settings.save()
        assert settings.message_label.text() == "Saved." and settings.key_edit.text() == ""
        assert service.settings().has_key and service.settings().provider == "compatible"
        settings.list_models()
        assert settings.model_combo.currentText() == "test-model"
        settings.save()
        settings.test_button.button.click()
        assert "answered" in settings.test_button.result.text()
        settings.show_preview()
        assert settings.preview_dialog.text.toPlainText().endswith("Short books, please.")
        assert KEY not in settings.preview_dialog.text.toPlainText()
        # Saving dealt a new deck from the provider (the local recommender had nothing to offer).
        assert [c.origin for c in page.cards] == ["ai", "ai", "ai"]
