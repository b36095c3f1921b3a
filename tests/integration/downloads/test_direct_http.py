"""Direct HTTP downloads: resume with Range, size check, 404, cancel, restart."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rmab_desktop.clients.direct_http import DirectHttpClient
from rmab_desktop.domain.downloads import DownloadState, NewDownload
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.releases import ReleaseFile
from tests.daemons import wait_until
from tests.fakes.range_file_server import RangeFileServer

DATA = os.urandom(300_000)


@pytest.fixture
def server() -> Iterator[RangeFileServer]:
    with RangeFileServer() as fake:
        fake.files["/items/book/Quiet%20Test.mp3"] = DATA
        yield fake


@pytest.fixture
def client(tmp_path: Path) -> Iterator[DirectHttpClient]:
    direct = DirectHttpClient(tmp_path / "downloads")
    yield direct
    direct.close()


def _finish(client: DirectHttpClient, item_id: str, state: DownloadState = DownloadState.COMPLETED):  # type: ignore[no-untyped-def]
    return wait_until(lambda: (i := client.get(item_id)).state == state and i, 15, what=state)


def test_download_completes_with_verified_bytes(client: DirectHttpClient, server: RangeFileServer) -> None:
    url = f"{server.url}/items/book/Quiet%20Test.mp3"
    item_id = client.add(
        NewDownload("Jane Doe - Quiet Test", url=url, size_bytes=len(DATA), category="books")
    )
    item = _finish(client, item_id)
    assert item.progress == 1.0 and item.size_bytes == len(DATA)
    assert (Path(item.content_path) / "Quiet Test.mp3").read_bytes() == DATA
    assert client.list("books") == [item]


def test_a_release_of_several_files_lands_in_one_folder(
    client: DirectHttpClient, server: RangeFileServer
) -> None:
    chapters = {f"/items/book/{n:02d}.mp3": os.urandom(20_000 + n) for n in range(1, 4)}
    server.files.update(chapters)
    files = tuple(
        ReleaseFile(name=path.rsplit("/", 1)[1], url=f"{server.url}{path}", size_bytes=len(data))
        for path, data in chapters.items()
    )
    item_id = client.add(NewDownload("Jane Doe - Chapters", http_files=files))
    item = _finish(client, item_id)
    assert item.size_bytes == sum(len(d) for d in chapters.values())
    for path, data in chapters.items():
        assert (Path(item.content_path) / path.rsplit("/", 1)[1]).read_bytes() == data


def test_interrupted_transfer_resumes_with_range(client: DirectHttpClient, server: RangeFileServer) -> None:
    server.drop_after = 100_000
    item_id = client.add(NewDownload("Resume", url=f"{server.url}/items/book/Quiet%20Test.mp3"))
    item = _finish(client, item_id)
    assert (Path(item.content_path) / "Quiet Test.mp3").read_bytes() == DATA
    assert server.range_requests[0] is None
    resumed_at = int(server.range_requests[1].removeprefix("bytes=").rstrip("-"))
    assert 0 < resumed_at <= 100_000


def test_restart_resumes_the_part_file(tmp_path: Path, server: RangeFileServer) -> None:
    url = f"{server.url}/items/book/Quiet%20Test.mp3"
    first = DirectHttpClient(tmp_path / "dl")
    server.drop_after = 200_000
    item_id = first.add(NewDownload("Restart", url=url))
    part = tmp_path / "dl" / "Restart" / "Quiet Test.mp3.part"
    wait_until(lambda: part.exists() and part.stat().st_size >= 131_072, 5, what="two chunks on disk")
    first.close()  # app quits mid-transfer: the record stays active
    second = DirectHttpClient(tmp_path / "dl")
    try:
        item = _finish(second, item_id)
        assert (Path(item.content_path) / "Quiet Test.mp3").read_bytes() == DATA
        assert any(r and r.startswith("bytes=") for r in server.range_requests)
    finally:
        second.close()


def test_http_404_fails_with_the_reason(client: DirectHttpClient, server: RangeFileServer) -> None:
    item_id = client.add(NewDownload("Missing", url=f"{server.url}/nope.mp3"))
    item = _finish(client, item_id, DownloadState.FAILED)
    assert "404" in (item.error or "")


def test_server_length_wins_over_the_release_estimate(
    client: DirectHttpClient, server: RangeFileServer
) -> None:
    item_id = client.add(
        NewDownload("Estimate", url=f"{server.url}/items/book/Quiet%20Test.mp3", size_bytes=len(DATA) + 500)
    )
    assert _finish(client, item_id).size_bytes == len(DATA)


def test_size_mismatch_without_server_length_fails_and_keeps_no_part(tmp_path: Path) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=iter([b"x" * 10])))
    client = DirectHttpClient(tmp_path / "dl", transport=transport)
    try:
        item_id = client.add(NewDownload("Short", url="http://example.invalid/a.mp3", size_bytes=20))
        item = _finish(client, item_id, DownloadState.FAILED)
        assert "Size check failed" in (item.error or "")
        assert list((tmp_path / "dl" / "Short").iterdir()) == []
    finally:
        client.close()


def test_remove_cancels_and_deletes_data(client: DirectHttpClient, server: RangeFileServer) -> None:
    server.files["/big.bin"] = os.urandom(3_000_000)
    item_id = client.add(NewDownload("Big", url=f"{server.url}/big.bin"))
    folder = Path(client.get(item_id).content_path)
    client.remove(item_id, delete_data=True)
    assert client.get(item_id).state == DownloadState.MISSING
    assert not folder.exists()


def test_rejects_non_http_urls(client: DirectHttpClient) -> None:
    with pytest.raises(ValidationError):
        client.add(NewDownload("x", url="file:///etc/passwd"))
