"""Users, roles and permissions for requests and approval.

Single-user mode (the default) has one protected local admin and no sign-in: every request is
that user's and is approved. Household mode (more than one person who can sign in) adds users; a
permission is the user's own override when set, else the household default (ConfigStore key
``approval``); admins always pass. Rights are never cached: ``require_admin`` and
``has_permission`` read the user's role from the database on every call, so a role changed on
another desktop applies at once. Sign-in itself (sessions, lockout, invites, Plex) is
``services/household``.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, delete, func, select

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import User, UserPermission
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.errors import NotFoundError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import PermissionDeniedError, UserInfo
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.requests.passwords import hash_password, needs_rehash, verify_password

tr = Translator("Users")

DEFAULT_USERNAME = "me"
APPROVAL_KEY = "approval"
MIN_USERNAME = 3
MIN_PASSWORD = 8
LIMITS_KEY = "request_limits"


class ApprovalSettings(BaseModel):
    """Household defaults; a missing value means "allowed". Request limits (branch ``gaps``)
    join these as further fields."""

    auto_approve: bool = True
    interactive_search: bool = True
    download: bool = True
    request: bool = True


class RequestLimits(BaseModel):
    """Requests a user may make in 24 hours and in 7 days; None: no limit. The household default
    (ConfigStore key ``request_limits``), or a user's own (columns of ``users``)."""

    per_day: int | None = Field(default=None, ge=1)
    per_week: int | None = Field(default=None, ge=1)

    @property
    def unlimited(self) -> bool:
        return self.per_day is None and self.per_week is None


@dataclass(frozen=True)
class UserLimits:
    """What applies to one user: their own limits or the household's, and whether an admin opted in."""

    own: bool
    limits: RequestLimits
    admin_opt_in: bool


def to_user(row: User) -> UserInfo:
    return UserInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        is_protected=row.is_protected,
        is_active=row.is_active,
        preferred_region=row.preferred_region,
        is_deleted=row.deleted_at is not None,
        awaiting_approval=row.awaiting_approval,
        has_password=bool(row.password_hash),
        plex_linked=bool(row.plex_user_id),
    )


def normalize_username(username: str) -> str:
    return username.strip().lower()


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            tr("Passwords need at least {count} characters.").format(count=MIN_PASSWORD),
            hint=tr("Choose a longer password."),
        )


