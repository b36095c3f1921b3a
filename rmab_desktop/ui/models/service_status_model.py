"""One row per checked service, for the Service status page's cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rmab_desktop.domain.enums import HealthState
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.services.health import ServiceStatus
from rmab_desktop.ui.models.roles import FilterRole, KeyRole, LevelRole, ObjectRole, SortRole

tr = Translator("ServiceStatus")

STATE_LEVELS = {
    HealthState.UP: "success",
    HealthState.DEGRADED: "warning",
    HealthState.DOWN: "error",
    HealthState.UNKNOWN: "info",
}
# Each state in words, for tooltips, badges and accessible descriptions (through i18n.text).
STATE_TEXT = {
    HealthState.UP: tr.mark("Up"),
    HealthState.DEGRADED: tr.mark("Degraded"),
    HealthState.DOWN: tr.mark("Down"),
    HealthState.UNKNOWN: tr.mark("Unknown"),
}
# Down first, then degraded, unknown, up: the page sorts what needs attention to the top.
STATE_RANK = {HealthState.DOWN: 0, HealthState.DEGRADED: 1, HealthState.UNKNOWN: 2, HealthState.UP: 3}

Index = QModelIndex | QPersistentModelIndex


class ServiceStatusModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ServiceStatus] = []
        self._index: dict[str, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        status = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return status.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return status.last_error or tr("{service}: {state}").format(
                service=status.name, state=text(STATE_TEXT[status.state])
            )
        if role == ObjectRole:
            return status
        if role == KeyRole:
            return status.key
        if role == SortRole:
            return f"{STATE_RANK[status.state]}{status.name.casefold()}"
        if role == FilterRole:
            return f"{status.name} {status.kind} {status.state.value} {text(STATE_TEXT[status.state])}"
        if role == LevelRole:
            return STATE_LEVELS[status.state]
        return None

    def row_of(self, key: str) -> int | None:
        return self._index.get(key)

    def set_statuses(self, statuses: list[ServiceStatus]) -> None:
        """Update rows in place (dataChanged), then insert and remove, keeping views' selection."""
        incoming = {status.key: status for status in statuses}
        for key in [k for k in self._index if k not in incoming]:
            gone = self._index[key]
            self.beginRemoveRows(QModelIndex(), gone, gone)
            del self._rows[gone]
            self._reindex()
            self.endRemoveRows()
        for key, status in incoming.items():
            row = self._index.get(key)
            if row is None:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
                self._rows.append(status)
                self._reindex()
                self.endInsertRows()
            elif self._rows[row] != status:
                self._rows[row] = status
                self.dataChanged.emit(self.index(row), self.index(row))

    def _reindex(self) -> None:
        self._index = {status.key: row for row, status in enumerate(self._rows)}
