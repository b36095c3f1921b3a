"""Reading audible-cli (JSON, CSV, TSV) and Libation (JSON, CSV) exports."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.audible_library.exports import read_export

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audible_exports"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("library.json", "audible-cli-json"),
        ("library.csv", "audible-cli-csv"),
        ("library.tsv", "audible-cli-tsv"),
    ],
)
def test_audible_cli_formats_read_the_same_titles(name: str, fmt: str) -> None:
    parsed = read_export(FIXTURES / name)
    assert parsed.format == fmt and parsed.errors == ()
    first, second, third = parsed.titles
    assert (first.asin, first.title) == ("B0AUDLIB01", "The Long Way Home")
    assert first.authors == ("Mara Quell", "Theo Brandt") and first.narrators == ("Jun Park",)
    assert (first.series_title, first.series_position, first.runtime_min) == ("Wayfarers", "2", 754)
    assert first.finished is True and first.progress_percent == 100.0
    assert first.average_rating == 4.6 and first.rating is None  # the export has no personal rating
    assert first.purchase_date == datetime(2023, 2, 11, 19, 4, 50, tzinfo=UTC)
    assert first.date_added == datetime(2023, 2, 11, 19, 4, 51, 123000, tzinfo=UTC)
    assert first.cover_url.startswith("https://m.media-amazon.com/")
    assert second.finished is False and second.progress_percent == 37.5 and second.series_title == ""
    assert third.average_rating is None and third.cover_url == ""  # "-" placeholders are no values


@pytest.mark.parametrize("name", ["libation.json", "libation_de.csv"])
def test_libation_exports_read_own_rating_finished_and_series(name: str) -> None:
    parsed = read_export(FIXTURES / name)
    assert parsed.format.startswith("libation") and parsed.errors == ()
    rated, unrated = parsed.titles
    assert (rated.asin, rated.region, rated.title) == ("B0LIBAT001", "uk", "Harbour of Small Hours")
    assert rated.rating == 5.0 and rated.average_rating == 4.3 and rated.finished is True
    assert (rated.series_title, rated.series_position) == ("Harbour", "3")
    assert rated.date_added == datetime(2022, 7, 14, 16, 20, 31, tzinfo=UTC)
    assert rated.cover_url == "https://m.media-amazon.com/images/I/71harbour._SL500_.jpg"
    assert unrated.rating is None and unrated.finished is False and unrated.cover_url == ""


def test_rows_without_asin_are_reported_and_the_rest_is_read(tmp_path: Path) -> None:
    export = tmp_path / "partial.json"
    export.write_text('[{"asin": "B0GOOD0001", "title": "Kept"}, {"asin": "", "title": "Lost"}, 7]')
    parsed = read_export(export)
    assert [t.asin for t in parsed.titles] == ["B0GOOD0001"]
    assert parsed.errors == ("Row 2: no valid ASIN (Lost).", "Row 3: not a record.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("[{broken", "is not valid JSON"),
        ('[{"isbn": "1"}]', "is not an audible-cli or Libation export"),
        ("name,author\nx,y\n", "is not an audible-cli or Libation export"),
    ],
)
def test_unreadable_files_are_refused_in_words(tmp_path: Path, content: str, message: str) -> None:
    export = tmp_path / "export.json"
    export.write_text(content)
    with pytest.raises(ValidationError, match=message) as caught:
        read_export(export)
    assert "export" in caught.value.hint


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="There is no file"):
        read_export(tmp_path / "nope.json")
