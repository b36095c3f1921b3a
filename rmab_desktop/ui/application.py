"""Wires the desktop app together: theme, window, tray, notifier, job pump, crash handler, quit.

Built by ``rmab_desktop.__main__`` from an opened AppCore; everything is passed by constructor.
This is the UI's composition root: it holds the container and the window's :class:`Shell`, and
runs the registered factories (pages, settings sections) with both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.automation_lease import AutomationLease
from rmab_desktop.services.credentials import HouseholdKeyState
from rmab_desktop.services.events import AppEvent
from rmab_desktop.services.library.watcher import LibraryWatcher, watched_folder
from rmab_desktop.services.notifications.desktop import for_desktop
from rmab_desktop.ui.crash_dialog import CrashHandler
from rmab_desktop.ui.desktop_integration import DesktopIntegration
from rmab_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
from rmab_desktop.ui.dialogs.household_key_settings import STATE_TEXT as HOUSEHOLD_STATE_TEXT
from rmab_desktop.ui.dialogs.secrets_unlock import PassphraseDialog
from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog
from rmab_desktop.ui.dialogs.settings_registry import SettingsSection
from rmab_desktop.ui.dialogs.sign_in_window import SignInWindow
from rmab_desktop.ui.main_window import MainWindow, WindowParts
from rmab_desktop.ui.models.log_model import QtLogHandler
from rmab_desktop.ui.notifier import AppNotifier
from rmab_desktop.ui.pages.registry import PageSpec
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.single_instance import SingleInstance
from rmab_desktop.ui.theme import ThemeManager
from rmab_desktop.ui.tray import Tray
from rmab_desktop.ui.wiring import open_first_run_wizard
from rmab_desktop.workers.job_pump import JobPump, PumpState
from rmab_desktop.workers.runner import TaskRunner

log = logging.getLogger(__name__)

tr = Translator("DesktopApp")

STATUS_REFRESH_MS = 5000
QUIT_DRAIN_MS = 15_000


class DesktopApp(QObject):
    def __init__(
        self,
        app: QApplication,
        core: AppCore,
        guard: SingleInstance | None = None,
        *,
        show_crash_dialog: bool = True,
        theme: ThemeManager | None = None,
        window: MainWindow | None = None,
    ) -> None:
        """``theme`` and ``window`` are passed when they went on screen before the core opened."""
        super().__init__()
        self.app, self.core, self.guard = app, core, guard
        self._quitting = False
        app.setQuitOnLastWindowClosed(False)
        self.runner = TaskRunner()
        self.theme = theme or ThemeManager(app, core.prefs.theme)
        if self.theme.choice != core.prefs.theme:
            self.theme.apply(core.prefs.theme)
        self.notifier = AppNotifier()
        self.log_handler = QtLogHandler()
        logging.getLogger().addHandler(self.log_handler)
        self.crash = CrashHandler(core.paths.log_file, show_dialog=show_crash_dialog)
        self.crash.install()

        self.lease = AutomationLease(core.database, core.queue.instance_id)
        self.pump = JobPump(
            self.runner, core.queue, core.executor, core.scheduler, self.lease, self.is_paused
        )
        if window is None:
            window = MainWindow(window_state=core.prefs.window)
        self.window = window
        self.shell = Shell(
            self.runner,
            self.notifier,
            window.banners,
            theme=self.theme,
            pump=self.pump,
            log_handler=self.log_handler,
        )
        window.attach(
            WindowParts(
                self.build,
                core.prefs.window,
                core.save_prefs,
                self.runner,
                core.paths.log_dir,
                core.diagnostics_inputs,
            )
        )
        self.tray = Tray(self.window, self.is_paused, lambda: core.prefs.notify_in_tray)
        # OS notifications in front of the tray balloon / in-app toast; keep-awake; start at login.
        self.integration = DesktopIntegration(core, self.runner, self.notifier, self.tray.present)
        self.window.tray_active = self.tray.has_tray
        self._unsubscribe = core.events.subscribe(self._on_app_event)
        self._wire()
        # each page badge's counter, built once from the container (see PageSpec.badge)
        self.badges = [
            (spec, spec.badge(core)) for spec in window.pages_model.pages if spec.badge is not None
        ]
        self.badge_counts: dict[str, int] = {}
        self._status_timer = QTimer(self, interval=STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        library = core.library
        self.library_watcher = LibraryWatcher(library.refresh_paths) if library is not None else None

    # -- start -----------------------------------------------------------------------------------
    def start(self) -> None:
        if self.core.prefs.start_minimized and self.tray.has_tray:
            log.info("Starting minimized to the tray")
        else:
            self.window.show()
        self.window.set_automation_status(self.pump.state.text, self.pump.state.tooltip)
        self.pump.start()
        self._status_timer.start()
        self.refresh_status()  # also the household state (menu, Users page)
        self.restart_library_watcher()
        self.show_keyring_status()
        self.start_local_api()
        self.check_household_key()
        secrets = self.core.credentials.fallback
        if secrets is not None and secrets.exists() and not secrets.unlocked:
            self.ask_passphrase()

    def start_local_api(self) -> None:
        """The local API, when the user turned it on in Settings (off by default). A failure is kept
        by the server; Settings > Local API says why it is not running."""
        api = self.core.prefs.api
        if api.enabled:
            self.runner.submit(
                self.core.api_server.start,
                api.host,
                api.port,
                allow_lan=api.allow_lan,
                on_error=lambda info: log.warning("The local API did not start: %s", info.message),
            )

    def check_household_key(self) -> None:
        """A household desktop without the household key cannot read shared secrets: say so once
        at start, with the way to join (Settings > Household key)."""

        def show(state: HouseholdKeyState) -> None:
            if state in (HouseholdKeyState.NEEDS_KEY, HouseholdKeyState.WRONG_KEY):
                self.window.banners.show_banner(
                    "household_key",
                    text(HOUSEHOLD_STATE_TEXT[state]),
                    "warning",
                    tr("Join…"),
                    lambda: self.open_settings().show_section("household_key"),
                )

        self.runner.submit(self.core.secrets.key_state, on_result=show)

    def show_keyring_status(self) -> None:
        self.runner.submit(
            self.core.credentials.status,
            on_result=lambda status: self.window.set_keyring_status(status.state.value, status.message),
            on_error=lambda info: self.window.set_keyring_status("unavailable", info.message),
        )

    def restart_library_watcher(self) -> None:
        """Off the GUI thread (setting up the watches walks the folder tree)."""
        watcher, library = self.library_watcher, self.core.library
        if watcher is not None and library is not None:
            self.runner.submit(lambda: watcher.start(watched_folder(library, self.core.prefs.library)))

    def ask_passphrase(self) -> PassphraseDialog:
        """Once per start when the encrypted secrets file is locked; "Not now" leaves secrets
        unavailable and says so in the status bar."""
        dialog = PassphraseDialog(self.core.credentials, self.runner, create=False, parent=self.window)
        dialog.accepted.connect(self.show_keyring_status)
        dialog.rejected.connect(
            lambda: self.window.statusBar().showMessage(
                tr(
                    "Secrets are locked: services that need a password or API key will not work until you unlock them in Settings > General."
                )
            )
        )
        dialog.open()
        return dialog

    def _wire(self) -> None:
        window, tray, pump = self.window, self.tray, self.pump
        window.settingsRequested.connect(self.open_settings)
        window.importRequested.connect(self.open_migration_import)
        window.signOutRequested.connect(self.sign_out)
        window.switchUserRequested.connect(lambda: self.ask_sign_in(required=False))
        window.quitRequested.connect(self.request_quit)
        window.closeToTray.connect(self._closed_to_tray)
        tray.quitRequested.connect(self.request_quit)
        tray.toggleWindowRequested.connect(self.toggle_window)
        tray.pauseToggled.connect(self.set_paused)
        pump.stateChanged.connect(self._on_pump_state)
        pump.jobStarted.connect(lambda _job: self.refresh_status())
        pump.jobFinished.connect(lambda _job: self.refresh_status())
        if self.guard is not None:
            self.guard.activateRequested.connect(window.bring_to_front)

    # -- automation --------------------------------------------------------------------------------
    def is_paused(self) -> bool:
        return self.core.prefs.automation_paused

    def set_paused(self, paused: bool) -> None:
        self.core.prefs.automation_paused = paused
        self.save_prefs()
        self.pump.set_paused_changed()
        if paused:
            self.notifier.notify(
                tr("Automation paused"), tr("Searches, downloads and imports wait until you resume.")
            )
        else:
            self.notifier.notify(tr("Automation resumed"), tr("Searches, downloads and imports run again."))

    def _on_pump_state(self, state: PumpState) -> None:
        self.window.set_automation_status(state.text, state.tooltip)
        self.tray.set_active_count(state.active)

    def refresh_status(self) -> None:
        self.runner.submit(self.core.queue.counts, on_result=self._show_counts)
        self.refresh_household()
        for spec, count in self.badges:
            self._count_badge(spec, count)

    def _count_badge(self, spec: PageSpec, count: Callable[[], int]) -> None:
        self.runner.submit(
            count,
            on_result=lambda n: self._show_badge(spec, int(n)),
            on_error=lambda info: log.warning("Badge of %s not counted: %s", spec.key, info.message),
        )

    def _show_badge(self, spec: PageSpec, count: int) -> None:
        """The sidebar shows the count; a count that grew is news (it may come from another desktop)."""
        before = self.badge_counts.get(spec.key)
        self.badge_counts[spec.key] = count
        self.window.set_badge(spec.key, count)
        if before is not None and count > before and spec.badge_notice is not None:
            self.notifier.notify(text(spec.title), spec.badge_notice(count))

    # -- household -------------------------------------------------------------------------------
    def refresh_household(self) -> None:
        """Who is signed in, and whether the administrators' pages (Users, Approvals) are theirs:
        re-read from the database, so a role changed on another desktop shows here within a status
        refresh."""
        core = self.core

        def state() -> tuple[str | None, bool]:
            household = core.users.is_household()
            me = core.users.current()
            shared = household or core.database.backend != "sqlite"
            return (me.label if household else None), me.is_admin and shared

        def show(result: tuple[str | None, bool]) -> None:
            label, admin_pages = result
            self.window.set_household(label)
            self.window.set_restricted_visible(admin_pages)

        self.runner.submit(state, on_result=show)

    def sign_out(self) -> None:
        self.runner.submit(self.core.accounts.sign_out, on_result=lambda _r: self.ask_sign_in(required=True))

    def ask_sign_in(self, *, required: bool) -> SignInWindow:
        """Switch user (``required`` False: cancelling keeps the current user) or sign in again
        after signing out (closing the window then quits)."""
        from rmab_desktop.ui.dialogs.sign_in_window import open_sign_in

        if required:
            self.window.hide()
        dialog = open_sign_in(self.core.accounts, self.core.plex_sign_in, self.runner, self.core.prefs.extra)

        def finished(code: int) -> None:
            if code == dialog.DialogCode.Accepted:
                self.save_prefs()
                self.window.bring_to_front()
                self.refresh_household()
                self.window.reload_all_pages()
            elif required:
                self.quit_now()

        dialog.finished.connect(finished)
        dialog.open()
        self.sign_in_window = dialog
        return dialog

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.window.set_jobs_status(counts.get("active", 0), counts.get("queued", 0), counts.get("failed", 0))

    def _on_app_event(self, event: AppEvent) -> None:
        """Any thread: the user's own events (and, for admins, what needs them) become desktop
        notifications; the notifier is thread-safe. Household backends are notified separately."""
        user = self.core.users.current()
        shown = for_desktop(event, user)
        if shown is not None:
            self.notifier.notify(shown.title, shown.message, shown.level)

    # -- window ----------------------------------------------------------------------------------
    def toggle_window(self) -> None:
        if self.window.isVisible() and not self.window.isMinimized():
            self.window.remember_state()
            self.window.hide()
        else:
            self.window.bring_to_front()
        self.tray.refresh_menu()

    def _closed_to_tray(self) -> None:
        if not self.core.prefs.extra.get("told_about_tray"):
            self.core.prefs.extra["told_about_tray"] = True
            self.save_prefs()
            self.notifier.notify(
                tr("Still running"), tr("ReadMeABook keeps working in the tray. Quit from its menu.")
            )

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.build, parent=self.window)
        dialog.accepted.connect(self.restart_library_watcher)  # the folder or the switch may have changed
        dialog.open()
        return dialog

    def open_migration_import(self) -> QDialog:
        from rmab_desktop.ui.dialogs.migration_import_dialog import MigrationImportDialog

        dialog = MigrationImportDialog(self.core.migration_import, self.runner, parent=self.window)
        dialog.open()
        return dialog

    def open_wizard(self) -> FirstRunWizard:
        return open_first_run_wizard(self.core, self.shell, self.window)

    # -- composition -----------------------------------------------------------------------------
    def build(self, spec: PageSpec | SettingsSection) -> QWidget:
        """A registered page or settings section, built from the container and this window."""
        return spec.factory(self.core, self.shell)

    def save_prefs(self) -> None:
        """Persist ``core.prefs`` off the GUI thread."""
        self.runner.submit(self.core.save_prefs, pool="network")

    def screenshot(self, path: Path) -> bool:
        ok = self.window.grab().save(str(path))
        log.info("Screenshot saved to %s (%s)", path, "ok" if ok else "failed")
        return ok

    # -- quit ------------------------------------------------------------------------------------
    def request_quit(self) -> None:
        """Ask first when jobs are running; then drain and quit."""
        active = self.pump.active_count
        if active and not self._confirm_quit(active):
            return
        self.quit_now()

    def _confirm_quit(self, active: int) -> bool:
        answer = QMessageBox.question(
            self.window,
            tr("Quit ReadMeABook?"),
            tr.n(
                "%n job(s) still running. Quit anyway?\n\n"
                "Running jobs are stopped now and start again the next time you open the app.",
                active,
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def quit_now(self) -> None:
        if self._quitting:
            return
        self._quitting = True
        self._status_timer.stop()
        self.window.remember_state()
        interrupted = self.pump.drain(QUIT_DRAIN_MS)
        if interrupted:
            log.info("Quit interrupted job(s) %s; they will run at the next start", interrupted)
        self.runner.wait_for("network", 3000)  # the settings save
        if self.library_watcher is not None:
            self.library_watcher.stop()
        self.runner.shutdown(5000)
        self._unsubscribe()
        self.integration.close()
        self.tray.hide()
        if self.guard is not None:
            self.guard.close()
        logging.getLogger().removeHandler(self.log_handler)
        self.crash.uninstall()
        self.core.close()
        self.window.quitting = True
        self.window.close()
        self.app.exit(0)
