"""A keyring backend that persists across processes in a JSON file named by RMAB_TEST_KEYRING_FILE.

Select it in a subprocess with PYTHON_KEYRING_BACKEND=tests.fakes.file_keyring.FileKeyring (and the
repository on PYTHONPATH). The file lives outside the profile folder, like a real OS keychain.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.errors
from keyring.backend import KeyringBackend

ENV = "RMAB_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    priority = 20  # type: ignore[assignment]

    @property
    def _path(self) -> Path:
        value = os.environ.get(ENV)
        if not value:
            raise keyring.errors.NoKeyringError(f"{ENV} is not set")
        return Path(value)

    def _load(self) -> dict[str, str]:
        path = self._path
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\x00{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\x00{username}"] = password
        self._path.write_text(json.dumps(data), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\x00{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("not found")
        self._path.write_text(json.dumps(data), encoding="utf-8")
