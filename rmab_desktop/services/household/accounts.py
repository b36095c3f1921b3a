"""Who uses this desktop: sign-in with a password, a remembered session per machine, sign-up
with an invite code (or awaiting an admin's approval), sign out.

A remembered sign-in is a random token in this machine's keyring; the database keeps only its
SHA-256, so reading the database never lets anyone sign in. Invite codes are stored the same way.
"""

from __future__ import annotations

import hashlib
import logging
import platform
import secrets
from datetime import timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Result, delete, select, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import UserInvite, UserSession
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.errors import CredentialError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import PermissionDeniedError, UserInfo
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.household.sign_in_limits import SignInLimits
from rmab_desktop.services.requests.passwords import hash_password, verify_password
from rmab_desktop.services.requests.users import UserService

log = logging.getLogger(__name__)
tr = Translator("SignIn")

INVITE_DAYS = 7
_INVITE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed by hand
_DUMMY_HASH = hash_password(secrets.token_hex(16))  # an unknown name costs as much as a wrong password


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _changed(result: Result[Any]) -> bool:
    return bool(cast(CursorResult[Any], result).rowcount)


def _wrong_password() -> PermissionDeniedError:
    return PermissionDeniedError(
        tr("Wrong user name or password."), hint=tr("Check both and try again; passwords are case-sensitive.")
    )


class AccountService:
    def __init__(
        self, database: Database, users: UserService, credentials: CredentialStore, machine: str | None = None
    ) -> None:
        self.database = database
        self.users = users
        self.credentials = credentials
        self.limits = SignInLimits(database)
        self.machine = machine if machine is not None else platform.node()
        url = database.engine.url.render_as_string(hide_password=True)
        self._session_secret = f"household.session.{digest(url)[:12]}"  # one per database

    # -- the signed-in user --------------------------------------------------------------------
    def sign_in_required(self) -> bool:
        """Household mode and nobody signed in on this desktop yet."""
        return self.users.current_id is None and self.users.is_household()

    def resume(self) -> UserInfo | None:
        """The user this machine remembers, signed in again; None when there is none (or the
        session was ended elsewhere, or the user can no longer sign in)."""
        try:
            token = self.credentials.get(self._session_secret)
        except CredentialError as exc:
            log.warning("The remembered sign-in cannot be read: %s", exc)
            return None
        if not token:
            return None
        token_hash = digest(token)
        with self.database.session() as session:
            user_id = session.scalar(select(UserSession.user_id).where(UserSession.token_hash == token_hash))
        if user_id is None:
            return None
        user = self.users.get(user_id)
        with self.database.session() as session:
            if not user.can_sign_in:
                session.execute(delete(UserSession).where(UserSession.token_hash == token_hash))
                return None
            session.execute(
                update(UserSession).where(UserSession.token_hash == token_hash).values(last_used_at=utcnow())
            )
        self.users.act_as(user.id)
        return user

    def sign_in(self, username: str, password: str, *, remember: bool = True) -> UserInfo:
        known = self.users.find(username)
        if known is None:
            verify_password(password, _DUMMY_HASH)
            raise _wrong_password()
        self.limits.check(known.id, known.username)
        user = self.users.check_password(known.username, password)
        if user is None:
            self.limits.failed(known.id)
            self.limits.check(known.id, known.username)  # the failure that locks says so at once
            raise _wrong_password()
        self.limits.succeeded(user.id)
        return self.start_session(user, remember=remember)

    def start_session(self, user: UserInfo, *, remember: bool) -> UserInfo:
        """Sign ``user`` in on this desktop (after a password or Plex check)."""
        if user.awaiting_approval:
            raise PermissionDeniedError(
                tr("Your account is waiting for an administrator's approval."),
                hint=tr("Ask an administrator to approve it on the Users page, then sign in again."),
            )
        if not user.can_sign_in:
            raise PermissionDeniedError(tr("This account is turned off."), hint=tr("Ask an administrator."))
        self._forget_session()
        if remember:
            token = secrets.token_urlsafe(32)
            with self.database.session() as session:
                session.add(
                    UserSession(user_id=user.id, token_hash=digest(token), machine=self.machine[:200])
                )
            self.credentials.set(self._session_secret, token)
        self.users.act_as(user.id)
        log.info("%s signed in", user.username)
        return user

    def sign_out(self) -> None:
        """Forget this machine's session; the next start asks who is using the app."""
        self._forget_session()
        self.users.act_as(None)

    def _forget_session(self) -> None:
        try:
            token = self.credentials.get(self._session_secret)
            if token:
                self.credentials.delete(self._session_secret)
        except CredentialError as exc:
            log.warning("The remembered sign-in cannot be removed: %s", exc)
            return
        if token:
            with self.database.session() as session:
                session.execute(delete(UserSession).where(UserSession.token_hash == digest(token)))

    def end_sessions(self, user_id: int) -> None:
        """Every desktop's remembered sign-in of ``user_id`` ends (removed user, new password)."""
        with self.database.session() as session:
            session.execute(delete(UserSession).where(UserSession.user_id == user_id))

    # -- new accounts --------------------------------------------------------------------------
    def create_invite(self, created_by: UserInfo, *, role: Role = Role.USER, note: str = "") -> str:
        """A one-time code, shown once; only its hash is kept. ``created_by`` must be an admin."""
        admin = self.users.require_admin(created_by, tr("Only an administrator can invite people."))
        code = "".join(secrets.choice(_INVITE_ALPHABET) for _ in range(12))
        REDACTOR.register(code)
        with self.database.session() as session:
            session.add(
                UserInvite(
                    code_hash=digest(code),
                    role=role.value,
                    note=note[:200],
                    created_by_id=admin.id,
                    expires_at=utcnow() + timedelta(days=INVITE_DAYS),
                )
            )
        return f"{code[:4]}-{code[4:8]}-{code[8:]}"

    def redeem_invite(self, code: str, username: str, password: str, display_name: str = "") -> UserInfo:
        """Create the account an invite allows and sign it in; the code then stops working."""
        invite_id, role = self._claim_invite(code)
        try:
            user = self.users.create(username, display_name=display_name, role=role, password=password)
        except Exception:
            with self.database.session() as session:  # the code stays usable for a better name
                session.execute(update(UserInvite).where(UserInvite.id == invite_id).values(used_at=None))
            raise
        with self.database.session() as session:
            session.execute(update(UserInvite).where(UserInvite.id == invite_id).values(used_by_id=user.id))
        return self.start_session(user, remember=True)

    def _claim_invite(self, code: str) -> tuple[int, Role]:
        """Mark the invite used in one conditional update, so two desktops cannot both use it."""
        now = utcnow()
        with self.database.session() as session:
            invite = session.scalar(
                select(UserInvite).where(UserInvite.code_hash == digest(normalize_code(code)))
            )
            claimed = invite is not None and _changed(
                session.execute(
                    update(UserInvite)
                    .where(
                        UserInvite.id == invite.id, UserInvite.used_at.is_(None), UserInvite.expires_at > now
                    )
                    .values(used_at=now)
                )
            )
            if invite is None or not claimed:
                raise ValidationError(
                    tr("This invite code is not valid (wrong, used or expired)."),
                    hint=tr("Check the code, or ask an administrator for a new one."),
                )
            return invite.id, Role(invite.role)

    def sign_up(self, username: str, password: str, display_name: str = "") -> UserInfo:
        """An account without an invite: it waits until an admin approves it."""
        return self.users.create(
            username, display_name=display_name, password=password, awaiting_approval=True
        )
