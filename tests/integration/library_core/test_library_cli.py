"""The commands the issue is checked with: rmab library scan / match and rmab organize."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rmab_desktop.cli import main
from tests.audiofiles import make_audio


def rmab(capsys: pytest.CaptureFixture[str], profile: Path, *args: str) -> tuple[int, dict]:
    code = main(["--profile-dir", str(profile), *args])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip().startswith("{") else {}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    make_audio(
        root / "H. Rider Haggard/She/01.mp3", album="She: A History of Adventure", artist="H. Rider Haggard"
    )
    make_audio(
        root / "H. Rider Haggard/She and Allan/01.mp3", album="She and Allan", artist="H. Rider Haggard"
    )
    make_audio(root / "Frank Herbert/Dune [B002V1OF70]/01.m4b", album="Dune", composer="Scott Brick")
    make_audio(root / "Frank Herbert/Dune [B002V1OF70]/02.m4b", album="Dune", composer="Scott Brick")
    return root


def test_scan_json_and_second_run_reads_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Path
) -> None:
    profile = tmp_path / "profile"
    code, first = rmab(capsys, profile, "library", "scan", str(library), "--json")
    assert code == 0 and first["files"] == 4 and first["files_read"] == 4 and "seconds" in first
    dune = next(b for b in first["books"] if b["path"] == "Frank Herbert/Dune [B002V1OF70]")
    assert dune["asin"] == "B002V1OF70" and dune["files"] == 2 and dune["narrators"] == ["Scott Brick"]
    assert dune["authors"] == ["Frank Herbert"] and dune["duration_seconds"] > 1.5
    assert set(dune) >= {
        "path",
        "title",
        "authors",
        "narrators",
        "series",
        "series_position",
        "asin",
        "files",
        "duration_seconds",
    }
    code, second = rmab(capsys, profile, "library", "scan", str(library), "--json")
    assert code == 0 and second["files_read"] == 0 and second["files_unchanged"] == 4
    assert [b["path"] for b in second["books"]] == [b["path"] for b in first["books"]]


def test_match_links_what_is_there_and_nothing_else(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Path
) -> None:
    wanted = tmp_path / "wanted.json"
    wanted.write_text(
        json.dumps(
            [
                {
                    "id": 1,
                    "asin": "B004YWTD30",
                    "title": "She",
                    "subtitle": "A History of Adventure",
                    "authors": ["H. Rider Haggard"],
                    "narrators": [],
                    "series": "Ayesha",
                    "series_position": "1",
                },
                {
                    "id": "two",
                    "asin": "B00CQ5WAXW",
                    "title": "She and Allan",
                    "subtitle": None,
                    "authors": ["H. Rider Haggard"],
                    "narrators": [],
                    "series": None,
                    "series_position": None,
                },
                {"id": 3, "asin": "B002V1OF70", "title": "Dune", "authors": ["Frank Herbert"]},
                {"id": 4, "asin": "B0NOTHERE1", "title": "Dune Messiah", "authors": ["Frank Herbert"]},
            ]
        )
    )
    code, out = rmab(
        capsys, tmp_path / "p", "library", "match", str(library), "--wanted", str(wanted), "--json"
    )
    assert code == 0
    by_id = {m["id"]: m for m in out["matches"]}
    assert by_id[1]["path"] == "H. Rider Haggard/She"
    assert by_id["two"]["path"] == "H. Rider Haggard/She and Allan"
    assert by_id[3]["path"] == "Frank Herbert/Dune [B002V1OF70]" and by_id[3]["confidence"] >= 0.95
    assert by_id[4]["path"] is None
    assert all(0 <= m["confidence"] <= 1 and m["reason"] for m in out["matches"])


def test_bad_inputs_are_clear_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, library: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert (
        main(["--profile-dir", str(tmp_path / "p"), "library", "match", str(library), "--wanted", str(bad)])
        == 2
    )
    assert main(["--profile-dir", str(tmp_path / "p"), "library", "scan", str(tmp_path / "missing")]) == 2
    assert "error:" in capsys.readouterr().err


def test_organize_dry_run_then_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "dl"
    make_audio(source / "book.m4b")
    book = tmp_path / "book.json"
    book.write_text(
        json.dumps(
            {
                "title": "Dune",
                "authors": [{"name": "Frank Herbert"}],
                "asin": "B002V1OF70",
                "series": {"name": "Dune", "position": "1"},
            }
        )
    )
    lib = tmp_path / "lib"
    lib.mkdir()
    profile = tmp_path / "profile"
    args = ["organize", "--source", str(source), "--book", str(book), "--library", str(lib), "--json"]
    code, dry = rmab(capsys, profile, *args, "--dry-run")
    assert (
        code == 0 and dry["dry_run"] and dry["target_path"] == "Frank Herbert/Dune/Book 1 - Dune [B002V1OF70]"
    )
    assert list(lib.iterdir()) == []
    code, done = rmab(capsys, profile, *args)
    assert code == 0 and done["tagged"] and (lib / done["files"][0]["target"]).is_file()
    book.write_text("[]")
    assert main(["--profile-dir", str(profile), *args]) == 2
