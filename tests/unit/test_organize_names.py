"""Path template and safe names: hostile titles never escape the library or break any OS."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.organize.safe_names import inside_root, safe_component, safe_filename
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, TemplateError, preview, render

RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}


def assert_safe(name: str) -> None:
    assert name and name not in (".", "..")
    assert len(name.encode("utf-8")) <= 255
    assert not any(c in name for c in '<>:"/\\|?*')
    assert not any(ord(c) < 32 for c in name)
    assert name == unicodedata.normalize("NFC", name)
    assert not name.endswith((".", " ")) and not name.startswith((".", " "))
    assert name.split(".")[0].upper() not in RESERVED


def test_default_template_serves_abs_and_plex() -> None:
    assert preview(DEFAULT_TEMPLATE) == [
        "Brandon Sanderson/Mistborn/Book 1 - The Final Empire {Michael Kramer} [B002UZMLXM]",
        "Douglas Adams/Hitchhiker's Guide to the Galaxy/Book 1 - The Hitchhiker's Guide to the Galaxy {Stephen Fry} [B0009JKV9W]",
        "Andy Weir/Project Hail Mary {Ray Porter} [B08G9PRS1K]",
    ]


def test_optional_blocks_vanish_when_a_token_is_empty() -> None:
    book = BookInfo(title="Solo", authors=("A. Writer",))
    assert render(DEFAULT_TEMPLATE, book) == "A. Writer/Solo"
    assert (
        render(
            "{author}/<{year} - >{title}<, {subtitle}>",
            BookInfo(title="T", authors=("X",), extra={"year": 1999}),
        )
        == "X/1999 - T"
    )


@pytest.mark.parametrize(
    "template",
    [
        "",
        "/abs/{title}",
        "C:\\x\\{title}",
        "{nope}/{title}",
        "{author}",
        "{title",
        "<{title}",
        "<a>{title}",
        "<<{title}>>",
        "}{title}",
    ],
)
def test_bad_templates_are_refused(template: str) -> None:
    with pytest.raises(TemplateError):
        render(template, BookInfo(title="T"))


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("../../../etc/passwd", ".."),
        ("CON", "NUL"),
        ("aux.txt", "COM1"),
        ('What?: A <Story> of "AC/DC" | Part*', "Tab\there"),
        ("Trailing dots...", "Spaces   "),
        ("Control\x00\x07chars\x1f", "Bidi \u202egnp.exe"),
        ("Les Mise\u0301rables", "Victor Hugo"),
        ("Белые ночи " * 40, "Фёдор Достоевский"),
        ("杜子春" * 120, "芥川 龍之介"),
        ("$(rm -rf ~); `x` && echo", "Shell | Meta"),
    ],
)
def test_hostile_names_stay_safe_and_inside(tmp_path: Path, title: str, author: str) -> None:
    rel = render(
        DEFAULT_TEMPLATE, BookInfo(title=title, authors=(author,), asin="B0CTK91XJ6", narrators=("R",))
    )
    for component in rel.split("/"):
        assert_safe(component)
    target = inside_root(tmp_path, rel)
    assert target.is_relative_to(tmp_path.resolve())
    assert rel.endswith("{R} [B0CTK91XJ6]"), "the ASIN survives shortening of a long title"


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_any_text_becomes_a_safe_component(text: str) -> None:
    assert_safe(safe_component(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_book_renders_inside_the_root(title: str, author: str) -> None:
    rel = render(DEFAULT_TEMPLATE, BookInfo(title=title, authors=(author,)))
    for component in rel.split("/"):
        assert_safe(component)
    inside_root(Path("/library"), rel)


def test_filename_keeps_extension_within_255_bytes() -> None:
    name = safe_filename("Ж" * 300, ".m4b")
    assert name.endswith(".m4b") and len(name.encode()) <= 255


@pytest.mark.parametrize("relative", ["../x", "a/../../x", "/etc", "C:/x", ""])
def test_inside_root_refuses_escapes(tmp_path: Path, relative: str) -> None:
    with pytest.raises(ValidationError):
        inside_root(tmp_path, relative)


def test_inside_root_refuses_symlink_escape(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(ValidationError):
        inside_root(root, "link/outside")
