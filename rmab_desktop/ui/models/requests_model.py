"""The Requests table: status badges, a progress column, and a proxy filtering by status and user."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.jobs import JobEvent
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.ui.formatting import friendly_time, full_time, local_time
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel

STATUS_LEVELS = {
    RequestStatus.AVAILABLE: "success",
    RequestStatus.DOWNLOADED: "success",
    RequestStatus.FAILED: "error",
    RequestStatus.DENIED: "error",
    RequestStatus.WARN: "warning",
    RequestStatus.AWAITING_APPROVAL: "warning",
    RequestStatus.CANCELLED: "muted",
}

STATUS_FILTERS: list[tuple[str, frozenset[RequestStatus] | None]] = [
    ("All", None),
    (
        "Waiting",
        frozenset(
            {
                RequestStatus.PENDING,
                RequestStatus.AWAITING_APPROVAL,
                RequestStatus.AWAITING_RELEASE,
                RequestStatus.AWAITING_SEARCH,
            }
        ),
    ),
    ("Awaiting approval", frozenset({RequestStatus.AWAITING_APPROVAL})),
    (
        "In progress",
        frozenset({RequestStatus.SEARCHING, RequestStatus.DOWNLOADING, RequestStatus.PROCESSING}),
    ),
    ("Completed", frozenset({RequestStatus.AVAILABLE, RequestStatus.DOWNLOADED})),
    ("Failed", frozenset({RequestStatus.FAILED, RequestStatus.WARN, RequestStatus.DENIED})),
    ("Cancelled", frozenset({RequestStatus.CANCELLED})),
]


def _progress(row: RequestDetails) -> float | None:
    if row.status in (RequestStatus.AVAILABLE, RequestStatus.DOWNLOADED):
        return 1.0
    return row.progress if row.status in (RequestStatus.DOWNLOADING, RequestStatus.PROCESSING) else None


class RequestsModel(RowTableModel[RequestDetails]):
    COL_TITLE, COL_AUTHOR, COL_STATUS, COL_PROGRESS, COL_USER, COL_REGION, COL_CREATED = range(7)

    def __init__(self) -> None:
        super().__init__(
            [
                Column("Title", lambda r: r.book.title + (" (ebook)" if r.kind.value == "ebook" else "")),
                Column("Author", lambda r: ", ".join(r.book.authors)),
                Column(
                    "Status",
                    lambda r: r.status_label,
                    sort=lambda r: r.status.value,
                    tooltip=lambda r: r.status_message or "",
                    level=lambda r: STATUS_LEVELS.get(r.status, "info"),
                ),
                Column("Progress", lambda r: "", sort=lambda r: _progress(r) or 0.0, progress=_progress),
                Column(
                    "Requested by", lambda r: r.username + (f" +{len(r.member_ids)}" if r.member_ids else "")
                ),
                Column("Region", lambda r: r.region.upper()),
                Column(
                    "Requested",
                    lambda r: friendly_time(r.created_at),
                    sort=lambda r: r.created_at,
                    tooltip=lambda r: full_time(r.created_at),
                ),
            ]
        )


class RequestFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statuses: Collection[RequestStatus] | None = None
        self._user_id: int | None = None
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_statuses(self, statuses: Collection[RequestStatus] | None) -> None:
        self.beginFilterChange()
        self._statuses = statuses
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_user(self, user_id: int | None) -> None:
        self.beginFilterChange()
        self._user_id = user_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row = self.sourceModel().index(source_row, 0, source_parent).data(ObjectRole)
        if not isinstance(row, RequestDetails):
            return False
        if self._statuses is not None and row.status not in self._statuses:
            return False
        if self._user_id is not None and not row.involves(self._user_id):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class TimelineModel(RowTableModel[JobEvent]):
    def __init__(self) -> None:
        super().__init__(
            [
                Column(
                    "Time",
                    lambda e: local_time(e.created_at),
                    sort=lambda e: e.id,
                    tooltip=lambda e: full_time(e.created_at),
                ),
                Column(
                    "Level",
                    lambda e: e.level.value,
                    level=lambda e: {"warning": "warning", "error": "error"}.get(e.level.value, "muted"),
                ),
                Column("What happened", lambda e: e.message, tooltip=lambda e: e.context),
            ]
        )
