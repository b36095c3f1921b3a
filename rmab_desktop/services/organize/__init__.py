"""Organize downloads into the library: path template, safe names, staged crash-safe import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import OrganizePayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec

if TYPE_CHECKING:
    from rmab_desktop.db.engine import Database
    from rmab_desktop.services.downloads.blocklist import BlocklistService
    from rmab_desktop.services.downloads.history import DownloadHistoryLog
    from rmab_desktop.services.job_queue import JobQueue
    from rmab_desktop.services.organize.jobs import Refresher, Requests
    from rmab_desktop.settings import Preferences

__all__ = ["feature"]

tr = Translator("OrganizeJobs")  # job titles, shown through text()


def feature(
    database: Database,
    queue: JobQueue,
    requests: Requests,
    prefs: Preferences,
    library: Refresher,
    history: DownloadHistoryLog,
    blocklist: BlocklistService,
) -> Feature:
    # imported here: the organize job reads tags and scans the library, whose tagging module
    # itself uses organize's safe names (a package-level import would be a cycle)
    from rmab_desktop.services.organize.jobs import OrganizeJob

    job = OrganizeJob(database, queue, requests, prefs, library, history, blocklist)
    return Feature(
        name="organize",
        jobs=(
            JobSpec(
                JobType.REQUESTS_ORGANIZE, OrganizePayload, job, tr.mark("Organize and import a download")
            ),
        ),
    )
