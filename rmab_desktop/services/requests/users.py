"""Users, roles and permissions for requests and approval.

Single-user mode (the default) has one protected local admin and no sign-in: every request is
that user's and is approved. Household mode adds users; a permission is the user's own override
when set, else the household default (ConfigStore key ``approval``); admins always pass.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from pydantic import BaseModel
from sqlalchemy import delete, func, select

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import User, UserPermission
from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.requests import PermissionDeniedError, UserInfo
from rmab_desktop.services.config_store import ConfigStore

DEFAULT_USERNAME = "me"
APPROVAL_KEY = "approval"
PBKDF2_ROUNDS = 200_000


class ApprovalSettings(BaseModel):
    """Household defaults; a missing value means "allowed"."""

    auto_approve: bool = True
    interactive_search: bool = True
    download: bool = True
    request: bool = True


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    try:
        _, rounds, salt, digest = (stored or "").split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(rounds))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def to_user(row: User) -> UserInfo:
    return UserInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        is_protected=row.is_protected,
        is_active=row.is_active,
        preferred_region=row.preferred_region,
    )


class UserService:
    def __init__(self, database: Database, config: ConfigStore) -> None:
        self.database = database
        self.config = config
        self._current_id: int | None = None

    # -- who is using the app ------------------------------------------------------------------
    def default_user(self) -> UserInfo:
        """The local admin of single-user mode, created on first use."""
        return retry_on_conflict(self._default_user)

    def _default_user(self) -> UserInfo:
        with self.database.session() as session:
            row = session.scalar(select(User).where(User.username == DEFAULT_USERNAME))
            if row is None:
                row = User(
                    username=DEFAULT_USERNAME, display_name="Me", role=Role.ADMIN.value, is_protected=True
                )
                session.add(row)
                session.flush()
            return to_user(row)

    def current(self) -> UserInfo:
        return self.get(self._current_id) if self._current_id is not None else self.default_user()

    def sign_in(self, username: str, password: str) -> UserInfo:
        with self.database.session() as session:
            row = session.scalar(select(User).where(User.username == username.strip().lower()))
            if row is None or not row.is_active or not verify_password(password, row.password_hash):
                raise PermissionDeniedError("Wrong user name or password.", hint="Check both and try again.")
            self._current_id = row.id
            return to_user(row)

    def act_as(self, user_id: int | None) -> None:
        """Switch the acting user (after a sign-in elsewhere, or in tests); None: the default user."""
        if user_id is not None:
            self.get(user_id)
        self._current_id = user_id

    def is_household(self) -> bool:
        with self.database.session() as session:
            return (session.scalar(select(func.count()).select_from(User).where(User.is_active)) or 0) > 1

    # -- managing users ------------------------------------------------------------------------
    def create(
        self, username: str, *, display_name: str = "", role: Role = Role.USER, password: str | None = None
    ) -> UserInfo:
        name = username.strip().lower()
        if len(name) < 3:
            raise ValidationError("User names need at least 3 characters.")
        if password is not None and len(password) < 8:
            raise ValidationError("Passwords need at least 8 characters.")
        with self.database.session() as session:
            if session.scalar(select(User.id).where(User.username == name)) is not None:
                raise ValidationError(f"There is already a user called '{name}'.")
            row = User(
                username=name,
                display_name=display_name or name,
                role=role.value,
                password_hash=hash_password(password) if password else None,
            )
            session.add(row)
            session.flush()
            return to_user(row)

    def get(self, user_id: int) -> UserInfo:
        with self.database.session() as session:
            row = session.get(User, user_id)
            if row is None:
                raise NotFoundError(f"User {user_id} does not exist.")
            return to_user(row)

    def list(self) -> list[UserInfo]:
        with self.database.session() as session:
            return [to_user(row) for row in session.scalars(select(User).order_by(User.username))]

    def set_role(self, user_id: int, role: Role) -> UserInfo:
        with self.database.session() as session:
            row = session.get(User, user_id)
            if row is None:
                raise NotFoundError(f"User {user_id} does not exist.")
            if row.is_protected and role != Role.ADMIN:
                raise PermissionDeniedError("The first administrator cannot lose the admin role.")
            row.role = role.value
            return to_user(row)

    # -- permissions ---------------------------------------------------------------------------
    def approval_settings(self) -> ApprovalSettings:
        return self.config.get_model(APPROVAL_KEY, ApprovalSettings)

    def set_approval_settings(self, settings: ApprovalSettings) -> None:
        self.config.set_model(APPROVAL_KEY, settings)

    def set_permission(self, user_id: int, permission: Permission, granted: bool | None) -> None:
        """``None`` removes the override: the household default applies again."""
        with self.database.session() as session:
            session.execute(
                delete(UserPermission).where(
                    UserPermission.user_id == user_id, UserPermission.permission == permission.value
                )
            )
            if granted is not None:
                session.add(UserPermission(user_id=user_id, permission=permission.value, granted=granted))

    def has_permission(self, user: UserInfo, permission: Permission) -> bool:
        if user.is_admin:
            return True
        with self.database.session() as session:
            override = session.scalar(
                select(UserPermission.granted).where(
                    UserPermission.user_id == user.id, UserPermission.permission == permission.value
                )
            )
        if override is not None:
            return bool(override)
        return bool(getattr(self.approval_settings(), permission.value))

    def require_admin(self, user: UserInfo, action: str) -> UserInfo:
        """The user as the database has them now, when they are an active admin.

        Rights are read again on every call (never from ``user``, which may be minutes old), so a
        demoted or removed admin loses admin actions at once on every desktop."""
        with self.database.session() as session:
            row = session.get(User, user.id)
            fresh = to_user(row) if row is not None else None
        if fresh is None or not fresh.is_active or not fresh.is_admin:
            raise PermissionDeniedError(f"Only an administrator can {action}.")
        return fresh
