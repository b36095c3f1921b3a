"""Blocklist page, interactive search dialog and the Download clients settings section."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.db.engine import Database
from rmab_desktop.domain.jobs import JobType
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.downloads import DownloadClientConfig
from rmab_desktop.ui.dialogs.download_client_settings import DownloadClientSettings
from rmab_desktop.ui.dialogs.interactive_search_dialog import InteractiveSearchDialog
from rmab_desktop.ui.dialogs.settings_registry import SETTINGS_SECTIONS
from rmab_desktop.ui.pages.blocklist_page import BlocklistPage
from rmab_desktop.ui.pages.registry import PAGES
from rmab_desktop.ui.shell import Shell
from rmab_desktop.workers.runner import ImmediateRunner
from tests.daemons import Daemon, free_port
from tests.fakes.download_client import FakeDownloadClient
from tests.pipeline_kit import PipelineKit, StaticIndexers, make_kit

SHOTS = Path(os.environ.get("RMAB_SHOTS", "/tmp"))
SIZE = 60 * 60 * 128_000 // 8


def _release(guid: str, title: str, seeders: int = 10) -> Release:
    return Release(
        guid=guid, title=title, indexer="Fake", size_bytes=SIZE, seeders=seeders, infohash=guid * 40
    )


# -- blocklist ------------------------------------------------------------------------------------
def test_blocklist_page_lists_filters_removes_and_adds(core: AppCore, runner, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    core.blocklist.add(
        None, _release("a", "Jane Doe - The Quiet Test [M4B]"), "Stalled: no progress for 30 min"
    )
    core.blocklist.add(None, _release("b", "Someone - Other Book [MP3]"), "Wrong narrator")
    page = BlocklistPage(core.blocklist, runner, lambda: [(7, "The Quiet Test")])
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    assert page.proxy.rowCount() == 2
    page.filter_edit.setText("narrator")
    assert page.proxy.rowCount() == 1
    page.filter_edit.clear()
    page.resize(1000, 420)
    page.grab().save(str(SHOTS / "rmab-blocklist.png"))
    page.table.selectRow(0)
    page.remove_selected()
    assert len(core.blocklist.list()) == 1 and page.proxy.rowCount() == 1
    page.add()
    dialog = page.add_dialog
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.title_edit.setText("Bad Rip")
    dialog.key_edit.setText("c" * 40)
    dialog.reason_edit.setText("corrupt files")
    assert ok.isEnabled()
    dialog.accept()
    entries = core.blocklist.list()
    added = next(e for e in entries if e.release_title == "Bad Rip")
    assert added.infohash == "c" * 40 and added.release_guid is None and added.reason == "corrupt files"
    assert page.proxy.rowCount() == 2


def test_blocklist_page_is_registered(core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    spec = next(p for p in PAGES if p.key == "blocklist")
    page = spec.factory(core, shell)
    qtbot.addWidget(page)
    assert isinstance(page, BlocklistPage)


# -- interactive search ---------------------------------------------------------------------------
@pytest.fixture
def kit(database: Database, tmp_path: Path) -> Iterator[PipelineKit]:
    client = FakeDownloadClient()
    releases = [
        _release("a", "Jane Doe - The Quiet Test (Unabridged) [M4B]", seeders=50),
        _release("b", "Jane Doe - The Quiet Test [MP3]", seeders=5),
        _release("c", "Jane Doe - The Quiet Test Returns [M4B]", seeders=99),
    ]
    magnets = {r.guid: f"magnet:?xt=urn:btih:{r.infohash}" for r in releases}
    pipeline = make_kit(database, tmp_path, StaticIndexers(releases, magnets), factory=lambda *a, **k: client)
    pipeline.downloads.save_client(DownloadClientConfig(kind="qbittorrent", url="http://fake.invalid"))
    yield pipeline
    pipeline.close()


def test_interactive_search_greys_rejected_and_grabs_an_override(
    kit: PipelineKit, qtbot, qtmodeltester, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    request_id = kit.add_request()
    audiobook_id = kit.requests.get(request_id).audiobook_id
    kit.blocklist.add(audiobook_id, _release("b", "Jane Doe - The Quiet Test [MP3]"), "Stalled")
    dialog = InteractiveSearchDialog(kit.acquisition, ImmediateRunner(), request_id, "The Quiet Test")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    rows = dialog.model.rows()
    assert [r.verdict for r in rows] == ["Accepted", "Blocklisted", "Rejected"]
    grey = Qt.ItemDataRole.ForegroundRole
    assert dialog.model.data(dialog.model.index(0, 3), grey) is None
    assert dialog.model.data(dialog.model.index(2, 3), grey) is not None
    assert "longer, different title" in rows[2].first_reason
    assert "1 acceptable" in dialog.status_label.text()
    dialog.grab().save(str(SHOTS / "rmab-interactive-search.png"))
    asked: list[str] = []
    monkeypatch.setattr(dialog, "confirm_override", lambda result: asked.append(result.verdict) or False)
    dialog.table.selectRow(2)
    assert "Rejected" in dialog.details.toPlainText() and "Score parts" in dialog.details.toPlainText()
    dialog.grab_selected()
    assert asked == ["Rejected"] and kit.jobs(JobType.REQUESTS_GRAB) == []  # declined: nothing grabbed
    monkeypatch.setattr(dialog, "confirm_override", lambda result: True)
    dialog.grab_selected()
    grab_jobs = kit.jobs(JobType.REQUESTS_GRAB)
    assert len(grab_jobs) == 1 and grab_jobs[0].payload["manual"] is True
    assert grab_jobs[0].payload["candidates"][0]["release"]["guid"] == "c"
    kit.drain()
    assert kit.history(request_id)[0].release_guid == "c"


# -- download client settings ---------------------------------------------------------------------
def test_download_clients_section_saves_clients_and_secrets(core: AppCore, shell: Shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    section = next(s for s in SETTINGS_SECTIONS if s.key == "download_clients")
    widget = section.factory(core, shell)
    qtbot.addWidget(widget)
    assert isinstance(widget, DownloadClientSettings)
    widget.add_combo.setCurrentIndex(widget.add_combo.findData("sabnzbd"))
    widget.add()
    assert widget.secret_label.text().replace("&", "") == "API key" and not widget.user_edit.isEnabled()
    widget.url_edit.setText("http://nas.local:8080")
    widget.category_edit.setText("books")
    widget.remote_edit.setText("/downloads")
    widget.local_edit.setText("/mnt/nas/downloads")
    widget.secret_edit.setText("sab-api-key")
    widget.secret_edit.textEdited.emit("sab-api-key")
    widget.stalled_spin.setValue(45)
    widget.rate_spin.setValue(512)
    widget.ratio_spin.setValue(2.0)
    widget.resize(760, 820)
    widget.grab().save(str(SHOTS / "rmab-download-clients.png"))
    assert widget.apply()
    settings = core.downloads.settings()
    (client,) = settings.clients
    assert (client.kind, client.url, client.category) == ("sabnzbd", "http://nas.local:8080", "books")
    assert client.path_mappings[0].local == "/mnt/nas/downloads"
    assert settings.monitor.stalled_minutes == 45 and settings.seeding_default.ratio == 2.0
    assert settings.rate_limit_kbps == 512
    assert core.url_imports.rate_limit_bps() == 512 * 1024
    assert client.secret_name and core.credentials.get(client.secret_name) == "sab-api-key"
    assert "sab-api-key" not in str(core.config.get_raw("download_clients"))


def test_download_clients_test_button_explains_an_unreachable_client(core: AppCore, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = DownloadClientSettings(core.downloads, core.credentials, runner)
    qtbot.addWidget(widget)
    widget.add()
    port = free_port()
    widget.url_edit.setText(f"http://127.0.0.1:{port}")
    widget.test_button.run()
    assert widget.test_button.ok is False
    assert str(port) in widget.test_button.result.text()


@pytest.mark.daemons
def test_download_clients_test_button_with_real_qbittorrent(
    core: AppCore, runner, qtbot, qbittorrent_daemon: Daemon
) -> None:  # type: ignore[no-untyped-def]
    widget = DownloadClientSettings(core.downloads, core.credentials, runner)
    qtbot.addWidget(widget)
    widget.add()
    widget.url_edit.setText(qbittorrent_daemon.url)
    widget.user_edit.setText(qbittorrent_daemon.username)
    widget.secret_edit.textEdited.emit(qbittorrent_daemon.password)
    widget.test_button.run()
    assert widget.test_button.ok is True, widget.test_button.result.text()
    assert "same folder" in widget.test_button.result.text()
    widget.secret_edit.textEdited.emit("wrong password")
    widget.test_button.run()
    assert widget.test_button.ok is False and "password" in widget.test_button.result.text()


# -- requests page hooks ----------------------------------------------------------------------------
def test_requests_page_shows_download_progress_and_opens_interactive_search(
    core: AppCore, runner, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from rmab_desktop.db.models import Audiobook, Request
    from rmab_desktop.ui.pages.requests_page import RequestsPage

    with core.database.session() as session:
        book = Audiobook(asin="B0QUIETTST", title="The Quiet Test", authors=[{"name": "Jane Doe"}])
        session.add(book)
        session.flush()
        session.add(
            Request(
                audiobook_id=book.id,
                status="downloading",
                progress=0.42,
                speed_bps=3 * 1024**2,
                eta_seconds=300,
            )
        )
    page = RequestsPage(core.requests, core.users, core.acquisition, core.events, runner)
    qtbot.addWidget(page)
    page.reload()
    page.table.selectRow(0)
    assert "Downloading 42% at 3.0 MB/s, about 5 min left" in page.detail_info.text()
    assert not page.buttons["interactive"].isHidden()
    page.resize(1200, 700)
    page.grab().save(str(SHOTS / "rmab-requests-downloading.png"))
    page.buttons["interactive"].click()
    dialog = page.findChild(InteractiveSearchDialog)
    assert dialog is not None and "The Quiet Test" in dialog.windowTitle()
    assert "Search failed" in dialog.status_label.text() or "No results" in dialog.status_label.text()


@pytest.mark.daemons
def test_deluge_is_set_up_tested_and_relabels_after_import(
    core: AppCore, runner, qtbot, deluge_daemon: Daemon
) -> None:  # type: ignore[no-untyped-def]
    widget = DownloadClientSettings(core.downloads, core.credentials, runner)
    qtbot.addWidget(widget)
    widget.add_combo.setCurrentIndex(widget.add_combo.findData("deluge"))
    widget.add()
    assert widget.url_edit.placeholderText() == "127.0.0.1:58846"
    assert widget.after_import_edit.isVisibleTo(widget)
    widget.url_edit.setText(deluge_daemon.url)
    widget.user_edit.setText(deluge_daemon.username)
    widget.secret_edit.textEdited.emit(deluge_daemon.password)
    widget.after_import_edit.setText("imported")
    widget.after_import_edit.editingFinished.emit()
    widget.test_button.run()
    qtbot.waitUntil(lambda: widget.test_button.ok is not None, timeout=30_000)
    assert widget.test_button.ok, widget.test_button.result.text()
    assert widget.apply()
    (client,) = core.downloads.settings().clients
    assert (client.kind, client.post_import_category) == ("deluge", "imported")
    widget.add_combo.setCurrentIndex(widget.add_combo.findData("sabnzbd"))
    widget.add()
    assert not widget.after_import_edit.isVisibleTo(widget)  # no categories to move to after import
