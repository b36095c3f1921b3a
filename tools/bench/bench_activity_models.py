"""Benchmark the Activity page models: full load, incremental refresh, log append with a filter.

Run: QT_QPA_PLATFORM=offscreen python tools/bench/bench_activity_models.py
"""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.jobs import Job
from rmab_desktop.ui.models.jobs_model import JobsModel, JobsProxy
from rmab_desktop.ui.models.log_model import LogEntry, LogModel, LogProxy

NOW = datetime.now(UTC)


def _jobs(count: int) -> list[Job]:
    return [
        Job(i, "request.search", {}, JobStatus.QUEUED, 0, NOW, 0, 5, None, NOW - timedelta(seconds=i))
        for i in range(1, count + 1)
    ]


def _time(label: str, fn, repeat: int = 5) -> None:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    print(f"{label:<58} {best * 1000:8.1f} ms")


def main() -> None:
    QApplication([])
    jobs = _jobs(5000)

    def full_load(rows: list[Job]) -> None:
        model = JobsModel()
        proxy = JobsProxy()
        proxy.setSourceModel(model)
        proxy.sort(0)
        model.set_rows(rows)

    _time("jobs: first load of 500 rows (the page's limit), sorted proxy", lambda: full_load(jobs[:500]))
    _time("jobs: first load of 5,000 rows, sorted proxy", lambda: full_load(jobs), 3)

    model = JobsModel()
    proxy = JobsProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    model.set_rows(jobs)
    changed = list(jobs)
    for i in range(0, 5000, 100):
        changed[i] = replace(jobs[i], status=JobStatus.ACTIVE, attempts=1, progress=0.5)
    _time("jobs: refresh 5,000 rows, nothing changed", lambda: model.set_rows(jobs))
    _time("jobs: refresh 5,000 rows, 50 changed", lambda: (model.set_rows(changed), model.set_rows(jobs)), 3)
    model.set_rows(changed)
    active = [j.id for j in changed if j.status == JobStatus.ACTIVE]
    _time(
        f"jobs: progress update of {len(active)} running jobs",
        lambda: [model.set_progress(job_id, fraction) for fraction in (0.6, 0.7) for job_id in active],
    )

    entries = [
        LogEntry(f"a{i}", NOW, "info" if i % 3 else "debug", "bench", f"message {i}") for i in range(5000)
    ]

    def log_append() -> None:
        log = LogModel()
        log_proxy = LogProxy()
        log_proxy.setSourceModel(log)
        log_proxy.setFilterFixedString("message 4")
        for start in range(0, 5000, 50):  # bursts as the coalescing timer delivers them
            log.append(entries[start : start + 50])

    _time("log: 5,000 entries in bursts of 50 (level + text filter)", log_append, 3)


if __name__ == "__main__":
    main()
