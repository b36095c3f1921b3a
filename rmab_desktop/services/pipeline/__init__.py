"""The request pipeline's job handlers and schedules, wired to the app core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.services.job_executor import JobHandlers
from rmab_desktop.services.pipeline.acquisition import (
    GRAB_JOB,
    MONITOR_JOB,
    ORGANIZE_JOB,
    SEARCH_JOB,
    Acquisition,
    PipelineDeps,
)
from rmab_desktop.services.pipeline.cleanup import CLEANUP_JOB, cleanup
from rmab_desktop.services.scheduler import ScheduleDefinition

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore

__all__ = [
    "CLEANUP_JOB",
    "GRAB_JOB",
    "MONITOR_JOB",
    "ORGANIZE_JOB",
    "RETRY_MISSING_JOB",
    "SCHEDULES",
    "SEARCH_JOB",
    "Acquisition",
    "PipelineDeps",
    "build",
    "register",
    "register_handlers",
]

RETRY_MISSING_JOB = "requests.retry_missing"

SCHEDULES = [
    ScheduleDefinition("retry_missing_searches", "Retry missing searches", RETRY_MISSING_JOB, "20 * * * *"),
    ScheduleDefinition("cleanup_seeded", "Clean up seeded downloads", CLEANUP_JOB, "*/30 * * * *"),
]


def _required(value: Any, what: str) -> Any:
    if value is None:
        raise ConfigurationError(f"{what} is not available in this build.")
    return value


def build(core: AppCore) -> Acquisition:
    """The pipeline over the core's services, looked up when a job runs (any registration order)."""
    from rmab_desktop.services.ranking import CONFIG_KEY as RANKING_KEY
    from rmab_desktop.services.ranking import RankingPrefs, rank_releases

    def rank(book, releases, interactive, kind):  # type: ignore[no-untyped-def]
        prefs = core.config.get_model(RANKING_KEY, RankingPrefs)
        return rank_releases(book, releases, prefs, interactive, kind=kind)

    deps = PipelineDeps(
        database=core.database,
        queue=core.queue,
        downloads=_required(core.downloads, "The download service"),
        blocklist=_required(core.blocklist, "The blocklist"),
        requests=lambda: _required(core.requests, "The request service"),
        indexers=lambda: _required(getattr(core, "indexers", None), "The indexer service"),
        rank=rank,
    )
    return Acquisition(deps)


def register_handlers(handlers: JobHandlers, acquisition: Acquisition) -> None:
    handlers.register(SEARCH_JOB, acquisition.search, "Search for a request")
    handlers.register(GRAB_JOB, acquisition.grab, "Grab a release")
    handlers.register(MONITOR_JOB, acquisition.monitor, "Monitor a download", quiet=True)
    handlers.register(CLEANUP_JOB, lambda ctx: cleanup(acquisition.deps, ctx), "Clean up seeded downloads")
    handlers.register(RETRY_MISSING_JOB, acquisition.retry_missing, "Retry missing searches")


def register(core: AppCore) -> Acquisition:
    acquisition = build(core)
    register_handlers(core.handlers, acquisition)
    return acquisition
