"""Every table of the app, defined up front so features add behaviour, not schema churn.

The submodules load on first use of a name, so a command that reads only the job queue does not
pay for every other model; ``Base`` loads them all, since its metadata must hold every table
(Alembic). A new model goes in the ``TYPE_CHECKING`` imports, ``_HOME`` and ``__all__``
(tests/unit/test_models_lazy.py checks that they agree).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rmab_desktop.db.models.api import ApiToken
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
    from rmab_desktop.db.models.imports import ImportMapping
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
    from rmab_desktop.db.models.rss import RssFeed, RssSeenItem
    from rmab_desktop.db.models.social import (
        AudibleLibraryEntry,
        AudibleSyncHistory,
        BookDateConfig,
        BookDateRecommendation,
        BookDateSwipe,
        IgnoredBook,
        ReadingShelf,
        ShelfBookMapping,
        UserList,
        UserListItem,
        UserListTier,
        WatchedBook,
        WatchedEntity,
    )
    from rmab_desktop.db.models.users import SignInFailure, User, UserInvite, UserPermission, UserSession

_HOME: dict[str, str] = {
    "ApiToken": "api",
    "AudibleCacheEntry": "catalog",
    "AudibleCategory": "catalog",
    "AudibleCategoryRank": "catalog",
    "AudibleLibraryEntry": "social",
    "AudibleSyncHistory": "social",
    "Audiobook": "catalog",
    "AutomationLease": "jobs",
    "Base": "base",
    "BlocklistEntry": "requests",
    "BookDateConfig": "social",
    "BookDateRecommendation": "social",
    "BookDateSwipe": "social",
    "ConfigEntry": "config",
    "DownloadHistory": "requests",
    "HomeSection": "integrations",
    "ImportMapping": "imports",
    "ImportOperation": "library",
    "JobEventRecord": "jobs",
    "JobRecord": "jobs",
    "LibraryFile": "library",
    "LibraryItem": "library",
    "NotificationBackend": "integrations",
    "ReadingShelf": "social",
    "ReportedIssue": "requests",
    "Request": "requests",
    "RequestMember": "requests",
    "RssFeed": "rss",
    "RssSeenItem": "rss",
    "ScheduledJobRecord": "jobs",
    "ServiceHealthCheck": "integrations",
    "SharedSecret": "config",
    "ShelfBookMapping": "social",
    "User": "users",
    "UserList": "social",
    "UserListItem": "social",
    "UserListTier": "social",
    "UserPermission": "users",
    "UserInvite": "users",
    "UserSession": "users",
    "SignInFailure": "users",
    "WatchedEntity": "social",
    "WatchedBook": "social",
    "IgnoredBook": "social",
    "Work": "catalog",
    "WorkAsin": "catalog",
    "utcnow": "base",
}


def __getattr__(name: str) -> Any:
    if name == "Base":
        for module in set(_HOME.values()):
            importlib.import_module(f"{__name__}.{module}")
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ApiToken",
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
    "IgnoredBook",
    "ImportMapping",
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
    "RssFeed",
    "RssSeenItem",
    "ScheduledJobRecord",
    "ServiceHealthCheck",
    "SharedSecret",
    "ShelfBookMapping",
    "SignInFailure",
    "User",
    "UserInvite",
    "UserList",
    "UserListItem",
    "UserListTier",
    "UserPermission",
    "UserSession",
    "WatchedBook",
    "WatchedEntity",
    "Work",
    "WorkAsin",
    "utcnow",
]
