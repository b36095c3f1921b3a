"""Builders of indexer answers with the shapes real servers send.

Torznab (Jackett/Prowlarr style: channel header, ``torznab:attr`` seeders/peers/infohash/magneturl,
volume factors, text or numeric categories, enclosure length = .torrent size), Newznab (NZBgeek
style extended attrs incl. ``book``/``author``, ``newznab:response``, text categories with
"&gt;"), Newznab caps, ``<error code/>`` documents with a BOM, and Prowlarr JSON search arrays.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus
from xml.sax.saxutils import escape, quoteattr

BOM = "\ufeff"


@dataclass
class FakeRelease:
    title: str
    size: int = 400_000_000
    seeders: int | None = 25
    leechers: int = 2
    guid: str = ""
    categories: tuple[int, ...] = (3030,)
    pub_date: str = "Tue, 20 Dec 2022 21:32:17 +0000"
    infohash: str | None = None
    magnet: bool = False
    freeleech: bool = False
    author: str | None = None
    book: str | None = None
    grabs: int | None = 7
    files: int | None = None
    extra_attrs: dict[str, str] = field(default_factory=dict)


def _guid(release: FakeRelease, index: int) -> str:
    return release.guid or f"https://tracker.example/torrents.php?torrentid={1000 + index}"


def torznab_feed(
    releases: list[FakeRelease],
    *,
    channel: bool = True,
    bom: bool = False,
    base_url: str = "https://tracker.example",
) -> bytes:
    items = []
    for index, r in enumerate(releases):
        infohash = r.infohash or f"{index:040x}"
        magnet = f"magnet:?xt=urn:btih:{infohash}&amp;dn={quote_plus(r.title)}"
        link = magnet if r.magnet else f"{base_url}/download/{1000 + index}?passkey=123456"
        attrs = {
            "size": str(r.size),
            "infohash": infohash,
            "downloadvolumefactor": "0" if r.freeleech else "1",
            "uploadvolumefactor": "1",
            "minimumratio": "1",
            "minimumseedtime": "172800",
            **r.extra_attrs,
        }
        if r.seeders is not None:
            attrs |= {"seeders": str(r.seeders), "peers": str(r.seeders + r.leechers)}
        if r.magnet:
            attrs["magneturl"] = magnet.replace("&amp;", "&")
        if r.author:
            attrs["author"] = r.author
        if r.book:
            attrs["booktitle"] = r.book
        attr_xml = "".join(f'<torznab:attr name="{k}" value={quoteattr(v)} />' for k, v in attrs.items())
        attr_xml += "".join(f'<torznab:attr name="category" value="{c}" />' for c in r.categories)
        extra = f"<grabs>{r.grabs}</grabs>" if r.grabs is not None else ""
        extra += f"<files>{r.files}</files>" if r.files is not None else ""
        items.append(
            f"""<item>
      <title>{escape(r.title)}</title>
      <guid isPermaLink="true">{escape(_guid(r, index))}</guid>
      <link>{link}</link>
      <comments>{escape(_guid(r, index))}</comments>
      <pubDate>{r.pub_date}</pubDate>
      <size>{r.size}</size>{extra}
      <category>{r.categories[0] if r.categories else 3030}</category>
      <description>{escape(r.title)}</description>
      <enclosure url="{link}" length="103641" type="application/x-bittorrent" />
      {attr_xml}
    </item>"""
        )
    header = (
        '<atom:link href="http://127.0.0.1:9117/" rel="self" type="application/rss+xml" />'
        "<title>Fake Tracker</title><description>Fake</description><link>https://tracker.example/</link>"
        "<lanuage>en-us</lanuage><category>search</category>"
        if channel
        else ""
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:torznab="http://torznab.com/schemas/2015/feed">\n'
        f"  <channel>{header}\n    {''.join(items)}\n  </channel>\n</rss>\n"
    )
    return ((BOM if bom else "") + body).encode("utf-8")


def newznab_feed(
    releases: list[FakeRelease],
    *,
    extended: bool = True,
    bom: bool = False,
    limits: tuple[int, int, int, int] | None = None,
) -> bytes:
    """``limits``: (apiCurrent, apiMax, grabCurrent, grabMax) as nZEDb servers report them."""
    api_limits = (
        f'    <newznab:apilimits apiCurrent="{limits[0]}" apiMax="{limits[1]}" grabCurrent="{limits[2]}" '
        f'grabMax="{limits[3]}" apiOldestTime="Tue, 19 Nov 2019 09:26:45 +0000" '
        'grabOldestTime="Tue, 19 Nov 2019 10:10:10 +0000"/>\n'
        if limits
        else ""
    )
    items = []
    for index, r in enumerate(releases):
        nzb_id = r.guid or f"{index:032x}"
        link = f"https://nzb.example/api?t=get&amp;id={nzb_id}&amp;apikey=xxx"
        attrs = [("category", str(c)) for c in r.categories] + [("size", str(r.size))]
        if extended:
            attrs += [("guid", nzb_id), ("grabs", str(r.grabs or 0)), ("usenetdate", r.pub_date)]
            attrs += [("book", r.book)] if r.book else []
            attrs += [("author", r.author)] if r.author else []
        attr_xml = "".join(f'<newznab:attr name="{k}" value={quoteattr(v)} />' for k, v in attrs)
        items.append(
            f"""<item>
      <title>{escape(r.title)}</title>
      <guid isPermaLink="true">https://nzb.example/details/{nzb_id}</guid>
      <link>{link}</link>
      <comments>https://nzb.example/details/{nzb_id}#comments</comments>
      <pubDate>{r.pub_date}</pubDate>
      <category>Audio &gt; Audiobook</category>
      <description>{escape(r.title)}</description>
      <enclosure url="{link}" length="{r.size}" type="application/x-nzb" />
      {attr_xml}
    </item>"""
        )
    body = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/">\n'
        "  <channel><title>nzb.example</title><description>Fake NZB</description>\n"
        f'    <newznab:response offset="0" total="{len(releases)}" />\n{api_limits}    {"".join(items)}\n'
        "  </channel>\n</rss>\n"
    )
    return ((BOM if bom else "") + body).encode("utf-8")


def error_document(code: int = 100, description: str = "Incorrect user credentials") -> bytes:
    return (
        BOM + f'<?xml version="1.0" encoding="utf-8" ?> \n<error code="{code}" description="{description}"/>'
    ).encode()


def caps_document(max_limit: int = 100) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<caps>
  <server version="1.0" title="Fake Indexer" strapline="test" />
  <limits max="{max_limit}" default="50" />
  <registration available="no" open="no" />
  <searching>
    <search available="yes" supportedParams="q" />
    <tv-search available="no" supportedParams="q,season,ep" />
    <audio-search available="yes" supportedParams="q,artist,album" />
    <book-search available="yes" supportedParams="q,author,title" />
  </searching>
  <categories>
    <category id="3000" name="Audio">
      <subcat id="3010" name="MP3" />
      <subcat id="3030" name="Audiobook" />
      <subcat id="3130" name="Audiobook EN" />
    </category>
    <category id="7000" name="Books"><subcat id="7020" name="Ebook" /></category>
  </categories>
</caps>
""".encode()


