"""Migration 0003: jobs, schedules and events saved under the old ``request.*`` names run today."""

from __future__ import annotations

import importlib
from pathlib import Path

from alembic import command
from sqlalchemy import insert, select

from rmab_desktop.bootstrap import open_core
from rmab_desktop.db.engine import Database
from rmab_desktop.db.migrate import alembic_config
from rmab_desktop.db.models import (
    Audiobook,
    JobEventRecord,
    JobRecord,
    Request,
    ScheduledJobRecord,
    utcnow,
)
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.jobs import LEGACY_JOB_TYPES, JobType

MIGRATION = importlib.import_module("rmab_desktop.db.migrations.versions.0003_job_type_names")


def _downgrade_to_0002(database: Database) -> None:
    with database.engine.begin() as connection:
        config = alembic_config(database.engine)
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")


def test_the_migration_renames_exactly_the_legacy_types() -> None:
    assert {old: new.value for old, new in LEGACY_JOB_TYPES.items()} == MIGRATION.RENAMES
    assert set(MIGRATION.RENAMES.values()) <= {t.value for t in JobType}


def test_an_old_search_job_is_renamed_and_then_runs(tmp_path: Path, database_url: str) -> None:
    database = Database.connect(database_url)
    try:
        _downgrade_to_0002(database)  # the schema an earlier version left
        with database.session() as session:
            # only the columns 0002 has (a row object would also write columns added later)
            book_id = session.execute(
                insert(Audiobook)
                .values(asin="B0OLDJOB01", region="us", title="The Old Job", authors=[], narrators=[])
                .returning(Audiobook.id)
            ).scalar_one()
            request_id = session.execute(
                insert(Request)
                .values(audiobook_id=book_id, status=RequestStatus.AVAILABLE.value, region="us")
                .returning(Request.id)
            ).scalar_one()
            old_payload = {"request_id": request_id, "kind": "audiobook"}  # no "v": before versioning
            # a core insert names only the columns the 0002 schema has (today's model has more)
            job_id = session.scalar(
                insert(JobRecord)
                .values(
                    type="request.search",
                    payload=old_payload,
                    status=JobStatus.QUEUED.value,
                    run_at=utcnow(),
                    request_id=request_id,
                    max_attempts=5,
                )
                .returning(JobRecord.id)
            )
            session.add(
                ScheduledJobRecord(
                    key="old_organize",
                    name="Old",
                    job_type="request.organize",
                    cron="0 * * * *",
                    enabled=False,
                )
            )
            session.flush()
            session.add(
                JobEventRecord(job_id=job_id, context="request.search", message="Started", level="info")
            )
    finally:
        database.dispose()

    core = open_core(tmp_path / "profile", database_url, log_to_console=False)  # migrates to head
    try:
        with core.database.session() as session:
            assert session.get(JobRecord, job_id).type == "requests.search"
            schedule = session.scalar(
                select(ScheduledJobRecord).where(ScheduledJobRecord.key == "old_organize")
            )
            assert schedule.job_type == "requests.organize"
            contexts = session.scalars(
                select(JobEventRecord.context).where(JobEventRecord.job_id == job_id)
            ).all()
            assert contexts == ["requests.search"]
        ran = core.executor.run_next()
        assert ran is not None and ran.id == job_id and ran.status == JobStatus.DONE, ran
        with core.database.session() as session:
            assert session.get(JobRecord, job_id).result == {"skipped": "available"}
        assert core.requests.get(request_id).status == RequestStatus.AVAILABLE
    finally:
        core.close()


def test_every_job_type_has_a_handler_and_every_schedule_a_known_type(
    tmp_path: Path, database_url: str
) -> None:
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        assert sorted(core.handlers.types) == sorted(JobType)
        assert all(core.handlers.get(s.job_type) is not None for s in core.scheduler.list())
    finally:
        core.close()


def test_cli_enqueue_goes_through_the_payload_types(tmp_path: Path, database_url: str, capsys) -> None:
    from rmab_desktop.cli import main

    base = ["--profile-dir", str(tmp_path / "profile"), "--database-url", database_url, "jobs", "enqueue"]
    assert main([*base, "diagnostics.wait", "--payload", '{"seconds": 0.1}']) == 0
    capsys.readouterr()
    assert main([*base, "diagnostics.wait", "--payload", '{"seconds": "soon"}']) == 2
    error, hint = capsys.readouterr().err.strip().splitlines()
    assert error.startswith("error: The job's details are not valid: seconds:") and hint.startswith("hint: ")
    assert main([*base, "request.search", "--payload", '{"request_id": 1}']) == 2
    error, hint = capsys.readouterr().err.strip().splitlines()
    assert error == "error: 'request.search' is not a job type." and "requests.search" in hint
    assert main([*base, "diagnostics.wait", "--payload", "{seconds"]) == 2
    assert capsys.readouterr().err.startswith("error: The payload is not JSON")
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    try:
        (job,) = core.queue.list_jobs()
        assert job.type == JobType.DIAGNOSTICS_WAIT and job.payload == {"v": 1, "seconds": 0.1}
    finally:
        core.close()
