"""The fallback when no system keychain works: secrets in a file encrypted with the user's passphrase.

The key is derived with Argon2id (memory-hard, so a stolen file resists guessing) from a passphrase
the user chooses; each secret is sealed with AES-256-GCM under its own nonce, with its name as
associated data (a ciphertext cannot be moved to another name). The file is unlocked once per
session: the derived key stays in memory, the passphrase is never stored. Writes are atomic.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from rmab_desktop.domain.errors import CredentialError, KeyringLockedError
from rmab_desktop.paths import write_atomically

FORMAT_VERSION = 1
# Argon2id parameters (RFC 9106's second recommended option: 64 MiB, 3 passes, 4 lanes).
KDF_PARAMS = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4}
VERIFIER_NAME = "__passphrase_check__"
MIN_PASSPHRASE = 8


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)


PassphraseSource = Callable[[], str | None]


class EncryptedSecretsFile:
    """``passphrase_source`` (the command line's environment) unlocks the file when a secret is
    first needed; without it, the file stays locked until :meth:`unlock` is called."""

    def __init__(self, path: Path, passphrase_source: PassphraseSource | None = None) -> None:
        self.path = path
        self.passphrase_source = passphrase_source
        self._key: bytes | None = None
        self._lock = threading.Lock()

    # -- state ------------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def unlocked(self) -> bool:
        return self._key is not None

    def lock(self) -> None:
        self._key = None

    def create(self, passphrase: str) -> None:
        """Start a new, empty secrets file protected by ``passphrase``."""
        if len(passphrase) < MIN_PASSPHRASE:
            raise CredentialError(
                f"The passphrase is too short (at least {MIN_PASSPHRASE} characters).",
                hint="Choose a longer passphrase; a few unrelated words are easy to remember.",
            )
        if self.exists():
            raise CredentialError(
                "A secrets file already exists.", hint="Unlock it with its passphrase instead."
            )
        salt = os.urandom(16)
        key = self._derive(passphrase, salt, KDF_PARAMS)
        document = {
            "version": FORMAT_VERSION,
            "kdf": {"name": "argon2id", "salt": _b64(salt), **KDF_PARAMS},
            "secrets": {VERIFIER_NAME: self._seal(key, VERIFIER_NAME, "ok")},
        }
        with self._lock:
            self._write(document)
            self._key = key

    def unlock(self, passphrase: str) -> None:
        document = self._read()
        try:
            kdf = document["kdf"]
            params = {name: int(kdf[name]) for name in KDF_PARAMS}
            key = self._derive(passphrase, _unb64(kdf["salt"]), params)
            self._open(key, VERIFIER_NAME, document["secrets"][VERIFIER_NAME])
        except InvalidTag:
            raise KeyringLockedError(
                "That passphrase does not open the secrets file.",
                hint="Check the passphrase (it is case-sensitive) and try again.",
            ) from None
        except (KeyError, TypeError, ValueError):
            raise self._damaged() from None
        self._key = key

    # -- secrets ----------------------------------------------------------------------------------
    def get(self, name: str) -> str | None:
        key = self._require_key()
        sealed = self._read()["secrets"].get(name)
        if sealed is None:
            return None
        try:
            return self._open(key, name, sealed)
        except (InvalidTag, KeyError, TypeError, ValueError):
            raise CredentialError(
                f"Secret '{name}' in the secrets file cannot be decrypted.",
                hint="Enter it again in Settings.",
            ) from None

    def set(self, name: str, value: str) -> None:
        key = self._require_key()
        with self._lock:
            document = self._read()
            document["secrets"][name] = self._seal(key, name, value)
            self._write(document)

    def delete(self, name: str) -> bool:
        self._require_key()
        with self._lock:
            document = self._read()
            removed = document["secrets"].pop(name, None) is not None
            if removed:
                self._write(document)
        return removed

    # -- internals --------------------------------------------------------------------------------
    def _require_key(self) -> bytes:
        passphrase = self.passphrase_source() if self._key is None and self.passphrase_source else None
        if passphrase:
            self.unlock(passphrase)
        if self._key is None:
            raise KeyringLockedError(
                "The secrets file is locked.", hint="Unlock it with your passphrase (Settings > General)."
            )
        return self._key

    @staticmethod
    def _derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
        return hash_secret_raw(passphrase.encode("utf-8"), salt, hash_len=32, type=Type.ID, **params)

    @staticmethod
    def _seal(key: bytes, name: str, value: str) -> dict[str, str]:
        nonce = os.urandom(12)
        return {"nonce": _b64(nonce), "data": _b64(AESGCM(key).encrypt(nonce, value.encode(), name.encode()))}

    @staticmethod
    def _open(key: bytes, name: str, sealed: dict[str, str]) -> str:
        data = AESGCM(key).decrypt(_unb64(sealed["nonce"]), _unb64(sealed["data"]), name.encode())
        return data.decode("utf-8")

    def _damaged(self) -> CredentialError:
        return CredentialError(
            f"The secrets file {self.path} is damaged.",
            hint="Move it aside and enter your passwords and API keys again.",
        )

    def _read(self) -> dict[str, Any]:
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CredentialError(
                "There is no secrets file yet.", hint="Choose a passphrase to create one."
            ) from None
        except (OSError, ValueError):
            raise self._damaged() from None
        if (
            not isinstance(document, dict)
            or document.get("version") != FORMAT_VERSION
            or not isinstance(document.get("secrets"), dict)
            or not isinstance(document.get("kdf"), dict)
        ):
            raise self._damaged()
        return document

    def _write(self, document: dict[str, Any]) -> None:
        write_atomically(self.path, json.dumps(document, indent=1), prefix=".secrets-")
