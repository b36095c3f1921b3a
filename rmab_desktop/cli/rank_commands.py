"""``rmab rank --book BOOK.json --results FILE [--interactive] --json``: rank a saved search.

Needs no database and no keyring: it reads the book, reads a Torznab/Newznab XML feed or a
Prowlarr JSON array, ranks with the default preferences (or ``--prefs PREFS.json``) and prints
every result best first, accepted before rejected.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.releases import Release


def register(rank: argparse.ArgumentParser) -> None:
    rank.add_argument(
        "--book", type=Path, required=True, help="BOOK.json (title, authors, runtime_minutes ...)"
    )
    rank.add_argument("--results", type=Path, required=True, help="Torznab/Newznab XML or Prowlarr JSON")
    rank.add_argument("--interactive", action="store_true", help="relax the author rule (a user is choosing)")
    rank.add_argument("--prefs", type=Path, help="ranking preferences JSON (default: built-in defaults)")
    rank.add_argument("--json", action="store_true", help="print JSON")
    rank.set_defaults(handler=rank_cmd)


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise ValidationError(f"Cannot read {what} {path}: {exc.strerror}.") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(f"{what.capitalize()} {path} is not valid JSON.") from exc


def normalize_book_json(data: dict[str, Any]) -> dict[str, Any]:
    """Accept the usual variants of a book document: a series list, Audible/Audnexus runtime keys."""
    data = dict(data)
    series = data.get("series")
    if isinstance(series, list):
        first = next((item for item in series if item), None)
        if isinstance(first, dict):
            data["series"] = first.get("name") or first.get("title")
            data.setdefault("series_position", first.get("position") or first.get("sequence"))
        else:
            data["series"] = first
    if data.get("runtime_minutes") in (None, ""):
        for key in ("runtime_length_min", "runtimeLengthMin", "runtime"):
            if data.get(key) not in (None, ""):
                data["runtime_minutes"] = data[key]
                break
    if data.get("series_position") in (None, "") and data.get("series_sequence"):
        data["series_position"] = data["series_sequence"]
    return data


def load_results(path: Path) -> list[Release]:
    """Releases from a saved search; the format is detected from the content."""
    from rmab_desktop.clients.prowlarr import parse_search_results
    from rmab_desktop.clients.torznab import parse_feed

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read results file {path}: {exc.strerror}.") from exc
    head = data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if head in (b"[", b"{"):
        parsed = _read_json(path, "results file")
        if isinstance(parsed, dict):  # tolerate {"results": [...]} wrappers
            parsed = next((v for v in parsed.values() if isinstance(v, list)), [])
        return parse_search_results(parsed)
    return parse_feed(data, service="Results file")


def rank_cmd(args: argparse.Namespace) -> int:
    from rmab_desktop.services.ranking import RankingPrefs, rank_releases

    book_data = _read_json(args.book, "book file")
    if not isinstance(book_data, dict):
        raise ValidationError(f"Book file {args.book} must hold a JSON object.")
    book = BookInfo.from_json(normalize_book_json(book_data))
    prefs = (
        RankingPrefs.model_validate(_read_json(args.prefs, "prefs file")) if args.prefs else RankingPrefs()
    )
    ranked = rank_releases(book, load_results(args.results), prefs, interactive=args.interactive)
    if args.json:
        print(json.dumps({"results": [r.to_json() for r in ranked]}, indent=2, ensure_ascii=False))
        return 0
    for item in ranked:
        mark = "ACCEPT" if item.accepted else "reject"
        print(f"{mark} {item.score:6.1f}  {item.release.title}")
        for reason in item.reasons:
            print(f"         - {reason}")
    return 0
