"""Notifications: Apprise backends with per-backend events, delivered as retrying jobs (S8)."""

from rmab_desktop.services.notifications.events import DEFAULT_EVENTS, EVENT_LABELS
from rmab_desktop.services.notifications.service import (
    JOB_TYPE,
    NotificationBackendInfo,
    NotificationService,
)

__all__ = ["DEFAULT_EVENTS", "EVENT_LABELS", "JOB_TYPE", "NotificationBackendInfo", "NotificationService"]
