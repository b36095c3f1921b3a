"""The Activity page against a real database: retry, cancel, run now, edit cron, enable, log export."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from rmab_desktop.domain.enums import EventLevel, JobStatus
from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.ui.dialogs.cron_dialog import CronDialog
from rmab_desktop.ui.models.log_model import LogEntry, LogModel, LogProxy, QtLogHandler
from rmab_desktop.ui.models.roles import KeyRole
from rmab_desktop.ui.models.schedules_model import SchedulesModel
from rmab_desktop.ui.pages.activity_page import ActivityPage
from rmab_desktop.ui.pages.registry import PAGES


@pytest.fixture
def page(core, runner, qtbot):
    queue = core.queue
    failed = queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(1), max_attempts=1, priority=10)
    queued = queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(1))
    claim = queue.claim()
    assert claim.id == failed
    queue.fail(claim, "Prowlarr did not answer", retry=False)
    queue.add_event("Searched 3 indexers", job_id=failed, level=EventLevel.INFO, context="search")
    queue.add_event("Nothing matched", job_id=failed, level=EventLevel.WARNING, context="search")
    page = ActivityPage(core.queue, core.scheduler, core.handlers.title, runner)
    qtbot.addWidget(page)
    page.ids = {"queued": queued, "failed": failed}
    return page


def _select_job(page: ActivityPage, job_id: int) -> None:
    proxy = page.jobs_proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, 0).data(KeyRole) == job_id:
            page.jobs_view.selectionModel().select(
                proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"job {job_id} not shown")


def test_jobs_are_listed_with_filter_counts(page):
    assert page.jobs_model.rowCount() == 2
    assert page.jobs_stack.currentWidget() is page.jobs_view
    assert page.job_filter.tabText(3) == "Failed (1)"
    page.job_filter.setCurrentIndex(1)  # Running: none
    assert page.jobs_proxy.rowCount() == 0
    assert page.jobs_stack.currentWidget() is page.jobs_empty
    assert page.jobs_empty.title_label.text() == "Nothing matches"


def test_empty_state_without_jobs(core, shell, qtbot):
    (spec,) = [spec for spec in PAGES if spec.key == "activity"]
    page = spec.factory(core, shell)  # as registered
    assert isinstance(page, ActivityPage)
    qtbot.addWidget(page)
    assert page.jobs_stack.currentWidget() is page.jobs_empty
    assert page.jobs_empty.title_label.text() == "No jobs yet"
    assert page.schedules_model.rowCount() >= 1  # the default schedules


def test_retry_a_failed_job(page, core, qtbot):
    _select_job(page, page.ids["failed"])
    assert page.retry_button.isEnabled() and not page.cancel_button.isEnabled()
    page.retry_button.click()
    job = core.queue.get(page.ids["failed"])
    assert job.status == JobStatus.QUEUED and job.attempts == 0
    assert "run again" in page.message.text()
    qtbot.waitUntil(lambda: page.jobs_model.get(job.id).status == JobStatus.QUEUED)  # refreshed


def test_cancel_a_queued_job(page, core, qtbot):
    _select_job(page, page.ids["queued"])
    assert page.cancel_button.isEnabled() and not page.retry_button.isEnabled()
    page.cancel_button.click()
    assert core.queue.get(page.ids["queued"]).status == JobStatus.CANCELLED
    qtbot.waitUntil(lambda: page.jobs_model.get(page.ids["queued"]).status == JobStatus.CANCELLED)


def test_run_schedule_now(page, core, qtbot):
    page.select_schedule("prune_history")
    assert page.run_now_button.isEnabled()
    before = {job.id for job in core.queue.list_jobs()}
    page.run_now_button.click()
    new = [job for job in core.queue.list_jobs() if job.id not in before]
    assert [job.type for job in new] == ["maintenance.prune_history"]
    assert f"job #{new[0].id}" in page.message.text()
    qtbot.waitUntil(lambda: page.jobs_model.get(new[0].id) is not None)


def test_edit_cron_validates_and_saves(page, core, qtbot):
    page.select_schedule("prune_history")
    schedule = page.selected_schedule()
    dialog = CronDialog(schedule)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.edit.setText("every day at noon")
    assert not save.isEnabled()
    assert "is not a cron expression" in dialog.feedback.text()
    dialog.edit.setText("0  12 * * *")
    assert save.isEnabled() and dialog.feedback.text().startswith("Next runs:")
    page.save_cron(schedule.id, dialog.cron())
    saved = next(s for s in core.scheduler.list() if s.id == schedule.id)
    assert saved.cron == "0 12 * * *"
    qtbot.waitUntil(lambda: page.schedules_model.get(schedule.id).cron == "0 12 * * *")


def test_bad_cron_from_the_page_shows_the_error(page, core):
    page.select_schedule("prune_history")
    schedule = page.selected_schedule()
    page.save_cron(schedule.id, "61 * * * *")
    assert page.message.isVisible() or page.message.text()
    assert "is not a cron expression" in page.message.text()
    assert "five fields" in page.message.text()  # the hint
    saved = next(s for s in core.scheduler.list() if s.id == schedule.id)
    assert saved.cron == "17 3 * * *"


def test_enable_and_disable(page, core, qtbot):
    page.select_schedule("prune_history")
    schedule = page.selected_schedule()
    page.toggle_button.click()
    assert not next(s for s in core.scheduler.list() if s.id == schedule.id).enabled
    qtbot.waitUntil(lambda: page.toggle_button.text() == "Enable")
    model = page.schedules_model
    index = model.index(model.row_of(schedule.id), SchedulesModel.COL_ENABLED)
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    again = next(s for s in core.scheduler.list() if s.id == schedule.id)
    assert again.enabled and again.next_run_at is not None


def test_log_shows_job_events_and_app_records_filtered(core, runner, qtbot, tmp_path):
    handler = QtLogHandler()
    logging.getLogger().addHandler(handler)
    try:
        logging.getLogger("rmab_desktop.test").warning("The catalog is slow today")
        core.queue.add_event("Grabbed release", level=EventLevel.INFO, context="grab")
        core.queue.add_event("debug detail", level=EventLevel.DEBUG, context="grab")
        page = ActivityPage(core.queue, core.scheduler, core.handlers.title, runner, log_handler=handler)
        qtbot.addWidget(page)
        logging.getLogger("rmab_desktop.test").error("Live record")
        qtbot.waitUntil(
            lambda: any("Live record" in line for line in page.visible_log_lines()), timeout=30_000
        )
    finally:
        logging.getLogger().removeHandler(handler)
    lines = page.visible_log_lines()
    assert any("The catalog is slow today" in line for line in lines)
    assert any("Grabbed release" in line for line in lines)
    assert not any("debug detail" in line for line in lines)  # below the Info level
    page.level_combo.setCurrentIndex(0)  # Debug
    assert any("debug detail" in line for line in page.visible_log_lines())
    page.level_combo.setCurrentIndex(3)  # Error only
    assert page.visible_log_lines() and all(" ERROR " in line for line in page.visible_log_lines())
    page.level_combo.setCurrentIndex(1)
    page.log_search.setText("GRABBED")
    assert len(page.visible_log_lines()) == 1
    target = tmp_path / "export.log"
    page.export_log(target)
    assert target.read_text(encoding="utf-8").count("\n") == 1
    assert "Grabbed release" in target.read_text(encoding="utf-8")


def test_the_log_filter_takes_a_reference_exactly(qtbot) -> None:
    now = datetime.now(UTC)
    model = LogModel()
    model.append(
        [
            LogEntry("a1", now, "info", "grab", "of request 12", job_id=5, request_id=12),
            LogEntry("a2", now, "info", "grab", "of request 123", job_id=6, request_id=123),
            LogEntry("a3", now, "info", "organize", "of request 12, later job", job_id=9, request_id=12),
            LogEntry("a4", now, "info", "app", "mentions req-12 in passing"),
        ]
    )
    proxy = LogProxy()
    proxy.setSourceModel(model)

    def shown() -> list[str]:
        return [proxy.index(row, LogModel.COL_MESSAGE).data() for row in range(proxy.rowCount())]

    proxy.set_text("req-12")
    assert shown() == ["of request 12", "of request 12, later job"]
    proxy.set_text("req-12 job-9")
    assert shown() == ["of request 12, later job"]
    proxy.set_text("in passing")
    assert shown() == ["mentions req-12 in passing"]
    proxy.set_text("")
    assert proxy.rowCount() == 4
    assert model.index(0, LogModel.COL_SOURCE).data() == "grab [req-12 job-5]"


def test_the_job_filter_field_takes_a_job_reference(page):
    page.job_filter.setCurrentIndex(0)  # all jobs
    page.job_search.setText(f"job-{page.ids['failed']}")
    proxy = page.jobs_proxy
    assert [proxy.index(row, 0).data(KeyRole) for row in range(proxy.rowCount())] == [page.ids["failed"]]
    page.log_search.setText(f"job-{page.ids['failed']}")
    assert page.visible_log_lines() and all(
        f"job-{page.ids['failed']}]" in line for line in page.visible_log_lines()
    )
