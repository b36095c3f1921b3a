"""Notification backends, service health checks and home sections."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

import rmab_desktop.db.models.users  # noqa: F401  (foreign key target: a flush needs its table)
from rmab_desktop.db.models.base import Base, TimestampMixin, utcnow


class NotificationBackend(TimestampMixin, Base):
    """An Apprise target; the URL (which often carries a token) lives in the keyring under ``secret_name``."""

    __tablename__ = "notification_backends"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="apprise")
    secret_name: Mapped[str] = mapped_column(String(200))
    events: Mapped[list[Any]] = mapped_column(default=list)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceHealthCheck(Base):
    __tablename__ = "service_health_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_key: Mapped[str] = mapped_column(String(120), index=True)
    state: Mapped[str] = mapped_column(String(20))
    latency_ms: Mapped[float | None] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class HomeSection(TimestampMixin, Base):
    """A Discover row of one user: bestsellers, new releases or a category."""

    __tablename__ = "home_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    category_id: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    region: Mapped[str] = mapped_column(String(4), default="us")
    position: Mapped[int] = mapped_column(Integer, default=0)
