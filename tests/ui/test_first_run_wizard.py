"""The first-run wizard driven like a new user, against fake servers and a real qBittorrent.

Every Test button is tried with a wrong address or password first: the message must say what
to fix. Then "Save and start" saves everything (secrets in the keychain) and starts the jobs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import JobStatus, LibraryBackendKind
from rmab_desktop.paths import AppPaths
from rmab_desktop.services.indexers import IndexerType
from rmab_desktop.settings import Preferences, SettingsStore
from rmab_desktop.ui.dialogs.first_run_wizard import FirstRunWizard, should_show
from rmab_desktop.ui.notifier import RecordingNotifier
from rmab_desktop.ui.shell import Shell
from rmab_desktop.ui.wiring import open_first_run_wizard
from rmab_desktop.workers.runner import ImmediateRunner
from tests.daemons import Daemon, free_port
from tests.fakes.audible_server import FakeAudible
from tests.fakes.plex_server import FakePlexServer
from tests.fakes.prowlarr_server import ProwlarrServer
from tests.fakes.webhook_receiver import WebhookReceiver, webhook_receiver


@pytest.fixture
def servers() -> Iterator[tuple[FakeAudible, FakePlexServer, ProwlarrServer, WebhookReceiver]]:
    audible = FakeAudible().start()
    with FakePlexServer() as plex, ProwlarrServer() as prowlarr, webhook_receiver() as hook:
        yield audible, plex, prowlarr, hook
    audible.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, servers) -> Iterator[AppCore]:
    audible = servers[0]
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    SettingsStore(paths.settings_file).save(
        Preferences.model_validate({"catalog": {"audible_base_url": audible.base_url}})
    )
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield core
    core.close()


@pytest.fixture
def wizard(qtbot, core: AppCore) -> FirstRunWizard:
    wizard = open_first_run_wizard(core, Shell(ImmediateRunner(), RecordingNotifier()))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_every_step_tests_and_explains_then_saves_and_starts(
    wizard: FirstRunWizard, core: AppCore, servers, qbittorrent_daemon: Daemon, tmp_path: Path
) -> None:
    audible, plex, prowlarr, hook = servers
    assert wizard.currentPage() is wizard.welcome
    wizard.next()

    # Library: a folder that does not exist, then Plex with a wrong token, then right.
    page = wizard.library
    page.folder_edit.setText(str(tmp_path / "missing"))
    page.test.run()
    assert page.test.ok is False and "is not a folder" in page.test.result.text()
    library_root = tmp_path / "Audiobooks"
    library_root.mkdir()
    page.folder_edit.setText(str(library_root))
    page.set_kind(LibraryBackendKind.PLEX)
    assert page.server_box.isVisibleTo(wizard) and not page.isComplete()
    page.url_edit.setText(plex.url)
    page.token_edit.setText("wrong-token")
    page.find_libraries()
    assert page.find_result.ok is False and "token" in page.find_result.text().lower()
    page.token_edit.setText(plex.token)
    page.find_libraries()
    assert page.library_combo.currentText() == "Audiobooks" and page.isComplete()
    page.test.run()
    assert page.test.ok is True, page.test.result.text()
    wizard.next()

    # Audible: the robot-check page is explained, then the marketplace answers.
    page = wizard.audible
    page.region_combo.setCurrentIndex(page.region_combo.findData("uk"))
    audible.fail_next("garbage", times=1)
    page.test.run()
    assert page.test.ok is False and page.test.result.text().count("\n") >= 1  # message + hint
    page.test.run()
    assert page.test.ok is True, page.test.result.text()
    wizard.next()

    # Indexers: Prowlarr with a wrong key, then the right one.
    page = wizard.indexers
    page.prowlarr.setChecked(True)
    page.prowlarr.test.run()
    assert page.prowlarr.test.ok is False and "address" in page.prowlarr.test.result.text()
    page.prowlarr.url_edit.setText(prowlarr.url)
    page.prowlarr.key_edit.setText("wrong-key")
    page.prowlarr.test.run()
    assert page.prowlarr.test.ok is False and "API key" in page.prowlarr.test.result.text()
    page.prowlarr.key_edit.setText(prowlarr.api_key)
    page.prowlarr.test.run()
    assert page.prowlarr.test.ok is True, page.prowlarr.test.result.text()
    wizard.next()

    # Download client: nothing listening, a wrong password, then the real daemon.
    page = wizard.downloads
    page.set_kind("qbittorrent")
    page.url_edit.setText(f"http://127.0.0.1:{free_port()}")
    page.user_edit.setText(qbittorrent_daemon.username)
    page.secret_edit.setText(qbittorrent_daemon.password)
    page.test.run()
    assert page.test.ok is False and "check the address and port" in page.test.result.text().lower()
    page.url_edit.setText(qbittorrent_daemon.url)
    page.secret_edit.setText("not the password")
    page.test.run()
    assert page.test.ok is False and "password" in page.test.result.text().lower()
    page.secret_edit.setText(qbittorrent_daemon.password)
    page.remote_edit.setText(str(qbittorrent_daemon.download_dir))
    page.local_edit.setText(str(qbittorrent_daemon.download_dir))
    page.test.run()
    assert page.test.ok is True, page.test.result.text()
    wizard.next()

    # Notifications, then "Save and start".
    page = wizard.notifications
    page.url_edit.setText("json://127.0.0.1:9/nothing")
    page.test.run()
    assert page.test.ok is False and "Check the URL" in page.test.result.text()
    page.url_edit.setText(hook.hook_url())
    page.test.run()
    assert page.test.ok is True and hook.wait_for(1)
    wizard.next()

    start = wizard.start
    assert wizard.currentPage() is start and start.saved, start.result.text()
    assert core.prefs.first_run_done and core.prefs.library.root == str(library_root)
    assert core.prefs.catalog.region == "uk" and "backend" not in core.prefs.library.model_dump()
    saved = SettingsStore(core.paths.settings_file).load()
    assert saved.first_run_done and saved.library.root == str(library_root)
    backend = core.library.backend_config()
    assert backend.kind == LibraryBackendKind.PLEX and backend.plex.section_id == "3"
    assert core.credentials.get(backend.plex.token_key) == plex.token
    (indexer, archive) = core.indexers.configs()
    assert indexer.type is IndexerType.PROWLARR and archive.type is IndexerType.INTERNET_ARCHIVE
    assert core.credentials.get(indexer.secret_name()) == prowlarr.api_key
    (client,) = [c for c in core.downloads.configs() if c.kind == "qbittorrent"]
    assert client.secret_name and core.credentials.get(client.secret_name) == qbittorrent_daemon.password
    assert client.path_mappings and client.path_mappings[0].local == str(qbittorrent_daemon.download_dir)
    (notification,) = core.notifications.list()
    assert core.credentials.get(notification.secret_name) == hook.hook_url()
    for secret in (plex.token, prowlarr.api_key, qbittorrent_daemon.password):
        assert secret not in core.paths.settings_file.read_text()
        assert secret not in str(core.config.get_raw("indexers")) + str(
            core.config.get_raw("download_clients")
        )

    jobs = start.jobs
    assert jobs is not None and jobs.catalog_refresh and jobs.library_scan
    assert {core.queue.get(jobs.catalog_refresh).type, core.queue.get(jobs.library_scan).type} == {
        "catalog.refresh",
        "library.sync",
    }
    start.poll()
    assert "waiting" in start.catalog.text.text()
    while core.executor.run_next() is not None:
        pass
    start.poll()
    assert core.queue.get(jobs.library_scan).status in (JobStatus.DONE, JobStatus.FAILED)
    assert start.catalog.finished and start.library.finished and not start.timer.isActive()
    wizard.grab().save("/tmp/wizard_start.png")


def test_skip_marks_the_first_run_done_and_nothing_else(wizard: FirstRunWizard, core: AppCore) -> None:
    assert should_show(core.prefs, interactive=True) and not should_show(core.prefs, interactive=False)
    wizard.reject()
    assert core.prefs.first_run_done and not should_show(core.prefs, interactive=True)
    assert core.indexers.configs() == [] and core.notifications.list() == []
    assert SettingsStore(core.paths.settings_file).load().first_run_done


def test_pages_look_right(wizard: FirstRunWizard, qtbot) -> None:
    wizard.resize(760, 620)
    for name in ("welcome", "library", "audible", "indexers", "downloads", "notifications"):
        wizard.grab().save(f"/tmp/wizard_{name}.png")
        if name == "library":
            wizard.library.folder_edit.setText("/tmp")
        wizard.next()


def test_setup_section_reopens_the_wizard(qtbot, core: AppCore) -> None:
    from rmab_desktop.ui.dialogs.settings_dialog import SettingsDialog

    core.prefs.first_run_done = True
    shell = Shell(ImmediateRunner(), RecordingNotifier())
    dialog = SettingsDialog(lambda spec: spec.factory(core, shell))
    qtbot.addWidget(dialog)
    section = dialog.show_section("setup")
    wizard = section.open_assistant()
    assert isinstance(wizard, FirstRunWizard) and wizard.isVisible()
    assert wizard.library.folder_edit.text() == (core.prefs.library.root or "")
    wizard.reject()
    assert core.prefs.first_run_done


def test_library_step_shows_the_configured_backend_not_an_old_settings_file(qtbot, core: AppCore) -> None:
    """The backend kind lives only in the configuration; an old settings file's copy is ignored."""
    from rmab_desktop.services.library.backends import LibraryBackendConfig

    old = core.paths.settings_file
    old.write_text(old.read_text().replace('"library": {', '"library": {"backend": "folder", ', 1))
    assert SettingsStore(old).load().library.root is None  # still loads
    core.library.save_backend_config(LibraryBackendConfig(kind=LibraryBackendKind.AUDIOBOOKSHELF))
    wizard = open_first_run_wizard(core, Shell(ImmediateRunner(), RecordingNotifier()))
    qtbot.addWidget(wizard)
    assert wizard.library.kind() == LibraryBackendKind.AUDIOBOOKSHELF


