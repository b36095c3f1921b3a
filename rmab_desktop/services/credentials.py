"""Every secret lives in the OS keyring behind this store; nothing else keeps one in plain text.

When no keychain works (none installed, disabled, broken, or hanging), the store falls back to an
encrypted secrets file protected by a passphrase the user chooses (services/secrets_file.py). A
keyring call that raises something unexpected or does not answer within ``KEYRING_TIMEOUT``
seconds marks the keychain unusable for the rest of the session.
"""

from __future__ import annotations

import base64
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backend import KeyringBackend
from sqlalchemy.exc import IntegrityError

from rmab_desktop import KEYRING_SERVICE
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import SharedSecret
from rmab_desktop.domain.errors import (
    CredentialError,
    HouseholdKeyMissingError,
    KeyringLockedError,
    NoKeyringError,
    SecretNotFoundError,
)
from rmab_desktop.domain.i18n import Translator, text
from rmab_desktop.logging_setup import REDACTOR
from rmab_desktop.services.secrets_file import EncryptedSecretsFile

log = logging.getLogger(__name__)
tr = Translator("Keychain")

T = TypeVar("T")

DATA_KEY_NAME = "household-data-key"
KEY_CHECK_NAME = "__household_key_check__"  # a shared_secrets row sealed with the household key
KEY_CHECK_VALUE = "household"
KEYRING_TIMEOUT = 5.0


class SecretPresence(StrEnum):
    SAVED = "saved"
    MISSING = "missing"
    UNREADABLE = "unreadable"  # no keychain works, or it (or the secrets file) is locked


class KeyringState(StrEnum):
    SECURE = "secure"
    ENCRYPTED_FILE = "encrypted_file"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


# Translated where a status is made (text()), so the status bar shows them in the user's language.
STATE_EXPLANATIONS = {
    KeyringState.SECURE: tr.mark("Secrets are kept in your system keychain ({backend})."),
    KeyringState.ENCRYPTED_FILE: tr.mark(
        "No system keychain works here ({backend}); secrets are kept in a file encrypted with your passphrase."
    ),
    KeyringState.LOCKED: tr.mark(
        "Your system keychain ({backend}) is locked. Unlock it to let the app use saved passwords and API keys."
    ),
    KeyringState.UNAVAILABLE: tr.mark(
        "No secure keychain was found ({backend}). Choose a passphrase to keep passwords and API keys in an "
        "encrypted file, or install a keychain (GNOME Keyring or KWallet on Linux)."
    ),
}
FILE_LOCKED_EXPLANATION = tr.mark(
    "No system keychain works here ({backend}); your secrets file is locked. Enter your passphrase to unlock it."
)


@dataclass(frozen=True)
class KeyringStatus:
    state: KeyringState
    backend: str
    message: str

    def to_json(self) -> dict[str, str]:
        return {"state": self.state.value, "backend": self.backend, "message": self.message}


