"""Reading shelves, watched authors and series, BookDate, user lists, Audible library."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import rmab_desktop.db.models.catalog
import rmab_desktop.db.models.requests
import rmab_desktop.db.models.users  # noqa: F401  (foreign key target: a flush needs its table)
from rmab_desktop.db.models.base import Base, TimestampMixin


class ReadingShelf(TimestampMixin, Base):
    __tablename__ = "reading_shelves"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(20))  # goodreads | hardcover
    name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text, default="")
    secret_name: Mapped[str | None] = mapped_column(String(200))
    auto_request: Mapped[bool] = mapped_column(Boolean, default=True)
    last_synced_at: Mapped[datetime | None] = mapped_column()
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str | None] = mapped_column(Text)


class ShelfBookMapping(Base):
    __tablename__ = "shelf_book_mappings"
    __table_args__ = (UniqueConstraint("shelf_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shelf_id: Mapped[int] = mapped_column(ForeignKey("reading_shelves.id", ondelete="CASCADE"), index=True)
    external_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(300), default="")
    asin: Mapped[str | None] = mapped_column(String(20))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="new")
    isbn: Mapped[str | None] = mapped_column(String(20))
    cover_url: Mapped[str | None] = mapped_column(Text)
    series: Mapped[str | None] = mapped_column(String(300))
    series_position: Mapped[str | None] = mapped_column(String(20))
    match_key: Mapped[str] = mapped_column(String(300), default="", index=True)  # same book on any shelf
    candidates: Mapped[list[Any] | None] = mapped_column()  # Audible products to choose from
    note: Mapped[str] = mapped_column(Text, default="")
    checked_at: Mapped[datetime | None] = mapped_column()


class WatchedEntity(TimestampMixin, Base):
    """A watched author or series: new releases are requested automatically."""

    __tablename__ = "watched_entities"
    __table_args__ = (UniqueConstraint("user_id", "kind", "asin", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # author | series
    asin: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(4), default="us")
    name: Mapped[str] = mapped_column(String(300))
    last_checked_at: Mapped[datetime | None] = mapped_column()
    mode: Mapped[str] = mapped_column(String(10), default="new")  # new | all | next
    format: Mapped[str] = mapped_column(String(10), default="audiobook")  # audiobook | ebook | both
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    last_error: Mapped[str | None] = mapped_column(Text)


class WatchedBook(Base):
    """A book a watch has dealt with (requested, or skipped with its reason): never dealt with twice."""

    __tablename__ = "watched_books"
    __table_args__ = (UniqueConstraint("watch_id", "asin"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    watch_id: Mapped[int] = mapped_column(ForeignKey("watched_entities.id", ondelete="CASCADE"), index=True)
    asin: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500), default="")
    outcome: Mapped[str] = mapped_column(
        String(20)
    )  # requested | owned | requested_before | ignored | failed
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="SET NULL"))
    release_date: Mapped[date | None] = mapped_column()
    handled_at: Mapped[datetime] = mapped_column()


class IgnoredBook(Base):
    """A book (or, with ``whole_work``, every edition of its work) a user never wants requested."""

    __tablename__ = "ignored_books"
    __table_args__ = (UniqueConstraint("user_id", "asin", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    asin: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(4), default="us")
    title: Mapped[str] = mapped_column(String(500), default="")
    work_id: Mapped[int | None] = mapped_column(ForeignKey("works.id", ondelete="SET NULL"))
    whole_work: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column()


class BookDateConfig(TimestampMixin, Base):
    __tablename__ = "bookdate_configs"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    provider: Mapped[str] = mapped_column(String(40), default="openai")
    base_url: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str] = mapped_column(String(120), default="")
    secret_name: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20), default="library")  # library | rated | favorites
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    custom_prompt: Mapped[str] = mapped_column(Text, default="")


class BookDateRecommendation(TimestampMixin, Base):
    __tablename__ = "bookdate_recommendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    asin: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(4), default="us")
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(300), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    batch: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str] = mapped_column(String(10), default="ai")  # ai | local
    details: Mapped[dict[str, Any] | None] = mapped_column()  # narrator, runtime, rating, cover


class BookDateSwipe(TimestampMixin, Base):
    __tablename__ = "bookdate_swipes"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("bookdate_recommendations.id", ondelete="CASCADE"), unique=True
    )
    action: Mapped[str] = mapped_column(String(20))
    request_id: Mapped[int | None] = mapped_column(Integer)  # what a right swipe requested


class UserList(TimestampMixin, Base):
    __tablename__ = "user_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="recommendation")
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(20), default="private")  # private | household


class UserListTier(Base):
    __tablename__ = "user_list_tiers"
    __table_args__ = (UniqueConstraint("list_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("user_lists.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(40))
    color: Mapped[str] = mapped_column(String(9), default="#888888")
    position: Mapped[int] = mapped_column(Integer)


class UserListItem(Base):
    __tablename__ = "user_list_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("user_lists.id", ondelete="CASCADE"), index=True)
    tier_id: Mapped[int | None] = mapped_column(ForeignKey("user_list_tiers.id", ondelete="SET NULL"))
    asin: Mapped[str | None] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(4), default="us")
    title: Mapped[str] = mapped_column(String(500))
    author: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AudibleLibraryEntry(TimestampMixin, Base):
    """A title the user owns (``source`` library) or wishes for (wishlist) on Audible."""

    __tablename__ = "audible_library_entries"
    __table_args__ = (UniqueConstraint("user_id", "asin", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    asin: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(20), default="library")  # library | wishlist
    title: Mapped[str] = mapped_column(String(500))
    authors: Mapped[list[Any]] = mapped_column(default=list)
    narrators: Mapped[list[Any]] = mapped_column(default=list)
    series_title: Mapped[str] = mapped_column(String(300), default="")
    series_position: Mapped[str] = mapped_column(String(20), default="")
    runtime_min: Mapped[int | None] = mapped_column(Integer)
    cover_url: Mapped[str] = mapped_column(Text, default="")
    region: Mapped[str] = mapped_column(String(4), default="us")
    origin: Mapped[str] = mapped_column(String(20), default="")  # audible-cli | libation | sync
    progress_percent: Mapped[float | None] = mapped_column(Float)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)
    rating: Mapped[float | None] = mapped_column(Float)  # the user's own overall rating
    average_rating: Mapped[float | None] = mapped_column(Float)  # the community's
    purchase_date: Mapped[datetime | None] = mapped_column()
    date_added: Mapped[datetime | None] = mapped_column()
    ignored: Mapped[bool] = mapped_column(Boolean, default=False)  # wishlist: never request
    raw: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AudibleSyncHistory(Base):
    """One import or sync: what it added, updated and removed, and how long it took."""

    __tablename__ = "audible_sync_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="import")  # import | sync
    source: Mapped[str] = mapped_column(String(20), default="library")  # library | wishlist
    source_file: Mapped[str] = mapped_column(Text, default="")
    imported: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    duration_ms: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str] = mapped_column(Text, default="")
    synced_at: Mapped[datetime] = mapped_column()
