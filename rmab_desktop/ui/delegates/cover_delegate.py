"""Paints one book of a covers grid: the cover (or a lettered placeholder), a status badge, title, author."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.domain.catalog import CatalogEntry
from rmab_desktop.ui import theme
from rmab_desktop.ui.models.catalog_model import BadgeRole
from rmab_desktop.ui.models.roles import LevelRole, ObjectRole

COVER = 150
MARGIN = 8
TEXT_LINES = 2


class CoverDelegate(QStyledItemDelegate):
    def __init__(self, cover_size: int = COVER, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.cover_size = cover_size

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(self.cover_size + 2 * MARGIN, self.cover_size + 2 * MARGIN + (TEXT_LINES + 1) * line + 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        entry = index.data(ObjectRole)
        if not isinstance(entry, CatalogEntry):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette
        rect = option.rect
        if option.state & QStyle.StateFlag.State_Selected or option.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(palette.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(60 if option.state & QStyle.StateFlag.State_Selected else 25)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hover)
            painter.drawRoundedRect(QRectF(rect.adjusted(2, 2, -2, -2)), 8, 8)
        cover_rect = QRect(rect.left() + MARGIN, rect.top() + MARGIN, self.cover_size, self.cover_size)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            scaled = pixmap.size().scaled(cover_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(cover_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            self._placeholder(painter, cover_rect, entry)
        self._badge(painter, option, cover_rect, index)
        self._texts(painter, option, rect, cover_rect, entry)
        painter.restore()

    @staticmethod
    def _placeholder(painter: QPainter, rect: QRect, entry: CatalogEntry) -> None:
        seed = zlib.crc32(entry.book.title.encode())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromHsl(seed % 360, 70, 150))
        painter.drawRoundedRect(QRectF(rect), 6, 6)
        painter.setPen(QColor("white"))
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        painter.setFont(font)
        initials = "".join(word[0] for word in entry.book.title.split()[:2] if word).upper()
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials or "?")

    @staticmethod
    def _badge(
        painter: QPainter,
        option: QStyleOptionViewItem,
        cover: QRect,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text, level = index.data(BadgeRole), index.data(LevelRole)
        if not text:
            return
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        font.setBold(True)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        width, height = metrics.horizontalAdvance(text) + 14, metrics.height() + 6
        badge = QRectF(cover.right() - width - 4, cover.top() + 4, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.status_color(level or "info", False))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    @staticmethod
    def _texts(
        painter: QPainter, option: QStyleOptionViewItem, rect: QRect, cover: QRect, entry: CatalogEntry
    ) -> None:
        palette = option.palette
        line = option.fontMetrics.height()
        width = cover.width()
        title_font = QFont(option.font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title_rect = QRect(cover.left(), cover.bottom() + 6, width, TEXT_LINES * line)
        title = painter.fontMetrics().elidedText(
            entry.book.title, Qt.TextElideMode.ElideRight, width * TEXT_LINES - 8
        )
        painter.drawText(
            title_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
            title,
        )
        painter.setFont(option.font)
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(150)
        painter.setPen(muted)
        author = option.fontMetrics.elidedText(
            ", ".join(entry.book.author_names), Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(
            QRect(cover.left(), title_rect.bottom() + 2, width, line), Qt.AlignmentFlag.AlignLeft, author
        )