def _can_sign_in() -> ColumnElement[bool]:
    return and_(User.is_active, User.deleted_at.is_(None), ~User.awaiting_approval)


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

    def first_admin(self) -> UserInfo:
        """The protected administrator (the single-user mode's "me", whatever it is called now)."""
        with self.database.session() as session:
            row = session.scalar(select(User).where(User.is_protected).order_by(User.id))
        return to_user(row) if row is not None else self.default_user()

    def current(self) -> UserInfo:
        return self.get(self._current_id) if self._current_id is not None else self.default_user()

    @property
    def current_id(self) -> int | None:
        """The signed-in user's id, or None while nobody signed in (single-user mode)."""
        return self._current_id

    def act_as(self, user_id: int | None) -> None:
        """Switch the acting user (after a sign-in, or in tests); None: the default user."""
        if user_id is not None:
            self.get(user_id)
        self._current_id = user_id

    def is_household(self) -> bool:
        """More than one person can sign in: the app asks who is using it."""
        with self.database.session() as session:
            count = session.scalar(select(func.count()).select_from(User).where(_can_sign_in()))
        return (count or 0) > 1

    def check_password(self, username: str, password: str) -> UserInfo | None:
        """The user whose password this is (an old PBKDF2 hash is replaced by argon2id), else None.

        Says nothing about lockout or approval: ``services/household`` decides whether to let
        them in."""
        with self.database.session() as session:
            row = session.scalar(
                select(User).where(User.username == normalize_username(username), User.deleted_at.is_(None))
            )
            if row is None or not verify_password(password, row.password_hash):
                return None
            if row.password_hash and needs_rehash(row.password_hash):
                row.password_hash = hash_password(password)
            return to_user(row)

    # -- managing users ------------------------------------------------------------------------
    def create(
        self,
        username: str,
        *,
        display_name: str = "",
        role: Role = Role.USER,
        password: str | None = None,
        awaiting_approval: bool = False,
        plex_user_id: str | None = None,
    ) -> UserInfo:
        name = normalize_username(username)
        if len(name) < MIN_USERNAME:
            raise ValidationError(
                tr("User names need at least {count} characters.").format(count=MIN_USERNAME),
                hint=tr("Choose a longer user name."),
            )
        if password is not None:
            validate_password(password)
        with self.database.session() as session:
            if session.scalar(select(User.id).where(User.username == name)) is not None:
                raise ValidationError(
                    tr("There is already a user called '{name}'.").format(name=name),
                    hint=tr("Choose another user name."),
                )
            row = User(
                username=name,
                display_name=display_name or name,
                role=role.value,
                password_hash=hash_password(password) if password else None,
                awaiting_approval=awaiting_approval,
                plex_user_id=plex_user_id,
            )
            session.add(row)
            session.flush()
            return to_user(row)

    def get(self, user_id: int) -> UserInfo:
        with self.database.session() as session:
            row = session.get(User, user_id)
            if row is None:
                raise NotFoundError(tr("User {id} does not exist.").format(id=user_id))
            return to_user(row)

    def find(self, username: str) -> UserInfo | None:
        """A user who is not deleted, by user name."""
        with self.database.session() as session:
            row = session.scalar(
                select(User).where(User.username == normalize_username(username), User.deleted_at.is_(None))
            )
            return to_user(row) if row is not None else None

    def require(self, username: str) -> UserInfo:
        user = self.find(username)
        if user is None:
            raise NotFoundError(
                tr("There is no user called '{name}'.").format(name=normalize_username(username)),
                hint=tr("List the users with: rmab users list"),
            )
        return user

    def find_by_plex(self, plex_user_id: str) -> UserInfo | None:
        with self.database.session() as session:
            row = session.scalar(
                select(User).where(User.plex_user_id == plex_user_id, User.deleted_at.is_(None))
            )
            return to_user(row) if row is not None else None

    def list(self, *, include_deleted: bool = False) -> list[UserInfo]:
        query = select(User).order_by(User.username)
        if not include_deleted:
            query = query.where(User.deleted_at.is_(None))
        with self.database.session() as session:
            return [to_user(row) for row in session.scalars(query)]

    def set_role(self, user_id: int, role: Role) -> UserInfo:
        with self.database.session() as session:
            row = self._row(session, user_id)
            if row.is_protected and role != Role.ADMIN:
                raise PermissionDeniedError(
                    tr("The first administrator cannot lose the admin role."),
                    hint=tr("Make someone else an administrator instead."),
                )
            row.role = role.value
            return to_user(row)

    def set_password(self, user_id: int, password: str) -> None:
        validate_password(password)
        with self.database.session() as session:
            self._row(session, user_id).password_hash = hash_password(password)

    def link_plex(self, user_id: int, plex_user_id: str) -> None:
        with self.database.session() as session:
            self._row(session, user_id).plex_user_id = plex_user_id

    def approve(self, user_id: int) -> UserInfo:
        with self.database.session() as session:
            row = self._row(session, user_id)
            row.awaiting_approval = False
            return to_user(row)

    def soft_delete(self, user_id: int) -> UserInfo:
        """The row stays (requests keep their owner as history); the name is freed for reuse."""
        with self.database.session() as session:
            row = self._row(session, user_id)
            if row.is_protected:
                raise PermissionDeniedError(
                    tr("The first administrator cannot be removed."),
                    hint=tr("Remove another user, or keep this one."),
                )
            if row.deleted_at is None:
                row.deleted_at = utcnow()
                row.username = f"{row.username}#{row.id}"[:120]
                row.is_active = False
                row.password_hash = None
                row.plex_user_id = None
            return to_user(row)

    def _row(self, session, user_id: int) -> User:  # type: ignore[no-untyped-def]
        row = session.get(User, user_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(tr("User {id} does not exist.").format(id=user_id))
        return row  # type: ignore[no-any-return]

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

    def permission_overrides(self, user_id: int) -> dict[Permission, bool]:
        with self.database.session() as session:
            rows = session.execute(
                select(UserPermission.permission, UserPermission.granted).where(
                    UserPermission.user_id == user_id
                )
            )
            return {Permission(name): bool(granted) for name, granted in rows if name in set(Permission)}

    def has_permission(self, user: UserInfo, permission: Permission) -> bool:
        fresh = self.get(user.id)  # the role as it is now, not as it was when ``user`` was read
        if not fresh.can_sign_in and not fresh.is_protected:
            return False
        if fresh.is_admin:
            return True
        override = self.permission_overrides(user.id).get(permission)
        if override is not None:
            return override
        return bool(getattr(self.approval_settings(), permission.value))

    # -- request limits ------------------------------------------------------------------------
    def household_limits(self) -> RequestLimits:
        return self.config.get_model(LIMITS_KEY, RequestLimits)

    def set_household_limits(self, limits: RequestLimits) -> None:
        self.config.set_model(LIMITS_KEY, limits)

    def user_limits(self, user_id: int) -> UserLimits:
        household = self.household_limits()
        with self.database.session() as session:
            row = session.get(User, user_id)
            if row is None:
                raise NotFoundError(f"User {user_id} does not exist.")
            own = RequestLimits(per_day=row.request_limit_day, per_week=row.request_limit_week)
            return UserLimits(
                row.request_limits_own, own if row.request_limits_own else household, row.request_limits_admin
            )

    def set_user_limits(
        self, user_id: int, limits: RequestLimits | None, *, admin_opt_in: bool | None = None
    ) -> UserLimits:
        """``limits`` None: the household default applies again; ``admin_opt_in``: an admin is limited too."""
        with self.database.session() as session:
            row = session.get(User, user_id)
            if row is None:
                raise NotFoundError(f"User {user_id} does not exist.")
            row.request_limits_own = limits is not None
            row.request_limit_day = limits.per_day if limits is not None else None
            row.request_limit_week = limits.per_week if limits is not None else None
            if admin_opt_in is not None:
                row.request_limits_admin = admin_opt_in
        return self.user_limits(user_id)

    def limits_for(self, user: UserInfo) -> RequestLimits | None:
        """The limits a user's requests are held to; None: none (admins unless they opted in)."""
        applied = self.user_limits(user.id)
        if (user.is_admin and not applied.admin_opt_in) or applied.limits.unlimited:
            return None
        return applied.limits

    def require_admin(self, user: UserInfo, refusal: str) -> UserInfo:
        """The user as the database has them now, when they are an active admin; else
        PermissionDeniedError with ``refusal`` (a whole translated sentence).

        Rights are read again on every call (never from ``user``, which may be minutes old), so a
        demoted or removed admin loses admin actions at once on every desktop."""
        with self.database.session() as session:
            row = session.get(User, user.id)
            fresh = to_user(row) if row is not None else None
        if fresh is None or not fresh.is_admin or fresh.is_deleted or not fresh.is_active:
            raise PermissionDeniedError(refusal)
        return fresh
