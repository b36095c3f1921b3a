"""Connection test of a download client, including a real check of the path mapping.

The mapping is checked with a real file: we write a small probe file into the download folder as
this computer sees it. A torrent client is then given a torrent of that file, saved to the folder
as the client sees it; if the client finds the data (100 % after its check), both sides look at
the same folder. Usenet and direct clients cannot be asked that, so the folder must exist and be
writable here.
"""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

from rmab_desktop.clients.torrent_file import make_torrent
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.errors import RmabError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.downloads.config import DownloadClientConfig
from rmab_desktop.services.downloads.paths import to_local
from rmab_desktop.services.downloads.protocol import DownloadClient

tr = Translator("DownloadClients")

PROBE_TIMEOUT = 15.0
MAPPING_HINT = (
    "Add a path mapping: the folder as {client} sees it (remote) and the same folder as this computer "
    "sees it (local), e.g. /downloads -> /mnt/nas/downloads for a client in Docker."
)


def _torrent_sees(client: DownloadClient, probe_dir: Path, remote_dir: str) -> bool:
    torrent = make_torrent(probe_dir)
    item_id = client.add(NewDownload(probe_dir.name, torrent=torrent, save_path=remote_dir))
    try:
        deadline, settled_since = time.monotonic() + PROBE_TIMEOUT, None
        while time.monotonic() < deadline:
            item = client.get(item_id)
            if item.finished and item.progress >= 1.0:
                return True
            if item.state in (DownloadState.DOWNLOADING, DownloadState.STALLED, DownloadState.PAUSED):
                settled_since = settled_since or time.monotonic()
                if time.monotonic() - settled_since > 2.0:
                    return False  # checked, and the data is not there
            else:
                settled_since = None
            time.sleep(0.2)
        return False
    finally:
        client.remove(item_id, delete_data=False)


def check_paths(config: DownloadClientConfig, client: DownloadClient) -> tuple[bool, str, str]:
    """(ok, message, hint) for the download folder and the mapping."""
    remote_dir = config.save_path or client.default_save_path()
    if config.kind == "direct_http":  # our own folder: made on first use
        remote_dir = client.default_save_path()
        Path(remote_dir).mkdir(parents=True, exist_ok=True)
    if not remote_dir:
        return (
            False,
            f"{config.label} did not say where it saves downloads.",
            "Set a save folder for this client.",
        )
    local_dir = Path(to_local(remote_dir, config.path_mappings))
    if not local_dir.is_dir():
        return (
            False,
            f"The download folder {remote_dir} of {config.label} is not visible here as {local_dir}.",
            MAPPING_HINT.format(client=config.label),
        )
    probe_dir = local_dir / f".rmab-probe-{uuid.uuid4().hex[:8]}"
    try:
        probe_dir.mkdir()
        (probe_dir / "probe.txt").write_bytes(b"ReadMeABook path check " + uuid.uuid4().bytes)
    except OSError as exc:
        return (
            False,
            f"Cannot write into {local_dir}: {exc.strerror}.",
            "Give this app write access to that folder.",
        )
    try:
        if config.protocol != "torrent":
            return True, f"Downloads folder {local_dir} exists and is writable.", ""
        remote_probe = remote_dir.rstrip("/\\")
        if _torrent_sees(client, probe_dir, remote_probe):
            return (
                True,
                f"{config.label} and this computer see the same folder ({remote_dir} = {local_dir}).",
                "",
            )
        return (
            False,
            f"{config.label} does not find a test file written to {local_dir}: its {remote_dir} is another folder.",
            MAPPING_HINT.format(client=config.label),
        )
    finally:
        shutil.rmtree(probe_dir, ignore_errors=True)


def run_connection_test(
    config: DownloadClientConfig, client: DownloadClient, *, check_mapping: bool = True
) -> ConnectionTestResult:
    started = time.perf_counter()
    try:
        version = client.version()
        latency = round((time.perf_counter() - started) * 1000, 1)
        if not check_mapping:
            return ConnectionTestResult(
                True,
                tr("Connected to {client} {version}.").format(client=config.label, version=version),
                latency_ms=latency,
            )
        ok, message, hint = check_paths(config, client)
    except RmabError as exc:
        return ConnectionTestResult(False, exc.user_message, hint=exc.user_hint)
    finally:
        client.close()
    summary = f"Connected to {config.label} {version}. {message}"
    return ConnectionTestResult(ok, summary, hint=hint, latency_ms=latency)
