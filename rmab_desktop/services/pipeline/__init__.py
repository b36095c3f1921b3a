"""The request pipeline: search, grab, monitor, retry missing searches and clean up seeded downloads."""

from __future__ import annotations

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import GrabPayload, MonitorPayload, NoPayload, RequestPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import RankedRelease, Release
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.feature import Feature, JobSpec, SettingsSpec
from rmab_desktop.services.pipeline.acquisition import Acquisition, PipelineDeps, Ranker
from rmab_desktop.services.pipeline.cleanup import cleanup
from rmab_desktop.services.ranking import CONFIG_KEY as RANKING_KEY
from rmab_desktop.services.ranking import RankingPrefs, rank_releases
from rmab_desktop.services.scheduler import ScheduleDefinition

tr = Translator("PipelineJobs")  # job titles and schedule names (shown through text()), log lines

__all__ = ["Acquisition", "PipelineDeps", "configured_ranker", "feature"]


def configured_ranker(config: ConfigStore) -> Ranker:
    """Ranks with the ranking preferences as saved when the search runs."""

    def rank(book: BookInfo, releases: list[Release], interactive: bool, kind: str) -> list[RankedRelease]:
        prefs = config.get_model(RANKING_KEY, RankingPrefs)
        return rank_releases(book, releases, prefs, interactive, kind=kind)

    return rank


def feature(acquisition: Acquisition) -> Feature:
    return Feature(
        name="pipeline",
        jobs=(
            JobSpec(
                JobType.REQUESTS_SEARCH, RequestPayload, acquisition.search, tr.mark("Search for a request")
            ),
            JobSpec(JobType.REQUESTS_GRAB, GrabPayload, acquisition.grab, tr.mark("Grab a release")),
            JobSpec(
                JobType.REQUESTS_MONITOR,
                MonitorPayload,
                acquisition.monitor,
                tr.mark("Monitor a download"),
                quiet=True,
            ),
            JobSpec(
                JobType.DOWNLOADS_CLEANUP,
                NoPayload,
                lambda ctx, payload: cleanup(acquisition.deps, ctx),
                tr.mark("Clean up seeded downloads"),
            ),
            JobSpec(
                JobType.REQUESTS_RETRY_MISSING,
                NoPayload,
                acquisition.retry_missing,
                tr.mark("Retry missing searches"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "retry_missing_searches",
                tr.mark("Retry missing searches"),
                JobType.REQUESTS_RETRY_MISSING,
                "20 * * * *",
            ),
            ScheduleDefinition(
                "cleanup_seeded",
                tr.mark("Clean up seeded downloads"),
                JobType.DOWNLOADS_CLEANUP,
                "*/30 * * * *",
            ),
        ),
        settings=(SettingsSpec(RANKING_KEY, RankingPrefs, "Release ranking"),),
    )
