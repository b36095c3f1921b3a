"""Notifications: Apprise backends with per-backend events, delivered as retrying jobs."""

from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.job_payloads import NotificationPayload
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.services.feature import Feature, JobSpec
from rmab_desktop.services.notifications.events import EventCatalog
from rmab_desktop.services.notifications.service import NotificationBackendInfo, NotificationService

tr = Translator("NotificationJobs")  # job titles and schedule names (shown through text()), log lines

__all__ = ["EventCatalog", "NotificationBackendInfo", "NotificationService", "feature"]


def feature(service: NotificationService) -> Feature:
    """Delivery jobs; the event kinds come from the features that publish them."""
    return Feature(
        name="notifications",
        jobs=(
            JobSpec(
                JobType.NOTIFICATIONS_DELIVER,
                NotificationPayload,
                service.deliver,
                tr.mark("Send notification"),
            ),
        ),
    )
