"""``rmab-desktop``: the GUI composition root.

rmab-desktop [--profile-dir DIR] [--database-url URL] [--quit-after SECONDS] [--screenshot FILE.png]
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from rmab_desktop import APP_ID, APP_NAME, APP_SLUG, ORG_NAME, __version__

log = logging.getLogger("rmab_desktop")

SCREENSHOT_LEAD_MS = 800  # take the picture this long before --quit-after


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_SLUG, description=f"{APP_NAME}.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--profile-dir", type=Path, help="keep all data, settings and logs under this folder")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help="quit after this many seconds")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="save a picture of the window")
    parser.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    return parser


def _schedule_exit(desktop, quit_after: float | None, screenshot: Path | None) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    if screenshot is not None:
        quit_after = quit_after if quit_after is not None else 3.0
        shot_at = max(int(quit_after * 1000) - SCREENSHOT_LEAD_MS, 300)
        QTimer.singleShot(shot_at, lambda: desktop.screenshot(screenshot))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), desktop.quit_now)


def _install_signal_handlers(desktop) -> None:  # type: ignore[no-untyped-def]
    """SIGINT/SIGTERM quit cleanly; a timer lets Python run its handlers inside the Qt loop."""
    from PySide6.QtCore import QTimer

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, desktop.quit_now)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    ticker = QTimer(desktop)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def _startup_error(exc: Exception) -> str:
    from rmab_desktop.domain.errors import RmabError
    from rmab_desktop.logging_setup import REDACTOR

    if isinstance(exc, RmabError):
        return exc.user_message + (f"\n\n{exc.hint}" if exc.hint else "")
    return REDACTOR.redact(f"The database could not be opened ({type(exc).__name__}: {exc}).")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from rmab_desktop.paths import AppPaths
    from rmab_desktop.ui import icons
    from rmab_desktop.ui.single_instance import claim_or_activate

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icons.app_icon())

    guard = claim_or_activate(AppPaths.resolve(args.profile_dir).data_dir)
    if guard is None:
        print(f"{APP_NAME} is already running; brought its window to the front.")
        return 0
    # Heavy imports (every feature's services) only once we know this instance will run.
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.ui.application import DesktopApp
    from rmab_desktop.ui.dialogs.first_run_wizard import open_wizard
    from rmab_desktop.ui.dialogs.first_run_wizard import should_show as should_show_wizard

    try:
        core = open_core(
            args.profile_dir,
            args.database_url,
            log_to_console=args.verbose,
            log_level=logging.DEBUG if args.verbose else logging.INFO,
        )
    except Exception as exc:  # the database or settings cannot be opened: say why, exit non-zero
        message = _startup_error(exc)
        print(f"error: {message}", file=sys.stderr)
        if args.quit_after is None and app.platformName() != "offscreen":
            QMessageBox.critical(None, f"{APP_NAME} cannot start", message)
        guard.close()
        return 2
    log.info(
        "%s %s starting (profile %s, %s)", APP_NAME, __version__, core.paths.data_dir, core.database.backend
    )
    interactive = args.quit_after is None and args.screenshot is None
    desktop = DesktopApp(app, core, guard, show_crash_dialog=interactive)
    desktop.start()
    if should_show_wizard(desktop.ctx, interactive=interactive):
        open_wizard(desktop.ctx, desktop.window)
    _schedule_exit(desktop, args.quit_after, args.screenshot)
    _install_signal_handlers(desktop)
    code = app.exec()
    log.info("%s stopped", APP_NAME)
    return code


if __name__ == "__main__":
    sys.exit(main())
