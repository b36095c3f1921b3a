"""The library path template: ``{token}`` values, ``<...>`` blocks that vanish when a token inside
is empty, ``/`` between folders, and ``{{``/``}}`` for literal braces.

The default serves Audiobookshelf (which parses ``Book N - ``, ``{Narrator}`` and ``[ASIN]``
from the folder name) and Plex (``Author/Book``, ASIN in the folder name for quick matching)::

    {author}/<{series}/><Book {series_part} - >{title}< {{{narrator}}}>< [{asin}]>
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.i18n import Translator
from rmab_desktop.services.library.normalize import person_role
from rmab_desktop.services.organize.safe_names import (
    MAX_COMPONENT_BYTES,
    clean_component,
    clean_text,
    safe_component,
)

tr = Translator("OrganizeErrors")

DEFAULT_TEMPLATE = "{author}/<{series}/><Book {series_part} - >{title}< {{{narrator}}}>< [{asin}]>"
MAX_LISTED_PEOPLE = 3
TOKENS = (
    "author",
    "authors",
    "title",
    "subtitle",
    "series",
    "series_part",
    "narrator",
    "year",
    "asin",
    "language",
    "region",
    "publisher",
)


class TemplateError(ValidationError):
    hint = tr.mark(
        "Use tokens like {author} and {title}, '/' between folders and <...> around optional parts."
    )


@dataclass(frozen=True)
class _Token:
    name: str


Part = str | _Token
_ALWAYS = object()


def parse(template: str) -> list[tuple[object, list[Part]]]:
    """Segments as (kind, parts); kind is _ALWAYS or "optional"."""
    if not template or not template.strip():
        raise TemplateError(tr.mark("The template is empty"))
    if template.startswith(("/", "\\")) or (len(template) > 1 and template[1] == ":"):
        raise TemplateError(tr.mark("The template must be a relative path (no leading '/' or drive letter)"))
    segments: list[tuple[object, list[Part]]] = []
    current: list[Part] = []
    optional = False
    i = 0
    while i < len(template):
        char = template[i]
        pair = template[i : i + 2]
        if pair in ("{{", "}}"):
            current.append(char)
            i += 2
        elif char == "{":
            end = template.find("}", i)
            if end < 0:
                raise TemplateError(tr.mark("A '{{' has no closing '}}'"))
            name = template[i + 1 : end].strip()
            if name not in TOKENS:
                raise TemplateError(
                    tr.mark("Unknown token {{{token}}}; known: {items}"),
                    token=name,
                    items=", ".join(TOKENS),
                )
            current.append(_Token(name))
            i = end + 1
        elif char == "}":
            raise TemplateError(tr.mark("A '}}' has no opening '{{' (write '}}}}' for a literal brace)"))
        elif char == "<":
            if optional:
                raise TemplateError(tr.mark("Optional blocks <...> cannot be nested"))
            segments.append((_ALWAYS, current))
            current, optional = [], True
            i += 1
        elif char == ">":
            if not optional:
                raise TemplateError(tr.mark("A '>' has no opening '<'"))
            if not any(isinstance(p, _Token) for p in current):
                raise TemplateError(tr.mark("An optional block <...> must contain a token"))
            segments.append(("optional", current))
            current, optional = [], False
            i += 1
        else:
            current.append(char)
            i += 1
    if optional:
        raise TemplateError(tr.mark("A '<' has no closing '>'"))
    segments.append((_ALWAYS, current))
    if not any(isinstance(p, _Token) and p.name == "title" for _, parts in segments for p in parts):
        raise TemplateError(tr.mark("The template must contain {{title}} so every book gets its own folder"))
    return segments


def _people(names: tuple[str, ...]) -> str:
    listed = list(names[:MAX_LISTED_PEOPLE])
    return ", ".join(listed) + (" et al." if len(names) > MAX_LISTED_PEOPLE else "")


def token_values(book: BookInfo) -> dict[str, str]:
    authors = [person_role(a) for a in book.authors]
    primary = tuple(name for name, role in authors if role is None) or tuple(name for name, _ in authors)
    year = book.year or (book.release_date.year if isinstance(book.release_date, date) else None)
    raw = {
        "author": primary[0] if primary else "Unknown Author",
        "authors": _people(primary) if primary else "Unknown Author",
        "title": book.title or "Unknown Title",
        "subtitle": book.subtitle or "",
        "series": book.series or "",
        "series_part": book.series_position or "",
        "narrator": _people(book.narrators),
        "year": str(year) if year else "",
        "asin": book.asin or "",
        "language": book.language or "",
        "region": book.region or "",
        "publisher": book.publisher or "",
    }
    # A value never creates folders of its own: its slashes become dashes.
    values = {k: clean_text(v).replace("/", "-").replace("\\", "-") for k, v in raw.items()}
    for name, default in (
        ("author", "Unknown Author"),
        ("authors", "Unknown Author"),
        ("title", "Unknown Title"),
    ):
        if not clean_component(values[name]):
            values[name] = default
    return values


def render(template: str, book: BookInfo, *, max_bytes: int = MAX_COMPONENT_BYTES) -> str:
    """The book's folder, relative to the library root, '/'-separated, every component safe."""
    values = token_values(book)
    pieces: list[Part] = []
    for kind, parts in parse(template):
        if kind == "optional" and any(isinstance(p, _Token) and not values[p.name] for p in parts):
            continue
        pieces.extend(parts)
    components: list[list[Part]] = [[]]
    for piece in pieces:
        if piece == "/":
            components.append([])
        else:
            components[-1].append(piece)
    names = [_fit(parts, dict(values), max_bytes) for parts in components]
    names = [n for n in names if n]
    if not names:
        raise TemplateError(tr.mark("The template produced an empty path"))
    return "/".join(names)


