"""Every word the main window, its pages, menus, tray menu and notifications show goes through the
translator: with a pseudo-translation installed (each message wrapped in ⟦ ⟧), any visible text
with letters left outside the markers must be data (a book, an author, a path from the test data).

Dialogs (ui/dialogs/) have their own test of this kind, next to their other tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from rmab_desktop import APP_NAME
from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain import i18n
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.ui.pages.book_page import BookPage
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.shortcuts_dialog import ShortcutsDialog
from rmab_desktop.ui.tray import Tray
from rmab_desktop.ui.wiring import catalog_navigator
from tests.fakes.audible_server import FakeAudible
from tests.ui.main_windows import open_main_window
from tests.ui.widget_walk import LETTERS, menu_texts, plain, visible_texts

OPEN, CLOSE = "⟦", "⟧"
# A marked span is the translator's sentence; what it holds are values (possibly marked themselves).
INNERMOST = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")


def pseudo(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return OPEN + (source.replace("%n", str(n)) if n >= 0 else source) + CLOSE


@pytest.fixture
def pseudo_language() -> Iterator[None]:
    i18n.install(pseudo)
    yield
    i18n.install(None)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_data_strings_are_recognisable(fake_audible: FakeAudible) -> None:
    """The exclusion list is exactly the fake catalog's values, and none of them is a UI word."""
    data = set(_strings(fake_audible.products)) | set(_strings(fake_audible.categories))
    assert "Generated Book 3" in data and "Author 3" in data
    assert not {"Search", "Request", "Library", "Requests"} & data


def _data(fake_audible: FakeAudible, core: AppCore) -> list[str]:
    """Values from the test data a page may show as they are, longest first."""
    words = set(_strings(fake_audible.products)) | set(_strings(fake_audible.categories))
    words |= {" ".join(plain(s).split()) for s in words}  # descriptions come as HTML
    words |= {s.title() for s in words}  # the book page capitalises language and format
    words |= {code.upper() for code in REGIONS} | {code for code in REGIONS}
    words |= {APP_NAME, APP_NAME.replace(" Desktop", ""), str(core.paths.data_dir)}
    words |= {user.label for user in core.users.list()} | {user.username for user in core.users.list()}
    locale = QLocale()
    words.add(locale.formattedDataSize(0))  # "0 bytes": Qt's words for sizes, translated by Qt
    for day in range(1, 8):  # day and month names come from the locale, not from our messages
        words |= {locale.dayName(day, QLocale.FormatType.ShortFormat), locale.dayName(day)}
    for month in range(1, 13):
        words |= {locale.monthName(month, QLocale.FormatType.ShortFormat), locale.monthName(month)}
    return sorted((w for w in words if w and LETTERS.search(w)), key=len, reverse=True)


def _untranslated(texts: Iterator[tuple[str, str]], data: list[str]) -> list[str]:
    found = []
    for where, text in texts:
        rest, previous = text or "", None
        while rest != previous:
            previous, rest = rest, INNERMOST.sub(" ", rest)
        rest = " ".join(rest.split())
        for word in data:
            rest = rest.replace(word, " ")
        if LETTERS.search(rest):
            found.append(f"{where}: {text!r}")
    return found


def test_every_visible_string_of_the_main_window_is_translatable(
    catalog_core: AppCore,
    fake_audible: FakeAudible,
    pseudo_language: None,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window, shell = open_main_window(catalog_core)
    qtbot.addWidget(window)
    window.show()
    window.set_jobs_status(1, 2, 3)
    window.set_keyring_status("secure", "")
    shown: list[QWidget] = [window]
    offenders: list[str] = []

    # a request, made from a book window, so that Requests and the badges have something to say
    nav = catalog_navigator(catalog_core, shell)
    book = nav.open_book(fake_audible.products[0]["asin"])
    assert isinstance(book, BookPage) and book.entry is not None
    book.request()
    shown.append(book)
    shown.append(nav.open_author(fake_audible.products[0]["authors"][0]["name"], None, "us"))

    for spec in PAGES:
        assert window.show_page(spec.key)
        page = window.page(spec.key)
        assert page is not None
        if spec.key == "search":
            page.input.setText(fake_audible.products[1]["title"])
            page.search()
            qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0)
        if spec.key == "requests":
            assert page.select_request(page.model.row_object(0).id)
        offenders += [
            f"{spec.key}: {o}"
            for o in _untranslated(visible_texts(window), _data(fake_audible, catalog_core))
        ]

    dialog = ShortcutsDialog(window.menu_shortcuts(), window)
    qtbot.addWidget(dialog)
    dialog.show()
    shown.append(dialog)
    tray = Tray(window, lambda: False)
    tray.set_active_count(2)
    menus = [menu_texts(tray.menu, "tray")]
    menus += [menu_texts(action.menu(), "menu bar") for action in window.menuBar().actions()]
    # titles only: the messages are the services' words (their own translation is checked there)
    notifications = [("notification", title) for title, _message, _level in shell.notifier.sent]

    data = _data(fake_audible, catalog_core)
    offenders += _untranslated((t for w in shown for t in visible_texts(w)), data)
    offenders += _untranslated((t for menu in menus for t in menu), data)
    offenders += _untranslated(iter(notifications), data)
    assert shell.notifier.sent  # the request was announced
    assert offenders == [], "\n".join(offenders)
