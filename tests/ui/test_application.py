"""The composed desktop app: pause from the tray is persisted, quit asks while jobs run.

The app is quit inside each test body (``running_app``): see tests/ui/running_app.py.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from rmab_desktop.domain.job_payloads import DiagnosticWaitPayload
from rmab_desktop.domain.jobs import JobType
from tests.ui.running_app import running_app


def test_pause_from_the_tray_is_persisted(core, qtbot):
    with running_app(core, qtbot) as desktop:
        desktop.tray.pause_action.trigger()
        assert core.prefs.automation_paused
        qtbot.waitUntil(lambda: core.settings_store.load().automation_paused, timeout=30_000)
        qtbot.waitUntil(lambda: desktop.pump.state.paused, timeout=30_000)
        assert desktop.window.automation_label.text() == "Automation paused"
        titles = lambda: [title for title, _message, _level in desktop.notifier.history]  # noqa: E731
        qtbot.waitUntil(lambda: "Automation paused" in titles(), timeout=30_000)


def test_quit_asks_while_jobs_run(core, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *args, **kw: asked.append(args) or QMessageBox.StandardButton.No),
    )
    job_id = core.queue.enqueue(JobType.DIAGNOSTICS_WAIT, DiagnosticWaitPayload(30))
    with running_app(core, qtbot) as desktop:
        desktop.start()
        qtbot.waitUntil(lambda: job_id in desktop.pump.active_job_ids, timeout=15_000)
        desktop.request_quit()
        assert asked and "still running" in asked[0][2]
        assert not desktop._quitting and desktop.window.isVisible()
    assert core.queue.get(job_id).status.value == "queued"  # interrupted by quit, runs again later


def test_the_local_api_starts_with_the_app_when_turned_on_and_stops_at_quit(core, qtbot):
    import socket

    import httpx

    from rmab_desktop.services.local_api.server import ServerState

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    core.prefs.api.enabled, core.prefs.api.port = True, port
    with running_app(core, qtbot) as desktop:
        desktop.start()
        qtbot.waitUntil(lambda: core.api_server.status().state is ServerState.RUNNING, timeout=30_000)
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=30).status_code == 401
    assert core.api_server.status().state is ServerState.STOPPED  # quit stopped the server thread


def test_a_household_desktop_without_the_key_is_told_to_join(core, qtbot):
    import keyring

    from tests.fakes.memory_keyring import MemoryKeyring

    core.users.default_user()
    core.users.create("alice", password="correct horse")
    own = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # another desktop makes the household key
    try:
        core.secrets.set("indexer-abc", "key")
    finally:
        keyring.set_keyring(own)
    with running_app(core, qtbot) as desktop:
        desktop.start()
        qtbot.waitUntil(lambda: "household_key" in desktop.window.banners._banners, timeout=30_000)
        banner = desktop.window.banners._banners["household_key"]
        assert "not joined the household" in banner.label.text() and banner.action_button is not None
        banner.action_button.click()
        from PySide6.QtWidgets import QApplication

        from rmab_desktop.ui.dialogs.household_key_settings import HouseholdKeySettings

        (settings,) = [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "SettingsDialog"]
        shown = settings.section_widget("household_key")
        assert isinstance(shown, HouseholdKeySettings) and shown.isVisible() and shown.join_button.isEnabled()
