"""DesktopIntegration and the Desktop settings section on a real core (SQLite profile)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop import APP_ID
from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.db.models.catalog import Audiobook
from rmab_desktop.db.models.requests import Request
from rmab_desktop.services.desktop.autostart import XdgAutostart
from rmab_desktop.services.desktop.keep_awake import KeepAwake
from rmab_desktop.ui.desktop_integration import DesktopIntegration
from rmab_desktop.ui.dialogs.about_dialog import AboutDialog
from rmab_desktop.ui.dialogs.desktop_settings import DesktopSettings
from rmab_desktop.ui.notifier import AppNotifier, RecordingNotifier
from rmab_desktop.ui.os_notifications import OsNotifications
from rmab_desktop.workers.runner import ImmediateRunner


@pytest.fixture
def core(tmp_path: Path) -> Iterator[AppCore]:
    core = open_core(tmp_path / "profile", log_to_console=False)
    yield core
    core.close()


class FakeBackend:
    name = "fake"

    def __init__(self) -> None:
        self.sent: list[tuple[str, str, str]] = []

    def available(self) -> bool:
        return True

    def send(self, title, message, level, on_failure) -> None:
        self.sent.append((title, message, level))

    def close(self) -> None:
        pass


class RecordingInhibitor:
    name = "recording"

    def __init__(self) -> None:
        self.held = 0

    def acquire(self, reason: str):
        self.held += 1
        inhibitor = self

        class Held:
            def release(self) -> None:
                inhibitor.held -= 1

        return Held()


def test_integration_notifies_keeps_awake_and_applies_autostart(qtbot, core: AppCore, tmp_path: Path) -> None:
    backend, inhibitor, fallback = FakeBackend(), RecordingInhibitor(), []
    autostart = XdgAutostart(tmp_path / "config")
    notifier = AppNotifier()
    integration = DesktopIntegration(
        core,
        ImmediateRunner(),
        notifier,
        lambda *a: fallback.append(a),
        keep_awake=KeepAwake([inhibitor]),
        autostart=autostart,
        os_notifications=OsNotifications(lambda *a: fallback.append(a), backend=backend),
    )
    try:
        notifier.notify("Available", "Dune is in your library", "success")
        qtbot.waitUntil(lambda: backend.sent == [("Available", "Dune is in your library", "success")])
        assert fallback == []

        core.prefs.keep_awake_while_working = True
        integration.check_work()
        assert inhibitor.held == 0  # nothing runs yet
        with core.database.session() as session:
            book = Audiobook(title="Dune")
            session.add(book)
            session.flush()
            session.add(Request(audiobook_id=book.id, status="downloading"))
        integration.check_work()
        assert inhibitor.held == 1
        core.prefs.keep_awake_while_working = False
        integration.check_work()
        assert inhibitor.held == 0

        assert not autostart.is_enabled()
        core.prefs.start_at_login = True
        integration.apply_start_at_login()
        assert autostart.is_enabled()
        core.prefs.start_at_login = False
        integration.apply_start_at_login()
        assert not autostart.path.exists()
    finally:
        integration.close()


def test_desktop_settings_section(
    qtbot, core: AppCore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    entry = tmp_path / "xdg" / "autostart" / f"{APP_ID}.desktop"
    section = DesktopSettings(core.prefs, core.save_prefs, ImmediateRunner(), RecordingNotifier())
    qtbot.addWidget(section)
    section.login_check.setChecked(True)
    assert entry.is_file() and core.prefs.start_at_login
    section.login_check.setChecked(False)
    assert not entry.exists() and not core.prefs.start_at_login
    section.awake_check.setChecked(True)
    assert core.prefs.keep_awake_while_working
    assert core.settings_store.load().keep_awake_while_working  # saved
    dialog = section.show_about()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, AboutDialog) and dialog.model.rowCount() > 10
