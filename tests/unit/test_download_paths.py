"""Remote <-> local path mapping of download clients."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rmab_desktop.services.downloads.config import DownloadClientConfig, PathMapping
from rmab_desktop.services.downloads.paths import to_local, to_remote

DOCKER = [PathMapping(remote="/downloads", local="/mnt/nas/downloads")]


@pytest.mark.parametrize(
    ("remote", "mappings", "local"),
    [
        ("/downloads/complete/Book", DOCKER, "/mnt/nas/downloads/complete/Book"),
        ("/downloads/", DOCKER, "/mnt/nas/downloads"),
        (
            "/downloads",
            [PathMapping(remote="/downloads/", local="/mnt/nas/downloads/")],
            "/mnt/nas/downloads/",
        ),
        ("/downloadsX/Book", DOCKER, "/downloadsX/Book"),  # whole components only
        ("/other/Book", DOCKER, "/other/Book"),  # outside every mapping: unchanged
        (
            "/data/torrents/audio/Book",
            [
                PathMapping(remote="/data", local="/srv/data"),
                PathMapping(remote="/data/torrents", local="/t"),
            ],
            "/t/audio/Book",
        ),  # longest prefix wins
        (
            "D:\\Downloads\\Audio\\Book",
            [PathMapping(remote="d:\\downloads", local="/mnt/win")],
            "/mnt/win/Audio/Book",
        ),
        ("/downloads/Ünïcödé — Book", DOCKER, "/mnt/nas/downloads/Ünïcödé — Book"),
    ],
)
def test_to_local(remote: str, mappings: list[PathMapping], local: str) -> None:
    assert to_local(remote, mappings) == local


def test_to_remote_keeps_windows_separators() -> None:
    mappings = [PathMapping(remote="C:\\Torrents", local="/mnt/c-torrents")]
    assert to_remote("/mnt/c-torrents/Jane Doe/Book", mappings) == "C:\\Torrents\\Jane Doe\\Book"


segment = st.text(
    st.characters(blacklist_characters="/\\\x00", blacklist_categories=("Cs",)), min_size=1, max_size=12
).filter(lambda s: s not in (".", ".."))


@given(st.lists(segment, min_size=0, max_size=5))
def test_round_trip(parts: list[str]) -> None:
    remote = "/".join(["/downloads", *parts])
    local = to_local(remote, DOCKER)
    assert local.startswith("/mnt/nas/downloads")
    assert to_remote(local, DOCKER) == remote


def test_category_cannot_escape() -> None:
    with pytest.raises(ValueError, match=r"\.\."):
        DownloadClientConfig(kind="qbittorrent", category="../etc")
    assert DownloadClientConfig(kind="qbittorrent", category="/audiobooks/").category == "audiobooks"
