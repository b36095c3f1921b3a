"""Audible catalog cache, categories with ranks, works and their editions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rmab_desktop.db.models.base import Base, TimestampMixin


class Work(TimestampMixin, Base):
    """One book whatever its edition: narrations, abridged versions, marketplaces."""

    __tablename__ = "works"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    primary_author: Mapped[str] = mapped_column(String(300), default="")
    # Normalized "title|author" used to group editions.
    work_key: Mapped[str] = mapped_column(String(800), unique=True)


class WorkAsin(Base):
    __tablename__ = "work_asins"
    __table_args__ = (UniqueConstraint("asin", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    work_id: Mapped[int] = mapped_column(ForeignKey("works.id", ondelete="CASCADE"), index=True)
    asin: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(4), default="us")
    edition_note: Mapped[str] = mapped_column(String(200), default="")


class AudibleCacheEntry(TimestampMixin, Base):
    """A catalog product as last fetched; ``raw`` keeps the full response for later fields."""

    __tablename__ = "audible_cache"
    __table_args__ = (UniqueConstraint("asin", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asin: Mapped[str] = mapped_column(String(20), index=True)
    region: Mapped[str] = mapped_column(String(4), default="us")
    title: Mapped[str] = mapped_column(String(500))
    subtitle: Mapped[str | None] = mapped_column(String(500))
    authors: Mapped[list[Any]] = mapped_column(default=list)
    narrators: Mapped[list[Any]] = mapped_column(default=list)
    series_name: Mapped[str | None] = mapped_column(String(300))
    series_asin: Mapped[str | None] = mapped_column(String(20))
    series_position: Mapped[str | None] = mapped_column(String(20))
    runtime_minutes: Mapped[int | None] = mapped_column(Integer)
    release_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(40))
    rating: Mapped[float | None] = mapped_column(Float)
    rating_count: Mapped[int | None] = mapped_column(Integer)
    cover_url: Mapped[str | None] = mapped_column(String(1000))
    description: Mapped[str | None] = mapped_column(Text)
    format_type: Mapped[str | None] = mapped_column(String(40))
    publisher: Mapped[str | None] = mapped_column(String(300))
    work_id: Mapped[int | None] = mapped_column(ForeignKey("works.id", ondelete="SET NULL"), index=True)
    raw: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fetched_at: Mapped[datetime | None] = mapped_column()


class AudibleCategory(TimestampMixin, Base):
    __tablename__ = "audible_categories"
    __table_args__ = (UniqueConstraint("category_id", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(4), default="us")
    name: Mapped[str] = mapped_column(String(300))
    parent_category_id: Mapped[str | None] = mapped_column(String(40))


class AudibleCategoryRank(Base):
    """Position of a product in a list: a category, "bestsellers" or "new_releases"."""

    __tablename__ = "audible_category_ranks"
    __table_args__ = (UniqueConstraint("list_key", "region", "asin"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_key: Mapped[str] = mapped_column(String(80), index=True)
    region: Mapped[str] = mapped_column(String(4), default="us")
    asin: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)
    refreshed_at: Mapped[datetime | None] = mapped_column()


class Audiobook(TimestampMixin, Base):
    """A book the app tracks (requested, downloaded or in the library)."""

    __tablename__ = "audiobooks"
    __table_args__ = (UniqueConstraint("asin", "region"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    asin: Mapped[str | None] = mapped_column(String(20), index=True)
    region: Mapped[str] = mapped_column(String(4), default="us")
    work_id: Mapped[int | None] = mapped_column(ForeignKey("works.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    subtitle: Mapped[str | None] = mapped_column(String(500))
    authors: Mapped[list[Any]] = mapped_column(default=list)
    narrators: Mapped[list[Any]] = mapped_column(default=list)
    series_name: Mapped[str | None] = mapped_column(String(300))
    series_position: Mapped[str | None] = mapped_column(String(20))
    runtime_minutes: Mapped[int | None] = mapped_column(Integer)
    release_date: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(40))
    cover_url: Mapped[str | None] = mapped_column(String(1000))
    description: Mapped[str | None] = mapped_column(Text)
    isbn: Mapped[str | None] = mapped_column(String(20))
    library_path: Mapped[str | None] = mapped_column(Text)
    ebook_path: Mapped[str | None] = mapped_column(Text)  # the imported ebook's folder