def _fit(parts: list[Part], values: dict[str, str], max_bytes: int) -> str:
    """Render one folder name; when too long, shorten the longest token value, never the literals
    (so ``[ASIN]`` and ``{Narrator}`` survive at the end of a long title)."""
    for _ in range(200):
        text = "".join(values[p.name] if isinstance(p, _Token) else p for p in parts)
        if not text.strip():
            return ""
        overflow = len(clean_component(text).encode()) - max_bytes
        if overflow <= 0:
            return safe_component(text, max_bytes=max_bytes)
        used = [p.name for p in parts if isinstance(p, _Token) and values[p.name]]
        if not used:
            break
        longest = max(used, key=lambda n: len(values[n].encode()))
        value = values[longest]
        keep = max(len(value.encode()) - overflow, len(value.encode()) // 2, 1)
        shortened = value.encode()[:keep].decode("utf-8", "ignore").rstrip(" .,-")
        values[longest] = shortened if shortened != value else value[:-1]
    return safe_component(text, max_bytes=max_bytes)


SAMPLE_BOOKS = (
    BookInfo(
        title="The Final Empire",
        asin="B002UZMLXM",
        authors=("Brandon Sanderson",),
        narrators=("Michael Kramer",),
        series="Mistborn",
        series_position="1",
        extra={"year": 2006},
    ),
    BookInfo(
        title="The Hitchhiker's Guide to the Galaxy",
        subtitle="Hitchhiker's Guide, Book 1",
        asin="B0009JKV9W",
        authors=("Douglas Adams",),
        narrators=("Stephen Fry",),
        series="Hitchhiker's Guide to the Galaxy",
        series_position="1",
        extra={"year": 2005},
    ),
    BookInfo(
        title="Project Hail Mary",
        asin="B08G9PRS1K",
        authors=("Andy Weir",),
        narrators=("Ray Porter",),
        extra={"year": 2021},
    ),
)


def preview(template: str, books: tuple[BookInfo, ...] = SAMPLE_BOOKS) -> list[str]:
    """Rendered folders for sample books (the settings page shows these live); raises TemplateError."""
    return [render(template, book) for book in books]
