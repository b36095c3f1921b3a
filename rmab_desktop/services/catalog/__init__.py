"""The Audible catalog feature: service, cache, covers, works, and its scheduled refresh job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rmab_desktop.clients._http import timed_test
from rmab_desktop.clients.audible import AudibleClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.db.engine import Database
from rmab_desktop.domain.enums import EventLevel
from rmab_desktop.domain.errors import ServiceError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.catalog.covers import CoverCache
from rmab_desktop.services.catalog.service import CatalogService, CatalogStatus, SectionPage
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.health.checks import ServiceCheck
from rmab_desktop.services.job_executor import JobContext
from rmab_desktop.services.scheduler import ScheduleDefinition
from rmab_desktop.settings import Preferences

tr = Translator("CatalogJobs")  # job titles and schedule names (shown through text()), log lines

__all__ = ["CatalogService", "CatalogStatus", "SectionPage", "catalog_service", "feature"]


def catalog_service(database: Database, prefs: Preferences, covers_dir: Path) -> CatalogService:
    """The service from preferences: base URLs (proxy or test server), region, cover cache bound."""
    catalog = prefs.catalog
    return CatalogService(
        database,
        AudibleClient(base_url=catalog.audible_base_url),
        AudnexusClient(base_url=catalog.audnexus_base_url),
        CoverCache(covers_dir, max_bytes=max(catalog.cover_cache_mb, 10) * 1024 * 1024),
        default_region=lambda: prefs.catalog.region,
    )


def feature(service: CatalogService) -> Feature:
    return Feature(
        name="catalog",
        jobs=(
            JobSpec(
                JobType.CATALOG_REFRESH,
                NoPayload,
                lambda ctx, payload: refresh(service, ctx),
                tr.mark("Refresh the Audible catalog"),
            ),
        ),
        schedules=(
            ScheduleDefinition(
                "catalog_refresh",
                tr.mark("Refresh Discover sections from Audible"),
                JobType.CATALOG_REFRESH,
                "40 4 * * *",
            ),
        ),
        health_checks=(lambda: audible_checks(service),),
    )


def audible_checks(service: CatalogService) -> list[ServiceCheck]:
    """A suggestion lookup in the default region: cheap, and what Discover needs first."""
    region = service.default_region()

    def probe() -> str:
        service.suggestions("the", region)
        return tr("Audible answers.")

    return [
        ServiceCheck(
            f"audible:{region}",
            tr("Audible ({region})").format(region=region),
            "audible",
            lambda: timed_test("Audible", probe),
        )
    ]


def refresh(service: CatalogService, ctx: JobContext) -> dict[str, Any]:
    """Refresh every list some user shows; one list failing does not stop the others."""
    lists = service.all_section_lists()
    counts: dict[str, int] = {}
    failures: list[ServiceError] = []
    for index, (list_key, region) in enumerate(lists, start=1):
        ctx.cancel.raise_if_cancelled()
        try:
            counts[f"{region}:{list_key}"] = service.refresh_section((list_key, region), cancel=ctx.cancel)
            ctx.event(
                tr.n("Refreshed {list} ({region}): %n book(s)", counts[f"{region}:{list_key}"]).format(
                    list=list_key, region=region
                ),
                context="catalog",
            )
        except ServiceError as exc:
            failures.append(exc)
            ctx.event(
                tr("Could not refresh {list} ({region}): {error}").format(
                    list=list_key, region=region, error=exc.user_message
                ),
                EventLevel.WARNING,
                context="catalog",
            )
        ctx.progress(index / (len(lists) + 1))
    if failures and not counts:
        raise failures[0]
    try:
        service.categories(refresh=True)
    except ServiceError as exc:
        ctx.event(
            tr("Could not refresh categories: {error}").format(error=exc.user_message),
            EventLevel.WARNING,
            context="catalog",
        )
    remaining = service.covers.prune(target_ratio=1.0)
    ctx.progress(1.0)
    return {"lists": counts, "failed": len(failures), "cover_cache_bytes": remaining}
