"""Household secrets: two desktops (two AppCores, two keyrings) on one database.

Each "machine" has its own in-memory keyring; ``on(machine)`` makes it the process keyring while
that desktop works, as each desktop's own keychain would be.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import Role
from rmab_desktop.domain.errors import CredentialError, HouseholdKeyMissingError, KeyringLockedError
from rmab_desktop.services.credentials import KEY_CHECK_NAME, HouseholdKeyState, SecretPresence
from rmab_desktop.services.indexers import IndexerConfig
from tests.db_dump import database_dump
from tests.fakes.memory_keyring import MemoryKeyring

NTFY = "ntfy://secret-topic-4711"
API_KEY = "prowlarr-key-0123456789abcdef"


@contextmanager
def on(machine: MemoryKeyring) -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(machine)
    try:
        yield
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def desktops(tmp_path: Path, database_url: str) -> Iterator[tuple[AppCore, AppCore]]:
    first = open_core(tmp_path / "first", database_url, log_to_console=False)
    second = open_core(tmp_path / "second", database_url, log_to_console=False)
    yield first, second
    first.close()
    second.close()


def make_household(core: AppCore) -> None:
    core.users.default_user()
    core.users.create("alice", role=Role.USER, password="correct horse")


def test_second_desktop_reads_what_the_first_saved_after_joining(
    desktops: tuple[AppCore, AppCore], tmp_path: Path, database_url: str
) -> None:
    first, second = desktops
    machine_a, machine_b = MemoryKeyring(), MemoryKeyring()
    indexer = IndexerConfig(name="Prowlarr", url="http://127.0.0.1:9696")
    with on(machine_a):
        make_household(first)
        assert first.secrets.key_state() is HouseholdKeyState.NEW
        first.indexers.set_api_key(indexer, API_KEY)
        backend = first.notifications.create("Phone", NTFY, ["available"])
        assert first.secrets.key_state() is HouseholdKeyState.READY
        key_file = tmp_path / "household.rmabkey"
        qr_text = first.secrets.shared.export_key_file(key_file, "join us please")
    # Nothing readable reached the database; the household key is only in machine A's keyring.
    assert first.secrets.shared.has(indexer.secret_name())
    dump = database_dump(database_url)
    assert API_KEY not in dump and NTFY not in dump and "secret-topic" not in dump
    assert any(name == "household-data-key" for _, name in machine_a.store)
    assert qr_text == key_file.read_text(encoding="utf-8") and "household-data-key" in qr_text

    with on(machine_b):
        # Without the key: a clear "join the household" state, never a crash.
        assert second.secrets.key_state() is HouseholdKeyState.NEEDS_KEY
        assert second.secrets.presence(indexer.secret_name()) is SecretPresence.UNREADABLE
        with pytest.raises(HouseholdKeyMissingError) as missing:
            second.notifications.masked_url(backend.id)
        assert "join" in missing.value.hint.lower()
        with pytest.raises(HouseholdKeyMissingError):  # nor may it seal with a key of its own
            second.secrets.set("download-client-x", "pw")
        with pytest.raises(KeyringLockedError):
            second.secrets.shared.import_key_file(key_file, "wrong passphrase")
        second.secrets.shared.import_key_file(key_file, "join us please")
        assert second.secrets.key_state() is HouseholdKeyState.READY
        assert second.secrets.get(indexer.secret_name()) == API_KEY
        assert second.notifications.masked_url(backend.id) == first.notifications.masked_url(backend.id)
        second.secrets.set("download-client-x", "client-password")
    with on(machine_a):
        assert first.secrets.get("download-client-x") == "client-password"


def test_a_key_from_another_household_is_refused(
    desktops: tuple[AppCore, AppCore], tmp_path: Path, database_url: str
) -> None:
    first, second = desktops
    with on(MemoryKeyring()):
        make_household(first)
        first.secrets.set("indexer-a", "key-a")
    other = open_core(tmp_path / "other", f"sqlite:///{tmp_path / 'other.db'}", log_to_console=False)
    try:
        with on(MemoryKeyring()):
            make_household(other)
            other.secrets.set("indexer-b", "key-b")
            other.secrets.shared.export_key_file(tmp_path / "other.rmabkey", "other household")
    finally:
        other.close()
    with on(MemoryKeyring()), pytest.raises(CredentialError, match="another household"):
        second.secrets.shared.import_key_file(tmp_path / "other.rmabkey", "other household")


def test_single_user_keeps_the_keyring_and_household_publishes_earlier_secrets(
    desktops: tuple[AppCore, AppCore], memory_keyring: MemoryKeyring
) -> None:
    first, _ = desktops
    first.users.default_user()
    assert first.secrets.key_state() is HouseholdKeyState.SINGLE_USER
    first.secrets.set("indexer-old", "old-key")
    assert not first.secrets.shared.has("indexer-old")
    assert any(name == "indexer-old" for _, name in memory_keyring.store)

    first.users.create("alice", password="correct horse")  # a second user: household mode
    assert first.secrets.get("indexer-old") == "old-key"  # read from the keyring and published
    assert first.secrets.shared.has("indexer-old")
    first.secrets.delete("indexer-old")
    assert first.secrets.get("indexer-old") is None  # gone from both, not published again


def test_of_two_desktops_making_the_key_at_once_one_wins(
    desktops: tuple[AppCore, AppCore], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = desktops
    machine_a, machine_b = MemoryKeyring(), MemoryKeyring()
    with on(machine_a):
        make_household(first)
        first.secrets.set("indexer-a", "key-a")  # desktop A made the household key
    shared = second.secrets.shared
    seen_before = shared._row
    # Desktop B looked for the check row just before A wrote it: it also tries to make a key.
    monkeypatch.setattr(shared, "_row", lambda name: None if name == KEY_CHECK_NAME else seen_before(name))
    with on(machine_b), pytest.raises(HouseholdKeyMissingError):
        second.secrets.set("indexer-b", "key-b")
    assert not any(name == "household-data-key" for _, name in machine_b.store)
    monkeypatch.undo()
    with on(machine_a):
        assert first.secrets.get("indexer-a") == "key-a"  # A's secrets stay readable