def _backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _is_insecure(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return module.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt"))


class CredentialStore:
    """get/set/delete/status over ``keyring`` (or the encrypted fallback file), with errors the UI
    can explain."""

    def __init__(
        self,
        service: str = KEYRING_SERVICE,
        backend: KeyringBackend | None = None,
        *,
        fallback: EncryptedSecretsFile | None = None,
        timeout: float = KEYRING_TIMEOUT,
    ) -> None:
        self.service = service
        self._backend = backend
        self.fallback = fallback
        self.timeout = timeout
        self._keyring_failure: str | None = None  # set once the keychain hung or broke

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    def _keyring_usable(self) -> bool:
        return self._keyring_failure is None and not _is_insecure(self.backend)

    def _run(self, fn: Callable[[KeyringBackend], T]) -> T:
        """One keyring call with a time limit; a hang or an unexpected error disables the keychain."""
        backend = self.backend
        values: list[T] = []
        errors: list[BaseException] = []

        def call() -> None:
            try:
                values.append(fn(backend))
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=call, name="keyring-call", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            self._keyring_failure = f"it did not answer within {self.timeout:g} s"
            log.warning("The keychain %s did not answer; using the fallback", _backend_name(backend))
            raise NoKeyringError("The system keychain does not answer.")
        if not errors:
            return values[0]
        error = errors[0]
        if isinstance(error, keyring.errors.KeyringError):
            raise error
        self._keyring_failure = f"it failed ({type(error).__name__})"
        log.warning(
            "The keychain %s failed (%s); using the fallback", _backend_name(backend), type(error).__name__
        )
        raise NoKeyringError("The system keychain failed.")

    def status(self) -> KeyringStatus:
        backend = self.backend
        name = _backend_name(backend) + (f"; {self._keyring_failure}" if self._keyring_failure else "")
        state = KeyringState.UNAVAILABLE
        if self._keyring_usable():
            try:
                self._run(lambda b: b.get_password(self.service, "__status_probe__"))
                state = KeyringState.SECURE
            except keyring.errors.KeyringLocked:
                state = KeyringState.LOCKED
            except NoKeyringError:
                name = _backend_name(backend) + (
                    f"; {self._keyring_failure}" if self._keyring_failure else ""
                )
            except keyring.errors.KeyringError:
                state = KeyringState.LOCKED
        if state == KeyringState.UNAVAILABLE and self.fallback is not None and self.fallback.exists():
            if not self.fallback.unlocked:
                return KeyringStatus(
                    KeyringState.LOCKED, name, text(FILE_LOCKED_EXPLANATION).format(backend=name)
                )
            state = KeyringState.ENCRYPTED_FILE
        return KeyringStatus(state, name, text(STATE_EXPLANATIONS[state]).format(backend=name))

    def _call(
        self,
        action: str,
        name: str,
        on_keyring: Callable[[KeyringBackend], T],
        on_file: Callable[[EncryptedSecretsFile], T],
    ) -> T:
        if self._keyring_usable():
            try:
                return self._run(on_keyring)
            except NoKeyringError:
                pass  # the keychain just proved unusable: the fallback below decides
            except keyring.errors.KeyringLocked as exc:
                raise KeyringLockedError(f"Cannot {action} secret '{name}': the keychain is locked.") from exc
            except keyring.errors.PasswordDeleteError as exc:
                raise SecretNotFoundError(f"Secret '{name}' is not saved.") from exc
            except keyring.errors.NoKeyringError:
                self._keyring_failure = "no keychain backend"
            except keyring.errors.KeyringError as exc:
                raise CredentialError(f"Cannot {action} secret '{name}': {type(exc).__name__}.") from exc
        fallback = self.fallback
        if fallback is not None and fallback.exists():
            return on_file(fallback)  # raises KeyringLockedError while locked
        raise NoKeyringError(
            f"Cannot {action} secret '{name}': no secure keychain is available.",
            hint="Choose a passphrase for an encrypted secrets file (Settings > General), "
            "or install a keychain (GNOME Keyring or KWallet on Linux).",
        )

    def get(self, name: str) -> str | None:
        value = self._call("read", name, lambda b: b.get_password(self.service, name), lambda f: f.get(name))
        REDACTOR.register(value)
        return value

    def require(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise SecretNotFoundError(f"Secret '{name}' is not saved.")
        return value

    def set(self, name: str, value: str) -> None:
        if not name:
            raise CredentialError("A secret needs a name.")
        REDACTOR.register(value)
        self._call(
            "save", name, lambda b: b.set_password(self.service, name, value), lambda f: f.set(name, value)
        )

    def delete(self, name: str) -> None:
        def from_file(secrets: EncryptedSecretsFile) -> None:
            if not secrets.delete(name):
                raise SecretNotFoundError(f"Secret '{name}' is not saved.")

        self._call("delete", name, lambda b: b.delete_password(self.service, name), from_file)

    def has(self, name: str) -> bool:
        return self.get(name) is not None

    def presence(self, name: str) -> SecretPresence:
        """Whether a secret is saved, never raising: settings pages show an unreadable secret as
        "enter the key again" and keep the entry, instead of losing the page to the error."""
        return _presence(self, name)


class SecretStore(Protocol):
    """What services that keep secrets need; :class:`CredentialStore`, :class:`SharedSecretStore` and
    :class:`SecretVault` all provide it."""

    def get(self, name: str) -> str | None: ...
    def require(self, name: str) -> str: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...
    def has(self, name: str) -> bool: ...
    def presence(self, name: str) -> SecretPresence: ...


class HouseholdKeyState(StrEnum):
    SINGLE_USER = "single_user"  # household secrets are not in use: the keyring holds everything
    NEW = "new"  # nobody made a household key yet: the first secret saved makes one
    READY = "ready"  # this machine holds the household key
    NEEDS_KEY = "needs_key"  # the household has a key this machine lacks: join with a key file
    WRONG_KEY = "wrong_key"  # this machine's key is not the household's


def _seal(key: bytes, name: str, value: str) -> tuple[bytes, bytes]:
    """AES-256-GCM with a fresh nonce; the name is the associated data (a row cannot be renamed)."""
    nonce = os.urandom(12)
    return nonce, AESGCM(key).encrypt(nonce, value.encode(), name.encode())


def _presence(store: SecretStore, name: str) -> SecretPresence:
    try:
        return SecretPresence.SAVED if store.get(name) is not None else SecretPresence.MISSING
    except CredentialError:
        return SecretPresence.UNREADABLE


class SharedSecretStore:
    """Household secrets: AES-256-GCM ciphertext in the shared database, data key in each keyring.

    The first machine to save a secret makes the key and a check row (``KEY_CHECK_NAME``) sealed
    with it; from then on a machine without the key cannot make another one (which would hide every
    secret from the others): it must join with a key file exported by a machine that has it.
    """

    def __init__(self, database: Database, credentials: CredentialStore) -> None:
        self.database = database
        self.credentials = credentials

    # -- the data key ------------------------------------------------------------------------------
    def key_state(self) -> HouseholdKeyState:
        """Never raises for a missing or wrong key: the UI shows the state and what to do."""
        check = self._row(KEY_CHECK_NAME)
        local = self.credentials.get(DATA_KEY_NAME)
        if check is None:
            return HouseholdKeyState.READY if local else HouseholdKeyState.NEW
        if local is None:
            return HouseholdKeyState.NEEDS_KEY
        opens = self._open(base64.b64decode(local), KEY_CHECK_NAME, check) is not None
        return HouseholdKeyState.READY if opens else HouseholdKeyState.WRONG_KEY

    def _data_key(self, create: bool) -> bytes:
        encoded = self.credentials.get(DATA_KEY_NAME)
        if encoded is not None:
            return base64.b64decode(encoded)
        if not create or self._row(KEY_CHECK_NAME) is not None:
            raise HouseholdKeyMissingError()
        key = AESGCM.generate_key(bit_length=256)
        nonce, ciphertext = _seal(key, KEY_CHECK_NAME, KEY_CHECK_VALUE)
        try:  # an insert, never an update: of two desktops making a key at once, one wins
            with self.database.session() as session:
                session.add(SharedSecret(name=KEY_CHECK_NAME, nonce=nonce, ciphertext=ciphertext))
        except IntegrityError:
            raise HouseholdKeyMissingError() from None  # the other desktop's key is the household's
        self.credentials.set(DATA_KEY_NAME, base64.b64encode(key).decode())
        return key

    def export_key_file(self, path: Path, passphrase: str) -> str:
        """Write the household key wrapped with ``passphrase`` (Argon2id, AES-GCM: the secrets-file
        format) to a new file ``path``; returns the file's text (what the QR code shows)."""
        key = base64.b64encode(self._data_key(create=True)).decode()
        wrapped = EncryptedSecretsFile(path)
        wrapped.create(passphrase)
        wrapped.set(DATA_KEY_NAME, key)
        wrapped.lock()
        return path.read_text(encoding="utf-8")

    def import_key_file(self, path: Path, passphrase: str) -> None:
        """Join the household: the key in an exported file becomes this machine's household key."""
        wrapped = EncryptedSecretsFile(path)
        wrapped.unlock(passphrase)  # a wrong passphrase or a damaged file raises with its hint
        encoded = wrapped.get(DATA_KEY_NAME)
        wrapped.lock()
        try:
            key = base64.b64decode(encoded or "", validate=True)
        except ValueError:
            key = b""
        if len(key) != 32:
            raise CredentialError(
                "That file holds no household key.", hint="Export the key again on a machine that has it."
            )
        check = self._row(KEY_CHECK_NAME)
        if check is not None and self._open(key, KEY_CHECK_NAME, check) is None:
            raise CredentialError(
                "That key belongs to another household.",
                hint="Export the key on a desktop of this household (same database) and try again.",
            )
        self.credentials.set(DATA_KEY_NAME, base64.b64encode(key).decode())

    # -- secrets -----------------------------------------------------------------------------------
    def set(self, name: str, value: str) -> None:
        if not name or name == KEY_CHECK_NAME:
            raise CredentialError("A secret needs a name.")
        REDACTOR.register(value)
        self._write(name, self._data_key(create=True), value)

    def get(self, name: str) -> str | None:
        row = self._row(name)
        if row is None:
            return None
        value = self._open(self._data_key(create=False), name, row)
        if value is None:
            raise CredentialError(
                f"Secret '{name}' cannot be decrypted with this machine's household key.",
                hint="Join the household again with a key file exported on another desktop.",
            )
        REDACTOR.register(value)
        return value

    def require(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise SecretNotFoundError(f"Secret '{name}' is not saved.")
        return value

    def delete(self, name: str) -> None:
        with self.database.session() as session:
            row = session.get(SharedSecret, name)
            if row is None:
                raise SecretNotFoundError(f"Secret '{name}' is not saved.")
            session.delete(row)

    def has(self, name: str) -> bool:
        return self._row(name) is not None

    def presence(self, name: str) -> SecretPresence:
        return _presence(self, name)

    # -- rows --------------------------------------------------------------------------------------
    def _row(self, name: str) -> tuple[bytes, bytes] | None:
        with self.database.session() as session:
            row = session.get(SharedSecret, name)
            return None if row is None else (row.nonce, row.ciphertext)

    @staticmethod
    def _open(key: bytes, name: str, row: tuple[bytes, bytes]) -> str | None:
        """The plain text, or None when ``key`` is not the one the row was sealed with."""
        try:
            return AESGCM(key).decrypt(row[0], row[1], name.encode()).decode()
        except InvalidTag:
            return None

    def _write(self, name: str, key: bytes, value: str) -> None:
        nonce, ciphertext = _seal(key, name, value)
        with self.database.session() as session:
            row = session.get(SharedSecret, name) or SharedSecret(name=name)
            row.nonce, row.ciphertext = nonce, ciphertext
            session.add(row)


class SecretVault:
    """The one way services reach the secrets every desktop needs (indexer keys, download client
    passwords, notification URLs, the library server token): this machine's keyring in single-user
    mode, the shared store in household mode (``household()`` is asked on every call, so a switch
    takes effect at once).

    In household mode a secret the database lacks but this machine's keyring holds (saved before the
    household existed) is read from the keyring and published to the household.
    """

    def __init__(
        self, local: CredentialStore, shared: SharedSecretStore, household: Callable[[], bool]
    ) -> None:
        self.local = local
        self.shared = shared
        self.household = household

    def key_state(self) -> HouseholdKeyState:
        return self.shared.key_state() if self.household() else HouseholdKeyState.SINGLE_USER

    def get(self, name: str) -> str | None:
        if not self.household():
            return self.local.get(name)
        value = self.shared.get(name)
        if value is None and self.key_state() in (HouseholdKeyState.READY, HouseholdKeyState.NEW):
            value = self._publish_local(name)
        return value

    def _publish_local(self, name: str) -> str | None:
        try:
            value = self.local.get(name)
        except CredentialError:
            return None  # nothing readable here: the secret is simply not saved for the household
        if value is not None:
            self.shared.set(name, value)
            log.info("Secret %s moved from this machine's keychain to the household", name)
        return value

    def require(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise SecretNotFoundError(f"Secret '{name}' is not saved.")
        return value

    def set(self, name: str, value: str) -> None:
        (self.shared if self.household() else self.local).set(name, value)

    def delete(self, name: str) -> None:
        if not self.household():
            self.local.delete(name)
            return
        found = self.shared.has(name)
        if found:
            self.shared.delete(name)
        try:  # a copy kept from single-user days would otherwise be published again
            self.local.delete(name)
            found = True
        except CredentialError:
            pass
        if not found:
            raise SecretNotFoundError(f"Secret '{name}' is not saved.")

    def has(self, name: str) -> bool:
        return self.get(name) is not None

    def presence(self, name: str) -> SecretPresence:
        return _presence(self, name)
