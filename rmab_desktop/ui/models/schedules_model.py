"""Scheduled jobs (cron) for the Activity page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import ScheduledJob
from rmab_desktop.ui.formatting import friendly_time, full_time
from rmab_desktop.ui.models.row_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex

tr = Translator("SchedulesTable")


class SchedulesModel(RowTableModel[ScheduledJob]):
    """The Enabled column is a checkbox; toggling it asks (``toggleRequested``), the page saves."""

    toggleRequested = Signal(int, bool)  # schedule id, enabled
    COL_NAME, COL_TYPE, COL_CRON, COL_ENABLED, COL_LAST, COL_NEXT = range(6)

    def __init__(self, title_of: Callable[[str], str] = lambda job_type: job_type) -> None:
        super().__init__(
            [
                Column(tr.mark("Name"), lambda s: text(s.name)),
                Column(tr.mark("Runs"), lambda s: title_of(s.job_type), tooltip=lambda s: s.job_type),
                Column(tr.mark("Cron"), lambda s: s.cron, tooltip=lambda s: tr("Double-click to edit")),
                Column(tr.mark("Enabled"), lambda s: tr("Yes") if s.enabled else tr("No")),
                Column(
                    tr.mark("Last run"),
                    lambda s: friendly_time(s.last_run_at) if s.last_run_at else tr("never"),
                    sort=lambda s: s.last_run_at.timestamp() if s.last_run_at else 0.0,
                    tooltip=lambda s: full_time(s.last_run_at),
                ),
                Column(
                    tr.mark("Next run"),
                    lambda s: friendly_time(s.next_run_at) if s.enabled and s.next_run_at else "—",
                    tooltip=lambda s: full_time(s.next_run_at),
                    sort=lambda s: s.next_run_at.timestamp() if s.enabled and s.next_run_at else float("inf"),
                ),
            ]
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.COL_ENABLED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == self.COL_ENABLED
            and 0 <= index.row() < self.rowCount()
        ):
            enabled = self.row_object(index.row()).enabled
            return Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() != self.COL_ENABLED
        ):
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.toggleRequested.emit(self.row_object(index.row()).id, bool(checked))
        return True
