"""Hostile JSON from any service ends in a typed, worded error, never a RecursionError/AttributeError.

Every client's reading of an answer is fed (over a real loopback HTTP server) JSON of any shape
hypothesis can build from the field names the parsers look for, plus the classic attacks: absurd
nesting, ``NaN``/``Infinity``, huge strings, a list where an object is expected. Each call must
return normally or raise an :class:`RmabError`, and an error quoting server text stays short.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rmab_desktop.clients.audible import AudibleClient
from rmab_desktop.clients.audiobookshelf import AudiobookshelfClient
from rmab_desktop.clients.audnexus import AudnexusClient
from rmab_desktop.clients.internet_archive import InternetArchiveClient
from rmab_desktop.clients.jsonhttp import JsonHttp
from rmab_desktop.clients.nzbget import NzbgetClient
from rmab_desktop.clients.plex import PlexClient
from rmab_desktop.clients.prowlarr import ProwlarrClient
from rmab_desktop.clients.qbittorrent import QBittorrentClient
from rmab_desktop.clients.sabnzbd import SabnzbdClient
from rmab_desktop.clients.transmission import TransmissionClient
from rmab_desktop.domain.errors import InvalidResponseError, RmabError
from tests.fakes.hostile_json import HostileJsonServer

FIELD_NAMES = [
    # envelopes and lists the parsers descend into
    "products",
    "product",
    "similar_products",
    "categories",
    "category",
    "children",
    "model",
    "items",
    "chapters",
    "response",
    "docs",
    "files",
    "metadata",
    "MediaContainer",
    "Metadata",
    "Directory",
    "Location",
    "Media",
    "Part",
    "libraries",
    "results",
    "folders",
    "media",
    "libraryFiles",
    "queue",
    "slots",
    "history",
    "torrents",
    "subCategories",
    "capabilities",
    "authors",
    "narrators",
    "series",
    "relationships",
    "rating",
    "overall_distribution",
    "product_images",
    "category_ladders",
    "ladder",
    "genres",
    "ratings",
    "seriesPrimary",
    "error",
    "result",
    "arguments",
    "audioFiles",
    "tracks",
    # values
    "asin",
    "title",
    "name",
    "id",
    "key",
    "type",
    "identifier",
    "version",
    "total",
    "total_results",
    "size",
    "format",
    "status",
    "nzo_id",
    "NZBID",
    "FileSizeLo",
    "FileSizeHi",
    "FileSizeMB",
    "hash",
    "state",
    "progress",
    "hashString",
    "percentDone",
    "eta",
    "ratio",
    "mb",
    "mbleft",
    "timeleft",
    "ratingKey",
    "leafCount",
    "duration",
    "file",
    "fullPath",
    "path",
    "sequence",
    "machineIdentifier",
    "indexerId",
    "downloadUrl",
    "protocol",
    "publishDate",
    "speed",
    "kbpersec",
    "message",
    "noofslots",
]
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
hostile = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=5), inner, max_size=6)
    ),
    max_leaves=30,
)


def _audible(url: str) -> AudibleClient:
    return AudibleClient(JsonHttp("Audible", retries=0), base_url=url)


def _audnexus(url: str) -> AudnexusClient:
    return AudnexusClient(JsonHttp("Audnexus", retries=0), base_url=url)


CALLS: dict[str, tuple[bool, Callable[[str], Any]]] = {  # name -> (wrap in envelope, call)
    "audible.search": (False, lambda url: _audible(url).search("us", keywords="x")),
    "audible.product": (False, lambda url: _audible(url).product("B000000001", "us")),
    "audible.similar": (False, lambda url: _audible(url).similar("B000000001", "us")),
    "audible.suggestions": (False, lambda url: _audible(url).suggestions("x", "us")),
    "audible.categories": (False, lambda url: _audible(url).categories("us")),
    "audible.category": (False, lambda url: _audible(url).category("1", "us")),
    "audnexus.book": (False, lambda url: _audnexus(url).book("B000000001", "us")),
    "audnexus.chapters": (False, lambda url: _audnexus(url).chapters("B000000001", "us")),
    "audnexus.author": (False, lambda url: _audnexus(url).author("B000000001", "us")),
    "prowlarr.status": (False, lambda url: ProwlarrClient(url, "k").status()),
    "prowlarr.indexers": (False, lambda url: ProwlarrClient(url, "k").indexers()),
    "prowlarr.search": (False, lambda url: ProwlarrClient(url, "k").search("x", [3030])),
    "internet_archive.search": (False, lambda url: InternetArchiveClient(url).search("Walden")),
    "internet_archive.release": (False, lambda url: InternetArchiveClient(url).release("walden")),
    "sabnzbd.version": (False, lambda url: SabnzbdClient(url, "k").version()),
    "sabnzbd.list": (False, lambda url: SabnzbdClient(url, "k").list()),
    "sabnzbd.save_path": (False, lambda url: SabnzbdClient(url, "k").default_save_path()),
    "nzbget.envelope": (False, lambda url: NzbgetClient(url).list()),
    "nzbget.list": (True, lambda url: NzbgetClient(url).list()),
    "nzbget.get": (True, lambda url: NzbgetClient(url).get("1")),
    "nzbget.save_path": (True, lambda url: NzbgetClient(url).default_save_path()),
    "plex.identity": (False, lambda url: PlexClient(url, "t").identity()),
    "plex.sections": (False, lambda url: PlexClient(url, "t").sections()),
    "plex.albums": (False, lambda url: list(PlexClient(url, "t").albums("1", page_size=5))),
    "plex.tracks": (False, lambda url: list(PlexClient(url, "t").tracks("1", page_size=5))),
    "audiobookshelf.libraries": (False, lambda url: AudiobookshelfClient(url, "t").libraries()),
    "audiobookshelf.items": (False, lambda url: list(AudiobookshelfClient(url, "t").items("lib", 5))),
    "audiobookshelf.item": (False, lambda url: AudiobookshelfClient(url, "t").item("li_1")),
    "qbittorrent.list": (False, lambda url: QBittorrentClient(url, "a", "b").list()),
    "qbittorrent.get": (False, lambda url: QBittorrentClient(url, "a", "b").get("ab" * 20)),
    "qbittorrent.save_path": (False, lambda url: QBittorrentClient(url, "a", "b").default_save_path()),
    "transmission.envelope": (False, lambda url: TransmissionClient(url + "/transmission/rpc").list()),
    "transmission.list": (True, lambda url: TransmissionClient(url + "/transmission/rpc").list()),
}


@pytest.fixture(scope="module")
def server() -> Iterator[HostileJsonServer]:
    with HostileJsonServer() as running:
        yield running


def _ends_typed(server: HostileJsonServer, name: str) -> None:
    wrap, call = CALLS[name]
    server.wrap = wrap
    try:
        call(server.url)
    except RmabError as exc:
        assert len(exc.user_message) < 600, exc.user_message
    server.requests.clear()


@pytest.mark.parametrize("name", CALLS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=hostile)
def test_any_json_shape_ends_in_a_result_or_a_typed_error(
    server: HostileJsonServer, name: str, value: Any
) -> None:
    server.set_value(value, wrap=CALLS[name][0])
    _ends_typed(server, name)


NESTED = b"[" * 100_000 + b"]" * 100_000
ATTACKS = {
    "nesting": NESTED,
    "nested objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "infinity": b'{"products": [{"asin": "B000000001", "title": "x", "runtime_length_min": Infinity}]}',
    "nan": b'{"total_results": NaN, "products": []}',
    "huge string": b'{"products": [{"asin": "B000000001", "title": "' + b"x" * 300_000 + b'"}]}',
    "list for object": b"[[], [1, 2], {}]",
}


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("name", CALLS)
def test_classic_attacks_end_in_a_typed_error(server: HostileJsonServer, name: str, attack: str) -> None:
    server.body = ATTACKS[attack]
    _ends_typed(server, name)


@pytest.mark.parametrize("attack", ["nesting", "infinity", "nan"])
def test_the_attack_is_named_as_an_invalid_answer(server: HostileJsonServer, attack: str) -> None:
    server.body, server.wrap = ATTACKS[attack], False
    with pytest.raises(InvalidResponseError) as caught:
        _audible(server.url).search("us", keywords="x")
    assert "Audible" in caught.value.user_message and caught.value.hint


def test_a_category_tree_deep_enough_to_decode_is_cut_not_recursed(server: HostileJsonServer) -> None:
    node: dict[str, Any] = {"id": "leaf", "name": "Leaf"}
    for level in range(450):  # decodes (under the JSON decoder's limit), too deep to recurse into
        node = {"id": str(level), "name": f"Level {level}", "children": [node]}
    server.set_value({"categories": [node]})
    (root,) = _audible(server.url).categories("us")
    depth = 0
    while root.children:
        (root,), depth = root.children, depth + 1
    assert 0 < depth < 10
