"""How the command line reaches the encrypted secrets file on a machine without a keychain.

A command runs once and ends, so nothing stays unlocked between commands: the passphrase comes
from the ``RMAB_SECRETS_PASSPHRASE`` environment variable (read when a secret is first needed), or
from standard input for ``rmab secrets unlock`` and ``init-file``. Never from an argument, which
other users can read in the process list and which stays in the shell history.
"""

from __future__ import annotations

import getpass
import os
import sys

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.paths import AppPaths
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.secrets_file import EncryptedSecretsFile

PASSPHRASE_ENV = "RMAB_SECRETS_PASSPHRASE"


def env_passphrase() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def use_secrets_file(store: CredentialStore, paths: AppPaths) -> CredentialStore:
    """``store`` with the profile's secrets file as its fallback, unlocked from the environment."""
    if store.fallback is None:
        store.fallback = EncryptedSecretsFile(paths.secrets_file)
    store.fallback.passphrase_source = env_passphrase
    return store


def read_passphrase(prompt: str) -> str:
    """The environment's passphrase, else one line of standard input (typed unseen on a terminal)."""
    passphrase = env_passphrase()
    if passphrase is None:
        passphrase = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\r\n")
    if not passphrase:
        raise ValidationError(
            "No passphrase given.",
            hint=f"Pipe it in on standard input, or set {PASSPHRASE_ENV} (never pass it as an argument).",
        )
    return passphrase
