"""The Requests table: status badges, a progress column, and a proxy filtering by status and user."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.domain.jobs import JobEvent
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.ui.formatting import friendly_time, full_time, local_time, number
from rmab_desktop.ui.models.log_model import LEVEL_TEXT
from rmab_desktop.ui.models.roles import ObjectRole, SortRole
from rmab_desktop.ui.models.row_model import Column, RowTableModel

tr = Translator("RequestsTable")

STATUS_LEVELS = {
    RequestStatus.AVAILABLE: "success",
    RequestStatus.DOWNLOADED: "success",
    RequestStatus.FAILED: "error",
    RequestStatus.DENIED: "error",
    RequestStatus.WARN: "warning",
    RequestStatus.AWAITING_APPROVAL: "warning",
    RequestStatus.AWAITING_LIMIT: "warning",
    RequestStatus.CANCELLED: "muted",
}

# Filter tabs of the Requests page: title (shown through i18n.text) -> statuses (None = all).
STATUS_FILTERS: list[tuple[str, frozenset[RequestStatus] | None]] = [
    (tr.mark("All"), None),
    (
        tr.mark("Waiting"),
        frozenset(
            {
                RequestStatus.PENDING,
                RequestStatus.AWAITING_APPROVAL,
                RequestStatus.AWAITING_RELEASE,
                RequestStatus.AWAITING_LIMIT,
                RequestStatus.AWAITING_SEARCH,
            }
        ),
    ),
    (tr.mark("Awaiting approval"), frozenset({RequestStatus.AWAITING_APPROVAL})),
    (
        tr.mark("In progress"),
        frozenset({RequestStatus.SEARCHING, RequestStatus.DOWNLOADING, RequestStatus.PROCESSING}),
    ),
    (tr.mark("Completed"), frozenset({RequestStatus.AVAILABLE, RequestStatus.DOWNLOADED})),
    (tr.mark("Failed"), frozenset({RequestStatus.FAILED, RequestStatus.WARN, RequestStatus.DENIED})),
    (tr.mark("Cancelled"), frozenset({RequestStatus.CANCELLED})),
]


def _title(row: RequestDetails) -> str:
    if row.kind.value == "ebook":
        return tr("{title} (ebook)").format(title=row.book.title)
    return row.book.title


def _requested_by(row: RequestDetails) -> str:
    if not row.member_ids:
        return row.username
    return tr("{user} +{count}", "a requester and how many others joined").format(
        user=row.username, count=number(len(row.member_ids))
    )


def _progress(row: RequestDetails) -> float | None:
    if row.status in (RequestStatus.AVAILABLE, RequestStatus.DOWNLOADED):
        return 1.0
    return row.progress if row.status in (RequestStatus.DOWNLOADING, RequestStatus.PROCESSING) else None


class RequestsModel(RowTableModel[RequestDetails]):
    COL_TITLE, COL_AUTHOR, COL_STATUS, COL_PROGRESS, COL_USER, COL_REGION, COL_CREATED = range(7)

    def __init__(self) -> None:
        super().__init__(
            [
                Column(tr.mark("Title"), _title),
                Column(tr.mark("Author"), lambda r: ", ".join(r.book.authors)),
                Column(
                    tr.mark("Status"),
                    lambda r: r.status_label,
                    sort=lambda r: r.status.value,
                    tooltip=lambda r: r.status_message or "",
                    level=lambda r: STATUS_LEVELS.get(r.status, "info"),
                ),
                Column(
                    tr.mark("Progress"), lambda r: "", sort=lambda r: _progress(r) or 0.0, progress=_progress
                ),
                Column(tr.mark("Requested by"), _requested_by),
                Column(tr.mark("Region"), lambda r: r.region.upper()),
                Column(
                    tr.mark("Requested"),
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
                    tr.mark("Time"),
                    lambda e: local_time(e.created_at),
                    sort=lambda e: e.id,
                    tooltip=lambda e: full_time(e.created_at),
                ),
                Column(
                    tr.mark("Level"),
                    lambda e: text(LEVEL_TEXT.get(e.level.value, e.level.value)),
                    level=lambda e: {"warning": "warning", "error": "error"}.get(e.level.value, "muted"),
                ),
                Column(tr.mark("What happened"), lambda e: e.message, tooltip=lambda e: e.context),
            ]
        )
