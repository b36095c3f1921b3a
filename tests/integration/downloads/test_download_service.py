"""DownloadService against real daemons: choosing by protocol, the Test button, path mapping probe."""

from __future__ import annotations

from pathlib import Path

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.domain.errors import ConfigurationError
from rmab_desktop.services.config_store import ConfigStore
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.downloads import DownloadClientConfig, DownloadService, PathMapping
from rmab_desktop.services.downloads.service import BUILTIN_DIRECT_ID
from tests.daemons import Daemon, free_port

pytestmark = pytest.mark.daemons


@pytest.fixture
def service(database: Database, tmp_path: Path) -> DownloadService:
    downloads = DownloadService(ConfigStore(database), CredentialStore(), tmp_path / "direct")
    yield downloads
    downloads.close()


def _config(kind: str, daemon: Daemon, **extra: object) -> DownloadClientConfig:
    return DownloadClientConfig(kind=kind, url=daemon.url, username=daemon.username, **extra)


def test_secret_goes_to_the_keyring_and_clients_are_chosen_by_protocol(
    service: DownloadService, qbittorrent_daemon: Daemon, nzbget_daemon: Daemon
) -> None:
    qbt = service.save_client(
        _config("qbittorrent", qbittorrent_daemon, name="Seedbox"), secret=qbittorrent_daemon.password
    )
    nzb = service.save_client(_config("nzbget", nzbget_daemon), secret=nzbget_daemon.password)
    assert qbt.secret_name and service.credentials.get(qbt.secret_name) == qbittorrent_daemon.password
    assert qbittorrent_daemon.password not in str(service.config.get_raw("download_clients"))
    assert service.choose("torrent").id == qbt.id
    assert service.choose("usenet").id == nzb.id
    assert service.choose("http").id == BUILTIN_DIRECT_ID
    assert service.client(qbt.id)[1].version()
    service.save_client(qbt.model_copy(update={"enabled": False}))
    with pytest.raises(ConfigurationError, match="torrent"):
        service.choose("torrent")
    service.delete_client(nzb.id)
    assert not service.credentials.has(nzb.secret_name or "")


@pytest.mark.parametrize("kind", ["qbittorrent", "transmission"])
def test_connection_test_verifies_the_mapping_with_a_real_file(
    service: DownloadService, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    daemon: Daemon = request.getfixturevalue(f"{kind}_daemon")
    view = tmp_path / "mounted-view"
    view.symlink_to(daemon.download_dir)  # this computer sees the client's folder elsewhere
    good = _config(
        kind, daemon, path_mappings=[PathMapping(remote=str(daemon.download_dir), local=str(view))]
    )
    result = service.test(good, secret=daemon.password)
    assert result.ok, result
    assert "same folder" in result.message and result.latency_ms is not None
    assert not list(daemon.download_dir.glob(".rmab-probe-*"))


@pytest.mark.parametrize("kind", ["qbittorrent", "transmission"])
def test_connection_test_finds_a_wrong_mapping(
    service: DownloadService, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    daemon: Daemon = request.getfixturevalue(f"{kind}_daemon")
    elsewhere = tmp_path / "not-what-we-see"
    elsewhere.mkdir()
    wrong = _config(
        kind,
        daemon,
        save_path=str(elsewhere),
        path_mappings=[PathMapping(remote=str(elsewhere), local=str(daemon.download_dir))],
    )
    result = service.test(wrong, secret=daemon.password)
    assert not result.ok
    assert "does not find a test file" in result.message
    assert "path mapping" in result.hint


def test_connection_test_missing_local_folder(service: DownloadService, qbittorrent_daemon: Daemon) -> None:
    config = _config(
        "qbittorrent",
        qbittorrent_daemon,
        path_mappings=[PathMapping(remote=str(qbittorrent_daemon.download_dir), local="/nonexistent/rmab")],
    )
    result = service.test(config, secret=qbittorrent_daemon.password)
    assert not result.ok and "/nonexistent/rmab" in result.message and "path mapping" in result.hint


@pytest.mark.parametrize("kind", ["qbittorrent", "transmission", "nzbget"])
def test_connection_test_wrong_password_and_unreachable(
    service: DownloadService, kind: str, request: pytest.FixtureRequest
) -> None:
    daemon: Daemon = request.getfixturevalue(f"{kind}_daemon")
    result = service.test(_config(kind, daemon), secret="not the password")
    assert not result.ok and "password" in result.message and result.hint
    assert "not the password" not in result.message + result.hint
    port = free_port()
    url = f"http://127.0.0.1:{port}" + ("/transmission/rpc" if kind == "transmission" else "")
    result = service.test(DownloadClientConfig(kind=kind, url=url), secret="x")
    assert not result.ok and str(port) in result.message and result.hint


def test_usenet_folder_check(service: DownloadService, nzbget_daemon: Daemon) -> None:
    nzbget_daemon.download_dir.mkdir(exist_ok=True)
    result = service.test(_config("nzbget", nzbget_daemon), secret=nzbget_daemon.password)
    assert result.ok and "writable" in result.message


def test_missing_address_and_api_key_are_configuration_errors(service: DownloadService) -> None:
    assert "address" in service.test(DownloadClientConfig(kind="qbittorrent")).message
    result = service.test(DownloadClientConfig(kind="sabnzbd", url="http://127.0.0.1:1"))
    assert not result.ok and "API key" in result.message
