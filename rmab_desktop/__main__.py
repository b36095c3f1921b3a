"""``rmab-desktop``: the GUI composition root.

rmab-desktop [--profile-dir DIR] [--database-url URL] [--language de|fr|es|en] [--quit-after SECONDS]
             [--screenshot FILE.png]
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rmab_desktop import APP_ID, APP_NAME, APP_SLUG, ORG_NAME, __version__

if TYPE_CHECKING:  # the modules load inside main(), after the argument parsing
    from PySide6.QtWidgets import QApplication

    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.ui.application import DesktopApp
    from rmab_desktop.ui.main_window import MainWindow
    from rmab_desktop.ui.single_instance import SingleInstance
    from rmab_desktop.ui.theme import ThemeManager

log = logging.getLogger("rmab_desktop")

SCREENSHOT_LEAD_MS = 800  # take the picture this long before --quit-after


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=APP_SLUG, description=f"{APP_NAME}.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--profile-dir", type=Path, help="keep all data, settings and logs under this folder")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help="quit after this many seconds")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="save a picture of the window")
    parser.add_argument(
        "--language",
        choices=["en", "de", "fr", "es"],
        help="use this language for this run (default: Settings)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="also log to stderr")
    return parser


def _schedule_exit(desktop: DesktopApp, quit_after: float | None, screenshot: Path | None) -> None:
    from PySide6.QtCore import QTimer

    if screenshot is not None:
        quit_after = quit_after if quit_after is not None else 3.0
        shot_at = max(int(quit_after * 1000) - SCREENSHOT_LEAD_MS, 300)
        QTimer.singleShot(shot_at, lambda: desktop.screenshot(screenshot))
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), desktop.quit_now)


class _Launch:
    """The window is on screen before the core opens; the core opens on a worker thread.

    ``--quit-after`` and ``--screenshot`` count from the moment the core is open and the pages are
    built. A quit asked for while the core is still opening waits for it, then closes it.
    """

    def __init__(
        self,
        app: QApplication,
        args: argparse.Namespace,
        guard: SingleInstance,
        theme: ThemeManager,
        window: MainWindow,
    ) -> None:
        from rmab_desktop.ui.startup import CoreLoader

        self.app, self.args, self.guard, self.theme, self.window = app, args, guard, theme, window
        self.desktop: DesktopApp | None = None
        self.needs_sign_in = False
        self.quit_pending = False
        self.code = 0
        self.loader = CoreLoader(self._open_core, self._on_ready, self._on_failed)
        window.quitRequested.connect(self.quit)

    def _open_core(self) -> AppCore:
        """Worker thread: every feature's modules, the database and its migrations."""
        from rmab_desktop.bootstrap import open_core

        core = open_core(
            self.args.profile_dir,
            self.args.database_url,
            log_to_console=self.args.verbose,
            log_level=logging.DEBUG if self.args.verbose else logging.INFO,
        )
        core.accounts.resume()  # household mode: this machine's remembered sign-in, if any
        self.needs_sign_in = core.accounts.sign_in_required()
        return core

    def _on_ready(self, core: AppCore) -> None:
        log.info(
            "%s %s starting (profile %s, %s)",
            APP_NAME,
            __version__,
            core.paths.data_dir,
            core.database.backend,
        )
        if self.quit_pending:
            core.close()
            self._exit(0)
            return
        if self.needs_sign_in:
            self._sign_in_first(core)
            return
        self._start(core)

    def _sign_in_first(self, core: AppCore) -> None:
        """Household mode: the sign-in window before the main window; closing it quits."""
        from rmab_desktop.ui.dialogs.sign_in_window import open_sign_in
        from rmab_desktop.workers.runner import TaskRunner

        runner = TaskRunner({"network": 2})
        self.window.hide()
        dialog = open_sign_in(core.accounts, core.plex_sign_in, runner, core.prefs.extra)
        self.sign_in_window = dialog

        def finished(code: int) -> None:
            runner.shutdown()
            if code == dialog.DialogCode.Accepted:
                core.save_prefs()  # the Plex client id, when it was new
                self.window.show()
                self._start(core)
            else:
                core.close()
                self._exit(0)

        dialog.finished.connect(finished)
        dialog.show()
        if self.args.quit_after is not None or self.args.screenshot is not None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(int((self.args.quit_after or 3.0) * 1000), dialog.reject)

    def _start(self, core: AppCore) -> None:
        from rmab_desktop.ui.application import DesktopApp
        from rmab_desktop.ui.dialogs.first_run_wizard import should_show as should_show_wizard

        self.window.quitRequested.disconnect(self.quit)
        interactive = self.args.quit_after is None and self.args.screenshot is None
        desktop = DesktopApp(
            self.app, core, self.guard, show_crash_dialog=interactive, theme=self.theme, window=self.window
        )
        self.desktop = desktop
        desktop.start()
        if should_show_wizard(core.prefs, interactive=interactive):
            desktop.open_wizard()
        _schedule_exit(desktop, self.args.quit_after, self.args.screenshot)

    def _on_failed(self, exc: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        from rmab_desktop.domain.i18n import Translator

        tr = Translator("StartupError")
        if logging.getLogger().handlers:  # else the traceback would land on stderr
            log.error("Start-up failed", exc_info=exc)
        message, hint = _startup_error(exc, self.args)
        print(f"error: {message}", file=sys.stderr)
        if hint:
            print(f"hint: {hint}", file=sys.stderr)
        if self.args.quit_after is None and self.app.platformName() != "offscreen" and not self.quit_pending:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                tr("{app} cannot start").format(app=APP_NAME),
                message,
                QMessageBox.StandardButton.Close,
                self.window,
            )
            box.setInformativeText(hint)
            box.exec()
        self._exit(2)

    def quit(self) -> None:
        if self.desktop is not None:
            self.desktop.quit_now()
        else:  # still opening: finish, then close (see _on_ready)
            self.quit_pending = True
            self.window.hide()

    def _exit(self, code: int) -> None:
        self.code = code
        self.guard.close()
        self.window.quitting = True
        self.window.close()
        self.app.exit(code)


