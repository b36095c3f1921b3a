"""API tokens: made by a user for themselves (admins for anyone), shown once, kept as SHA-256 hashes.

A token is ``rmab_`` and 43 random URL-safe characters; the database keeps its hex SHA-256 and its
first characters (``prefix``) so a person can tell tokens apart. A token carries a role, but rights
are decided at every call from the user's current role: an admin token of a user who was demoted
acts as a user token, and a token of a removed or deactivated user opens nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ApiToken, User, utcnow
from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.errors import InvalidTokenError, NotFoundError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import PermissionDeniedError, UserInfo
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.requests.users import UserService

tr = Translator("ApiTokens")

TOKEN_PREFIX = "rmab_"
PREFIX_LENGTH = 12  # "rmab_" and 7 random characters: enough to recognise, far too few to guess
MAX_EXPIRY_DAYS = 3650


@dataclass(frozen=True)
class TokenInfo:
    """What the app shows about a token (never the token itself)."""

    id: int
    user_id: int
    username: str
    name: str
    prefix: str
    role: Role
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    def active(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


@dataclass(frozen=True)
class NewToken:
    """A token just made: ``token`` is shown once and kept nowhere."""

    info: TokenInfo
    token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _info(row: ApiToken, username: str) -> TokenInfo:
    return TokenInfo(
        id=row.id,
        user_id=row.user_id,
        username=username,
        name=row.name,
        prefix=row.prefix,
        role=Role(row.role),
        created_at=row.created_at,
        expires_at=row.expires_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
    )


class ApiTokenService:
    """Owner of ``api_tokens``. ``actor`` arguments are the signed-in user asking."""

    def __init__(
        self, database: Database, users: UserService, clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.database = database
        self.users = users
        self.clock = clock

    def create(
        self,
        actor: UserInfo,
        *,
        user_id: int | None = None,
        name: str = "",
        expires_days: int | None = None,
        role: Role | None = None,
    ) -> NewToken:
        actor = self.users.get(actor.id)  # the role as it is now, not as it was at sign-in
        owner = self.users.get(user_id) if user_id is not None else actor
        if owner.id != actor.id:
            self.users.require_admin(actor, tr("Only an administrator can make API tokens for other users."))
        if not owner.is_active:
            raise ValidationError(f"{owner.label} is no longer a user here.", hint="Choose an active user.")
        role = role or owner.role
        if role is Role.ADMIN and not owner.is_admin:
            raise PermissionDeniedError(f"{owner.label} is not an administrator, so the token cannot be one.")
        if expires_days is not None and not 1 <= expires_days <= MAX_EXPIRY_DAYS:
            raise ValidationError(
                f"A token expires after 1 to {MAX_EXPIRY_DAYS} days (or never).",
                hint="Give a number of days in that range, or none for a token that does not expire.",
            )
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        REDACTOR.register(token)
        now = self.clock()
        with self.database.session() as session:
            row = ApiToken(
                user_id=owner.id,
                name=name.strip()[:120],
                prefix=token[:PREFIX_LENGTH],
                token_hash=token_hash(token),
                role=role.value,
                created_by_id=actor.id,
                created_at=now,
                expires_at=now + timedelta(days=expires_days) if expires_days else None,
            )
            session.add(row)
            session.flush()
            return NewToken(_info(row, owner.username), token)

    def list(self, actor: UserInfo) -> list[TokenInfo]:
        """The actor's own tokens; every token for an administrator."""
        actor = self.users.get(actor.id)
        query = select(ApiToken, User.username).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id)
        if not actor.is_admin:
            query = query.where(ApiToken.user_id == actor.id)
        with self.database.session() as session:
            return [_info(row, username) for row, username in session.execute(query)]

    def revoke(self, actor: UserInfo, token_id: int) -> TokenInfo:
        actor = self.users.get(actor.id)
        with self.database.session() as session:
            row = session.get(ApiToken, token_id)
            if row is None or (row.user_id != actor.id and not actor.is_admin):
                raise NotFoundError(f"There is no API token {token_id}.", hint="See the list of tokens.")
            if row.revoked_at is None:
                row.revoked_at = self.clock()
            owner = session.get(User, row.user_id)
            return _info(row, owner.username if owner else "")

    def authenticate(self, token: str | None) -> UserInfo:
        """The user a token acts for, with the role it may use *now*; raises for anything else."""
        if not token:
            raise InvalidTokenError("An API token is needed.")
        digest = token_hash(token.strip())
        now = self.clock()
        with self.database.session() as session:
            row = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest))
            if row is None or not hmac.compare_digest(row.token_hash, digest):
                raise InvalidTokenError("That API token is not valid.", hint="Check it, or make a new one.")
            if row.revoked_at is not None:
                raise InvalidTokenError("That API token was revoked.", hint="Make a new one in Settings.")
            if row.expires_at is not None and row.expires_at <= now:
                raise InvalidTokenError("That API token has expired.", hint="Make a new one in Settings.")
            token_role, user_id = Role(row.role), row.user_id
            session.execute(update(ApiToken).where(ApiToken.id == row.id).values(last_used_at=now))
        user = self.users.get(user_id)  # re-read on every call: a demotion counts at once
        if not user.is_active:
            raise InvalidTokenError("The user of that API token was removed.")
        REDACTOR.register(token)  # a valid token (never a guessed one) is masked wherever it is logged
        return user if token_role is Role.ADMIN or not user.is_admin else replace(user, role=Role.USER)
