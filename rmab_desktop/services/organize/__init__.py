"""Organize downloads into the library: path template, safe names, staged crash-safe import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import OrganizePayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec

if TYPE_CHECKING:
    # not imported at run time: the organize job reads tags and scans the library, whose tagging
    # module itself uses organize's safe names (a package-level import would be a cycle)
    from rmab_desktop.services.organize.jobs import OrganizeJob

__all__ = ["feature"]

tr = Translator("OrganizeJobs")  # job titles, shown through text()


def feature(job: OrganizeJob) -> Feature:
    """The organize job is built by the composition root: request rescue imports through it too."""
    return Feature(
        name="organize",
        jobs=(
            JobSpec(
                JobType.REQUESTS_ORGANIZE, OrganizePayload, job, tr.mark("Organize and import a download")
            ),
        ),
    )
