"""Real download-client daemons on loopback for tests: qbittorrent-nox, transmission-daemon,
deluged, nzbget.

Each daemon gets a temp profile, free 127.0.0.1 ports and a known password, is polled until its
API answers, and is stopped by PID in teardown. The fixtures are session-scoped so a test run
starts each daemon once. Import the fixtures into a conftest.py to use them.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.fakes.nntp_server import EmptyNewsServer

USERNAME = "rmabtest"
PASSWORD = "correct horse battery"
NZBGET_EXAMPLE_CONF = Path("/usr/share/doc/nzbget/examples/nzbget.conf.gz")
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(
    predicate: Callable[[], object], timeout: float, interval: float = 0.1, what: str = ""
) -> object:
    """Poll ``predicate`` until it returns something truthy; fail the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout:g} s waiting for {what or predicate}")
        time.sleep(interval)


@dataclass
class Daemon:
    """A running daemon: where its API is, how to log in, where it downloads, and its process."""

    kind: str
    url: str
    username: str
    password: str
    download_dir: Path
    profile: Path
    peer_port: int | None = None
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    log_path: Path | None = None

    def log_tail(self, chars: int = 3000) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def _spawn(daemon: Daemon, argv: list[str], ready: Callable[[], bool]) -> Daemon:
    if shutil.which(argv[0]) is None:
        raise RuntimeError(f"{argv[0]} is not installed; tools/run-tests installs it (APT_PACKAGES).")
    daemon.log_path = daemon.profile / f"{daemon.kind}.out"
    out = daemon.log_path.open("wb")
    env = {**os.environ, "HOME": str(daemon.profile), "XDG_CONFIG_HOME": str(daemon.profile / "xdg")}
    daemon.process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=daemon.profile)
    out.close()
    deadline = time.monotonic() + START_TIMEOUT
    while not _probe(ready):
        if daemon.process.poll() is not None:
            raise RuntimeError(f"{daemon.kind} exited with {daemon.process.returncode}:\n{daemon.log_tail()}")
        if time.monotonic() > deadline:
            daemon.stop()
            raise RuntimeError(
                f"{daemon.kind} did not answer within {START_TIMEOUT:g} s:\n{daemon.log_tail()}"
            )
        time.sleep(0.1)
    return daemon


def _probe(ready: Callable[[], bool]) -> bool:
    try:
        return ready()
    except httpx.HTTPError:
        return False


def _http_status(url: str, **kwargs: object) -> int:
    return httpx.get(url, timeout=2, **kwargs).status_code  # type: ignore[arg-type]


# -- qBittorrent ----------------------------------------------------------------------------------
def _qbt_password_hash(password: str) -> str:
    import base64
    import hashlib

    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, 100000, dklen=64)
    return f"@ByteArray({base64.b64encode(salt).decode()}:{base64.b64encode(digest).decode()})"


def start_qbittorrent(root: Path) -> Daemon:
    profile, downloads = root / "qbt-profile", root / "qbt-downloads"
    config_dir = profile / "qBittorrent" / "config"
    config_dir.mkdir(parents=True)
    downloads.mkdir()
    web_port, peer_port = free_port(), free_port()
    (config_dir / "qBittorrent.conf").write_text(
        "\n".join(
            [
                "[LegalNotice]",
                "Accepted=true",
                "[BitTorrent]",
                "Session\\DHTEnabled=false",
                "Session\\PeXEnabled=false",
                "Session\\LSDEnabled=false",
                "Session\\Interface=lo",
                "Session\\InterfaceName=lo",
                "Session\\InterfaceAddress=127.0.0.1",
                f"Session\\Port={peer_port}",
                f"Session\\DefaultSavePath={downloads}",
                "Session\\AnonymousModeEnabled=false",
                "Session\\QueueingSystemEnabled=false",
                "[Preferences]",
                "WebUI\\Address=127.0.0.1",
                f"WebUI\\Port={web_port}",
                "WebUI\\UPnP=false",
                f"WebUI\\Username={USERNAME}",
                f'WebUI\\Password_PBKDF2="{_qbt_password_hash(PASSWORD)}"',
                "WebUI\\MaxAuthenticationFailCount=1000",
                "WebUI\\HostHeaderValidation=false",
                "WebUI\\CSRFProtection=true",
                "Connection\\ResolvePeerCountries=false",
                "General\\Locale=en",
                "[Network]",
                "PortForwardingEnabled=false",
                "",
            ]
        )
    )
    url = f"http://127.0.0.1:{web_port}"
    daemon = Daemon("qbittorrent", url, USERNAME, PASSWORD, downloads, profile, peer_port)
    return _spawn(
        daemon,
        ["qbittorrent-nox", f"--profile={profile}"],
        lambda: _http_status(f"{url}/api/v2/app/version") in (200, 403),
    )


