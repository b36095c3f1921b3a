"""SABnzbd client against a fake server replaying the real shapes (old string numbers, BOM)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rmab_desktop.clients.sabnzbd import SabnzbdClient, parse_timeleft
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.errors import AuthenticationError, InvalidResponseError, ServiceUnreachableError
from tests.daemons import free_port
from tests.fakes.sabnzbd_server import API_KEY, FakeSabnzbd


@pytest.fixture(scope="module")
def server() -> Iterator[FakeSabnzbd]:
    with FakeSabnzbd() as fake:
        yield fake


@pytest.fixture(params=[False, True], ids=["current", "old-0.6-bom"])
def sab(server: FakeSabnzbd, request: pytest.FixtureRequest) -> FakeSabnzbd:
    server.reset()
    server.queue.clear()
    server.history.clear()
    server.old_format = request.param
    return server


def test_version_checks_the_key_and_reads_complete_dir(sab: FakeSabnzbd) -> None:
    client = SabnzbdClient(sab.url, API_KEY)
    assert client.version() in ("4.3.2", "0.6.14")
    assert client.default_save_path() == "/downloads/complete"


def test_nzb_goes_from_queue_to_completed_history(sab: FakeSabnzbd) -> None:
    client = SabnzbdClient(sab.url, API_KEY)
    nzo_id = client.add(NewDownload("Jane Doe - Quiet Test", nzb=b"<nzb/>", category="audiobooks"))
    assert nzo_id.startswith("SABnzbd_nzo_")
    assert sab.requests[-1].query["cat"] == "audiobooks" and sab.requests[-1].query["pp"] == "3"
    assert client.get(nzo_id).state == DownloadState.QUEUED
    sab.advance(nzo_id, 40)
    item = client.get(nzo_id)
    assert item.state == DownloadState.DOWNLOADING
    assert item.progress == pytest.approx(0.4)
    assert item.speed_bps == 512 * 1024
    assert item.eta_seconds == 65
    assert item.size_bytes == 100 * 1024 * 1024
    sab.finish(nzo_id, "/downloads/complete/Jane Doe - Quiet Test")
    item = client.get(nzo_id)
    assert item.finished and item.content_path == "/downloads/complete/Jane Doe - Quiet Test"
    assert client.list("audiobooks") == [item]
    client.remove(nzo_id, delete_data=False)
    assert sab.last_delete == (nzo_id, "0")
    assert client.get(nzo_id).state == DownloadState.MISSING


def test_failed_history_entry_carries_the_reason(sab: FakeSabnzbd) -> None:
    client = SabnzbdClient(sab.url, API_KEY)
    nzo_id = client.add(NewDownload("Bad", url="http://indexer.invalid/get/1.nzb"))
    sab.fail(nzo_id)
    item = client.get(nzo_id)
    assert item.state == DownloadState.FAILED and "password" in (item.error or "")


def test_remove_from_queue_with_data(sab: FakeSabnzbd) -> None:
    client = SabnzbdClient(sab.url, API_KEY)
    nzo_id = client.add(NewDownload("Gone", nzb=b"<nzb/>", paused=True))
    assert client.get(nzo_id).state == DownloadState.PAUSED
    client.remove(nzo_id, delete_data=True)
    assert sab.last_delete == (nzo_id, "1")
    assert sab.queue == []


def test_wrong_api_key(sab: FakeSabnzbd) -> None:
    with pytest.raises(AuthenticationError, match="API key"):
        SabnzbdClient(sab.url, "wrong").version()


def test_garbage_body(sab: FakeSabnzbd) -> None:
    sab.garbage = True
    with pytest.raises(InvalidResponseError):
        SabnzbdClient(sab.url, API_KEY).get("SABnzbd_nzo_x")


def test_unreachable() -> None:
    port = free_port()
    with pytest.raises(ServiceUnreachableError, match=str(port)):
        SabnzbdClient(f"http://127.0.0.1:{port}", API_KEY, timeout=2).version()


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0:01:05", 65),
        ("57:27:45", 57 * 3600 + 27 * 60 + 45),
        ("1:02:00:00", 93600),
        ("", None),
        ("unknown", None),
    ],
)
def test_timeleft(text: str, seconds: int | None) -> None:
    assert parse_timeleft(text) == seconds
