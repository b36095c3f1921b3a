"""Configuration rows shared by every instance on one database, and encrypted shared secrets."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from rmab_desktop.db.models.base import Base, TimestampMixin


class ConfigEntry(TimestampMixin, Base):
    """Household-wide settings (indexers, clients, ranking); never a secret in plain text."""

    __tablename__ = "configuration"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(type_=JSON)


class SharedSecret(TimestampMixin, Base):
    """A secret that every household instance must read: AES-256-GCM ciphertext only."""

    __tablename__ = "shared_secrets"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    nonce: Mapped[bytes] = mapped_column(LargeBinary)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
