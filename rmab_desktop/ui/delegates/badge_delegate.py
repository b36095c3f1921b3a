"""Paints a cell as a coloured pill (status badge) using LevelRole for the colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.ui import theme
from rmab_desktop.ui.models.roles import LevelRole

PAD_X, PAD_Y = 8, 3


class BadgeDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        level = index.data(LevelRole)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not level or not text:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        if widget is not None:
            widget.style().drawControl(widget.style().ControlElement.CE_ItemViewItem, option, painter, widget)
        dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
        color = theme.status_color(level, dark)
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(text) + 2 * PAD_X
        height = metrics.height() + 2 * PAD_Y
        rect = QRectF(option.rect.left() + 6, option.rect.center().y() - height / 2 + 0.5, width, height)
        fill = QColor(color)
        fill.setAlpha(48 if dark else 36)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(
            size.width() + 2 * PAD_X + 12, max(size.height(), option.fontMetrics.height() + 2 * PAD_Y + 6)
        )
