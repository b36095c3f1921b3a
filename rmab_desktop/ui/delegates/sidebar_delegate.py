"""Paints a sidebar row as usual, plus its page's badge count as a pill at the right edge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.ui.formatting import number
from rmab_desktop.ui.models.roles import BadgeRole

PAD_X, PAD_Y, MARGIN = 6, 1, 10


class SidebarDelegate(QStyledItemDelegate):
    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        count = index.data(BadgeRole) or 0
        if count <= 0:
            super().paint(painter, option, index)
            return
        label = number(count) if count < 1000 else "999+"
        metrics = option.fontMetrics
        height = metrics.height() + 2 * PAD_Y
        width = max(height, metrics.horizontalAdvance(label) + 2 * PAD_X)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        room = item.rect.width() - item.decorationSize.width() - width - 2 * MARGIN - 16
        item.text = metrics.elidedText(
            item.text, Qt.TextElideMode.ElideRight, max(0, room)
        )  # the pill's room
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        rect = QRectF(
            option.rect.right() - MARGIN - width, option.rect.center().y() - height / 2 + 0.5, width, height
        )
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        fill = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight)
        ink = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.HighlightedText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
