"""EPUB metadata written and read with ebooklib on real EPUB files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.services.library.books import FileRecord, tag_evidence
from rmab_desktop.services.tagging.ebooks import read_ebook_tags, write_epub_metadata
from rmab_desktop.services.tagging.writing import TaggingError
from tests.ebookfiles import make_epub

BOOK = BookInfo(
    title="Persuasion",
    asin="B0PERSUAS1",
    isbn="9780141439686",
    authors=("Jane Austen", "Austen, Cassandra"),
    series="Austen Novels",
    series_position="6",
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_written_metadata_reads_back_and_the_package_keeps_its_own_identifier(tmp_path: Path) -> None:
    epub = make_epub(tmp_path / "p.epub", "persuasion (scan)", "Unknown")

    write_epub_metadata(epub, BOOK, PNG)
    write_epub_metadata(epub, BOOK, PNG)  # a second import writes the same, nothing doubles

    tags = read_ebook_tags(str(epub))
    assert tags["album"] == "Persuasion" and tags["artist"] == "Jane Austen; Austen, Cassandra"
    assert (tags["asin"], tags["isbn"], tags["series"], tags["series_part"]) == (
        "B0PERSUAS1",
        "9780141439686",
        "Austen Novels",
        "6",
    )
    assert tags["cover"] is True
    evidence = tag_evidence([FileRecord(str(epub), 0, tags)])
    assert evidence is not None and evidence.authors == ("Jane Austen", "Cassandra Austen")
    opf = zipfile.ZipFile(epub).read("EPUB/content.opf").decode()
    assert opf.count("B0PERSUAS1") == 1 and "urn:uuid:test-" in opf
    assert 'unique-identifier="id"' in opf


def test_other_formats_are_recorded_and_a_broken_epub_is_a_clear_error(tmp_path: Path) -> None:
    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF-1.4 not really")
    assert read_ebook_tags(str(pdf)) == {"ebook": "pdf"}
    broken = tmp_path / "broken.epub"
    broken.write_bytes(b"PK not a zip")
    assert "error" in read_ebook_tags(str(broken))
    with pytest.raises(TaggingError, match=r"Cannot write metadata into broken\.epub"):
        write_epub_metadata(broken, BOOK)
    assert broken.read_bytes() == b"PK not a zip"  # left as it was
