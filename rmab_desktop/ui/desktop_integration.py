"""Desktop integration the app wires in once: OS notifications in front of the tray/toast presenter,
keep-awake while work runs (optional preference) and start at login (optional preference).

The composition root builds one :class:`DesktopIntegration` after the tray and calls ``close()``
on quit. Everything that touches the disk, the database or D-Bus runs on the runner; the
keep-awake block itself is taken on the GUI thread (Windows' execution state is per thread).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject, QTimer

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.desktop.autostart import Autostart, autostart_for, set_autostart
from rmab_desktop.services.desktop.keep_awake import KeepAwake, work_in_progress
from rmab_desktop.ui.notifier import AppNotifier, Presenter
from rmab_desktop.ui.os_notifications import OsNotifications
from rmab_desktop.ui.shell import Runner
from rmab_desktop.workers.runner import ErrorInfo

log = logging.getLogger(__name__)

KEEP_AWAKE_POLL_MS = 30_000


class DesktopIntegration(QObject):
    def __init__(
        self,
        core: AppCore,
        runner: Runner,
        notifier: AppNotifier,
        fallback: Presenter,
        *,
        keep_awake: KeepAwake | None = None,
        autostart: Autostart | None = None,
        os_notifications: OsNotifications | None = None,
    ) -> None:
        super().__init__()
        self.core, self.runner = core, runner
        self.os_notifications = os_notifications or OsNotifications(
            fallback, enabled=lambda: core.prefs.notify_in_tray
        )
        notifier.set_presenter(self.os_notifications.present)
        self.keep_awake = keep_awake or KeepAwake()
        self.autostart = autostart or autostart_for()
        self._poll = QTimer(self, interval=KEEP_AWAKE_POLL_MS)
        self._poll.timeout.connect(self.check_work)
        self._poll.start()
        self.apply_start_at_login()

    # -- keep awake ------------------------------------------------------------------------------
    def check_work(self) -> None:
        """Poll whether downloads or imports run, then hold or release the sleep block."""
        wanted = self.core.prefs.keep_awake_while_working
        if sys.platform == "win32":  # the execution state belongs to the calling thread: the GUI's
            self.runner.submit(self._busy, wanted, on_result=self.keep_awake.set_busy, on_error=self._log)
        else:  # D-Bus calls and helper processes stay off the GUI thread
            self.runner.submit(lambda: self.keep_awake.set_busy(self._busy(wanted)), on_error=self._log)

    def _busy(self, wanted: bool) -> bool:
        return wanted and work_in_progress(self.core.database)

    @staticmethod
    def _log(info: ErrorInfo) -> None:
        log.debug("Keep-awake check failed: %s", info.message)

    # -- start at login --------------------------------------------------------------------------
    def apply_start_at_login(self) -> None:
        """Make the OS entry match the preference (also refreshes the command after an update)."""
        self.runner.submit(
            set_autostart,
            self.autostart,
            self.core.prefs.start_at_login,
            on_error=lambda info: log.warning("Could not change start at login: %s", info.message),
        )

    def close(self) -> None:
        self._poll.stop()
        self.keep_awake.set_busy(False)
        self.os_notifications.close()
