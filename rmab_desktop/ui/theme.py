"""Light/dark theme: follows the OS colour scheme (Qt 6.5+) unless prefs.theme picks one.

Fusion style with a matching palette on every platform, so the app looks the same everywhere
and dark mode also works where the native style has none.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from rmab_desktop.ui import icons

ACCENT = "#e8590c"
ACCENT_DARK = "#ff8a3d"

_LIGHT = {
    "window": "#f4f4f6",
    "base": "#ffffff",
    "alt": "#f7f7f9",
    "text": "#1f2328",
    "muted": "#6b7280",
    "button": "#fbfbfc",
    "border": "#d9dbe0",
    "sidebar": "#ebecf0",
    "accent": ACCENT,
    "highlight_text": "#ffffff",
}
_DARK = {
    "window": "#1e1f22",
    "base": "#26272b",
    "alt": "#2b2c31",
    "text": "#e6e6e9",
    "muted": "#9a9ca5",
    "button": "#2f3035",
    "border": "#3a3b41",
    "sidebar": "#18191b",
    "accent": ACCENT_DARK,
    "highlight_text": "#111111",
}

STATUS_COLORS = {
    "info": ("#1864ab", "#74c0fc"),
    "success": ("#2b8a3e", "#8ce99a"),
    "warning": ("#b35c00", "#ffc078"),
    "error": ("#c92a2a", "#ff8787"),
    "muted": ("#6b7280", "#9a9ca5"),
}


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    return scheme is not None and scheme() == Qt.ColorScheme.Dark


def colors(dark: bool) -> dict[str, str]:
    return dict(_DARK if dark else _LIGHT)


def status_color(level: str, dark: bool) -> QColor:
    light_value, dark_value = STATUS_COLORS.get(level, STATUS_COLORS["muted"])
    return QColor(dark_value if dark else light_value)


def build_palette(dark: bool) -> QPalette:
    c = colors(dark)
    palette = QPalette()
    role = QPalette.ColorRole
    for r, key in (
        (role.Window, "window"),
        (role.Base, "base"),
        (role.AlternateBase, "alt"),
        (role.WindowText, "text"),
        (role.Text, "text"),
        (role.ButtonText, "text"),
        (role.Button, "button"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "highlight_text"),
        (role.Link, "accent"),
        (role.Mid, "border"),
    ):
        palette.setColor(r, QColor(c[key]))
    palette.setColor(role.BrightText, QColor("#ffffff"))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, r, QColor(c["muted"]))
    return palette


def focus_rules(c: dict[str, str]) -> str:
    """A 2 px accent ring on whatever has the keyboard focus, the same in both themes: buttons and
    fields keep their size (the border grows into the padding), views and the sidebar get a frame."""
    return f"""
QPushButton, QToolButton {{
    border: 1px solid {c["border"]}; border-radius: 5px; background: {c["button"]}; padding: 4px 12px;
}}
QToolButton {{ padding: 3px 6px; }}
QToolButton[autoRaise="true"] {{ border-color: transparent; background: transparent; }}
QPushButton:hover, QToolButton:hover {{ border-color: {c["muted"]}; }}
QPushButton:pressed, QToolButton:pressed, QPushButton:checked {{ background: {c["alt"]}; }}
QPushButton:default {{ border-color: {c["accent"]}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {c["muted"]}; background: {c["window"]}; }}
QPushButton:focus {{ border: 2px solid {c["accent"]}; padding: 3px 11px; }}
QToolButton:focus {{ border: 2px solid {c["accent"]}; padding: 2px 5px; }}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox {{
    border: 1px solid {c["border"]}; border-radius: 5px; padding: 3px 6px; background: {c["base"]};
}}
QComboBox:!editable {{ background: {c["button"]}; }}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus {{
    border: 2px solid {c["accent"]}; padding: 2px 5px;
}}
QTableView:focus, QTreeView:focus, QListView:focus, QPlainTextEdit:focus, QTextEdit:focus {{
    border: 2px solid {c["accent"]};
}}
QListView#sidebar:focus {{ border: 2px solid {c["accent"]}; border-radius: 6px; padding: 6px 4px; }}
QCheckBox:focus, QRadioButton:focus, QLabel:focus {{
    border: 2px solid {c["accent"]}; border-radius: 4px;
}}
QTabBar::tab:focus {{ border: 2px solid {c["accent"]}; border-radius: 4px; }}
"""


def stylesheet(dark: bool) -> str:
    c = colors(dark)
    return f"""
QListView#sidebar {{
    background: {c["sidebar"]}; border: none; padding: 8px 6px; outline: 0;
}}
QListView#sidebar::item {{ padding: 7px 10px; border-radius: 6px; margin: 1px 0; color: {c["text"]}; }}
QListView#sidebar::item:hover {{ background: {c["border"]}; }}
QListView#sidebar::item:selected {{ background: {c["accent"]}; color: {c["highlight_text"]}; }}
QFrame#sidebarBrand {{ background: {c["sidebar"]}; }}
QLabel#sidebarTitle {{ font-weight: 600; font-size: 11pt; }}
QLabel#pageTitle {{ font-size: 18pt; font-weight: 600; }}
QLabel#pageSubtitle, QLabel[muted="true"] {{ color: {c["muted"]}; }}
QLabel#emptyTitle {{ font-size: 13pt; font-weight: 600; color: {c["text"]}; }}
QLabel#emptyText {{ color: {c["muted"]}; }}
QLabel#errorText {{ color: {STATUS_COLORS["error"][1 if dark else 0]}; }}
QTableView, QTreeView, QListView, QPlainTextEdit {{
    border: 1px solid {c["border"]}; border-radius: 6px; background: {c["base"]};
}}
QHeaderView::section {{
    background: {c["alt"]}; border: none; border-bottom: 1px solid {c["border"]}; padding: 5px 6px;
    font-weight: 600;
}}
QTabBar::tab {{ padding: 6px 14px; }}
{focus_rules(c)}
QStatusBar {{ border-top: 1px solid {c["border"]}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
"""


class ThemeManager(QObject):
    """Applies a theme choice and re-applies it live when the OS scheme changes."""

    changed = Signal(bool)  # dark

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__()
        self._app = app
        self.choice = choice
        self.dark = False
        app.setStyle("Fusion")
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):
            hints.colorSchemeChanged.connect(self._on_system_change)
        self.apply(choice)

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in ("system", "light", "dark") else "system"
        dark = system_prefers_dark() if self.choice == "system" else self.choice == "dark"
        self.dark = dark
        self._app.setPalette(build_palette(dark))
        self._app.setStyleSheet(stylesheet(dark))
        icons.clear_cache()
        self.changed.emit(dark)

    def _on_system_change(self, *_args: object) -> None:
        if self.choice == "system":
            self.apply("system")

    def icon_color(self) -> str:
        return colors(self.dark)["text"]
