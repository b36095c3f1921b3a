"""Paints one book of a covers grid: the cover (or a lettered placeholder), a status badge, title, author."""

from __future__ import annotations

import zlib
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.domain.catalog import CatalogEntry
from rmab_desktop.domain.i18n import text
from rmab_desktop.ui import theme
from rmab_desktop.ui.models.catalog_model import BookGridModel, badge_of

COVER = 150
MARGIN = 8
TEXT_LINES = 2
CARD_CACHE = 400


class CoverDelegate(QStyledItemDelegate):
    def __init__(self, cover_size: int = COVER, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cover_size = cover_size
        self._fonts: dict[str, QFont] = {}  # built once per base font, not per paint
        self._cards: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()

    def _font(self, base: QFont, kind: str) -> QFont:
        key = f"{kind}:{base.key()}"
        font = self._fonts.get(key)
        if font is None:
            font = QFont(base)
            font.setBold(True)
            if kind == "badge":
                font.setPointSizeF(max(base.pointSizeF() * 0.85, 7.0))
            elif kind == "placeholder":
                font.setPointSizeF(base.pointSizeF() * 2.2)
            self._fonts[key] = font
        return font

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(self.cover_size + 2 * MARGIN, self.cover_size + 2 * MARGIN + (TEXT_LINES + 1) * line + 4)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        # Read the row straight from the model (no QVariant round trips), and draw a card rendered
        # once per book/badge/cover: one drawPixmap per paint keeps scrolling cheap for the GUI
        # thread even while worker threads hold the interpreter.
        model = index.model()
        if not isinstance(model, BookGridModel) or not 0 <= index.row() < model.rowCount():
            return
        entry = model.entry(index.row())
        rect = option.rect
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(option.palette.color(QPalette.ColorRole.Highlight))
            hover.setAlpha(60 if state & QStyle.StateFlag.State_Selected else 25)
            painter.fillRect(rect.adjusted(2, 2, -2, -2), hover)
        painter.drawPixmap(rect.topLeft(), self._card(option, entry, model.cover(entry), rect.size()))

    def _card(
        self, option: QStyleOptionViewItem, entry: CatalogEntry, cover: QPixmap | None, size: QSize
    ) -> QPixmap:
        key = (
            entry.key,
            entry.availability,
            bool(entry.extra.get("owned_on_audible")),
            cover.cacheKey() if cover is not None else 0,
            size.width(),
            size.height(),
            option.palette.cacheKey(),
            option.font.key(),
        )
        card = self._cards.get(key)
        if card is not None:
            self._cards.move_to_end(key)
            return card
        ratio = option.widget.devicePixelRatioF() if option.widget is not None else 1.0
        card = QPixmap(size * ratio)
        card.setDevicePixelRatio(ratio)
        card.fill(Qt.GlobalColor.transparent)
        painter = QPainter(card)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(0, 0, size.width(), size.height())
        cover_rect = QRect(MARGIN, MARGIN, self.cover_size, self.cover_size)
        if cover is not None and not cover.isNull():
            scaled = cover.size().scaled(cover_rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(cover_rect.center())
            painter.drawPixmap(target, cover)
        else:
            self._placeholder(painter, option, cover_rect, entry)
        self._badge(painter, option, cover_rect, badge_of(entry))
        self._texts(painter, option, rect, cover_rect, entry)
        painter.end()
        self._cards[key] = card
        while len(self._cards) > CARD_CACHE:
            self._cards.popitem(last=False)
        return card

    def _placeholder(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, entry: CatalogEntry
    ) -> None:
        seed = zlib.crc32(entry.book.title.encode())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromHsl(seed % 360, 70, 150))
        painter.drawRoundedRect(QRectF(rect), 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(self._font(option.font, "placeholder"))
        initials = "".join(word[0] for word in entry.book.title.split()[:2] if word).upper()
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials or "?")

    def _badge(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        cover: QRect,
        label: tuple[str, str] | None,
    ) -> None:
        if label is None:
            return
        word, level = text(label[0]), label[1]
        painter.setFont(self._font(option.font, "badge"))
        metrics = painter.fontMetrics()
        width, height = metrics.horizontalAdvance(word) + 14, metrics.height() + 6
        badge = QRectF(cover.right() - width - 4, cover.top() + 4, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.status_color(level, False))
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)

    def _texts(
        self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, cover: QRect, entry: CatalogEntry
    ) -> None:
        palette = option.palette
        line = option.fontMetrics.height()
        width = cover.width()
        painter.setFont(self._font(option.font, "title"))
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
