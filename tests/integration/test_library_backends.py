"""Plex and Audiobookshelf backends over the fake servers: listing, refresh, tests, mapping."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.domain.enums import LibraryBackendKind
from rmab_desktop.domain.errors import (
    AuthenticationError,
    CancelledError,
    ConfigurationError,
    SecretNotFoundError,
)
from rmab_desktop.services.credentials import CredentialStore
from rmab_desktop.services.library.backends import (
    AbsBackend,
    AbsSettings,
    LibraryBackendConfig,
    PathMapping,
    PlexBackend,
    PlexSettings,
    remote_backend,
)
from tests.fakes import audiobookshelf_server as fake_abs
from tests.fakes import plex_server as fake_plex


@pytest.fixture(scope="module")
def plex() -> Iterator[fake_plex.FakePlexServer]:
    with fake_plex.FakePlexServer() as server:
        root = "/data/audiobooks"
        server.albums["3"] = [
            fake_plex.album("200", "Wizards First Rule", "Terry Goodkind", year=1994),
            fake_plex.album(
                "201",
                "Klara and the Sun",
                "Kazuo Ishiguro",
                year=2021,
                guid="com.plexapp.agents.audnexus://B08FT2Z6K4_us?lang=en",
            ),
            fake_plex.album("202", "Orphan Album", "Nobody", year=None),
        ]
        folder = f"{root}/Terry Goodkind/Sword of Truth/Book 1 - Wizards First Rule {{Sam Tsoutsouvas}} [B002V0QK4C]"
        server.tracks["3"] = [
            fake_plex.track("300", "200", f"{folder}/CD1/part 1.mp3", size=100, duration_ms=1500),
            fake_plex.track("301", "200", f"{folder}/CD2/part 2.mp3", size=200, duration_ms=2500),
            fake_plex.track("302", "201", f"{root}/Kazuo Ishiguro/Klara and the Sun/Klara.m4b", size=50),
        ]
        yield server


@pytest.fixture(scope="module")
def abs_server() -> Iterator[fake_abs.FakeAudiobookshelfServer]:
    with fake_abs.FakeAudiobookshelfServer() as server:
        server.items["lib_main"] = [
            fake_abs.item(
                "li_1",
                "Terry Goodkind/Sword of Truth/Wizards First Rule",
                "Wizards First Rule",
                ["Terry Goodkind"],
                narrators=("Sam Tsoutsouvas",),
                series=("Sword of Truth", "1"),
                asin="B002V0QK4C",
            ),
            fake_abs.item("li_2", "Ann Leckie/Ancillary Justice", "Ancillary Justice", ["Ann Leckie"]),
        ]
        yield server


def plex_backend(server: fake_plex.FakePlexServer, section: str = "3") -> PlexBackend:
    mapping = PathMapping(server_prefix="/data/audiobooks", local_prefix="/mnt/nas/books")
    return PlexBackend(PlexSettings(url=server.url, section_id=section, path_map=mapping), fake_plex.TOKEN)


def abs_backend(server: fake_abs.FakeAudiobookshelfServer, library: str = "lib_main") -> AbsBackend:
    mapping = PathMapping(server_prefix="/audiobooks", local_prefix="/srv/books")
    return AbsBackend(AbsSettings(url=server.url, library_id=library, path_map=mapping), fake_abs.TOKEN)


def test_plex_lists_albums_as_books_with_folder_details(plex: fake_plex.FakePlexServer) -> None:
    books = {b.external_id: b for b in plex_backend(plex).list_books()}
    wizard = books["200"]
    assert (
        wizard.book.path
        == "Terry Goodkind/Sword of Truth/Book 1 - Wizards First Rule {Sam Tsoutsouvas} [B002V0QK4C]"
    )
    assert wizard.local_path == f"/mnt/nas/books/{wizard.book.path}"
    assert (wizard.book.title, wizard.book.authors, wizard.book.year) == (
        "Wizards First Rule",
        ("Terry Goodkind",),
        1994,
    )
    assert (wizard.book.series, wizard.book.series_position) == ("Sword of Truth", "1")
    assert wizard.book.narrators == ("Sam Tsoutsouvas",) and wizard.book.asin == "B002V0QK4C"
    assert (wizard.book.files, wizard.book.size_bytes, wizard.book.duration_seconds, wizard.book.format) == (
        2,
        300,
        4.0,
        "mp3",
    )
    assert wizard.cover == "plex:/library/metadata/200/thumb/1680344882" and wizard.added_at is not None
    assert books["201"].book.asin == "B08FT2Z6K4" and books["201"].book.format == "m4b"
    orphan = books["202"]
    assert orphan.local_path is None and orphan.book.path == "plex:202" and orphan.book.year is None


def test_plex_refresh_maps_the_path(plex: fake_plex.FakePlexServer) -> None:
    plex.refreshes.clear()
    backend = plex_backend(plex)
    backend.refresh("/mnt/nas/books/Ann Leckie/Ancillary Justice")
    backend.refresh()
    assert plex.refreshes == [("3", "/data/audiobooks/Ann Leckie/Ancillary Justice"), ("3", None)]


def test_plex_test_button(plex: fake_plex.FakePlexServer) -> None:
    ok = plex_backend(plex).test()
    assert ok.ok and "Audiobooks" in ok.message and ok.latency_ms is not None
    wrong_type = plex_backend(plex, section="1").test()
    assert not wrong_type.ok and "movie library" in wrong_type.message and wrong_type.hint
    bad_token = PlexBackend(PlexSettings(url=plex.url, section_id="3"), "nope").test()
    assert not bad_token.ok and "refused" in bad_token.message and "nope" not in bad_token.message
    down = PlexBackend(PlexSettings(url="http://127.0.0.1:9", section_id="3"), "x").test()
    assert not down.ok and "connect" in down.message.lower()


def test_cancel_stops_listing(
    plex: fake_plex.FakePlexServer, abs_server: fake_abs.FakeAudiobookshelfServer
) -> None:
    token = CancelToken()
    token.cancel()
    many = [fake_abs.item(f"li_x{n}", f"A/B{n}", f"B{n}", ["A"]) for n in range(600)]
    abs_server.items["lib_main"] += many
    try:
        with pytest.raises(CancelledError):
            abs_backend(abs_server).list_books(cancel=token)
    finally:
        del abs_server.items["lib_main"][2:]


def test_abs_lists_items(abs_server: fake_abs.FakeAudiobookshelfServer) -> None:
    books = {b.external_id: b for b in abs_backend(abs_server).list_books()}
    wizard = books["li_1"]
    assert wizard.book.path == "Terry Goodkind/Sword of Truth/Wizards First Rule"
    assert wizard.local_path == "/srv/books/Terry Goodkind/Sword of Truth/Wizards First Rule"
    assert (wizard.book.series, wizard.book.series_position, wizard.book.asin) == (
        "Sword of Truth",
        "1",
        "B002V0QK4C",
    )
    assert wizard.book.narrators == ("Sam Tsoutsouvas",) and wizard.cover == "abs:li_1"
    assert books["li_2"].book.authors == ("Ann Leckie",)


def test_abs_refresh_sends_files_then_falls_back_to_scan(
    abs_server: fake_abs.FakeAudiobookshelfServer, tmp_path: Path
) -> None:
    book = tmp_path / "Ann Leckie" / "Ancillary Justice"
    (book / "CD1").mkdir(parents=True)
    (book / "CD1" / "01.mp3").write_bytes(b"x")
    (book / "cover.jpg").write_bytes(b"x")
    (book / ".staging.mp3").write_bytes(b"x")
    settings = AbsSettings(
        url=abs_server.url,
        library_id="lib_main",
        path_map=PathMapping(server_prefix="/audiobooks", local_prefix=str(tmp_path)),
    )
    backend = AbsBackend(settings, fake_abs.TOKEN)
    abs_server.scans.clear()
    abs_server.watcher_updates.clear()
    backend.refresh(str(book))
    assert abs_server.watcher_updates == [
        {
            "libraryId": "lib_main",
            "path": "/audiobooks/Ann Leckie/Ancillary Justice/CD1/01.mp3",
            "type": "add",
        }
    ]
    assert abs_server.scans == []
    abs_server.fail_status = 403
    try:
        with pytest.raises(AuthenticationError):  # the scan fallback is refused too
            backend.refresh(str(book))
    finally:
        abs_server.fail_status = None
    backend.refresh(None)
    assert abs_server.scans == [("lib_main", False)]


def test_abs_test_button(abs_server: fake_abs.FakeAudiobookshelfServer) -> None:
    assert abs_backend(abs_server).test().ok
    podcasts = abs_backend(abs_server, "lib_pod").test()
    assert not podcasts.ok and "podcast" in podcasts.message
    assert not abs_backend(abs_server, "lib_none").test().ok


def test_path_mapping() -> None:
    mapping = PathMapping(server_prefix="/data/books", local_prefix="D:\\Books")
    assert mapping.to_local("/data/books/A/B") == "D:\\Books\\A\\B"
    assert mapping.to_server("D:\\Books\\A\\B") == "/data/books/A/B"
    assert mapping.to_local("/data/booksother/A") == "/data/booksother/A"
    assert mapping.to_local("/data/books") == "D:\\Books"
    assert PathMapping().to_local("/x/y") == "/x/y"


def test_remote_backend_needs_a_token_and_a_library() -> None:
    credentials = CredentialStore()
    config = LibraryBackendConfig(
        kind=LibraryBackendKind.PLEX, plex=PlexSettings(url="http://x", section_id="3")
    )
    with pytest.raises(SecretNotFoundError):
        remote_backend(config, credentials)
    credentials.set(config.plex.token_key, "tok")
    assert isinstance(remote_backend(config, credentials), PlexBackend)
    config.plex.section_id = ""
    with pytest.raises(ConfigurationError):
        remote_backend(config, credentials)
    with pytest.raises(ConfigurationError):
        remote_backend(LibraryBackendConfig(), credentials)


def test_forgetting_a_book_on_the_servers_never_deletes_its_files(
    plex: fake_plex.FakePlexServer, abs_server: fake_abs.FakeAudiobookshelfServer
) -> None:
    abs_backend(abs_server).forget(["li_2"], ["/srv/books/Ann Leckie/Ancillary Justice"])
    assert abs_server.removed == [("li_2", False)]  # never hard=1, which deletes the files
    assert [i["id"] for i in abs_server.items["lib_main"]] == ["li_1"]

    plex.refreshes.clear()
    plex_backend(plex).forget(["201"], ["/mnt/nas/books/Kazuo Ishiguro/Klara and the Sun"])
    assert plex.refreshes == [("3", "/data/audiobooks/Kazuo Ishiguro/Klara and the Sun")]
    assert plex.trash_emptied == ["3"] and plex.metadata_deleted == []  # a metadata DELETE deletes files
