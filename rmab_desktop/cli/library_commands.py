"""``rmab library scan PATH`` and ``rmab library match PATH --wanted WANTED.json``.

The scan state lives in the profile's database, so a second scan of an unchanged folder
re-reads no file (``files_read`` says how many were read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.library import ScanStats, WantedBook
from rmab_desktop.services.library.matching import match_books
from rmab_desktop.services.library.scanner import DEFAULT_WORKERS, LibraryScanner, ScanProgress


def register(library: argparse.ArgumentParser) -> None:
    commands = library.add_subparsers(dest="library_command", required=True)
    scan = commands.add_parser("scan", help="scan a folder (incremental: unchanged files are not re-read)")
    scan.add_argument("path", type=Path)
    scan.add_argument("--json", action="store_true")
    scan.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="tag-reading processes")
    scan.set_defaults(handler=scan_cmd)
    match = commands.add_parser("match", help="link wanted books to books in a folder")
    match.add_argument("path", type=Path)
    match.add_argument("--wanted", type=Path, required=True, help='JSON list of {"id","asin","title",...}')
    match.add_argument("--json", action="store_true")
    match.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    match.set_defaults(handler=match_cmd)


def _progress(enabled: bool) -> Any:
    if not enabled:
        return None

    def show(update: ScanProgress) -> None:
        if update.phase == "reading" and update.total:
            print(f"\rreading tags {update.done}/{update.total}", end="", file=sys.stderr, flush=True)
        elif update.phase == "done" and update.total:
            print(file=sys.stderr)

    return show


def _stats_json(stats: ScanStats) -> dict[str, Any]:
    return {
        "files": stats.files,
        "files_read": stats.files_read,
        "files_unchanged": stats.files_unchanged,
        "files_removed": stats.files_removed,
        "books_changed": stats.books_changed,
        "seconds": stats.seconds,
        "errors": list(stats.errors),
    }


def scan_cmd(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        scanner = LibraryScanner(core.database, workers=args.workers)
        stats = scanner.scan(args.path, progress=_progress(not args.json and sys.stderr.isatty()))
        if args.json:
            _stream_json(_stats_json(stats), "books", (b.to_json() for b in scanner.iter_books(args.path)))
        else:
            print(
                f"{stats.books} books, {stats.files} audio files in {stats.seconds:.2f} s; "
                f"{stats.files_read} files read, {stats.files_unchanged} unchanged, {stats.files_removed} removed"
            )
            for error in stats.errors:
                print(f"warning: {error}", file=sys.stderr)
        return 0
    finally:
        core.close()


def _stream_json(head: dict[str, Any], key: str, items: Iterable[dict[str, Any]]) -> None:
    """One compact JSON object, written as the items come: ``{...head, key: [items]}``."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    out = sys.stdout
    out.write(dumps(head)[:-1] + f',"{key}":[')
    for index, item in enumerate(items):
        if index:
            out.write(",")
        out.write(dumps(item))
    out.write("]}\n")


def load_wanted(path: Path) -> tuple[list[WantedBook], dict[str, Any]]:
    """Wanted books and their original ids (kept as given: numbers stay numbers in the output)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"Cannot read {path}: {exc}", hint="Give a JSON list of wanted books.") from exc
    if isinstance(data, dict):
        data = data.get("wanted") or data.get("books")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValidationError(
            f"{path} must hold a JSON list of objects", hint='e.g. [{"id": 1, "title": "..."}]'
        )
    wanted, ids = [], {}
    for index, item in enumerate(data):
        original = item.get("id", index)
        book = WantedBook.from_json({**item, "id": original})
        if not book.book.title and not book.book.asin:
            raise ValidationError(f"Wanted book {original!r} has neither a title nor an ASIN")
        wanted.append(book)
        ids[book.id] = original
    return wanted, ids


def match_cmd(args: argparse.Namespace) -> int:
    wanted, ids = load_wanted(args.wanted)
    core = core_from_args(args)
    try:
        scanner = LibraryScanner(core.database, workers=args.workers)
        stats = scanner.scan(args.path)
        matches = match_books(wanted, scanner.list_books(args.path, with_evidence=True))
        if args.json:
            print_json(
                {"matches": [{**m.to_json(), "id": ids[m.id]} for m in matches], "scan": _stats_json(stats)}
            )
        else:
            for m in matches:
                target = m.path or "-"
                print(f"{ids[m.id]}\t{m.confidence:.2f}\t{target}\t{m.reason}")
        return 0
    finally:
        core.close()
