"""Users, roles and per-user permission overrides."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from rmab_desktop.db.models.base import Base, TimestampMixin, utcnow


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(120), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="user")
    # argon2id hash (older rows: PBKDF2, rehashed at the next sign-in), never the password
    # itself; empty for Plex-only users.
    password_hash: Mapped[str | None] = mapped_column(String(300))
    plex_user_id: Mapped[str | None] = mapped_column(String(64))
    is_protected: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    preferred_region: Mapped[str] = mapped_column(String(4), default="us")
    # Soft delete: the row (and the requests pointing at it) stays as history.
    deleted_at: Mapped[datetime | None] = mapped_column()
    # Signed up from the sign-in window without an invite: an admin approves before first use.
    awaiting_approval: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    # Request limits: with ``request_limits_own`` the user's own (None: no limit) replace the
    # household default; an admin is limited only with ``request_limits_admin``.
    request_limits_own: Mapped[bool] = mapped_column(Boolean, default=False)
    request_limit_day: Mapped[int | None] = mapped_column(Integer)
    request_limit_week: Mapped[int | None] = mapped_column(Integer)
    request_limits_admin: Mapped[bool] = mapped_column(Boolean, default=False)


class UserPermission(Base):
    """An override of a role default: ``granted`` True or False for one permission."""

    __tablename__ = "user_permissions"
    __table_args__ = (UniqueConstraint("user_id", "permission"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    permission: Mapped[str] = mapped_column(String(40))
    granted: Mapped[bool] = mapped_column(Boolean)


class UserSession(Base):
    """A remembered sign-in of one machine: the token lives in that machine's keyring, only its
    SHA-256 here."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    machine: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(default=utcnow)


class UserInvite(Base):
    """A one-time code a new person enters in the sign-in window to create their account."""

    __tablename__ = "user_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="user")
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class SignInFailure(Base):
    """Failed sign-ins of one account in a row; persisted so a restart does not reset the lock."""

    __tablename__ = "sign_in_failures"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column()
