"""Real EPUB files for tests, built with ebooklib (a title page, a chapter, a navigation file)."""

from __future__ import annotations

import warnings
from pathlib import Path

from ebooklib import epub


def make_epub(path: Path, title: str, author: str, *, language: str = "en", chapter: str = "") -> Path:
    """A valid EPUB 3 at ``path`` whose metadata names ``title`` and ``author``."""
    book = epub.EpubBook()
    book.set_identifier(f"urn:uuid:test-{abs(hash((title, author))) % 10**12}")
    book.set_title(title)
    book.set_language(language)
    book.add_author(author)
    page = epub.EpubHtml(title="Chapter 1", file_name="chap_01.xhtml", lang=language)
    text = chapter or f"It was a quiet morning when {title} began."
    page.content = f"<html><body><h1>Chapter 1</h1><p>{text}</p></body></html>"
    book.add_item(page)
    book.toc = (epub.Link("chap_01.xhtml", "Chapter 1", "chap1"),)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", page]
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        epub.write_epub(str(path), book, {})
    return path