def test_audiobookshelf_and_torznab_steps_explain_wrong_tokens_and_keys(
    wizard: FirstRunWizard, tmp_path: Path
) -> None:
    from tests.fakes.audiobookshelf_server import FakeAudiobookshelfServer
    from tests.fakes.torznab_server import API_KEY, TorznabServer

    library = wizard.library
    library.folder_edit.setText(str(tmp_path))
    library.set_kind(LibraryBackendKind.AUDIOBOOKSHELF)
    library.find_libraries()
    assert library.find_result.ok is False and "address" in library.find_result.text()
    with FakeAudiobookshelfServer() as abs_server, TorznabServer() as torznab:
        library.url_edit.setText(abs_server.url)
        library.token_edit.setText("stale-token")
        library.find_libraries()
        assert library.find_result.ok is False and "API key" in library.find_result.text()
        library.token_edit.setText(abs_server.token)
        library.find_libraries()
        assert library.library_combo.count() >= 1 and library.isComplete()
        library.test.run()
        assert library.test.ok is True, library.test.result.text()

        box = wizard.indexers.torznab
        box.setChecked(True)
        box.url_edit.setText(torznab.url)
        box.key_edit.setText("wrong")
        box.test.run()
        assert box.test.ok is False and "credentials" in box.test.result.text().lower()
        box.key_edit.setText(API_KEY)
        box.test.run()
        assert box.test.ok is True, box.test.result.text()
        (chosen, key) = box.chosen() or (None, None)
        assert chosen is not None and chosen.type is IndexerType.TORZNAB and chosen.name == "127.0.0.1"
        assert key == API_KEY


def test_running_the_wizard_again_updates_instead_of_duplicating(core: AppCore, tmp_path: Path) -> None:
    from rmab_desktop.services import setup
    from rmab_desktop.services.downloads import DownloadClientConfig
    from rmab_desktop.services.indexers import IndexerConfig

    def plan(password: str) -> setup.SetupPlan:
        return setup.SetupPlan(
            library=setup.LibraryChoice(root=str(tmp_path)),
            region="de",
            indexers=[(IndexerConfig(name="Internet Archive", type=IndexerType.INTERNET_ARCHIVE), None)],
            download_client=(
                DownloadClientConfig(name="qBittorrent", kind="qbittorrent", url="http://127.0.0.1:8080"),
                password,
            ),
            notification_url="json://127.0.0.1:9/hook",
        )

    setup.apply_plan(core, plan("first"))
    setup.apply_plan(core, plan("second"))
    clients = [c for c in core.downloads.configs() if c.kind == "qbittorrent"]
    assert len(clients) == 1 and core.credentials.get(clients[0].secret_name or "") == "second"
    assert len(core.indexers.configs()) == 1 and len(core.notifications.list()) == 1
    assert core.prefs.catalog.region == "de" and core.prefs.first_run_done
