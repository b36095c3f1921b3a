"""Tray: menu actions with a tray; in-app toasts without one."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from rmab_desktop.ui.notifier import AppNotifier
from rmab_desktop.ui.tray import Tray


def _window(qtbot) -> QWidget:
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    return window


def test_without_a_tray_notifications_are_toasts(qtbot, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    window = _window(qtbot)
    tray = Tray(window, is_paused=lambda: False)
    assert not tray.has_tray
    notifier = AppNotifier(tray.present)
    notifier.notify("Book available", "Project Hail Mary is in your library.", "success")
    qtbot.waitUntil(lambda: len(tray.toasts.toasts) == 1, timeout=30_000)
    toast = tray.toasts.toasts[0]
    assert toast.isVisible() and toast.parent() is window
    assert "Project Hail Mary" in toast.message_label.text()
    assert toast.geometry().right() <= window.width() and toast.geometry().bottom() <= window.height()
    for n in range(6):
        tray.present(f"t{n}", "m")
    assert len(tray.toasts.toasts) <= 4  # older ones make room
    assert notifier.history[0] == ("Book available", "Project Hail Mary is in your library.", "success")


def test_notifications_can_be_turned_off(qtbot, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    tray = Tray(_window(qtbot), is_paused=lambda: False, notifications_enabled=lambda: False)
    tray.present("x", "y")
    assert tray.toasts.toasts == []


def test_tray_menu_actions(qtbot, monkeypatch):
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    paused = {"value": False}
    window = _window(qtbot)
    tray = Tray(window, is_paused=lambda: paused["value"])
    assert tray.has_tray and tray.icon.contextMenu() is tray.menu
    assert tray.show_action.text() == "Hide window"
    with qtbot.waitSignal(tray.pauseToggled) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [True]
    paused["value"] = True
    tray.set_active_count(2)
    assert tray.status_action.text() == "2 jobs running"
    assert "paused" in tray.icon.toolTip()
    with qtbot.waitSignal(tray.toggleWindowRequested):
        tray.show_action.trigger()
    with qtbot.waitSignal(tray.quitRequested):
        tray.quit_action.trigger()
    tray.hide()
