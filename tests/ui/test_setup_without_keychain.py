"""No keychain works (``keyring.backends.fail.Keyring``): the assistant says so up front, saves all
that needs no secret and never blocks Finish; the encrypted file can be created and unlocked from the
assistant, Settings > General and at start."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtWidgets import QDialog

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.services import setup
from rmab_desktop.services.credentials import KeyringState
from rmab_desktop.services.indexers import IndexerConfig, IndexerType
from rmab_desktop.ui.dialogs.general_settings import GeneralSettings
from rmab_desktop.ui.dialogs.secrets_unlock import KeychainNotice, PassphraseDialog
from rmab_desktop.ui.wiring import open_first_run_wizard

PASSPHRASE = "correct horse battery"


@pytest.fixture
def no_keychain(core: AppCore) -> AppCore:
    keyring.set_keyring(FailKeyring())  # the memory_keyring fixture restores the previous one
    assert core.credentials.status().state is KeyringState.UNAVAILABLE
    return core


def test_the_plan_saves_everything_that_needs_no_secret(no_keychain: AppCore, tmp_path) -> None:
    core = no_keychain
    archive = IndexerConfig(name="Archive", type=IndexerType.INTERNET_ARCHIVE, url="https://archive.org")
    tracker = IndexerConfig(name="Tracker", type=IndexerType.TORZNAB, url="http://127.0.0.1:9117/api")
    plan = setup.SetupPlan(
        library=setup.LibraryChoice(root=str(tmp_path / "books"), kind=LibraryBackendKind.FOLDER),
        region="uk",
        indexers=[(archive, None), (tracker, "tracker-key-1234")],
        notification_url="ntfys://my-topic",
    )
    started = setup.apply_plan(core, plan)
    assert started.secrets_not_saved == ("Tracker", "Notifications")
    assert [c.name for c in core.indexers.configs()] == ["Archive", "Tracker"]
    assert core.prefs.library.root == str(tmp_path / "books")
    assert core.prefs.catalog.region == "uk" and core.prefs.first_run_done


def test_the_assistant_says_so_up_front_and_finish_is_not_blocked(no_keychain: AppCore, shell, qtbot) -> None:
    wizard = open_first_run_wizard(no_keychain, shell)
    qtbot.addWidget(wizard)
    assert len(wizard.keychain_notices) == 4
    notice = wizard.keychain_notices[1]  # the indexers step
    assert not notice.isHidden() and "cannot be saved" in notice.label.text()
    assert not notice.create_button.isHidden() and notice.unlock_button.isHidden()
    wizard.indexers.chosen()  # what the page offers by default (the keyless Internet Archive)
    wizard.start.initializePage()
    assert wizard.start.isComplete()
    assert any(c.type == IndexerType.INTERNET_ARCHIVE for c in no_keychain.indexers.configs())


def test_a_new_passphrase_is_asked_twice_and_creates_the_file(no_keychain: AppCore, shell, qtbot) -> None:
    dialog = PassphraseDialog(no_keychain.credentials, shell.runner, create=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    assert not dialog.ok.isEnabled() and "At least 8" in dialog.note.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "x")
    assert not dialog.ok.isEnabled() and "differ" in dialog.note.text()
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert no_keychain.credentials.status().state is KeyringState.ENCRYPTED_FILE
    no_keychain.credentials.set("indexer-x", "a-key-5678")
    assert no_keychain.credentials.get("indexer-x") == "a-key-5678"


def test_a_locked_file_offers_unlock_and_a_wrong_passphrase_is_explained(
    no_keychain: AppCore, shell, qtbot
) -> None:
    secrets = no_keychain.credentials.fallback
    secrets.create(PASSPHRASE)
    secrets.lock()
    notice = KeychainNotice(no_keychain.credentials, shell.runner)
    qtbot.addWidget(notice)
    assert notice.create_button.isHidden() and not notice.unlock_button.isHidden()
    dialog = PassphraseDialog(no_keychain.credentials, shell.runner, create=False)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not the passphrase")
    dialog.ok.click()
    assert dialog.result() != QDialog.DialogCode.Accepted and "does not open" in dialog.outcome.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and secrets.unlocked
    notice.refresh()
    assert notice.isHidden()


def test_settings_general_offers_the_encrypted_file(no_keychain: AppCore, shell, qtbot, tmp_path) -> None:
    core = no_keychain
    page = GeneralSettings(
        core.prefs, lambda: None, core.paths, core.database, core.credentials, shell.runner
    )
    qtbot.addWidget(page)
    assert page.keyring_label.text().startswith("<b>Not available</b>")
    assert not page.keychain_actions.create_button.isHidden()


def test_at_start_a_locked_file_asks_once_and_not_now_says_so(no_keychain: AppCore, qtbot) -> None:
    from tests.ui.running_app import running_app

    no_keychain.credentials.fallback.create(PASSPHRASE)
    no_keychain.credentials.fallback.lock()
    with running_app(no_keychain, qtbot) as desktop:
        asked: list[PassphraseDialog] = []
        real = desktop.ask_passphrase
        desktop.ask_passphrase = lambda: asked.append(real()) or asked[-1]  # type: ignore[method-assign]
        desktop.start()
        assert len(asked) == 1 and asked[0].isVisible()
        asked[0].reject()
        assert "Secrets are locked" in desktop.window.statusBar().currentMessage()
        assert not no_keychain.credentials.fallback.unlocked
