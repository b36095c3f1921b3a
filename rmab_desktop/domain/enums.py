"""Enumerations stored in the database as their string values."""

from __future__ import annotations

from enum import StrEnum


class RequestStatus(StrEnum):
    """Every status a request can have."""

    PENDING = "pending"
    AWAITING_APPROVAL = "awaiting_approval"
    DENIED = "denied"
    AWAITING_RELEASE = "awaiting_release"
    AWAITING_LIMIT = "awaiting_limit"  # over the user's request limit: goes ahead when the window allows
    AWAITING_SEARCH = "awaiting_search"
    SEARCHING = "searching"
    DOWNLOADING = "downloading"
    PROCESSING = "processing"
    DOWNLOADED = "downloaded"
    AVAILABLE = "available"
    FAILED = "failed"
    CANCELLED = "cancelled"
    WARN = "warn"


class RequestKind(StrEnum):
    AUDIOBOOK = "audiobook"
    EBOOK = "ebook"


class JobStatus(StrEnum):
    QUEUED = "queued"
    ACTIVE = "active"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class EventLevel(StrEnum):
    DEBUG = "debug"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Role(StrEnum):
    USER = "user"
    ADMIN = "admin"


class Permission(StrEnum):
    AUTO_APPROVE = "auto_approve"
    INTERACTIVE_SEARCH = "interactive_search"
    DOWNLOAD = "download"
    REQUEST = "request"


class LibraryBackendKind(StrEnum):
    FOLDER = "folder"
    PLEX = "plex"
    AUDIOBOOKSHELF = "audiobookshelf"


class HealthState(StrEnum):
    UP = "up"
    DEGRADED = "degraded"
    DOWN = "down"
    UNKNOWN = "unknown"


class SwipeAction(StrEnum):
    REQUEST = "request"  # right
    NOT_INTERESTED = "not_interested"  # left
    ALREADY_READ = "already_read"  # up


class IssueStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


class ListKind(StrEnum):
    RECOMMENDATION = "recommendation"
    TIER = "tier"
