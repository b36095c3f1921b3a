"""First-run polish: the start page, the Requests empty state, readable banners in both themes,
Test results brought into view, and Re-tag asking first and keeping the tags it has no value for."""

from __future__ import annotations

from pathlib import Path

import pytest
from mutagen.id3 import ID3, TCON
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QScrollArea, QVBoxLayout, QWidget

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.tagging.writing import BookTags, write_tags
from rmab_desktop.settings import Preferences
from rmab_desktop.ui import theme
from rmab_desktop.ui.pages import library_actions
from rmab_desktop.ui.pages.requests_page import RequestsPage
from rmab_desktop.ui.widgets.banner import BannerArea
from rmab_desktop.ui.widgets.test_result import TestResultLabel
from rmab_desktop.workers.runner import ErrorInfo
from tests.audiofiles import ffmpeg_available, make_audio


def test_a_new_user_starts_on_discover() -> None:
    assert Preferences().window.last_page == "discover"


def test_requests_without_any_request_say_how_to_request_a_book(core: AppCore, runner, qtbot) -> None:
    page = RequestsPage(core.requests, core.users, core.acquisition, core.events, runner)
    qtbot.addWidget(page)
    assert page.list_stack.currentWidget() is page.empty
    assert "Request" in page.empty.text_label.text() and "Discover" in page.empty.text_label.text()


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_red_banners_are_readable_in_both_themes(dark: bool, qtbot) -> None:
    area = BannerArea()
    qtbot.addWidget(area)
    area.show_banner("keyring", "No secure keychain was found.", "error")
    banner = area._banners["keyring"]
    area.setPalette(theme.build_palette(dark))  # the theme changes after the banner was made
    background, foreground = (QColor(c) for c in banner.colors())
    assert (background.lightness() < 128) is dark
    assert _contrast(background, foreground) >= 4.5
    assert f"color: {foreground.name()}" in banner.styleSheet()


def test_a_test_result_below_the_fold_scrolls_into_view(qtbot) -> None:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    content = QWidget()
    column = QVBoxLayout(content)
    column.addSpacing(2000)
    result = TestResultLabel()
    column.addWidget(result)
    scroll.setWidget(content)
    scroll.resize(400, 300)
    qtbot.addWidget(scroll)
    scroll.show()
    assert scroll.verticalScrollBar().value() == 0
    result.show_error(ErrorInfo(message="Wrong API key", hint="Copy it again from the indexer."))
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().value() > 1500, timeout=5000)


@pytest.mark.skipif(not ffmpeg_available(), reason="ffmpeg makes the audio")
def test_tags_without_a_value_are_kept(tmp_path: Path) -> None:
    path = make_audio(tmp_path / "book.mp3", title="Old")
    id3 = ID3(path)
    id3.add(TCON(encoding=3, text=["Science Fiction"]))
    id3.save(path)
    fields = dict.fromkeys(BookTags.__dataclass_fields__, "")
    write_tags(path, BookTags(**{**fields, "title": "Dune", "album": "Dune", "authors": "Frank Herbert"}))
    tags = ID3(path)
    assert str(tags["TIT2"]) == "Dune" and str(tags["TCON"]) == "Science Fiction"


def test_retag_asks_before_writing(core: AppCore, shell, monkeypatch) -> None:
    written: list[int] = []
    library = core.library
    monkeypatch.setattr(library, "retag", lambda entry_id: written.append(entry_id))
    asked: list[str] = []

    def answer(reply):  # type: ignore[no-untyped-def]
        return lambda _parent, title, _text: asked.append(title) or reply

    entry = type("Entry", (), {"id": 7, "title": "Dune"})()
    handler = library_actions.retag(library, shell.runner, shell.notifier)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    handler.run([entry], None)
    assert asked == ["Re-tag this book?"] and written == []
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    handler.run([entry], None)
    assert written == [7]
