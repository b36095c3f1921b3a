"""Service status: periodic health checks, uptime and one report per outage (S8)."""

from rmab_desktop.services.health.checks import KIND_TITLES, HealthRegistry, ServiceCheck
from rmab_desktop.services.health.service import (
    JOB_TYPE,
    SCHEDULES,
    HealthSample,
    HealthService,
    ServiceStatus,
)

__all__ = [
    "JOB_TYPE",
    "KIND_TITLES",
    "SCHEDULES",
    "HealthRegistry",
    "HealthSample",
    "HealthService",
    "ServiceCheck",
    "ServiceStatus",
]
