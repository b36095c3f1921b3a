"""Standard Ebooks through its OPDS (Atom) catalog: carefully produced public-domain EPUBs.

``GET /feeds/opds/all?query=<words>`` answers an Atom feed; each ``entry`` has ``title``,
``author/name``, ``rights`` and acquisition links (``rel`` ending ``/acquisition/open-access``)
whose ``href`` may be relative to the site. The XML is parsed with defusedxml.
"""

from __future__ import annotations

from urllib.parse import urljoin
from xml.etree.ElementTree import Element

import httpx
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from rmab_desktop.clients._http import new_client, normalize_base_url, send
from rmab_desktop.domain.errors import InvalidResponseError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.releases import Release, ReleaseFile

tr = Translator("ServiceErrors")

SERVICE = "Standard Ebooks"
DEFAULT_URL = "https://standardebooks.org"
TIMEOUT = httpx.Timeout(30.0, connect=10.0)
ATOM = "{http://www.w3.org/2005/Atom}"
ACQUISITION = "http://opds-spec.org/acquisition"
# MIME type -> format word, best first; Standard Ebooks also offers kepub and azw3.
FORMATS = (("application/epub+zip", "epub"), ("application/x-mobipocket-ebook", "azw3"))


def _text(entry: Element, path: str) -> str:
    found = entry.find(path)
    return (found.text or "").strip() if found is not None else ""


class StandardEbooksClient:
    def __init__(self, base_url: str = DEFAULT_URL, *, http: httpx.Client | None = None) -> None:
        self.base_url = normalize_base_url(base_url)
        self._http = http or new_client(timeout=TIMEOUT, follow_redirects=True)

    def search(self, words: str, *, limit: int = 10) -> list[Release]:
        url = f"{self.base_url}/feeds/opds/all"
        response = send(self._http, SERVICE, "GET", url, params={"query": words})
        try:
            feed = SafeET.fromstring(response.content)
        except (SafeET.ParseError, DefusedXmlException) as exc:
            raise InvalidResponseError(
                tr.mark("{service} sent a feed that is not valid XML."), service=SERVICE
            ) from exc
        if feed.tag != f"{ATOM}feed":
            raise InvalidResponseError(tr.mark("{service} answered in an unknown shape."), service=SERVICE)
        releases = (self._release(entry, str(response.url)) for entry in feed.findall(f"{ATOM}entry")[:limit])
        return [release for release in releases if release is not None]

    def _release(self, entry: Element, page: str) -> Release | None:
        title = _text(entry, f"{ATOM}title")
        links = {
            link.get("type", ""): link.get("href", "")
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "").startswith(ACQUISITION) and link.get("href")
        }
        chosen = next(((fmt, links[mime]) for mime, fmt in FORMATS if links.get(mime)), None)
        if not title or chosen is None:
            return None
        fmt, href = chosen
        url = urljoin(page, href)
        authors = [_text(a, f"{ATOM}name") for a in entry.findall(f"{ATOM}author")]
        author = ", ".join(a for a in authors if a) or None
        identifier = _text(entry, f"{ATOM}id") or url
        rights = _text(entry, f"{ATOM}rights")
        file = ReleaseFile(name=url.rsplit("/", 1)[-1] or f"book.{fmt}", url=url, format=fmt.upper())
        return Release(
            guid=f"standardebooks:{identifier}:{fmt}",
            title=f"{author + ' - ' if author else ''}{title} [{fmt.upper()}] (Standard Ebooks)",
            indexer=SERVICE,
            protocol="http",
            download_url=url,
            info_url=identifier,
            files=1,
            author=author,
            book_title=title,
            http_files=(file,),
            # Every Standard Ebooks book is public domain in the United States; the feed says so.
            extra={"public_domain": "public domain" in rights.lower() or not rights},
        )