# -- Transmission ---------------------------------------------------------------------------------
def start_transmission(root: Path) -> Daemon:
    profile, downloads = root / "tr-profile", root / "tr-downloads"
    profile.mkdir()
    downloads.mkdir()
    rpc_port, peer_port = free_port(), free_port()
    settings = {
        "bind-address-ipv4": "127.0.0.1",
        "bind-address-ipv6": "::1",
        "dht-enabled": False,
        "lpd-enabled": False,
        "pex-enabled": False,
        "utp-enabled": False,
        "port-forwarding-enabled": False,
        "peer-port": peer_port,
        "peer-port-random-on-start": False,
        "download-dir": str(downloads),
        "incomplete-dir-enabled": False,
        "watch-dir-enabled": False,
        "rpc-enabled": True,
        "rpc-bind-address": "127.0.0.1",
        "rpc-port": rpc_port,
        "rpc-authentication-required": True,
        "rpc-username": USERNAME,
        "rpc-password": PASSWORD,
        "rpc-whitelist-enabled": True,
        "rpc-whitelist": "127.0.0.1",
        "rpc-host-whitelist-enabled": False,
        "ratio-limit-enabled": False,
        "speed-limit-up-enabled": False,
        "speed-limit-down-enabled": False,
        "encryption": 1,
        "message-level": 2,
    }
    (profile / "settings.json").write_text(json.dumps(settings, indent=2))
    url = f"http://127.0.0.1:{rpc_port}/transmission/rpc"
    daemon = Daemon("transmission", url, USERNAME, PASSWORD, downloads, profile, peer_port)
    return _spawn(
        daemon,
        ["transmission-daemon", "-f", "-g", str(profile)],
        lambda: _http_status(url) in (401, 409),
    )


# -- Deluge ---------------------------------------------------------------------------------------
def _deluge_ready(port: int) -> bool:
    from deluge_client import DelugeRPCClient

    client = DelugeRPCClient("127.0.0.1", port, USERNAME, PASSWORD, decode_utf8=True, timeout=2)
    try:
        client.connect()
        return bool(client.call("daemon.info"))
    except Exception:  # not up yet: connection refused, half-open TLS, login race
        return False
    finally:
        client.disconnect()


def start_deluge(root: Path) -> Daemon:
    """deluged with a user in its auth file, peers on loopback only, no DHT/UPnP/LSD."""
    profile, downloads = root / "deluge-profile", root / "deluge-downloads"
    profile.mkdir()
    downloads.mkdir()
    rpc_port, peer_port = free_port(), free_port()
    (profile / "auth").write_text(f"{USERNAME}:{PASSWORD}:10\n")
    core = {
        "file": 1,
        "format": 1,
    }
    settings = {
        "allow_remote": False,
        "daemon_port": rpc_port,
        "download_location": str(downloads),
        "move_completed": False,
        "listen_interface": "127.0.0.1",
        "outgoing_interface": "",
        "listen_ports": [peer_port, peer_port],
        "random_port": False,
        "listen_random_port": None,
        "dht": False,
        "upnp": False,
        "natpmp": False,
        "lsd": False,
        "utpex": False,
        "new_release_check": False,
        "send_info": False,
        "enc_in_policy": 1,
        "enc_out_policy": 1,
        "stop_seed_at_ratio": False,
        "max_active_downloading": -1,
        "max_active_seeding": -1,
        "max_active_limit": -1,
        "dont_count_slow_torrents": True,
    }
    (profile / "core.conf").write_text(json.dumps(core) + json.dumps(settings, indent=2))
    daemon = Daemon("deluge", f"127.0.0.1:{rpc_port}", USERNAME, PASSWORD, downloads, profile, peer_port)
    return _spawn(
        daemon,
        ["deluged", "-d", "-c", str(profile), "-p", str(rpc_port), "-u", "127.0.0.1", "-L", "info"],
        lambda: _deluge_ready(rpc_port),
    )


