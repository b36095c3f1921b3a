"""Paints ProgressRole (0..1) as a slim progress bar with the percentage; falls back to text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.models.roles import ProgressRole

tr = Translator("ProgressDelegate")


class ProgressDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(ProgressRole)
        if value is None:
            super().paint(painter, option, index)
            return
        fraction = max(0.0, min(1.0, float(value)))
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, widget)
        rect = option.rect.adjusted(6, 0, -6, 0)
        bar = QRect(rect.left(), rect.center().y() - 3, max(rect.width() - 44, 20), 6)
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        filled = QRect(bar)
        filled.setWidth(max(int(bar.width() * fraction), 0))
        if filled.width() > 0:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        text_rect = QRect(bar.right() + 6, rect.top(), rect.right() - bar.right() - 6, rect.height())
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
            tr("{number}%", "a percentage").format(number=number(round(fraction * 100))),
        )
        painter.restore()
