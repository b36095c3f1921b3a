"""Indexer RSS monitoring: each polled feed's state and every item seen in it (survives restarts)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

import rmab_desktop.db.models.requests  # noqa: F401  (foreign key target: a flush needs its table)
from rmab_desktop.db.models.base import Base, utcnow


class RssFeed(Base):
    """One polled feed: an indexer, or one indexer behind Prowlarr (``key`` "<config>:<id>")."""

    __tablename__ = "rss_feeds"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    last_polled_at: Mapped[datetime | None] = mapped_column()
    last_error: Mapped[str | None] = mapped_column(Text)
    last_new_items: Mapped[int] = mapped_column(Integer, default=0)
    page_size: Mapped[int | None] = mapped_column(Integer)  # the indexer's caps ``<limits max>``


class RssSeenItem(Base):
    """A feed item already looked at; ``request_id``/``grabbed_at`` when it was grabbed for a request."""

    __tablename__ = "rss_seen_items"
    __table_args__ = (UniqueConstraint("feed_key", "guid_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    feed_key: Mapped[str] = mapped_column(String(200), index=True)
    guid_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the guid: guids can be long URLs
    infohash: Mapped[str | None] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(1000), default="")
    seen_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("requests.id", ondelete="SET NULL"))
    grabbed_at: Mapped[datetime | None] = mapped_column()
