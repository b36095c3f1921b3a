"""Info-hashes of .torrent files and magnet links, and torrents made for local files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
import torf

from rmab_desktop.clients.torrent_file import info_hash, magnet_info_hash, make_torrent
from rmab_desktop.domain.errors import ValidationError

PIECES = bytes(range(20))
# Written out by hand (BEP 3 layout) so the expected hash is the SHA-1 of these exact bytes.
SINGLE_INFO = b"d6:lengthi10e4:name5:a.mp312:piece lengthi16384e6:pieces20:" + PIECES + b"e"
# A name that is not UTF-8, an explicit private=0 and a tracker-specific key: all must hash as sent.
ODD_INFO = (
    b"d5:filesld6:lengthi4e4:pathl7:\xe9t\xe9.mp3eed6:lengthi6e4:pathl2:cd5:b.m4beee"
    b"4:name3:\xc9t\xe912:piece lengthi32768e6:pieces20:" + PIECES + b"7:privatei0e6:source3:RMBe"
)


def _torrent(info: bytes, announce: bytes = b"http://tracker.example/announce") -> bytes:
    return b"d8:announce%d:%s4:info%se" % (len(announce), announce, info)


@pytest.mark.parametrize("info", [SINGLE_INFO, ODD_INFO], ids=["single-file", "odd-fields"])
def test_info_hash_is_the_sha1_of_the_info_dictionary_as_sent(info: bytes) -> None:
    assert info_hash(_torrent(info)) == hashlib.sha1(info).hexdigest()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not bencode",
        b"d8:announce3:abce",  # no info dictionary
        b"d4:info" + SINGLE_INFO + b"e" + b"garbage",
        _torrent(SINGLE_INFO.replace(b"i10e", b"i99999e")),  # 7 pieces of data, 1 piece hash
        b"d4:infod4:name1:x12:piece lengthi16384e6:pieces20:" + PIECES + b"ee",  # no length or files
    ],
    ids=["empty", "text", "no-info", "trailing", "piece-count", "no-length"],
)
def test_info_hash_rejects_what_is_not_a_torrent(data: bytes) -> None:
    with pytest.raises(ValidationError, match=r"Not a valid \.torrent file"):
        info_hash(data)


def test_magnet_info_hash_reads_hex_base32_and_hybrid_links() -> None:
    hex_hash = "9fb267cff5ae5603f07a347676ec3bf3e35f75e1"
    assert magnet_info_hash(f"magnet:?xt=urn:btih:{hex_hash.upper()}&dn=Dune&tr=udp://t:1") == hex_hash
    assert magnet_info_hash("magnet:?xt=urn:btih:t6zgpt7vvzlah4d2gr3hn3b36prv65pb") == hex_hash
    v2 = "urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad099f3a302e"
    assert magnet_info_hash(f"magnet:?xt={v2}&xt=urn:btih:{hex_hash}&x.pe=127.0.0.1:6881&so=0") == hex_hash


@pytest.mark.parametrize(
    ("link", "message"),
    [
        ("https://example.org/file.torrent", "Not a magnet link"),
        ("magnet:?dn=Dune", "no BitTorrent info-hash"),
        ("magnet:?xt=urn:btmh:1220caf1e1c30e81cb361b9ee167c4aa64228a7fa4fa9f6105232b28ad0", "no BitTorrent"),
        ("magnet:?xt=urn:btih:1234", "no BitTorrent info-hash"),
    ],
)
def test_magnet_info_hash_rejects_links_without_a_v1_hash(link: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        magnet_info_hash(link)


def test_make_torrent_of_a_folder_verifies_against_the_files(tmp_path: Path) -> None:
    book = tmp_path / "Frank Herbert - Dune"
    (book / "CD2").mkdir(parents=True)
    (book / "01.mp3").write_bytes(os.urandom(40_000))
    (book / "CD2" / "02.mp3").write_bytes(os.urandom(30_000))
    data = make_torrent(book, trackers=["http://127.0.0.1:9/announce"])

    torrent = torf.Torrent.read_stream(data)
    assert torrent.name == book.name
    assert torrent.trackers == [["http://127.0.0.1:9/announce"]]
    assert sorted("/".join(f.parts[1:]) for f in torrent.files) == ["01.mp3", "CD2/02.mp3"]
    assert torrent.verify(book)  # every piece hash matches the data on disk
    assert info_hash(data) == torrent.infohash

    (book / "01.mp3").write_bytes(os.urandom(40_000))
    with pytest.raises(torf.VerifyContentError):
        torf.Torrent.read_stream(data).verify(book)


def test_make_torrent_of_one_file(tmp_path: Path) -> None:
    probe = tmp_path / "probe.txt"
    probe.write_bytes(b"ReadMeABook path check")
    torrent = torf.Torrent.read_stream(make_torrent(probe))
    assert torrent.metainfo["info"]["length"] == probe.stat().st_size
    assert torrent.verify(probe)


def test_make_torrent_needs_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="holds no files"):
        make_torrent(tmp_path)
    with pytest.raises(ValidationError, match="Cannot make a torrent"):
        make_torrent(tmp_path / "missing")
