"""Library items from any backend, and the app's own scan state."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import rmab_desktop.db.models.catalog
import rmab_desktop.db.models.requests  # noqa: F401  (foreign key target: a flush needs its table)
from rmab_desktop.db.models.base import Base, TimestampMixin


class LibraryItem(TimestampMixin, Base):
    """A book as the library backend knows it (folder, Plex album, Audiobookshelf item)."""

    __tablename__ = "library_items"
    __table_args__ = (UniqueConstraint("backend", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    backend: Mapped[str] = mapped_column(String(20), default="folder")
    external_id: Mapped[str] = mapped_column(String(1000))
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(500), index=True)
    subtitle: Mapped[str | None] = mapped_column(String(500))
    authors: Mapped[list[Any]] = mapped_column(default=list)
    narrators: Mapped[list[Any]] = mapped_column(default=list)
    series_name: Mapped[str | None] = mapped_column(String(300))
    series_position: Mapped[str | None] = mapped_column(String(20))
    year: Mapped[int | None] = mapped_column(Integer)
    asin: Mapped[str | None] = mapped_column(String(20), index=True)
    isbn: Mapped[str | None] = mapped_column(String(20))
    format: Mapped[str | None] = mapped_column(String(20))
    file_count: Mapped[int] = mapped_column(Integer, default=0)
    size_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    duration_seconds: Mapped[float | None] = mapped_column(Float)
    ebook_formats: Mapped[list[Any] | None] = mapped_column(default=list)  # ["epub", "pdf"]
    audiobook_id: Mapped[int | None] = mapped_column(
        ForeignKey("audiobooks.id", ondelete="SET NULL"), index=True
    )
    match_confidence: Mapped[float | None] = mapped_column(Float)
    match_reason: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime | None] = mapped_column()
    # A local image file, or "plex:<thumb key>" / "abs:<item id>" for a cover served by the backend.
    cover_path: Mapped[str | None] = mapped_column(Text)


class LibraryFile(Base):
    """One audio file seen by the folder scanner; size+mtime decide whether to re-read it."""

    __tablename__ = "library_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int | None] = mapped_column(
        ForeignKey("library_items.id", ondelete="SET NULL"), index=True
    )
    path: Mapped[str] = mapped_column(Text, unique=True)
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    tags: Mapped[dict[str, Any]] = mapped_column(default=dict)
    duration_seconds: Mapped[float | None] = mapped_column(Float)


class ImportOperation(TimestampMixin, Base):
    """A staged import; an unfinished one is completed or rolled back at start-up."""

    __tablename__ = "import_operations"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="SET NULL"), index=True)
    source_path: Mapped[str] = mapped_column(Text)
    staging_path: Mapped[str] = mapped_column(Text)
    target_path: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(20), default="copy")
    state: Mapped[str] = mapped_column(String(20), default="staging")
    manifest: Mapped[dict[str, Any]] = mapped_column(default=dict)
    error: Mapped[str | None] = mapped_column(Text)
