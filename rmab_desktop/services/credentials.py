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
from typing import TypeVar

import keyring
import keyring.errors
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyring.backend import KeyringBackend
from sqlalchemy import select

from rmab_desktop import KEYRING_SERVICE
from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import SharedSecret
from rmab_desktop.domain.errors import (
    CredentialError,
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
        try:
            return SecretPresence.SAVED if self.get(name) is not None else SecretPresence.MISSING
        except CredentialError:
            return SecretPresence.UNREADABLE


class SharedSecretStore:
    """Household secrets: AES-256-GCM ciphertext in the shared database, data key in each keyring."""

    def __init__(self, database: Database, credentials: CredentialStore) -> None:
        self.database = database
        self.credentials = credentials

    def _data_key(self, create: bool) -> bytes:
        encoded = self.credentials.get(DATA_KEY_NAME)
        if encoded is None:
            if not create:
                raise SecretNotFoundError(
                    "This machine has no household key yet.",
                    hint="Export the key on a machine that has it and import it here.",
                )
            encoded = base64.b64encode(AESGCM.generate_key(bit_length=256)).decode()
            self.credentials.set(DATA_KEY_NAME, encoded)
        return base64.b64decode(encoded)

    def export_data_key(self) -> str:
        return base64.b64encode(self._data_key(create=True)).decode()

    def import_data_key(self, exported: str) -> None:
        if len(base64.b64decode(exported, validate=True)) != 32:
            raise CredentialError("That is not a household key (expected 32 bytes).")
        self.credentials.set(DATA_KEY_NAME, exported)

    def set(self, name: str, value: str) -> None:
        REDACTOR.register(value)
        nonce = os.urandom(12)
        ciphertext = AESGCM(self._data_key(create=True)).encrypt(nonce, value.encode(), name.encode())
        with self.database.session() as session:
            row = session.get(SharedSecret, name) or SharedSecret(name=name)
            row.nonce, row.ciphertext = nonce, ciphertext
            session.add(row)

    def get(self, name: str) -> str | None:
        with self.database.session() as session:
            row = session.scalar(select(SharedSecret).where(SharedSecret.name == name))
            if row is None:
                return None
            nonce, ciphertext = row.nonce, row.ciphertext
        try:
            value = AESGCM(self._data_key(create=False)).decrypt(nonce, ciphertext, name.encode()).decode()
        except Exception as exc:  # cryptography raises InvalidTag with no message
            raise CredentialError(
                f"Secret '{name}' cannot be decrypted with this machine's household key."
            ) from exc
        REDACTOR.register(value)
        return value
