"""Every secret lives in the OS keyring behind this store; nothing else keeps one in plain text."""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from enum import StrEnum

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
from rmab_desktop.logging_setup import REDACTOR

DATA_KEY_NAME = "household-data-key"


class KeyringState(StrEnum):
    SECURE = "secure"
    LOCKED = "locked"
    UNAVAILABLE = "unavailable"


STATE_EXPLANATIONS = {
    KeyringState.SECURE: "Secrets are kept in your system keychain ({backend}).",
    KeyringState.LOCKED: "Your system keychain ({backend}) is locked. Unlock it to let the app use saved "
    "passwords and API keys.",
    KeyringState.UNAVAILABLE: "No secure keychain was found ({backend}). The app cannot save passwords or "
    "API keys until one is installed (GNOME Keyring or KWallet on Linux).",
}


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
    """get/set/delete/status over ``keyring``, with errors the UI can explain."""

    def __init__(self, service: str = KEYRING_SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend or keyring.get_keyring()

    def status(self) -> KeyringStatus:
        backend = self.backend
        name = _backend_name(backend)
        if _is_insecure(backend):
            state = KeyringState.UNAVAILABLE
        else:
            try:
                backend.get_password(self.service, "__status_probe__")
                state = KeyringState.SECURE
            except keyring.errors.KeyringLocked:
                state = KeyringState.LOCKED
            except keyring.errors.NoKeyringError:
                state = KeyringState.UNAVAILABLE
            except keyring.errors.KeyringError:
                state = KeyringState.LOCKED
        return KeyringStatus(state, name, STATE_EXPLANATIONS[state].format(backend=name))

    def _call(self, action: str, name: str, fn, *args):  # type: ignore[no-untyped-def]
        backend = self.backend
        if _is_insecure(backend):
            raise NoKeyringError(f"Cannot {action} secret '{name}': no secure keychain is available.")
        try:
            return fn(backend, *args)
        except keyring.errors.NoKeyringError as exc:
            raise NoKeyringError(f"Cannot {action} secret '{name}': no keychain.") from exc
        except keyring.errors.KeyringLocked as exc:
            raise KeyringLockedError(f"Cannot {action} secret '{name}': the keychain is locked.") from exc
        except keyring.errors.PasswordDeleteError as exc:
            raise SecretNotFoundError(f"Secret '{name}' is not saved.") from exc
        except keyring.errors.KeyringError as exc:
            raise CredentialError(f"Cannot {action} secret '{name}': {type(exc).__name__}.") from exc

    def get(self, name: str) -> str | None:
        value = self._call("read", name, lambda b: b.get_password(self.service, name))
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
        self._call("save", name, lambda b: b.set_password(self.service, name, value))

    def delete(self, name: str) -> None:
        self._call("delete", name, lambda b: b.delete_password(self.service, name))

    def has(self, name: str) -> bool:
        return self.get(name) is not None


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
