"""Requests, their members, download history and the release blocklist."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import rmab_desktop.db.models.catalog
import rmab_desktop.db.models.users  # noqa: F401  (foreign key target: a flush needs its table)
from rmab_desktop.db.models.base import Base, TimestampMixin


class Request(TimestampMixin, Base):
    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    audiobook_id: Mapped[int] = mapped_column(ForeignKey("audiobooks.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="audiobook")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(30), default="pending", index=True)
    region: Mapped[str] = mapped_column(String(4), default="us")
    custom_search_terms: Mapped[str | None] = mapped_column(String(500))
    approval_note: Mapped[str | None] = mapped_column(Text)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    search_attempts: Mapped[int] = mapped_column(Integer, default=0)
    download_attempts: Mapped[int] = mapped_column(Integer, default=0)
    import_attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[float | None] = mapped_column(Float)
    speed_bps: Mapped[int | None] = mapped_column(BigInteger)
    eta_seconds: Mapped[int | None] = mapped_column(Integer)
    status_message: Mapped[str | None] = mapped_column(Text)
    next_search_at: Mapped[datetime | None] = mapped_column()
    completed_at: Mapped[datetime | None] = mapped_column()
    deleted_at: Mapped[datetime | None] = mapped_column()
    # When the request counted against its user's request limit (made, or let through after waiting).
    limit_counted_at: Mapped[datetime | None] = mapped_column(index=True)


class RequestMember(Base):
    """Users who joined an existing request for the same book."""

    __tablename__ = "request_members"
    __table_args__ = (UniqueConstraint("request_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    joined_at: Mapped[datetime] = mapped_column()


class DownloadHistory(TimestampMixin, Base):
    """One grab of one release for one request, followed to the end."""

    __tablename__ = "download_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    release_guid: Mapped[str] = mapped_column(String(1000))
    release_title: Mapped[str] = mapped_column(String(1000))
    indexer: Mapped[str] = mapped_column(String(200), default="")
    protocol: Mapped[str] = mapped_column(String(20), default="torrent")
    client_name: Mapped[str] = mapped_column(String(100), default="")
    client_item_id: Mapped[str | None] = mapped_column(String(200))
    size_bytes: Mapped[int | None] = mapped_column(BigInteger)
    score: Mapped[float | None] = mapped_column(Float)
    score_parts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(30), default="grabbed")
    download_path: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(Text)
    seeding_ratio: Mapped[float | None] = mapped_column(Float)
    seeding_seconds: Mapped[int | None] = mapped_column(Integer)
    removed_from_client: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column()


class BlocklistEntry(TimestampMixin, Base):
    __tablename__ = "release_blocklist"

    id: Mapped[int] = mapped_column(primary_key=True)
    audiobook_id: Mapped[int | None] = mapped_column(
        ForeignKey("audiobooks.id", ondelete="CASCADE"), index=True
    )
    release_guid: Mapped[str | None] = mapped_column(String(1000))
    infohash: Mapped[str | None] = mapped_column(String(64), index=True)
    release_title: Mapped[str] = mapped_column(String(1000))
    indexer: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class ReportedIssue(TimestampMixin, Base):
    __tablename__ = "reported_issues"

    id: Mapped[int] = mapped_column(primary_key=True)
    audiobook_id: Mapped[int] = mapped_column(ForeignKey("audiobooks.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="SET NULL"))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(40), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="open")
    resolution_note: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column()
