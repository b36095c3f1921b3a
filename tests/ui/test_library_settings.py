"""Settings > Library: backend choice, server fields, Find libraries, Test, save (token in keyring)."""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.services.credentials import KeyringState
from rmab_desktop.services.library.backends import PLEX_TOKEN_KEY
from rmab_desktop.ui.dialogs.library_settings import LibrarySettings
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.secret_places import SAVED_SECRET
from rmab_desktop.ui.shell import Shell
from tests.fakes import plex_server as fake_plex


def test_plex_setup_find_test_and_save(qtbot, shell: Shell, core: AppCore, tmp_path: Path) -> None:
    (section,) = [s for s in SETTINGS_SECTIONS if s.key == "library"]
    widget = section.factory(core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, LibrarySettings) and widget.server_box.isHidden()
    widget.root_edit.setText(str(tmp_path))
    widget.test()
    assert "readable and writable" in widget.result_label.text()

    with fake_plex.FakePlexServer() as server:
        widget.kind_combo.setCurrentIndex(1)
        assert widget.kind == LibraryBackendKind.PLEX and not widget.server_box.isHidden()
        widget.url_edit.setText(server.url)
        widget.token_edit.setText("wrong")
        widget.find_libraries()
        assert "refused" in widget.result_label.text()
        widget.token_edit.setText(fake_plex.TOKEN)
        widget.find_libraries()
        assert widget.library_combo.count() == 1 and widget.library_combo.currentText() == "Audiobooks"
        widget.server_prefix.setText("/data/audiobooks")
        widget.local_prefix.setText(str(tmp_path))
        widget.test()
        assert widget.result_label.text().startswith("✔ Connected to Plex")
        assert core.credentials.get(PLEX_TOKEN_KEY) is None  # testing saves nothing
        assert widget.apply()

    saved = core.library.backend_config()
    assert saved.kind == LibraryBackendKind.PLEX and saved.plex.section_id == "3"
    assert saved.plex.path_map.local_prefix == str(tmp_path)
    assert core.credentials.get(PLEX_TOKEN_KEY) == fake_plex.TOKEN
    assert core.prefs.library.root == str(tmp_path)
    assert "backend" not in core.prefs.library.model_dump()  # the config is its only home
    assert fake_plex.TOKEN not in saved.model_dump_json()  # only the keyring name is in the config

    again = LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)
    qtbot.addWidget(again)
    assert again.kind == LibraryBackendKind.PLEX and again.url_edit.text() == saved.plex.url
    assert (
        again.token_edit.text() == ""
        and again.token_edit.placeholderText() == SAVED_SECRET[KeyringState.SECURE]
    )


def test_sign_in_with_plex_fills_the_token(qtbot, shell: Shell, core: AppCore, monkeypatch) -> None:
    import httpx
    from PySide6.QtGui import QDesktopServices

    from rmab_desktop.clients.plex import PlexTvPinFlow

    polls = []

    def plex_tv(request: httpx.Request) -> httpx.Response:
        polls.append(request.url.path)
        linked = len(polls) >= 3
        return httpx.Response(
            200, json={"id": 42, "code": "ABCD", "authToken": "signed-in-token" if linked else None}
        )

    opened = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True)
    )
    widget = LibrarySettings(core.library, core.prefs, core.save_prefs, shell.runner)
    qtbot.addWidget(widget)
    widget.pin_flow = lambda client_id: PlexTvPinFlow(client_id, transport=httpx.MockTransport(plex_tv))
    widget.kind_combo.setCurrentIndex(1)
    assert widget.plex_sign_in.isVisibleTo(widget)
    monkeypatch.setattr("rmab_desktop.domain.cancel.CancelToken.wait", lambda self, seconds: False)
    widget.sign_in_with_plex()
    assert opened and "app.plex.tv/auth#?" in opened[0] and "code=ABCD" in opened[0]
    assert widget.token_edit.text() == "signed-in-token" and "Signed in" in widget.result_label.text()
    assert core.prefs.extra["plex_client_id"] in opened[0]
