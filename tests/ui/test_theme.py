"""Theme: light/dark palettes applied live; System follows the OS scheme."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from rmab_desktop.ui import theme
from rmab_desktop.ui.theme import ThemeManager


def test_choices_apply_live(qapp, qtbot):
    manager = ThemeManager(qapp, "light")
    try:
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 200
        with qtbot.waitSignal(manager.changed) as blocker:
            manager.apply("dark")
        assert blocker.args == [True]
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        manager.apply("system")
        assert manager.dark == theme.system_prefers_dark()
        manager.apply("nonsense")
        assert manager.choice == "system"
    finally:
        manager.apply("light")


def test_status_colours_differ_by_level():
    assert theme.status_color("error", False) != theme.status_color("success", False)
    assert theme.status_color("unknown", True) == theme.status_color("muted", True)
