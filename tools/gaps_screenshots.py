"""Screenshots of what issue 14's "gaps" branch adds: the Upcoming page (empty, error, month and
agenda) and Settings > Request limits, from the real main window offscreen.

    .venv/bin/python tools/gaps_screenshots.py --out /tmp/shots [--theme dark] [--language de]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

UPCOMING = [
    ("B0UPCOMIN1", "The Winds of Winter", "George R. R. Martin", "A Song of Ice and Fire", "6", 9),
    ("B0UPCOMIN2", "The Doors of Stone", "Patrick Rothfuss", "The Kingkiller Chronicle", "3", 9),
    ("B0UPCOMIN3", "Project Hail Mary 2", "Andy Weir", None, None, 16),
    ("B0UPCOMIN4", "Dungeon Crawler Carl 8", "Matt Dinniman", "Dungeon Crawler Carl", "8", 38),
]


def seed(core) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import Audiobook, Request
    from rmab_desktop.domain.enums import RequestStatus
    from rmab_desktop.services.upcoming import local_today

    today = local_today()
    with core.database.session() as session:
        for asin, title, author, series, position, days in UPCOMING:
            book = Audiobook(
                asin=asin, region="us", title=title, authors=[{"name": author}], series_name=series,
                series_position=position, release_date=today + timedelta(days=days),
            )  # fmt: skip
            session.add(book)
            session.flush()
            session.add(
                Request(audiobook_id=book.id, status=RequestStatus.AWAITING_RELEASE.value, region="us")
            )


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
    from rmab_desktop.domain.errors import ServiceUnreachableError
    from rmab_desktop.services.requests import RequestLimits
    from rmab_desktop.settings import Preferences, SettingsStore
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.application import DesktopApp
    from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
    from tests.fakes.memory_keyring import MemoryKeyring

    work = Path(tempfile.mkdtemp(prefix="rmab-gaps-shots-"))
    prefs = Preferences(first_run_done=True, theme=args.theme, language=args.language)
    prefs.catalog.audible_base_url = prefs.catalog.audnexus_base_url = "http://127.0.0.1:9"
    SettingsStore(work / "profile" / "config" / "settings.json").save(prefs)
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([sys.argv[0]])
    translations.install(app, args.language)
    core = open_core(work / "profile", log_to_console=False)
    core.users.set_household_limits(RequestLimits(per_day=3, per_week=10))
    core.users.create("alice", display_name="Alice")
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

    settle(1.5)
    desktop.window.show_page("upcoming")
    page = desktop.window.page("upcoming")
    settle(1.0)
    shot("upcoming-empty")
    load = page.load

    def broken() -> list[object]:
        raise ServiceUnreachableError(
            "The database server does not answer.", hint="Check that it is running."
        )

    page.load = broken
    page.reload()
    settle(1.0)
    shot("upcoming-error")
    page.load = load
    seed(core)
    page.reload()
    settle(1.0)
    shot("upcoming-month")
    page.agenda_button.click()
    settle(0.5)
    shot("upcoming-agenda")
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "request_limits"]
    limits = section.factory(core, desktop.shell)
    limits.resize(720, 560)
    limits.show()
    settle(1.5)
    shot("settings-request-limits", limits)
    desktop.quit_now()
    return 0


if __name__ == "__main__":
    sys.exit(main())
