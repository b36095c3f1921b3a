"""Take the README's screenshots from the running app, one per main page.

Starts the fake Audible server of the test suite (so the catalog has covers without the
internet), fills a throwaway profile with a few requests, library books, jobs and health checks
through the real services, opens the real main window offscreen and saves each page.

    .venv/bin/python tools/readme_screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAGES = [
    "discover",
    "search",
    "requests",
    "library",
    "activity",
    "status",
    "blocklist",
    "shelves",
    "bookdate",
]
LIBRARY = [
    ("Ursula K. Le Guin", "A Wizard of Earthsea", "Earthsea", "1", "Rob Inglis", 2012),
    ("Ursula K. Le Guin", "The Tombs of Atuan", "Earthsea", "2", "Rob Inglis", 2012),
    ("Frank Herbert", "Dune", "Dune", "1", "Scott Brick", 2007),
    ("Frank Herbert", "Dune Messiah", "Dune", "2", "Scott Brick", 2007),
    ("Mary Shelley", "Frankenstein", None, None, "Dan Stevens", 2017),
    ("Jane Austen", "Pride and Prejudice", None, None, "Rosamund Pike", 2011),
    ("Andy Weir", "Project Hail Mary", None, None, "Ray Porter", 2021),
    ("Terry Pratchett", "Guards! Guards!", "Discworld", "8", "Nigel Planer", 2005),
]


def seed(core, library_root: Path) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import LibraryItem, utcnow
    from rmab_desktop.domain.enums import RequestStatus
    from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload
    from rmab_desktop.domain.jobs import JobType

    with core.database.session() as session:
        for index, (author, title, series, position, narrator, year) in enumerate(LIBRARY):
            folder = library_root / author / title
            folder.mkdir(parents=True, exist_ok=True)
            session.add(
                LibraryItem(
                    backend="folder",
                    external_id=str(folder),
                    path=str(folder),
                    title=title,
                    authors=[author],
                    narrators=[narrator],
                    series_name=series,
                    series_position=position,
                    year=year,
                    format="m4b" if index % 3 else "mp3",
                    ebook_formats=["epub"] if title == "Pride and Prejudice" else [],  # both formats
                    file_count=1 if index % 3 else 12,
                    size_bytes=(300 + 40 * index) * 1_000_000,
                    duration_seconds=(9 + index) * 3600.0,
                    added_at=utcnow(),
                )
            )
    requests = core.requests
    first = requests.create("B0TESTSER1").request
    requests.set_status(first.id, RequestStatus.SEARCHING, "Searching 3 indexers")
    requests.set_status(first.id, RequestStatus.DOWNLOADING, "Grabbed the best release (m4b, 64 kbps)")
    requests.update_progress(first.id, 0.42, speed_bps=3_400_000, eta_seconds=260)
    second = requests.create("B0TESTCLS1").request
    requests.set_status(second.id, RequestStatus.AVAILABLE, "In your library")
    requests.create("B0GEN00003")
    core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(600))
    core.health.run_checks()


def seed_shelves(core, shelf_url: str, model_url: str) -> None:  # type: ignore[no-untyped-def]
    """A synced Goodreads shelf (one book waiting for a choice) and BookDate on a local model."""
    from tests.fakes.llm_server import KEY

    shelf = core.shelves.add_goodreads(shelf_url)
    core.shelves.sync(shelf.id)
    core.bookdate.set_provider("compatible", base_url=model_url, model="test-model", api_key=KEY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="page keys (default: all)")
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("--language", default="en", help="en, de, fr or es")
    parser.add_argument("--suffix", default="", help="added to file names, e.g. -dark-de")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import keyring
    from PySide6.QtWidgets import QApplication

    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.settings import Preferences, SettingsStore
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.application import DesktopApp
    from tests.fakes.audible_server import FakeAudible
    from tests.fakes.goodreads_server import FakeGoodreads
    from tests.fakes.llm_server import FakeLLM
    from tests.fakes.memory_keyring import MemoryKeyring
    from tests.integration.shelves.test_bookdate import THREE_REAL_ONE_INVENTED

    fake = FakeAudible()
    fake.add_generated(40)
    fake.start()
    goodreads = FakeGoodreads().start()
    model = FakeLLM(THREE_REAL_ONE_INVENTED).start()
    work = Path(tempfile.mkdtemp(prefix="rmab-shots-"))
    prefs = Preferences(first_run_done=True, theme=args.theme, language=args.language)
    prefs.catalog.audible_base_url = fake.base_url
    prefs.catalog.audnexus_base_url = fake.base_url
    prefs.library.root = str(work / "library")
    SettingsStore(work / "profile" / "config" / "settings.json").save(prefs)

    keyring.set_keyring(MemoryKeyring())  # a keychain like the user's, not this build machine's
    app = QApplication([sys.argv[0]])
    translations.install(app, args.language)
    core = open_core(work / "profile", log_to_console=False)
    seed(core, work / "library")
    seed_shelves(core, goodreads.feed_url(), model.openai_url)
    desktop = DesktopApp(app, core, show_crash_dialog=False)
    desktop.window.resize(1280, 800)
    desktop.start()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    settle(3.0)
    for key in args.pages:
        if not desktop.window.show_page(key):
            print(f"no page {key}", file=sys.stderr)
            continue
        if key == "search":
            page = desktop.window.page("search")
            page.input.setText("the")
            page.search()
        settle(2.5)
        target = args.out / f"{key}{args.suffix}.png"
        desktop.window.grab().save(str(target))
        print(target)
    desktop.core.queue.cancel(1)
    desktop.quit_now()
    fake.stop()
    goodreads.stop()
    model.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
