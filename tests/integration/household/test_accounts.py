"""Sign-in on a real database: argon2id hashes (and old PBKDF2 ones rehashed), the persistent
lockout, the remembered session (token in the keyring, hash in the database), invites, sign-ups."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import SignInFailure, User, UserInvite, UserSession
from rmab_desktop.db.models.base import utcnow
from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.requests import PermissionDeniedError
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.household import AccountService, SignInLockedError
from rmab_desktop.services.household.sign_in_limits import FREE_FAILURES, lock_length
from rmab_desktop.services.requests.users import UserService
from tests.fakes.memory_keyring import MemoryKeyring


def _accounts(database: Database) -> AccountService:
    users = UserService(database, ConfigStore(database))
    return AccountService(database, users, CredentialStore(), machine="desk-1")


def _hash_of(database: Database, name: str) -> str:
    with database.session() as session:
        return session.scalar(select(User.password_hash).where(User.username == name)) or ""


def test_new_passwords_are_argon2id_and_sign_in_works(database: Database) -> None:
    accounts = _accounts(database)
    accounts.users.default_user()
    alice = accounts.users.create("Alice", password="correct horse")
    stored = _hash_of(database, "alice")
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert accounts.users.is_household() and accounts.sign_in_required()
    assert accounts.sign_in("ALICE ", "correct horse").id == alice.id
    assert accounts.users.current().id == alice.id and not accounts.sign_in_required()
    with pytest.raises(PermissionDeniedError, match="Wrong user name or password"):
        accounts.sign_in("alice", "wrong horse")
    with pytest.raises(PermissionDeniedError, match="Wrong user name or password"):
        accounts.sign_in("nobody", "correct horse")


def test_an_old_pbkdf2_hash_is_verified_once_then_replaced(database: Database) -> None:
    accounts = _accounts(database)
    bob = accounts.users.create("bob")
    salt = os.urandom(16)
    legacy = "pbkdf2_sha256$200000${}${}".format(
        salt.hex(), hashlib.pbkdf2_hmac("sha256", b"old secret", salt, 200_000).hex()
    )
    with database.session() as session:
        session.execute(update(User).where(User.id == bob.id).values(password_hash=legacy))
    with pytest.raises(PermissionDeniedError):
        accounts.sign_in("bob", "not it")
    assert _hash_of(database, "bob") == legacy  # a wrong password changes nothing
    assert accounts.sign_in("bob", "old secret").id == bob.id
    assert _hash_of(database, "bob").startswith("$argon2id$")
    accounts.sign_out()
    assert accounts.sign_in("bob", "old secret").id == bob.id  # the new hash holds the same password


def test_failed_sign_ins_lock_the_account_persistently(database: Database) -> None:
    accounts = _accounts(database)
    accounts.users.create("carol", password="carol's password")
    for _ in range(FREE_FAILURES - 1):
        with pytest.raises(PermissionDeniedError, match="Wrong user name"):
            accounts.sign_in("carol", "guess")
    with pytest.raises(SignInLockedError, match="Try again in 1 minute"):
        accounts.sign_in("carol", "guess")
    restarted = _accounts(database)  # another process, another desktop: the lock is in the database
    with pytest.raises(SignInLockedError, match="Too many wrong passwords for 'carol'"):
        restarted.sign_in("carol", "carol's password")
    with database.session() as session:  # the lock runs out
        session.execute(update(SignInFailure).values(locked_until=utcnow() - timedelta(seconds=1)))
    with pytest.raises(SignInLockedError):  # one more failure doubles it at once
        restarted.sign_in("carol", "guess")
    with database.session() as session:
        row = session.scalars(select(SignInFailure)).one()
        assert row.failures == FREE_FAILURES + 1 and row.locked_until is not None
        assert row.locked_until - utcnow() > timedelta(seconds=45)
        session.execute(update(SignInFailure).values(locked_until=utcnow() - timedelta(seconds=1)))
    restarted.sign_in("carol", "carol's password")
    with database.session() as session:
        assert session.scalars(select(SignInFailure)).first() is None  # success clears the count


def test_lock_lengths_grow_and_stop_at_an_hour() -> None:
    assert lock_length(FREE_FAILURES - 1) is None
    assert lock_length(FREE_FAILURES) == timedelta(seconds=30)
    assert lock_length(FREE_FAILURES + 2) == timedelta(seconds=120)
    assert lock_length(FREE_FAILURES + 40) == timedelta(hours=1)


def test_the_session_is_remembered_per_machine_as_a_hash(
    database: Database, memory_keyring: MemoryKeyring
) -> None:
    accounts = _accounts(database)
    accounts.users.default_user()
    dora = accounts.users.create("dora", password="dora's password")
    accounts.sign_in("dora", "dora's password")
    tokens = [value for value in memory_keyring.store.values() if value]
    assert len(tokens) == 1
    token = tokens[0]
    with database.session() as session:
        row = session.scalars(select(UserSession)).one()
        assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() and row.machine == "desk-1"
        dump = " ".join(str(v) for v in session.execute(text("SELECT * FROM user_sessions")).one())
    assert token not in dump
    next_start = _accounts(database)
    assert next_start.sign_in_required()
    assert next_start.resume() == dora and next_start.users.current().id == dora.id
    next_start.sign_out()
    assert not any(memory_keyring.store.values())
    with database.session() as session:
        assert session.scalars(select(UserSession)).first() is None
    assert _accounts(database).resume() is None


def test_an_invite_code_works_once_and_is_stored_hashed(database: Database) -> None:
    accounts = _accounts(database)
    admin = accounts.users.default_user()
    code = accounts.create_invite(admin, role=Role.USER, note="for Erik")
    with database.session() as session:
        stored = session.scalars(select(UserInvite)).one()
    assert code.replace("-", "") not in stored.code_hash and stored.used_at is None
    erik = accounts.redeem_invite(code.lower(), "erik", "erik's password", "Erik")
    assert erik.display_name == "Erik" and erik.can_sign_in and accounts.users.current().id == erik.id
    with pytest.raises(ValidationError, match="not valid"):
        accounts.redeem_invite(code, "erik2", "erik's password")
    assert accounts.users.find("erik2") is None
    with pytest.raises(PermissionDeniedError, match="Only an administrator"):
        accounts.create_invite(erik)


def test_a_taken_name_leaves_the_invite_usable(database: Database) -> None:
    accounts = _accounts(database)
    admin = accounts.users.default_user()
    accounts.users.create("hans")
    code = accounts.create_invite(admin)
    with pytest.raises(ValidationError, match="already a user"):
        accounts.redeem_invite(code, "hans", "long enough")
    assert accounts.redeem_invite(code, "fritz", "long enough").username == "fritz"


def test_a_sign_up_waits_for_approval(database: Database) -> None:
    accounts = _accounts(database)
    accounts.users.default_user()
    gina = accounts.sign_up("gina", "gina's password")
    assert gina.awaiting_approval and not accounts.users.is_household()
    with pytest.raises(PermissionDeniedError, match="waiting for an administrator"):
        accounts.sign_in("gina", "gina's password")
    accounts.users.approve(gina.id)
    assert accounts.sign_in("gina", "gina's password").id == gina.id


def test_no_password_token_or_code_reaches_the_logs_or_the_database(
    database: Database, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    accounts = _accounts(database)
    admin = accounts.users.default_user()
    accounts.users.set_password(admin.id, "admin secret 1")
    code = accounts.create_invite(admin)
    accounts.redeem_invite(code, "hugo", "hugo secret 2")
    accounts.sign_out()
    with pytest.raises(PermissionDeniedError):
        accounts.sign_in("hugo", "hugo wrong 3")
    accounts.sign_in("hugo", "hugo secret 2")
    token = next(value for value in memory_keyring.store.values() if value)
    with database.session() as session:
        dump = " ".join(
            str(value)
            for table in ("users", "user_sessions", "user_invites", "sign_in_failures")
            for row in session.execute(text(f"SELECT * FROM {table}"))
            for value in row
        )
    secrets = ("admin secret 1", "hugo secret 2", "hugo wrong 3", token, code, code.replace("-", ""))
    for secret in secrets:
        assert secret not in dump
        assert secret not in caplog.text
    assert "hugo signed in" in caplog.text