def _install_signal_handlers(launch: _Launch) -> None:
    """SIGINT/SIGTERM quit cleanly; a timer lets Python run its handlers inside the Qt loop."""
    from PySide6.QtCore import QTimer

    def on_signal(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, launch.quit)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    ticker = QTimer(launch.window)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def _startup_error(exc: Exception, args: argparse.Namespace) -> tuple[str, str]:
    """What the start-up dialog says: what happened, and what to do (also printed on stderr)."""
    from rmab_desktop.db.url import explain_open_failure
    from rmab_desktop.domain.errors import RmabError
    from rmab_desktop.domain.i18n import Translator
    from rmab_desktop.logging_setup import REDACTOR
    from rmab_desktop.paths import AppPaths

    tr = Translator("StartupError")
    explained = explain_open_failure(exc, AppPaths.resolve(args.profile_dir), args.database_url)
    if explained is not None:
        return explained.user_message, explained.user_hint
    if isinstance(exc, RmabError):
        return exc.user_message, exc.user_hint
    detail = REDACTOR.redact(f"{type(exc).__name__}: {exc}")
    return (
        tr("The app could not start ({detail}).").format(detail=detail),
        tr("The log file has the details; please include it when you report the problem."),
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication, QSystemTrayIcon

    from rmab_desktop.paths import AppPaths
    from rmab_desktop.ui import icons
    from rmab_desktop.ui.single_instance import claim_or_activate

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(icons.app_icon())

    paths = AppPaths.resolve(args.profile_dir)
    guard = claim_or_activate(paths.data_dir)
    if guard is None:
        print(f"{APP_NAME} is already running; brought its window to the front.")
        return 0
    # The real window first (sidebar, status bar, a loading page); the core opens behind it.
    from rmab_desktop.ui import translations
    from rmab_desktop.ui.main_window import MainWindow
    from rmab_desktop.ui.startup import EarlyPrefs, FirstExpose
    from rmab_desktop.ui.theme import ThemeManager

    early = EarlyPrefs.peek(paths.settings_file)
    translations.install(app, translations.resolve(args.language or early.language))
    theme = ThemeManager(app, early.theme)
    window = MainWindow(None, window_state=early)
    launch = _Launch(app, args, guard, theme, window)
    if not (early.start_minimized and QSystemTrayIcon.isSystemTrayAvailable()):
        window.show()
    FirstExpose(window, launch.loader.start)
    _install_signal_handlers(launch)
    code = app.exec()
    log.info("%s stopped", APP_NAME)
    return code or launch.code


if __name__ == "__main__":
    sys.exit(main())
