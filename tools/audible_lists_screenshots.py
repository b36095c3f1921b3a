"""Screenshots of the Audible library page (grid, table, wishlist preview) and the Lists page.

Like tools/readme_screenshots.py: the fake Audible server of the test suite serves the catalog and
covers, a throwaway profile is filled through the real services, the real main window runs
offscreen.

    .venv/bin/python tools/audible_lists_screenshots.py --out /tmp/shots [--theme dark] [--language de]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TITLES = [
    ("The Long Way Home", "Mara Quell", 100.0, True, 5.0),
    ("Salt and Iron", "Ines Varga", 37.5, False, 4.0),
    ("Quiet Rivers", "Ola Sund", 0.0, False, None),
    ("Northern Lights Over Oslo", "Kari Lund", 82.0, False, 3.0),
    ("The Glass Orchard", "Hedda Frost", 5.0, False, None),
    ("Harbour of Small Hours", "Gwen Tally", 100.0, True, 4.0),
    ("A Map of Lost Things", "Rui Costa", 0.0, False, None),
    ("Seven Winters", "Anja Berg", 61.0, False, 5.0),
]


def seed(core, base_url: str) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import LibraryItem
    from rmab_desktop.domain.audible_library import AudibleTitle, Shelf
    from rmab_desktop.domain.lists import ListKind
    from rmab_desktop.services.lists import BookRef

    now = datetime.now(UTC)
    titles = [
        AudibleTitle(
            asin=f"B0GEN{index:05d}",
            title=title,
            authors=(author,),
            narrators=("Jun Park",),
            runtime_min=400 + index * 20,
            cover_url=f"{base_url}/covers/B0GEN{index:05d}._SL500_.jpg",
            progress_percent=progress,
            finished=finished,
            rating=rating,
            purchase_date=now - timedelta(days=30 * index),
        )
        for index, (title, author, progress, finished, rating) in enumerate(TITLES)
    ]
    store = core.audible_library
    store.save(titles[:6], Shelf.LIBRARY, kind="sync", origin="sync", source="audible:us", region="us")
    store.save(titles[4:], Shelf.WISHLIST, kind="sync", origin="sync", source="audible:us", region="us")
    with core.database.session() as session:
        session.add(LibraryItem(external_id="/books/salt", title="Salt and Iron", asin="B0GEN00001"))
    lists = core.lists
    lists.create("Best of 2026", ListKind.TIER)
    for index, tier in enumerate(["S", "S", "A", "B", "A", "C", "D", None]):
        title, author = TITLES[index][:2]
        book = BookRef(f"B0GEN{index:05d}", "us", title, author)
        lists.add("Best of 2026", book.asin, tier=tier, book=book)
    lists.create("Road trip")
    for index in (3, 0, 6):
        title, author = TITLES[index][:2]
        lists.add("Road trip", f"B0GEN{index:05d}", book=BookRef(f"B0GEN{index:05d}", "us", title, author))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import keyring
    from PySide6.QtWidgets import QApplication

    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.settings import Preferences, SettingsStore
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.application import DesktopApp
    from tests.fakes.audible_server import FakeAudible
    from tests.fakes.memory_keyring import MemoryKeyring

    fake = FakeAudible()
    fake.add_generated(12)
    fake.start()
    work = Path(tempfile.mkdtemp(prefix="rmab-audible-shots-"))
    prefs = Preferences(first_run_done=True, theme=args.theme, language=args.language)
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    SettingsStore(work / "profile" / "config" / "settings.json").save(prefs)
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([sys.argv[0]])
    translations.install(app, args.language)
    core = open_core(work / "profile", log_to_console=False)
    seed(core, fake.base_url)
    desktop = DesktopApp(app, core, show_crash_dialog=False)
    desktop.window.resize(1280, 800)
    desktop.start()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, widget=None) -> None:  # type: ignore[no-untyped-def]
        target = args.out / f"{name}-{args.theme}-{args.language}.png"
        (widget or desktop.window).grab().save(str(target))
        print(target)

    settle(2.0)
    desktop.window.show_page("audible")
    page = desktop.window.page("audible")
    settle(2.5)
    shot("audible-grid")
    page.table_toggle.click()
    settle(1.0)
    shot("audible-table")
    page.tabs.setCurrentIndex(1)
    settle(1.5)
    page.preview_missing()
    settle(1.5)
    shot("audible-wishlist-preview", page.preview_dialog)
    page.preview_dialog.reject()
    page.sign_in_or_out()
    settle(0.5)
    shot("audible-sign-in", page.sign_in_dialog)
    page.sign_in_dialog.reject()
    desktop.window.show_page("lists")
    settle(1.5)
    shot("lists-tier")
    lists_page = desktop.window.page("lists")
    lists_page.list_widget.setCurrentRow(1)
    settle(1.0)
    shot("lists-ranked")
    desktop.quit_now()
    fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
