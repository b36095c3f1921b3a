"""Paints a service as a card: state, latency, last check, error, uptime and a 24 h history chart.

The chart is drawn with QPainter (no QtCharts): one bar per check, its height the latency on a
square-root scale, its colour the state; a down check is a full-height bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rmab_desktop.domain.enums import HealthState
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.health import KIND_TITLES, HealthSample, ServiceStatus
from rmab_desktop.ui.formatting import friendly_time, number, percent
from rmab_desktop.ui.models.roles import ObjectRole
from rmab_desktop.ui.models.service_status_model import STATE_LEVELS
from rmab_desktop.ui.theme import status_color

tr = Translator("ServiceCard")

CARD_SIZE = QSize(340, 212)
MARGIN = 14
CHART_HEIGHT = 44
MIN_CHART_SLOTS = 36
STATE_WORDS = {
    HealthState.UP: tr.mark("Up"),
    HealthState.DEGRADED: tr.mark("Slow"),
    HealthState.DOWN: tr.mark("Down"),
    HealthState.UNKNOWN: tr.mark("Not checked yet"),
}


def latency_text(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 10_000:
        return tr("{number} ms", "milliseconds").format(number=number(value))
    return tr("{number} s", "seconds").format(number=number(value / 1000, 1))


def card_lines(status: ServiceStatus) -> list[str]:
    """The two lines under a card's title: latency and last check, uptime over 24 h and 7 days."""
    checked = friendly_time(status.last_check) if status.last_check else tr("never", "never checked")
    return [
        tr("Latency {latency}   ·   Checked {when}").format(
            latency=latency_text(status.latency_ms), when=checked
        ),
        tr("Uptime 24 h {day}   ·   7 d {week}").format(
            day=percent(status.uptime_24h, 1), week=percent(status.uptime_7d, 1)
        ),
    ]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def bar_heights(samples: tuple[HealthSample, ...], height: float) -> list[float]:
    """Bar height per sample: sqrt of latency relative to the slowest; down is full height."""
    latencies = [s.latency_ms or 0.0 for s in samples if s.state != HealthState.DOWN]
    top = math.sqrt(max(latencies, default=0.0)) or 1.0
    heights = []
    for sample in samples:
        if sample.state == HealthState.DOWN:
            heights.append(height)
        else:
            heights.append(max(2.0, height * math.sqrt(sample.latency_ms or 0.0) / top))
    return heights


class ServiceCardDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return CARD_SIZE

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        status: ServiceStatus | None = index.data(ObjectRole)
        if status is None:
            return
        palette = option.palette
        dark = is_dark(palette)
        rect: QRect = option.rect.adjusted(6, 6, -6, -6)
        accent = status_color(STATE_LEVELS[status.state], dark)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._card(painter, rect, palette, accent, bool(option.state & QStyle.StateFlag.State_Selected))
        inner = rect.adjusted(MARGIN, MARGIN - 2, -MARGIN, -MARGIN)
        y = self._header(painter, inner, status, palette, accent)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setFont(QFont(option.font))
        metrics = QFontMetrics(painter.font())
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for line in card_lines(status):
            elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QRect(inner.left(), y, inner.width(), metrics.height()), 0, elided)
            y += metrics.height() + 2
        chart = QRect(inner.left(), inner.bottom() - CHART_HEIGHT, inner.width(), CHART_HEIGHT)
        error_area = QRect(inner.left(), y + 2, inner.width(), max(chart.top() - y - 6, 0))
        if status.last_error and status.state != HealthState.UP:
            painter.setPen(status_color("error", dark))
            elided = metrics.elidedText(
                status.last_error, Qt.TextElideMode.ElideRight, inner.width() * 2 - 20
            )
            painter.drawText(error_area, Qt.TextFlag.TextWordWrap, elided)
        self._chart(painter, chart, status.history, dark, muted)
        painter.restore()

    @staticmethod
    def _card(painter: QPainter, rect: QRect, palette: QPalette, accent: QColor, selected: bool) -> None:
        border = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Mid)
        painter.setPen(border)
        # The application palette: the view's own Base is its background, not the card's.
        painter.setBrush(QApplication.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(rect), 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 5, rect.height()), 2.5, 2.5)

    @staticmethod
    def _header(
        painter: QPainter, inner: QRect, status: ServiceStatus, palette: QPalette, accent: QColor
    ) -> int:
        title_font = QFont(painter.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        painter.setFont(title_font)
        metrics = QFontMetrics(title_font)
        word = text(STATE_WORDS[status.state])
        pill_width = metrics.horizontalAdvance(word) + 18
        pill = QRectF(inner.right() - pill_width, inner.top(), pill_width, metrics.height() + 2)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = QColor(accent)
        fill.setAlpha(40)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(accent)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, word)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        name_width = int(pill.left()) - inner.left() - 8
        name = metrics.elidedText(status.name, Qt.TextElideMode.ElideRight, name_width)
        painter.drawText(QRect(inner.left(), inner.top(), name_width, metrics.height() + 2), 0, name)
        y = inner.top() + metrics.height() + 4
        small = QFont(painter.font())
        small.setBold(False)
        small.setPointSizeF(small.pointSizeF() / 1.1 * 0.9)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        kind = text(KIND_TITLES.get(status.kind, status.kind))
        painter.drawText(QRect(inner.left(), y, inner.width(), QFontMetrics(small).height()), 0, kind)
        return y + QFontMetrics(small).height() + 6

    @staticmethod
    def _chart(
        painter: QPainter, area: QRect, samples: tuple[HealthSample, ...], dark: bool, muted: QColor
    ) -> None:
        painter.setPen(muted)
        baseline = area.bottom()
        painter.drawLine(area.left(), baseline, area.right(), baseline)
        if not samples:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, tr("No checks in the last 24 h"))
            return
        count = len(samples)
        step = area.width() / max(count, MIN_CHART_SLOTS)  # few checks stay thin, right-aligned
        width = max(1.0, min(step - 1.0, 8.0))
        heights = bar_heights(samples, area.height() - 2)
        painter.setPen(Qt.PenStyle.NoPen)
        for position, (sample, height) in enumerate(zip(samples, heights, strict=True)):
            painter.setBrush(status_color(STATE_LEVELS[sample.state], dark))
            x = area.right() - (count - position) * step + (step - width) / 2
            painter.drawRect(QRectF(x, baseline - height, width, height))
