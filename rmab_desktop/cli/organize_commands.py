"""``rmab organize --source DIR --book BOOK.json --library DIR [--dry-run] --json``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.organize.importer import MODES
from rmab_desktop.services.organize.organizer import OrganizeOptions, organize_book
from rmab_desktop.services.organize.template import DEFAULT_TEMPLATE, preview


def register(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--source", type=Path, help="download folder or single audio file")
    cmd.add_argument("--book", type=Path, help="BOOK.json describing the book")
    cmd.add_argument("--library", type=Path, help="library folder (default: Settings > Library)")
    cmd.add_argument("--template", help=f"path template (default: settings, else {DEFAULT_TEMPLATE})")
    cmd.add_argument("--mode", choices=MODES, help="copy (default), hardlink or move")
    cmd.add_argument("--no-tags", action="store_true", help="do not write tags into the files")
    cmd.add_argument("--no-sidecars", action="store_true", help="no metadata.json / desc.txt / reader.txt")
    cmd.add_argument("--merge-chapters", action="store_true", help="merge parts into one M4B (ffmpeg)")
    cmd.add_argument("--dry-run", action="store_true", help="show where files would go; change nothing")
    cmd.add_argument("--preview-template", action="store_true", help="render the template for sample books")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(handler=organize_cmd)


def _read_book(path: Path) -> BookInfo:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"Cannot read {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValidationError(f"{path} must hold one JSON object describing the book")
    book = BookInfo.from_json(data)
    if not book.title:
        raise ValidationError(f"{path} has no title", hint="BOOK.json needs at least a title and authors.")
    return book


def organize_cmd(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        settings = core.prefs.library
        template = args.template or settings.path_template or DEFAULT_TEMPLATE
        if args.preview_template:
            lines = preview(template)
            if args.json:
                print_json({"template": template, "preview": lines})
            else:
                print("\n".join(lines))
            return 0
        if not args.source or not args.book:
            raise ValidationError("--source and --book are required")
        library = args.library or (Path(settings.root) if settings.root else None)
        if library is None:
            raise ValidationError("No library folder", hint="Pass --library or set it in Settings > Library.")
        options = OrganizeOptions(
            template=template,
            mode=args.mode or settings.import_mode,
            tag=not args.no_tags and settings.embed_tags,
            sidecars=not args.no_sidecars and settings.write_sidecars,
            merge_chapters=args.merge_chapters or settings.merge_chapters,
        )
        result = organize_book(
            args.source,
            _read_book(args.book),
            library,
            options=options,
            database=core.database,
            dry_run=args.dry_run,
        )
        if args.json:
            print_json(result.to_json())
        else:
            verb = (
                "would go to"
                if result.dry_run
                else ("already in" if result.already_present else "imported into")
            )
            print(f"{len(result.files)} files {verb} {result.absolute_path}")
            for warning in result.warnings:
                print(f"warning: {warning}", file=sys.stderr)
        return 0
    finally:
        core.close()
