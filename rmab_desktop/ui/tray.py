"""The system tray icon: show/hide, pause automation, active downloads, quit; notifications.

Without a tray (``QSystemTrayIcon.isSystemTrayAvailable()`` is False: offscreen, bare X servers,
some desktops) there is no icon, closing the window quits, and notifications become in-app toasts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from rmab_desktop import APP_NAME
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui import icons
from rmab_desktop.ui.widgets.toast import ToastHost

tr = Translator("Tray")

_TRAY_ICONS = {
    "info": QSystemTrayIcon.MessageIcon.Information,
    "success": QSystemTrayIcon.MessageIcon.Information,
    "warning": QSystemTrayIcon.MessageIcon.Warning,
    "error": QSystemTrayIcon.MessageIcon.Critical,
}


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    """Owns the tray icon (when there is a tray) and presents notifications either way."""

    toggleWindowRequested = Signal()
    pauseToggled = Signal(bool)
    quitRequested = Signal()

    def __init__(
        self,
        window: QWidget,
        is_paused: Callable[[], bool],
        notifications_enabled: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._is_paused = is_paused
        self._notifications_enabled = notifications_enabled
        self.toasts = ToastHost(window)
        self.icon: QSystemTrayIcon | None = None
        self.active_downloads = 0
        self.menu = QMenu(window)
        self.show_action = QAction(tr("Show window"), self.menu)
        self.show_action.triggered.connect(self.toggleWindowRequested)
        self.status_action = QAction(tr("No active jobs"), self.menu)
        self.status_action.setEnabled(False)
        self.pause_action = QAction(tr("Pause automation"), self.menu, checkable=True)
        self.pause_action.toggled.connect(self._pause_toggled)
        self.quit_action = QAction(tr("Quit"), self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        for action in (self.show_action, self.status_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.pause_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.aboutToShow.connect(self.refresh_menu)
        if tray_available():
            self.icon = QSystemTrayIcon(icons.app_icon(), self)
            self.icon.setToolTip(APP_NAME)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.show()
        self.refresh_menu()

    @property
    def has_tray(self) -> bool:
        return self.icon is not None

    def refresh_menu(self) -> None:
        self.show_action.setText(tr("Hide window") if self._window.isVisible() else tr("Show window"))
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(bool(self._is_paused()))
        self.pause_action.blockSignals(False)
        count = self.active_downloads
        self.status_action.setText(tr("No active jobs") if count == 0 else tr.n("%n job(s) running", count))
        if self.icon is not None:
            if self._is_paused():
                tip = tr("{app} — paused").format(app=APP_NAME)
            elif count:
                tip = tr.n("{app} — %n running", count).format(app=APP_NAME)
            else:
                tip = APP_NAME
            self.icon.setToolTip(tip)

    def set_active_count(self, count: int) -> None:
        self.active_downloads = count
        self.refresh_menu()

    def _pause_toggled(self, checked: bool) -> None:
        self.pauseToggled.emit(checked)
        self.refresh_menu()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.toggleWindowRequested.emit()

    def present(self, title: str, message: str, level: str = "info") -> None:
        """Notifier presenter: a tray balloon when possible, else an in-app toast."""
        if not self._notifications_enabled():
            return
        if self.icon is not None and self.icon.supportsMessages():
            self.icon.showMessage(title, message, _TRAY_ICONS.get(level, _TRAY_ICONS["info"]), 8000)
        else:
            self.toasts.show_toast(title, message, level)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
