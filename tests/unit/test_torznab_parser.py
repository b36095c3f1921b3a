"""The Torznab/Newznab parser on the quirks real feeds have (shapes as real indexers send them, values invented)."""

from __future__ import annotations

import pytest

from rmab_desktop.clients.torznab import error_from_document, parse_caps, parse_feed
from rmab_desktop.domain.errors import (
    AuthenticationError,
    InvalidResponseError,
    RateLimitedError,
    ServiceError,
)
from tests.fakes.indexer_payloads import caps_document, error_document

NS = 'xmlns:torznab="http://torznab.com/schemas/2015/feed"'


def feed(items: str, ns: str = NS) -> bytes:
    return f'<?xml version="1.0"?><rss version="1.0" {ns}><channel>{items}</channel></rss>'.encode()


def test_quirks_of_real_torznab_items() -> None:
    [item] = parse_feed(
        feed(
            """<item><title>  Frank   Herbert - Dune  </title>
            <guid isPermaLink="true">https://t.example/torrents.php?id=(removed)&amp;torrentid=836164</guid>
            <link>https://t.example/dl?authkey=(removed)</link><pubDate>Sat, 11 Apr 2015 21:34:00 -0600</pubDate>
            <category>Audio &gt; Audiobook</category><category>3030</category>
            <enclosure url="https://t.example/dl?authkey=(removed)" length="103641" type="application/x-bittorrent"/>
            <torznab:attr name="infohash" value="(removed)"/><torznab:attr name="category" value="100036"/>
            <torznab:attr name="seeders" value="3"/><torznab:attr name="leechers" value="2"/>
            <torznab:attr name="downloadvolumefactor" value="0.5"/><torznab:attr name="uploadvolumefactor" value="2"/>
            <jackettindexer id="abb">AudioBookBay</jackettindexer></item>"""
        )
    )
    assert item.title == "Frank Herbert - Dune" and item.indexer == "AudioBookBay"
    assert item.infohash is None and item.size_bytes is None  # 103641 is the .torrent file, not the book
    assert item.categories == (100036, 3030) and item.peers == 5
    assert item.flags == ("halfleech", "double_upload") and item.publish_date is not None


def test_magnet_only_item_and_items_without_title() -> None:
    releases = parse_feed(
        feed(
            "<item><title></title><link>http://x</link></item>"
            "<item><title>Dune</title><link>magnet:?xt=urn:btih:9FB267CFF5AE5603F07A347676EC3BF3E35F75E1&amp;dn=x</link>"
            "</item>"
        )
    )
    [release] = releases
    assert release.magnet_url and release.download_url is None
    assert (
        release.infohash == "9fb267cff5ae5603f07a347676ec3bf3e35f75e1" and release.guid == release.magnet_url
    )


def test_newznab_is_usenet_and_reads_book_attrs() -> None:
    ns = 'xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/"'
    [release] = parse_feed(
        feed(
            '<item><title>Herbert-Dune-WEB</title><enclosure url="https://n.example/get/1.nzb" length="700000000" '
            'type="application/x-nzb"/><newznab:attr name="book" value="Dune"/>'
            '<newznab:attr name="author" value="Frank Herbert"/></item>',
            ns,
        )
    )
    assert release.protocol == "usenet" and release.size_bytes == 700000000
    assert (release.author, release.book_title) == ("Frank Herbert", "Dune")


@pytest.mark.parametrize(
    ("code", "error"),
    [(100, AuthenticationError), (101, AuthenticationError), (500, RateLimitedError), (201, ServiceError)],
)
def test_error_documents(code: int, error: type[ServiceError]) -> None:
    with pytest.raises(error):
        parse_feed(error_document(code, "Something"))


def test_error_document_helper_and_caps() -> None:
    caps = parse_caps(caps_document())
    assert 3030 in caps.category_ids() and caps.searches["book-search"] == ("q", "author", "title")
    with pytest.raises(InvalidResponseError):
        parse_caps(feed(""))
    with pytest.raises(InvalidResponseError):
        parse_feed(b"\xef\xbb\xbf   ")
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>'
    with pytest.raises(InvalidResponseError):
        parse_feed(bomb)
    assert isinstance(
        error_from_document(_root(b'<error code="100" description="x"/>'), "S"), AuthenticationError
    )


def _root(data: bytes):  # type: ignore[no-untyped-def]
    from defusedxml import ElementTree

    return ElementTree.fromstring(data)
