"""Service status: periodic health checks, uptime and one report per outage.

What is checked comes from the features: each contributes ``health_checks`` providers in its
:class:`~rmab_desktop.services.feature.Feature`, installed into :attr:`HealthService.registry`.
"""

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NoPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.events import EventKind
from rmab_desktop.services.feature import EventSpec, Feature, JobSpec
from rmab_desktop.services.health.checks import KIND_TITLES, HealthRegistry, ServiceCheck
from rmab_desktop.services.health.service import HealthSample, HealthService, ServiceStatus
from rmab_desktop.services.scheduler import ScheduleDefinition

jobs_tr = Translator("HealthJobs")  # job titles and schedule names (shown through text()), log lines

# Translated where shown; the labels share one context with every feature's event kinds.
events_tr = Translator("NotificationEvents")
EVENTS = (
    EventSpec(EventKind.SERVICE_DOWN, events_tr.mark("Service down")),
    EventSpec(EventKind.SERVICE_RECOVERED, events_tr.mark("Service recovered")),
)

__all__ = [
    "EVENTS",
    "KIND_TITLES",
    "HealthRegistry",
    "HealthSample",
    "HealthService",
    "ServiceCheck",
    "ServiceStatus",
    "feature",
]


def feature(service: HealthService) -> Feature:
    return Feature(
        name="health",
        jobs=(JobSpec(JobType.HEALTH_CHECK, NoPayload, service.handle_job, jobs_tr.mark("Check services")),),
        schedules=(
            ScheduleDefinition(
                "health_checks", jobs_tr.mark("Check services"), JobType.HEALTH_CHECK, "*/10 * * * *"
            ),
        ),
        events=EVENTS,
    )
