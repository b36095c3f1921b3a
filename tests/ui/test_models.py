"""Item models of the Activity page: qtmodeltester, incremental refresh, filters."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.jobs import Job, JobEvent, ScheduledJob
from rmab_desktop.ui.models.jobs_model import JobsModel, JobsProxy
from rmab_desktop.ui.models.log_model import LogEntry, LogModel, LogProxy
from rmab_desktop.ui.models.roles import KeyRole, LevelRole, ObjectRole, ProgressRole, SortRole
from rmab_desktop.ui.models.row_model import _ranges_descending
from rmab_desktop.ui.models.schedules_model import SchedulesModel

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def job(job_id: int, status: JobStatus = JobStatus.QUEUED, **changes) -> Job:
    base = Job(
        id=job_id,
        type="diagnostics.wait",
        payload={},
        status=status,
        priority=0,
        run_at=NOW,
        attempts=1 if status != JobStatus.QUEUED else 0,
        max_attempts=5,
        request_id=None,
        created_at=NOW - timedelta(minutes=job_id),
        started_at=NOW if status != JobStatus.QUEUED else None,
        progress=0.25 if status == JobStatus.ACTIVE else None,
    )
    return replace(base, **changes)


def schedule(schedule_id: int, enabled: bool = True) -> ScheduledJob:
    return ScheduledJob(
        schedule_id,
        f"key{schedule_id}",
        f"Schedule {schedule_id}",
        "maintenance.prune_history",
        "17 3 * * *",
        enabled,
        {},
        None,
        NOW + timedelta(hours=schedule_id),
    )


def entry(n: int, level: str = "info", message: str = "hello") -> LogEntry:
    return LogEntry(f"a{n}", NOW + timedelta(seconds=n), level, "test", f"{message} {n}")


def test_jobs_model_passes_modeltester_through_changes(qtmodeltester):
    model = JobsModel(lambda t: "Diagnostic wait")
    qtmodeltester.check(model)
    model.set_rows([job(1), job(2, JobStatus.ACTIVE), job(3, JobStatus.FAILED, last_error="boom")])
    qtmodeltester.check(model)
    model.set_rows([job(2, JobStatus.DONE), job(4)])
    qtmodeltester.check(model)
    proxy = JobsProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    assert model.data(model.index(0, JobsModel.COL_TYPE)) == "Diagnostic wait"


def test_set_rows_is_incremental(qtbot):
    model = JobsModel()
    rows = [job(i) for i in range(1, 6)]
    model.set_rows(rows)
    changed, inserted, removed, resets = [], [], [], []
    model.dataChanged.connect(
        lambda tl, br, roles: changed.append((tl.row(), br.row(), tl.column(), br.column()))
    )
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.modelReset.connect(lambda: resets.append(True))

    model.set_rows(rows)  # nothing changed
    assert (changed, inserted, removed) == ([], [], [])

    updated = list(rows)
    updated[2] = replace(rows[2], status=JobStatus.ACTIVE, attempts=1, progress=0.5)
    model.set_rows(updated)
    assert len(changed) == 1
    row, end_row, first_col, last_col = changed[0]
    assert row == end_row == 2
    assert first_col <= JobsModel.COL_STATUS and last_col >= JobsModel.COL_ATTEMPTS
    assert (inserted, removed, resets) == ([], [], [])

    changed.clear()
    model.set_rows([*updated[:1], *updated[3:], job(9)])  # ids 2 and 3 gone, 9 new
    assert removed == [(1, 2)]
    assert inserted == [(3, 3)]
    assert [model.row_object(r).id for r in range(model.rowCount())] == [1, 4, 5, 9]
    assert model.row_of(9) == 3 and model.get(4).id == 4
    assert resets == []


def test_progress_updates_one_cell():
    model = JobsModel()
    model.set_rows([job(1, JobStatus.ACTIVE), job(2)])
    seen = []
    model.dataChanged.connect(lambda tl, br, roles: seen.append((tl.row(), tl.column(), br.column())))
    model.set_progress(1, 0.75)
    model.set_progress(2, 0.5)  # queued jobs have no progress bar
    model.set_progress(99, 0.5)
    assert seen == [(0, JobsModel.COL_PROGRESS, JobsModel.COL_PROGRESS)]
    assert model.data(model.index(0, JobsModel.COL_PROGRESS), ProgressRole) == 0.75


def test_roles_and_status_filter():
    model = JobsModel()
    model.set_rows([job(1), job(2, JobStatus.ACTIVE), job(3, JobStatus.FAILED), job(4, JobStatus.DONE)])
    index = model.index(model.row_of(3), JobsModel.COL_STATUS)
    assert index.data(LevelRole) == "error"
    assert index.data(Qt.ItemDataRole.DisplayRole) == "Failed"
    assert index.data(KeyRole) == 3
    assert index.data(ObjectRole).id == 3
    assert model.index(0, JobsModel.COL_ID).data(SortRole) == 1
    proxy = JobsProxy()
    proxy.setSourceModel(model)
    proxy.set_statuses((JobStatus.FAILED, JobStatus.ACTIVE))
    assert sorted(proxy.index(r, 0).data(KeyRole) for r in range(proxy.rowCount())) == [2, 3]
    proxy.set_statuses(None)
    assert proxy.rowCount() == 4


def test_schedules_model_checkbox_asks_page(qtmodeltester, qtbot):
    model = SchedulesModel()
    model.set_rows([schedule(1), schedule(2, enabled=False)])
    qtmodeltester.check(model)
    index = model.index(1, SchedulesModel.COL_ENABLED)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.index(1, SchedulesModel.COL_NEXT).data() == "—"  # disabled: no next run
    with qtbot.waitSignal(model.toggleRequested) as blocker:
        assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert blocker.args == [2, True]
    assert not model.setData(model.index(0, 0), "x", Qt.ItemDataRole.EditRole)


def test_log_model_caps_rows_and_filters(qtmodeltester):
    model = LogModel(max_rows=100)
    model.append(entry(n, "debug" if n % 10 == 0 else "info") for n in range(150))
    assert model.rowCount() <= 100
    assert model.row_object(model.rowCount() - 1).id == "a149"  # newest kept
    model.append([entry(149)])  # duplicates ignored
    assert model.row_object(model.rowCount() - 1).id == "a149"
    qtmodeltester.check(model)
    proxy = LogProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    visible = proxy.rowCount()
    proxy.set_min_level("debug")
    assert proxy.rowCount() > visible
    proxy.set_min_level("info")
    proxy.setFilterFixedString("hello 14")
    assert {proxy.index(r, 0).data(ObjectRole).id for r in range(proxy.rowCount())} == {
        "a141",
        "a142",
        "a143",
        "a144",
        "a145",
        "a146",
        "a147",
        "a148",
        "a149",
    }


def test_log_entry_from_event():
    event = JobEvent(7, 3, None, EventLevel.WARNING, "queue", "It stopped", NOW)
    line = LogEntry.from_event(event)
    assert line.id == "e7" and line.level == "warning" and line.job_id == 3
    assert "WARNING queue [job-3]: It stopped" in line.as_line()


@pytest.mark.parametrize(
    ("positions", "expected"),
    [([], []), ([5], [(5, 5)]), ([9, 8, 7, 3, 1, 0], [(7, 9), (3, 3), (0, 1)])],
)
def test_ranges(positions, expected):
    assert _ranges_descending(positions) == expected
