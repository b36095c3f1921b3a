"""Library: the app's own folder scanner, matching, and the library backends.

This module stays light (the feature's wiring imports what it needs when called): the scan's
reader processes import the package to reach :mod:`.scan_worker`, and each would otherwise
spend seconds loading SQLAlchemy, httpx and the health service before reading one file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rmab_desktop.domain.i18n import Translator, text

if TYPE_CHECKING:
    from rmab_desktop.services.feature import Feature
    from rmab_desktop.services.health.checks import ServiceCheck
    from rmab_desktop.services.job_executor import JobContext
    from rmab_desktop.services.library.availability import Requests
    from rmab_desktop.services.library.service import LibraryService

tr = Translator("LibraryJobs")  # job titles and schedule names (shown through text()), log lines

__all__ = ["feature"]

LIBRARY_NAMES = {"folder": tr.mark("Library folder"), "plex": "Plex", "audiobookshelf": "Audiobookshelf"}


def sync(service: LibraryService, requests: Requests, ctx: JobContext) -> dict[str, Any]:
    """Refresh from the backend, then waiting requests found there become available."""
    from rmab_desktop.services.library.availability import make_available

    def progress(value: object) -> None:
        fraction = value.done / value.total if getattr(value, "total", 0) else 0.0  # type: ignore[attr-defined]
        ctx.progress(fraction, str(getattr(value, "phase", value)))

    result = service.sync(progress=progress, cancel=ctx.cancel)
    available = make_available(requests, service.library_books, ctx.job.id)
    ctx.event(
        tr("Library refreshed from {backend}: {books} ({added} new, {removed} gone); {requests}").format(
            backend=result.backend,
            books=tr.n("%n book(s)", result.books),
            added=result.added,
            removed=result.removed,
            requests=tr.n("%n request(s) now available", available),
        ),
        context="library",
    )
    return {
        "books": result.books,
        "added": result.added,
        "updated": result.updated,
        "removed": result.removed,
        "available": available,
    }


def library_checks(service: LibraryService) -> list[ServiceCheck]:
    from rmab_desktop.services.health.checks import ServiceCheck

    kind = str(service.backend_config().kind.value)
    if kind == "folder" and not service.library_root():
        return []  # nothing chosen yet (first run): not a service that is down
    return [ServiceCheck(f"library:{kind}", text(LIBRARY_NAMES.get(kind, kind)), "library", service.test)]


def feature(service: LibraryService, requests: Requests) -> Feature:
    from rmab_desktop.domain.job_payloads import NoPayload
    from rmab_desktop.domain.jobs import JobType
    from rmab_desktop.services.feature import Feature, JobSpec, SettingsSpec
    from rmab_desktop.services.library.backends import CONFIG_KEY, LibraryBackendConfig
    from rmab_desktop.services.scheduler import ScheduleDefinition

    return Feature(
        name="library",
        jobs=(
            JobSpec(
                JobType.LIBRARY_SYNC,
                NoPayload,
                lambda ctx, payload: sync(service, requests, ctx),
                tr.mark("Refresh the library"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "library_sync", tr.mark("Refresh the library"), JobType.LIBRARY_SYNC, "23 */6 * * *"
            ),
        ),
        health_checks=(lambda: library_checks(service),),
        settings=(SettingsSpec(CONFIG_KEY, LibraryBackendConfig, "Library server"),),
    )
