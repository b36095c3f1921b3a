"""Every secret field says where a typed secret goes: the system keychain, the encrypted secrets
file, or nowhere yet (no keychain and no file, or a locked one), in the assistant, Settings, the
Shelves page and BookDate. The keychain is the real keyring library: a memory backend that works,
or ``keyring.backends.fail.Keyring`` (no keychain at all)."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtWidgets import QLineEdit, QWidget

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.services.credentials import KeyringState
from rmab_desktop.services.downloads.config import DownloadClientConfig
from rmab_desktop.services.indexers import IndexerConfig, IndexerType
from rmab_desktop.services.library.backends import LibraryBackendConfig, LibraryBackendKind
from rmab_desktop.ui.dialogs.download_client_settings import DownloadClientSettings
from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings
from rmab_desktop.ui.dialogs.library_settings import LibrarySettings
from rmab_desktop.ui.dialogs.notification_settings import NotificationSettings
from rmab_desktop.ui.pages.bookdate_page import ProviderSettings
from rmab_desktop.ui.pages.shelves_page import ShelvesPage
from rmab_desktop.ui.secret_places import SECRET_FIELD
from rmab_desktop.ui.wiring import open_first_run_wizard

PASSPHRASE = "correct horse battery"
KEYCHAIN, FILE = "system keychain", "encrypted secrets file"
PASSPHRASE_FIRST, UNLOCK_FIRST = "choose a passphrase", "unlock your keychain or secrets file"


@pytest.fixture
def no_keychain(core: AppCore) -> AppCore:
    keyring.set_keyring(FailKeyring())  # the memory_keyring fixture restores the previous one
    assert core.credentials.status().state is KeyringState.UNAVAILABLE
    return core


def _wizard_secret_fields(core: AppCore, shell, qtbot) -> list[QLineEdit]:  # type: ignore[no-untyped-def]
    wizard = open_first_run_wizard(core, shell)
    qtbot.addWidget(wizard)
    fields = [edit for edit in wizard.findChildren(QLineEdit) if edit.property(SECRET_FIELD)]
    assert len(fields) >= 3  # library token, indexer keys, download client secret
    return fields


def test_the_assistant_names_the_keychain_when_one_works(core: AppCore, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert {edit.placeholderText() for edit in _wizard_secret_fields(core, shell, qtbot)} == {
        "kept in your system keychain"
    }


def test_the_assistant_without_a_keychain_says_nothing_is_kept_until_a_passphrase(
    no_keychain: AppCore, shell, qtbot
) -> None:  # type: ignore[no-untyped-def]
    for edit in _wizard_secret_fields(no_keychain, shell, qtbot):
        assert PASSPHRASE_FIRST in edit.placeholderText() and KEYCHAIN not in edit.placeholderText()


def test_the_assistant_with_the_encrypted_file_names_it(no_keychain: AppCore, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    no_keychain.credentials.fallback.create(PASSPHRASE)
    for edit in _wizard_secret_fields(no_keychain, shell, qtbot):
        assert edit.placeholderText() == "kept in your encrypted secrets file"


def test_the_assistant_follows_the_store_when_the_file_is_created(no_keychain: AppCore, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    wizard = open_first_run_wizard(no_keychain, shell)
    qtbot.addWidget(wizard)
    token = wizard.library.token_edit
    assert PASSPHRASE_FIRST in token.placeholderText()
    no_keychain.credentials.fallback.create(PASSPHRASE)  # as "Use an encrypted file…" does
    wizard.keychain_notices[0].refresh()
    assert FILE in token.placeholderText()


def _settings_fields(core: AppCore, shell, qtbot) -> tuple[list[QWidget], dict[str, QLineEdit]]:  # type: ignore[no-untyped-def]
    """The sections, and the first indexer's key, the first client's password and the server token."""
    indexers = IndexerSettings(core.indexers, core.credentials, shell.runner)
    clients = DownloadClientSettings(core.downloads, core.credentials, shell.runner)
    library = LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)
    widgets: list[QWidget] = [indexers, clients, library]
    for widget in widgets:
        qtbot.addWidget(widget)
    fields = {"indexer": indexers.key_edit, "client": clients.secret_edit, "library": library.token_edit}
    return widgets, fields


@pytest.mark.parametrize(
    ("store", "words"),
    [
        ("keychain", "kept in your system keychain"),
        ("none", PASSPHRASE_FIRST),
        ("file", FILE),
        ("locked", UNLOCK_FIRST),
    ],
)
def test_settings_fields_say_where_a_new_secret_goes(
    core: AppCore, shell, qtbot, store: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    core.indexers.save_configs(
        [IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url="http://127.0.0.1:9117/api")]
    )
    core.downloads.save_client(
        DownloadClientConfig(name="qBit", kind="qbittorrent", url="http://127.0.0.1:8080")
    )
    server = LibraryBackendConfig(kind=LibraryBackendKind.PLEX)
    server.plex.url = "http://127.0.0.1:32400"
    core.library.save_backend_config(server, None)
    if store != "keychain":
        keyring.set_keyring(FailKeyring())
    if store in ("file", "locked"):
        core.credentials.fallback.create(PASSPHRASE)
    if store == "locked":
        core.credentials.fallback.lock()
    _sections, fields = _settings_fields(core, shell, qtbot)
    for name, edit in fields.items():
        assert words in edit.placeholderText(), (name, edit.placeholderText())


def test_a_secret_saved_in_the_encrypted_file_says_so(no_keychain: AppCore, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    core = no_keychain
    core.credentials.fallback.create(PASSPHRASE)
    tracker = IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url="http://127.0.0.1:9117/api")
    core.indexers.save_configs([tracker])
    core.indexers.set_api_key(tracker, "tracker-key-1234")
    widget = IndexerSettings(core.indexers, core.credentials, shell.runner)
    qtbot.addWidget(widget)
    assert widget.key_edit.placeholderText() == "Saved in your encrypted secrets file; type to replace it"


def test_notifications_say_where_urls_go(no_keychain: AppCore, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = NotificationSettings(no_keychain.notifications, runner)
    qtbot.addWidget(section)
    assert "No URL can be saved until you choose a passphrase" in section.intro.text()
    no_keychain.credentials.fallback.create(PASSPHRASE)
    section.reload()
    assert "Each URL is kept in your encrypted secrets file." in section.intro.text()


def test_the_hardcover_token_and_the_ai_key_say_where_they_go(no_keychain: AppCore, shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.ui.models.catalog_model import CoverImages

    covers = CoverImages(shell.runner, no_keychain.catalog.covers.fetch)
    page = ShelvesPage(no_keychain.shelves, shell.runner, covers)
    qtbot.addWidget(page)
    page.add()
    token = page.add_dialog.token_edit.placeholderText()
    assert "hardcover.app/account/api" in token and PASSPHRASE_FIRST in token
    provider = ProviderSettings(no_keychain.bookdate, shell.runner)
    qtbot.addWidget(provider)
    assert PASSPHRASE_FIRST in provider.key_edit.placeholderText()


def test_in_a_household_secrets_go_to_its_shared_store_or_wait_for_its_key(
    core: AppCore, runner, qtbot
) -> None:  # type: ignore[no-untyped-def]
    import keyring as keyring_module

    from tests.fakes.memory_keyring import MemoryKeyring

    core.users.default_user()
    core.users.create("alice", password="correct horse")  # two people: household mode
    section = NotificationSettings(core.notifications, runner)
    qtbot.addWidget(section)
    assert "household's shared secrets" in section.intro.text()  # the first secret makes the key
    own = keyring_module.get_keyring()
    keyring_module.set_keyring(MemoryKeyring())  # another desktop made the household key
    try:
        core.secrets.set("indexer-abc", "key")
    finally:
        keyring_module.set_keyring(own)
    section.reload()
    assert "until this computer has the household key" in section.intro.text()
    core.indexers.save_configs(
        [IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url="http://127.0.0.1:9117/api")]
    )
    again = IndexerSettings(core.indexers, core.secrets, runner)
    qtbot.addWidget(again)
    assert "household key" in again.key_edit.placeholderText()