def prowlarr_result(
    r: FakeRelease,
    index: int,
    indexer_id: int = 1,
    indexer: str = "FakeTracker",
    protocol: str = "torrent",
    base_url: str = "http://127.0.0.1:9696",
) -> dict[str, Any]:
    infohash = r.infohash or f"{index:040X}"
    link = f"magnet{index}" if r.magnet else f"abc{index}"
    item: dict[str, Any] = {
        "guid": r.guid or f"https://tracker.example/torrents.php?torrentid={2000 + index}",
        "age": 700,
        "ageHours": 16800.5,
        "ageMinutes": 1008030.2,
        "size": r.size,
        "files": r.files,
        "grabs": r.grabs,
        "indexerId": indexer_id,
        "indexer": indexer,
        "title": r.title,
        "sortTitle": r.title.lower(),
        "imdbId": 0,
        "tmdbId": 0,
        "tvdbId": 0,
        "tvMazeId": 0,
        "publishDate": "2022-12-20T21:32:17Z",
        "downloadUrl": f"{base_url}/{indexer_id}/download?apikey=secret&link={link}&file={index}",
        "infoUrl": f"https://tracker.example/torrents.php?torrentid={2000 + index}",
        "indexerFlags": ["freeleech"] if r.freeleech else [],
        "categories": [{"id": c, "name": "Audio/Audiobook", "subCategories": []} for c in r.categories],
        "protocol": protocol,
        "fileName": f"{r.title}.torrent",
    }
    if protocol == "torrent":
        item |= {"seeders": r.seeders, "leechers": r.leechers, "infoHash": infohash}
        if r.magnet:
            item["magnetUrl"] = f"magnet:?xt=urn:btih:{infohash}&dn=x"
    return item


def prowlarr_results(releases: list[FakeRelease], **kwargs: Any) -> bytes:
    return json.dumps([prowlarr_result(r, i, **kwargs) for i, r in enumerate(releases)]).encode()
