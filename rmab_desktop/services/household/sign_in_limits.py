"""Failed sign-ins per account, kept in the database so neither a restart nor another desktop
resets them: after ``FREE_FAILURES`` wrong passwords in a row the account is locked, first for
``FIRST_LOCK`` and twice as long after each further failure (at most ``MAX_LOCK``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete

from rmab_desktop.db.conflicts import retry_on_conflict
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import SignInFailure
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.requests import PermissionDeniedError

tr = Translator("SignIn")

FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)


class SignInLockedError(PermissionDeniedError):
    """Too many failed sign-ins for an account; ``until`` is when it may try again."""

    def __init__(self, username: str, until: datetime) -> None:
        minutes = max(1, round((until - utcnow()).total_seconds() / 60))
        super().__init__(
            tr.n("Too many wrong passwords for '{name}'. Try again in %n minute(s).", minutes).format(
                name=username
            ),
            hint=tr("Wait, or ask an administrator to set a new password."),
        )
        self.until = until


def lock_length(failures: int) -> timedelta | None:
    """How long ``failures`` failures in a row lock the account (None: not locked)."""
    if failures < FREE_FAILURES:
        return None
    doubled: timedelta = FIRST_LOCK * (2 ** (failures - FREE_FAILURES))
    return min(doubled, MAX_LOCK)


class SignInLimits:
    def __init__(self, database: Database) -> None:
        self.database = database

    def check(self, user_id: int, username: str) -> None:
        """Raise :class:`SignInLockedError` while the account is locked."""
        with self.database.session() as session:
            row = session.get(SignInFailure, user_id)
            until = row.locked_until if row is not None else None
        if until is not None and until > utcnow():
            raise SignInLockedError(username, until)

    def failed(self, user_id: int) -> int:
        """Count one more failure; returns the count (two desktops failing at once both count)."""
        return retry_on_conflict(lambda: self._failed(user_id))

    def _failed(self, user_id: int) -> int:
        now = utcnow()
        with self.database.session() as session:
            row = session.get(SignInFailure, user_id)
            if row is None:
                row = SignInFailure(user_id=user_id, failures=0)
                session.add(row)
            row.failures += 1
            row.last_failure_at = now
            length = lock_length(row.failures)
            row.locked_until = now + length if length is not None else None
            return row.failures

    def succeeded(self, user_id: int) -> None:
        with self.database.session() as session:
            session.execute(delete(SignInFailure).where(SignInFailure.user_id == user_id))
