"""NZBGet client against the real daemon (its only news server has no articles)."""

from __future__ import annotations

import pytest

from rmab_desktop.clients.nzbget import NzbgetClient, map_group
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.errors import AuthenticationError, ServiceError, ServiceUnreachableError
from tests.daemons import Daemon, free_port, wait_until

pytestmark = pytest.mark.daemons

NZB = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE nzb PUBLIC "-//newzBin//DTD NZB 1.1//EN" "http://www.newzbin.com/DTD/nzb/nzb-1.1.dtd">
<nzb xmlns="http://www.newzbin.com/DTD/2003/nzb">
 <file poster="poster@example.invalid" date="1700000000" subject="Jane Doe - Quiet Test [1/1] - &quot;a.mp3&quot; yEnc (1/1)">
  <groups><group>alt.binaries.audiobooks</group></groups>
  <segments><segment bytes="200000" number="1">part1of1.rmab@example.invalid</segment></segments>
 </file>
</nzb>"""


@pytest.fixture
def client(nzbget_daemon: Daemon) -> NzbgetClient:
    return NzbgetClient(nzbget_daemon.url, nzbget_daemon.username, nzbget_daemon.password)


def test_version_and_destination(client: NzbgetClient, nzbget_daemon: Daemon) -> None:
    assert client.version().startswith("21")
    assert client.default_save_path() == str(nzbget_daemon.download_dir)


def test_paused_add_is_listed_with_category_then_removed(client: NzbgetClient) -> None:
    item_id = client.add(NewDownload("Jane Doe - Paused", nzb=NZB, category="audiobooks", paused=True))
    item = client.get(item_id)
    assert item.state == DownloadState.PAUSED
    assert item.category == "audiobooks"
    assert item.size_bytes == 200000
    assert item in client.list("audiobooks")
    assert client.list("no-such-category") == []
    client.remove(item_id, delete_data=True)
    assert client.get(item_id).state == DownloadState.MISSING


def test_a_download_whose_articles_are_missing_is_detected_as_failed(client: NzbgetClient) -> None:
    item_id = client.add(NewDownload("Jane Doe - Missing Articles", nzb=NZB, category="audiobooks"))
    item = wait_until(
        lambda: (i := client.get(item_id)).state == DownloadState.FAILED and i, 30, what="failed"
    )
    assert "FAILURE" in (item.error or "") or "DELETED" in (item.error or "")
    client.remove(item_id, delete_data=False)
    assert client.get(item_id).state == DownloadState.MISSING


def test_hostile_names_are_made_safe(client: NzbgetClient) -> None:
    item_id = client.add(NewDownload("../../etc/Jane: Doe / Quiet? Test*", nzb=NZB, paused=True))
    item = client.get(item_id)
    assert "/" not in item.name and ".." not in item.name.replace("…", "")
    client.remove(item_id, delete_data=True)


def test_a_damaged_nzb_ends_as_failed(client: NzbgetClient) -> None:
    item_id = client.add(NewDownload("Damaged", nzb=b"this is not xml"))
    item = wait_until(
        lambda: (i := client.get(item_id)).state == DownloadState.FAILED and i, 15, what="failed"
    )
    assert item.error


def test_unknown_method_is_a_service_error(client: NzbgetClient) -> None:
    with pytest.raises(ServiceError, match=r"Invalid procedure|no-such"):
        client.call("no-such-method")


def test_wrong_password(nzbget_daemon: Daemon) -> None:
    with pytest.raises(AuthenticationError, match="password"):
        NzbgetClient(nzbget_daemon.url, nzbget_daemon.username, "wrong").version()


def test_unreachable_port() -> None:
    port = free_port()
    with pytest.raises(ServiceUnreachableError, match=str(port)):
        NzbgetClient(f"http://127.0.0.1:{port}", "u", "p", timeout=3).version()


def test_old_listgroups_shape_without_status_and_with_split_sizes() -> None:
    group = {
        "NZBID": 7,
        "NZBName": "Old.Shape",
        "FileSizeLo": 5,
        "FileSizeHi": 1,
        "RemainingSizeLo": 0,
        "RemainingSizeHi": 1,
        "ActiveDownloads": 2,
        "Category": "TV",
        "DestDir": "C:\\\\dst\\\\TV",
    }
    item = map_group(group, speed_bps=1000)
    assert item.size_bytes == 2**32 + 5
    assert item.state == DownloadState.DOWNLOADING
    assert item.progress == pytest.approx(5 / (2**32 + 5))
    assert item.eta_seconds == 2**32 // 1000
