"""One Audible title in the covers grid: cover (or lettered tile), title, author and a progress bar."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.domain.audible_library import AudibleEntry
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.ui import theme
from rmab_desktop.ui.formatting import percent
from rmab_desktop.ui.models.audible_model import progress_of
from rmab_desktop.ui.models.roles import ObjectRole

tr = Translator("AudibleLibraryPage")

COVER = 140
MARGIN = 8


class AudibleCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(COVER + 2 * MARGIN, COVER + 2 * MARGIN + 3 * line + 14)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        entry: AudibleEntry | None = index.data(ObjectRole)
        if entry is None:
            return
        rect, palette = option.rect, option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if option.state & (QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus):
            highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
            highlight.setAlpha(70)
            painter.fillRect(rect.adjusted(2, 2, -2, -2), highlight)
        cover_rect = QRect(rect.left() + MARGIN, rect.top() + MARGIN, COVER, COVER)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        pixmap = icon.pixmap(QSize(COVER, COVER)) if isinstance(icon, QIcon) else None
        if pixmap is not None and not pixmap.isNull():
            scaled = pixmap.size().scaled(cover_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(cover_rect.center())
            painter.drawPixmap(target, pixmap)
        else:
            seed = zlib.crc32(entry.title.encode())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor.fromHsl(seed % 360, 70, 150))
            painter.drawRoundedRect(QRectF(cover_rect), 6, 6)
            painter.setPen(QColor("white"))
            initials = "".join(w[0] for w in entry.title.split()[:2] if w).upper()
            painter.drawText(cover_rect, Qt.AlignmentFlag.AlignCenter, initials or "?")
        if entry.in_local_library:
            self._badge(painter, option, cover_rect, tr("In library"))
        line = option.fontMetrics.height()
        metrics = option.fontMetrics
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, COVER)
        painter.drawText(QRect(cover_rect.left(), cover_rect.bottom() + 6, COVER, line), 0, title)
        muted = QColor(palette.color(QPalette.ColorRole.Text))
        muted.setAlpha(150)
        painter.setPen(muted)
        author = metrics.elidedText(", ".join(entry.authors), Qt.TextElideMode.ElideRight, COVER)
        painter.drawText(QRect(cover_rect.left(), cover_rect.bottom() + 6 + line, COVER, line), 0, author)
        self._progress(
            painter,
            palette,
            QRect(cover_rect.left(), cover_rect.bottom() + 10 + 2 * line, COVER, line),
            entry,
        )
        painter.restore()

    @staticmethod
    def _badge(painter: QPainter, option: QStyleOptionViewItem, cover: QRect, word: str) -> None:
        metrics = option.fontMetrics
        width, height = metrics.horizontalAdvance(word) + 14, metrics.height() + 4
        badge = QRectF(cover.right() - width - 4, cover.top() + 4, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.status_color("success", False))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)

    @staticmethod
    def _progress(painter: QPainter, palette: QPalette, rect: QRect, entry: AudibleEntry) -> None:
        fraction = progress_of(entry)
        label = tr("Finished") if entry.finished else percent(fraction)
        label_width = painter.fontMetrics().horizontalAdvance(label) + 6
        bar = QRect(rect.left(), rect.center().y() - 3, max(rect.width() - label_width, 20), 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(bar, 3, 3)
        if fraction > 0:
            filled = QRect(bar)
            filled.setWidth(max(int(bar.width() * fraction), 3))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRect(bar.right() + 4, rect.top(), label_width, rect.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
