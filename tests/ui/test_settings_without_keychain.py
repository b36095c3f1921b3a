"""No keychain works (``keyring.backends.fail.Keyring``): Settings keep every configured item, mark
the ones whose secret cannot be read, and OK never deletes configuration."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.errors import CredentialError
from rmab_desktop.services.credentials import KeyringState, SecretPresence
from rmab_desktop.services.downloads.config import DownloadClientConfig
from rmab_desktop.services.indexers.models import IndexerConfig, IndexerType
from rmab_desktop.ui.dialogs.download_client_settings import DownloadClientSettings
from rmab_desktop.ui.dialogs.indexer_settings import IndexerSettings
from rmab_desktop.ui.secret_places import UNREADABLE_SECRET


@pytest.fixture
def configured(core: AppCore) -> AppCore:
    """An indexer with a key, the keyless Internet Archive and a client with a password, saved
    while a keychain worked; then the keychain goes away."""
    tracker = IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url="http://127.0.0.1:9117/api")
    archive = IndexerConfig(name="Archive", type=IndexerType.INTERNET_ARCHIVE, url="https://archive.org")
    core.indexers.save_configs([tracker, archive])
    core.indexers.set_api_key(tracker, "tracker-key-1234")
    core.downloads.save_client(
        DownloadClientConfig(name="qBit", kind="qbittorrent", url="http://127.0.0.1:8080"), "qbit-pass"
    )
    keyring.set_keyring(FailKeyring())  # the memory_keyring fixture restores the previous one
    with pytest.raises(CredentialError):
        core.credentials.get(tracker.secret_name())
    return core


def test_indexers_are_kept_and_marked_enter_the_key_again(configured: AppCore, shell, qtbot) -> None:
    core = configured
    assert core.credentials.presence(core.indexers.configs()[0].secret_name()) is SecretPresence.UNREADABLE
    widget = IndexerSettings(core.indexers, core.credentials, shell.runner)
    qtbot.addWidget(widget)
    assert [c.name for c in widget.model.rows()] == ["Tracker", "Archive"]
    assert (
        widget.key_edit.placeholderText() == UNREADABLE_SECRET[KeyringState.UNAVAILABLE]
    )  # Tracker is selected first
    assert "cannot be read" in widget.status.text() and "kept" in widget.status.text()
    widget.apply()
    assert [c.name for c in core.indexers.configs()] == ["Tracker", "Archive"]


def test_an_indexers_page_that_never_loaded_writes_nothing(configured: AppCore, qtbot) -> None:
    class NeverRuns:  # the load is still on its way when the user presses OK
        def submit(self, *args, **kwargs):
            return None

    widget = IndexerSettings(configured.indexers, configured.credentials, NeverRuns())
    qtbot.addWidget(widget)
    assert widget.apply() is True
    assert [c.name for c in configured.indexers.configs()] == ["Tracker", "Archive"]


def test_download_clients_are_kept_and_marked(configured: AppCore, shell, qtbot) -> None:
    core = configured
    widget = DownloadClientSettings(core.downloads, core.credentials, shell.runner)
    qtbot.addWidget(widget)
    names = [c.name for c in widget.model.rows()]
    assert "qBit" in names
    widget.table.selectRow(names.index("qBit"))
    assert widget.secret_edit.placeholderText() == UNREADABLE_SECRET[KeyringState.UNAVAILABLE]
    assert not widget.keychain_note.isHidden() and "cannot be read" in widget.keychain_note.text()
    widget.apply()
    assert "qBit" in [c.name for c in core.downloads.settings().clients]


def test_a_plex_server_whose_token_cannot_be_read_is_kept(core: AppCore, shell, qtbot) -> None:
    from rmab_desktop.services.library.backends import LibraryBackendConfig, LibraryBackendKind
    from rmab_desktop.ui.dialogs.library_settings import LibrarySettings

    config = LibraryBackendConfig(kind=LibraryBackendKind.PLEX)
    config.plex.url = "http://127.0.0.1:32400"
    core.library.save_backend_config(config, "plex-token-1234")
    keyring.set_keyring(FailKeyring())
    widget = LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)
    qtbot.addWidget(widget)
    assert widget.token_edit.placeholderText() == UNREADABLE_SECRET[KeyringState.UNAVAILABLE]
    widget.apply()
    saved = core.library.backend_config()
    assert saved.kind == LibraryBackendKind.PLEX and saved.plex.url == "http://127.0.0.1:32400"
