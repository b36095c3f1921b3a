"""A strip of dismissable banners at the top of the main window (offline, keyring locked, ...)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui import theme

tr = Translator("Banner")

_BG = {
    "info": ("#e7f1fb", "#1c2b3a"),
    "success": ("#e6f4ea", "#1d3324"),
    "warning": ("#fff4e0", "#3a2c17"),
    "error": ("#fdeaea", "#3d1f1f"),
}
# The text is set with the background, never inherited: a banner made before a theme change kept a
# light background under the dark theme's light text (unreadable red banners).
_TEXT = ("#1f2328", "#f1f3f5")


class Banner(QFrame):
    def __init__(
        self,
        text: str,
        level: str,
        action_text: str,
        action: Callable[[], object] | None,
        on_close: Callable[[], object],
    ) -> None:
        super().__init__()
        self.setObjectName("banner")
        self._styled_dark: bool | None = None
        self.level = level
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.action_button: QPushButton | None = None
        if action_text and action is not None:
            self.action_button = QPushButton(action_text)
            self.action_button.clicked.connect(action)
            layout.addWidget(self.action_button)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(tr("Dismiss"))
        close.setAccessibleName(tr("Dismiss this message"))
        close.clicked.connect(on_close)
        layout.addWidget(close)
        self.restyle()

    def _dark(self) -> bool:
        """From the surroundings: the banner's own palette carries its stylesheet's background."""
        parent = self.parentWidget()
        palette = parent.palette() if parent is not None else QApplication.palette()
        return palette.window().color().lightness() < 128

    def colors(self) -> tuple[str, str]:
        """(background, text) for the current theme."""
        dark = self._styled_dark if self._styled_dark is not None else self._dark()
        return _BG.get(self.level, _BG["info"])[1 if dark else 0], _TEXT[1 if dark else 0]

    def restyle(self) -> None:
        dark = self._styled_dark = self._dark()
        background, foreground = self.colors()
        border = theme.status_color(self.level, dark).name()
        self.setStyleSheet(
            f"QFrame#banner {{ background: {background}; border: 1px solid {border};"
            f" border-left: 4px solid {border}; border-radius: 6px; }}"
            f" QFrame#banner QLabel {{ color: {foreground}; }}"
        )

    def follow_theme(self) -> None:
        if self._styled_dark != self._dark():
            self.restyle()

    def set_text(self, text: str) -> None:
        self.label.setText(text)


class BannerArea(QWidget):
    """Implements the ``Banners`` protocol of :mod:`rmab_desktop.ui.shell`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(16, 8, 16, 0)
        self._layout.setSpacing(6)
        self._banners: dict[str, Banner] = {}
        self.setVisible(False)

    def show_banner(
        self,
        key: str,
        text: str,
        level: str = "info",
        action_text: str = "",
        action: Callable[[], object] | None = None,
    ) -> None:
        existing = self._banners.get(key)
        if existing is not None and existing.level == level and existing.action_button is None and not action:
            existing.set_text(text)
            return
        self.hide_banner(key)
        banner = Banner(text, level, action_text, action, lambda: self.hide_banner(key))
        self._banners[key] = banner
        self._layout.addWidget(banner)
        self.setVisible(True)

    def hide_banner(self, key: str) -> None:
        banner = self._banners.pop(key, None)
        if banner is not None:
            banner.setParent(None)
            banner.deleteLater()
        self.setVisible(bool(self._banners))

    def changeEvent(self, event: QEvent) -> None:
        """A theme change restyles the banners (their own palette is their stylesheet's)."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            for banner in self._banners.values():
                banner.follow_theme()
        super().changeEvent(event)

    def text(self, key: str) -> str | None:
        banner = self._banners.get(key)
        return banner.label.text() if banner else None

    def keys(self) -> list[str]:
        return list(self._banners)
