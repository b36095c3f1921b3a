"""Settings > Local API and Settings > Household key, driven like a user would (real core, real server)."""

from __future__ import annotations

import socket
from pathlib import Path

import httpx
import keyring
import pytest
from PySide6.QtWidgets import QMessageBox

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import Role
from rmab_desktop.services.credentials import HouseholdKeyState
from rmab_desktop.services.local_api.server import ServerState
from rmab_desktop.ui.dialogs.household_key_settings import HouseholdKeySettings, qr_pixmap
from rmab_desktop.ui.dialogs.local_api_settings import EVERY_NETWORK, LocalApiSettings
from tests.fakes.memory_keyring import MemoryKeyring


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _section(core: AppCore, runner) -> LocalApiSettings:  # type: ignore[no-untyped-def]
    return LocalApiSettings(core.api_server, core.api_tokens, core.users, core.prefs, core.save_prefs, runner)


def test_make_copy_list_and_revoke_a_token(qtbot, core: AppCore, runner, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    section = _section(core, runner)
    qtbot.addWidget(section)
    assert section.token_stack.currentWidget() is section.empty  # no tokens yet: say what they are for
    assert not section.revoke_button.isEnabled()

    dialog = section.new_token()
    assert dialog is not None and dialog.user_combo.isEnabled()  # the admin may choose anyone
    dialog.name_edit.setText("Home Assistant")
    dialog.expiry_combo.setCurrentIndex(dialog.expiry_combo.findData(30))
    with qtbot.waitSignal(dialog.created):
        dialog.make_token()
    token = dialog.token_edit.text()
    assert token.startswith("rmab_") and dialog.stack.currentWidget() is dialog.token_box
    dialog.copy()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == token
    dialog.make_token()  # "Done"
    assert dialog.token_edit.text() == ""  # the token is gone with the dialog

    assert section.token_stack.currentWidget() is section.table and section.model.rowCount() == 1
    shown = section.model.row_object(0)
    assert shown.prefix == token[:12] and shown.name == "Home Assistant" and shown.expires_at is not None
    section.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    section.revoke()
    assert section.model.row_object(0).revoked_at is not None and not section.revoke_button.isEnabled()


def test_a_user_makes_tokens_only_for_themselves(qtbot, core: AppCore, runner) -> None:  # type: ignore[no-untyped-def]
    core.users.default_user()
    alice = core.users.create("alice", role=Role.USER, password="correct horse")
    core.users.act_as(alice.id)
    section = _section(core, runner)
    qtbot.addWidget(section)
    dialog = section.new_token()
    assert dialog is not None
    assert dialog.user_combo.count() == 1 and not dialog.user_combo.isEnabled()


def test_start_and_stop_the_server_from_settings(qtbot, core: AppCore, runner) -> None:  # type: ignore[no-untyped-def]
    section = _section(core, runner)
    qtbot.addWidget(section)
    section.show()
    assert section.state_label.text() and not section.lan_warning.isVisible()
    section.where_combo.setCurrentIndex(section.where_combo.findData(EVERY_NETWORK))
    assert section.lan_warning.isVisible()  # the LAN comes with a warning
    section.where_combo.setCurrentIndex(0)
    port = _free_port()
    section.port_spin.setValue(port)
    section.toggle()
    assert core.api_server.status().state is ServerState.RUNNING, section.server_result.text()
    assert f"127.0.0.1:{port}" in section.state_label.text()
    assert core.prefs.api.enabled and core.prefs.api.port == port
    assert httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=30).status_code == 401
    section.toggle()
    assert core.api_server.status().state is ServerState.STOPPED and not core.prefs.api.enabled

    with socket.socket() as taken:  # a port in use: the section says why it is not running
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        section.port_spin.setValue(taken.getsockname()[1])
        section.toggle()
    assert "Cannot listen" in section.server_result.text() and "Cannot listen" in section.state_label.text()


def test_household_key_states_export_and_join(
    qtbot, core: AppCore, runner, tmp_path: Path, database_url: str
) -> None:  # type: ignore[no-untyped-def]
    section = HouseholdKeySettings(core.secrets, runner)
    qtbot.addWidget(section)
    assert section.state is HouseholdKeyState.SINGLE_USER
    assert not section.export_button.isEnabled() and section.join_button.isEnabled()

    core.users.default_user()
    core.users.create("alice", password="correct horse")
    core.secrets.set("indexer-abc", "the-api-key")
    section.reload()
    assert section.state is HouseholdKeyState.READY and section.export_button.isEnabled()
    export = section.export()
    export.passphrase.setText("kitchen table")
    export.repeat.setText("kitchen tablE")
    export.export()
    assert export.outcome.ok is False and "differ" in export.outcome.text()
    export.repeat.setText("kitchen table")
    export.path_edit.setText(str(tmp_path / "household.rmabkey"))
    export.export()
    assert export.outcome.ok is True, export.outcome.text()
    assert not export.qr_label.isHidden() and not export.qr_label.pixmap().isNull()
    export.close()

    other_machine = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(other_machine)
    second = open_core(tmp_path / "second", database_url, log_to_console=False)
    try:
        joining = HouseholdKeySettings(second.secrets, runner)
        qtbot.addWidget(joining)
        assert joining.state is HouseholdKeyState.NEEDS_KEY and "not joined" in joining.state_label.text()
        assert joining.join_button.isEnabled() and not joining.export_button.isEnabled()
        dialog = joining.join()
        dialog.join()
        assert dialog.outcome.ok is False and "key file" in dialog.outcome.text()
        dialog.pasted.setPlainText((tmp_path / "household.rmabkey").read_text(encoding="utf-8"))
        dialog.passphrase.setText("wrong words")
        dialog.join()
        assert dialog.outcome.ok is False and "passphrase" in dialog.outcome.text()
        dialog.passphrase.setText("kitchen table")
        with qtbot.waitSignal(dialog.joined):
            dialog.join()
        assert joining.state is HouseholdKeyState.READY
        assert second.secrets.get("indexer-abc") == "the-api-key"
    finally:
        keyring.set_keyring(previous)
        second.close()


@pytest.mark.parametrize("payload", ["short", "x" * 600])
def test_qr_codes_keep_their_quiet_zone(qapp, payload: str) -> None:  # type: ignore[no-untyped-def]
    image = qr_pixmap(payload).toImage()
    assert image.width() == image.height() and image.width() >= 21 * 4
    assert image.pixelColor(0, 0).name() == "#ffffff"  # white border: scanners need it
    assert any(image.pixelColor(x, image.height() // 2).name() == "#000000" for x in range(image.width()))
