"""A Goodreads shelf through its RSS feed (``/review/list_rss/<user>?shelf=…&key=…``).

The feed is paged (``page=1, 2, …``, up to 100 items a page); a page with no ``<item>`` ends it.
Each item carries ``book_id``, ``title`` (with the series as "Title (Series, #N)"),
``author_name``, ``isbn`` (may be empty) and cover image URLs.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

import httpx
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from rmab_desktop.clients._http import DEFAULT_TIMEOUT, new_client, send
from rmab_desktop.domain.errors import InvalidResponseError, ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.domain.shelves import ShelfBook, split_series

tr = Translator("ServiceErrors")

SERVICE = "Goodreads"
MAX_PAGES = 50


def check_feed_url(url: str) -> str:
    """The feed address, or a worded error when it is not one."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValidationError(
            tr.mark("'{url}' is not a web address."),
            hint=tr.mark("Copy the RSS link from the bottom of your Goodreads shelf page."),
            url=url,
        )
    return url


def _page_url(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "page"]
    query.append(("page", str(page)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _text(item: Element, tag: str) -> str:
    node = item.find(tag)
    return (node.text or "").strip() if node is not None else ""


def parse_feed(body: bytes) -> tuple[str, list[ShelfBook]]:
    """(the channel title, the books) of one feed page."""
    try:
        root = ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InvalidResponseError(
            tr.mark("Goodreads sent something that is not a shelf feed."),
            service=SERVICE,
            hint=tr.mark("Check the address: it is the RSS link of the shelf, not the shelf page."),
        ) from exc
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise InvalidResponseError(
            tr.mark("The address does not lead to an RSS feed."),
            service=SERVICE,
            hint=tr.mark("Copy the RSS link from the bottom of your Goodreads shelf page."),
        )
    books = []
    for item in channel.findall("item"):
        book_id = _text(item, "book_id")
        raw_title = _text(item, "title")
        if not book_id or not raw_title:
            continue
        title, series, position = split_series(raw_title)
        author = _text(item, "author_name")
        books.append(
            ShelfBook(
                external_id=book_id,
                title=title,
                authors=(author,) if author else (),
                isbn=_text(item, "isbn") or None,
                cover_url=_text(item, "book_large_image_url") or _text(item, "book_image_url") or None,
                series=series,
                series_position=position,
            )
        )
    return _text(channel, "title"), books


def fetch_shelf(url: str, *, transport: httpx.BaseTransport | None = None) -> tuple[str, list[ShelfBook]]:
    """Every page of the shelf: (its title, its books in feed order, each once)."""
    url = check_feed_url(url)
    title = ""
    books: dict[str, ShelfBook] = {}
    with new_client(timeout=DEFAULT_TIMEOUT, transport=transport, follow_redirects=True) as client:
        for page in range(1, MAX_PAGES + 1):
            response = send(client, SERVICE, "GET", _page_url(url, page))
            page_title, page_books = parse_feed(response.content)
            title = title or page_title
            fresh = [b for b in page_books if b.external_id not in books]
            if not fresh:
                break
            books.update((b.external_id, b) for b in fresh)
    return title, list(books.values())
