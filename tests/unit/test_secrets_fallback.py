"""No keychain, a broken one or a hanging one: secrets go to a passphrase-encrypted file instead."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from rmab_desktop.domain.errors import CredentialError, KeyringLockedError, NoKeyringError
from rmab_desktop.services.credentials import CredentialStore, KeyringState
from rmab_desktop.services.secrets_file import EncryptedSecretsFile

PASSPHRASE = "correct horse battery"


class HangingKeyring(KeyringBackend):
    """A Secret Service whose unlock prompt never comes back."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.release.wait(30)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)

    def delete_password(self, service: str, username: str) -> None:
        self.release.wait(30)


class BrokenKeyring(KeyringBackend):
    """A backend that raises what no one expects (a D-Bus library bug, say)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("dbus connection reset")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("dbus connection reset")

    def delete_password(self, service: str, username: str) -> None:
        raise RuntimeError("dbus connection reset")


def test_the_file_keeps_secrets_encrypted_and_opens_only_with_the_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    secrets = EncryptedSecretsFile(path)
    secrets.create(PASSPHRASE)
    secrets.set("indexer-1", "api-key-1234567890")
    assert "api-key-1234567890" not in path.read_text()
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    again = EncryptedSecretsFile(path)  # the next session
    with pytest.raises(KeyringLockedError):
        again.get("indexer-1")
    with pytest.raises(KeyringLockedError) as wrong:
        again.unlock("not the passphrase")
    assert "does not open" in wrong.value.user_message and not again.unlocked
    again.unlock(PASSPHRASE)
    assert again.get("indexer-1") == "api-key-1234567890"
    assert again.get("missing") is None
    assert again.delete("indexer-1") and again.get("indexer-1") is None


def test_a_ciphertext_moved_to_another_name_or_a_damaged_file_is_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    secrets = EncryptedSecretsFile(path)
    secrets.create(PASSPHRASE)
    secrets.set("a", "alpha")
    document = json.loads(path.read_text())
    document["secrets"]["b"] = document["secrets"]["a"]
    path.write_text(json.dumps(document))
    with pytest.raises(CredentialError, match="cannot be decrypted"):
        secrets.get("b")
    path.write_text('{"version": 1, "secrets": []}')
    with pytest.raises(CredentialError, match="damaged") as damaged:
        EncryptedSecretsFile(path).unlock(PASSPHRASE)
    assert damaged.value.hint


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CredentialError, match="too short"):
        EncryptedSecretsFile(tmp_path / "s.json").create("short")
    assert not (tmp_path / "s.json").exists()


@pytest.mark.parametrize("backend_class", [FailKeyring, BrokenKeyring])
def test_without_a_working_keychain_the_store_explains_then_uses_the_file(
    tmp_path: Path, backend_class: type[KeyringBackend]
) -> None:
    secrets = EncryptedSecretsFile(tmp_path / "secrets.json")
    store = CredentialStore(backend=backend_class(), fallback=secrets)
    assert store.status().state == KeyringState.UNAVAILABLE
    with pytest.raises(NoKeyringError) as refused:
        store.set("client-password", "pw")
    assert "passphrase" in refused.value.hint
    secrets.create(PASSPHRASE)
    store.set("client-password", "pw")
    assert store.get("client-password") == "pw"
    assert store.status().state == KeyringState.ENCRYPTED_FILE
    secrets.lock()
    assert store.status().state == KeyringState.LOCKED
    with pytest.raises(KeyringLockedError):
        store.get("client-password")


def test_a_hanging_keychain_is_given_up_after_the_time_limit(tmp_path: Path) -> None:
    hanging = HangingKeyring()
    secrets = EncryptedSecretsFile(tmp_path / "secrets.json")
    secrets.create(PASSPHRASE)
    store = CredentialStore(backend=hanging, fallback=secrets, timeout=0.5)
    try:
        store.set("k", "v")  # waits at most the time limit, then the file takes it
        assert store.get("k") == "v"  # the keychain is not asked again this session
        status = store.status()
        assert status.state == KeyringState.ENCRYPTED_FILE and "did not answer" in status.backend
    finally:
        hanging.release.set()


def test_a_working_keychain_is_used_and_a_locked_one_is_not_bypassed(tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    secrets = EncryptedSecretsFile(tmp_path / "secrets.json")
    secrets.create(PASSPHRASE)
    store = CredentialStore(fallback=secrets)
    store.set("k", "v")
    assert memory_keyring.store[(store.service, "k")] == "v"
    assert secrets.get("k") is None
    memory_keyring.locked = True
    with pytest.raises(KeyringLockedError):
        store.get("k")
    assert store.status().state == KeyringState.LOCKED


def test_keyring_errors_of_the_library_are_still_typed(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    store = CredentialStore()
    with pytest.raises(CredentialError, match="not saved"):
        store.delete("never-saved")