# -- NZBGet ---------------------------------------------------------------------------------------
def nzbget_config(main_dir: Path, control_port: int, news_port: int) -> str:
    """The packaged example config with our folders, port and password, and one news server on
    loopback (an :class:`EmptyNewsServer`) with short timeouts, so a download fails quickly."""
    overrides = {
        "MainDir": str(main_dir),
        "DestDir": str(main_dir / "dst"),
        "WebDir": "/usr/share/nzbget/webui",
        "ConfigTemplate": "/usr/share/nzbget/webui/nzbget.conf",
        "ControlIP": "127.0.0.1",
        "ControlPort": str(control_port),
        "ControlUsername": USERNAME,
        "ControlPassword": PASSWORD,
        "DaemonUsername": "root",
        "UpdateCheck": "none",
        "OutputMode": "log",
        "WriteLog": "append",
        "CrashTrace": "no",
        "ArticleRetries": "0",
        "ArticleInterval": "1",
        "ArticleTimeout": "2",
        "UrlRetries": "0",
        "NzbDirInterval": "0",
        "HealthCheck": "delete",
        "ParCheck": "manual",
        "Unpack": "no",
    }
    servers = {
        "Server1.Active": "yes",
        "Server1.Name": "loopback-nowhere",
        "Server1.Host": "127.0.0.1",
        "Server1.Port": str(news_port),
        "Server1.Username": "",
        "Server1.Password": "",
        "Server1.Connections": "1",
        "Server1.Retention": "0",
    }
    lines = []
    for line in gzip.decompress(NZBGET_EXAMPLE_CONF.read_bytes()).decode().splitlines():
        key = line.partition("=")[0]
        if key.startswith("Server1.") or key in overrides:
            continue
        lines.append(line)
    lines += [f"{k}={v}" for k, v in {**overrides, **servers}.items()]
    return "\n".join(lines) + "\n"


def start_nzbget(root: Path, news_port: int) -> Daemon:
    profile = root / "nzbget"
    profile.mkdir()
    control_port = free_port()
    conf = profile / "nzbget.conf"
    conf.write_text(nzbget_config(profile, control_port, news_port))
    url = f"http://127.0.0.1:{control_port}"
    daemon = Daemon("nzbget", url, USERNAME, PASSWORD, profile / "dst", profile)
    return _spawn(
        daemon,
        ["nzbget", "-s", "-c", str(conf), "-o", "OutputMode=log"],
        lambda: _http_status(f"{url}/jsonrpc/version") in (200, 401),
    )


# -- seeding --------------------------------------------------------------------------------------
def seed_folder(transmission: Daemon, tracker, folder: Path) -> bytes:  # type: ignore[no-untyped-def]
    """Transmission seeds ``folder`` through ``tracker`` (a FakeTracker); the .torrent, once seeding."""
    from rmab_desktop.clients.torrent_file import info_hash, make_torrent
    from rmab_desktop.clients.transmission import TransmissionClient
    from rmab_desktop.domain.downloads import DownloadState, NewDownload

    torrent = make_torrent(folder, trackers=[tracker.announce_url])
    seeder = TransmissionClient(transmission.url, transmission.username, transmission.password)
    seeder.add(NewDownload("seed", torrent=torrent, save_path=str(folder.parent)))
    tracker.add_seed(info_hash(torrent), transmission.peer_port or 0)
    wait_until(lambda: seeder.get(info_hash(torrent)).state == DownloadState.SEEDING, 20, what="seeding")
    return torrent


# -- pytest fixtures ------------------------------------------------------------------------------
def _session_daemon(start: Callable[[Path], Daemon], name: str):  # type: ignore[no-untyped-def]
    @pytest.fixture(scope="session", name=name)
    def fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
        daemon = start(tmp_path_factory.mktemp(name))
        try:
            yield daemon
        finally:
            daemon.stop()

    return fixture


qbittorrent_daemon = _session_daemon(start_qbittorrent, "qbittorrent_daemon")
transmission_daemon = _session_daemon(start_transmission, "transmission_daemon")
deluge_daemon = _session_daemon(start_deluge, "deluge_daemon")


@pytest.fixture(scope="session")
def nzbget_daemon(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Daemon]:
    """NZBGet whose only news server has no articles: every real download fails its health check."""
    news = EmptyNewsServer().start()
    daemon = start_nzbget(tmp_path_factory.mktemp("nzbget"), news.port)
    try:
        yield daemon
    finally:
        daemon.stop()
        news.stop()
