"""Icons from ``resources/icons/*.svg``, tinted to the palette (the line icons use currentColor)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_SIZES = (16, 20, 24, 32, 48, 64)


@cache
def resources_dir() -> Path:
    """``resources/`` next to the package (source tree), inside it (wheel) or in a frozen bundle."""
    package = Path(__file__).resolve().parents[1]
    candidates = [package.parent / "resources", package / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "icons").is_dir():
            return candidate
    return candidates[-1]


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / f"{name}.svg"


@cache
def _svg_bytes(name: str) -> bytes:
    path = icon_path(name)
    return path.read_bytes() if path.is_file() else b""


def render_svg(data: bytes, size: int, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(data))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def _icon(name: str, color: str, selected: str = "") -> QIcon:
    data = _svg_bytes(name)
    icon = QIcon()
    if not data:
        return icon
    for size in ICON_SIZES:
        icon.addPixmap(render_svg(data.replace(b"currentColor", color.encode()), size))
        if selected:
            tinted = data.replace(b"currentColor", selected.encode())
            icon.addPixmap(render_svg(tinted, size), QIcon.Mode.Selected)
    return icon


def icon(name: str, color: QColor | str = "#555555", selected: QColor | str | None = None) -> QIcon:
    """The named icon tinted with ``color`` (and ``selected`` when the item is selected);
    an empty icon when the file is missing."""
    return _icon(name, QColor(color).name(), QColor(selected).name() if selected is not None else "")


def app_icon() -> QIcon:
    return _icon("app", "#000000")


def clear_cache() -> None:
    """Forget tinted icons (after a theme change)."""
    _icon.cache_clear()
