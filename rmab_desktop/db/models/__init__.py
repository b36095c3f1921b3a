"""Every table of the app, defined up front so features add behaviour, not schema churn."""

from rmab_desktop.db.models.base import Base, utcnow
from rmab_desktop.db.models.catalog import (
    AudibleCacheEntry,
    AudibleCategory,
    AudibleCategoryRank,
    Audiobook,
    Work,
    WorkAsin,
)
from rmab_desktop.db.models.config import ConfigEntry, SharedSecret
from rmab_desktop.db.models.integrations import HomeSection, NotificationBackend, ServiceHealthCheck
from rmab_desktop.db.models.jobs import AutomationLease, JobEventRecord, JobRecord, ScheduledJobRecord
from rmab_desktop.db.models.library import ImportOperation, LibraryFile, LibraryItem
from rmab_desktop.db.models.requests import (
    BlocklistEntry,
    DownloadHistory,
    ReportedIssue,
    Request,
    RequestMember,
)
from rmab_desktop.db.models.social import (
    AudibleLibraryEntry,
    AudibleSyncHistory,
    BookDateConfig,
    BookDateRecommendation,
    BookDateSwipe,
    ReadingShelf,
    ShelfBookMapping,
    UserList,
    UserListItem,
    UserListTier,
    WatchedEntity,
)
from rmab_desktop.db.models.users import User, UserPermission

__all__ = [
    "AudibleCacheEntry",
    "AudibleCategory",
    "AudibleCategoryRank",
    "AudibleLibraryEntry",
    "AudibleSyncHistory",
    "Audiobook",
    "AutomationLease",
    "Base",
    "BlocklistEntry",
    "BookDateConfig",
    "BookDateRecommendation",
    "BookDateSwipe",
    "ConfigEntry",
    "DownloadHistory",
    "HomeSection",
    "ImportOperation",
    "JobEventRecord",
    "JobRecord",
    "LibraryFile",
    "LibraryItem",
    "NotificationBackend",
    "ReadingShelf",
    "ReportedIssue",
    "Request",
    "RequestMember",
    "ScheduledJobRecord",
    "ServiceHealthCheck",
    "SharedSecret",
    "ShelfBookMapping",
    "User",
    "UserList",
    "UserListItem",
    "UserListTier",
    "UserPermission",
    "WatchedEntity",
    "Work",
    "WorkAsin",
    "utcnow",
]
