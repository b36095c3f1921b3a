"""``rmab lists create|add|move|remove|show|tier|export|import|image``: recommendation and tier lists.

LIST is a list's id or its name (any case).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.lists import ListInfo, ListKind, Visibility

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.services.lists import ListService


def register(lists: argparse.ArgumentParser) -> None:
    commands = lists.add_subparsers(dest="lists_command", required=True)

    create = commands.add_parser("create", help="a new list (tier lists start with S, A, B, C, D)")
    create.add_argument("name")
    create.add_argument("--kind", choices=[k.value for k in ListKind], default=ListKind.RANKED.value)
    create.add_argument("--shared", action="store_true", help="share it with the household")
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_handler(_create))

    add = commands.add_parser("add", help="add a book by ASIN")
    add.add_argument("list")
    add.add_argument("asin")
    add.add_argument("--tier", help="the tier's label (tier lists)")
    add.add_argument("--note", default="")
    add.add_argument("--position", type=int, help="0 = first (default: last)")
    add.add_argument("--region", choices=sorted(REGIONS))
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=_handler(_add))

    move = commands.add_parser(
        "move", help="move a book: to a position, to another tier, or out of the tiers"
    )
    move.add_argument("list")
    move.add_argument("asin")
    move.add_argument("--position", type=int, help="0 = first (default: last)")
    target = move.add_mutually_exclusive_group()
    target.add_argument("--tier", help="the tier's label")
    target.add_argument("--unplace", action="store_true", help="back to the books not placed in a tier")
    move.add_argument("--json", action="store_true")
    move.set_defaults(handler=_handler(_move))

    remove = commands.add_parser("remove", help="remove a book from a list, or the list itself (no ASIN)")
    remove.add_argument("list")
    remove.add_argument("asin", nargs="?")
    remove.add_argument("--json", action="store_true")
    remove.set_defaults(handler=_handler(_remove))

    show = commands.add_parser("show", help="one list, or every list you can see (no LIST)")
    show.add_argument("list", nargs="?")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_handler(_show))

    tier = commands.add_parser("tier", help="add, rename, recolour, move or remove a tier")
    tier.add_argument("list")
    tier.add_argument("action", choices=("add", "edit", "move", "remove"))
    tier.add_argument("label")
    tier.add_argument("--color", help="#RRGGBB")
    tier.add_argument("--rename", help="edit: the new label")
    tier.add_argument("--position", type=int, help="move: 0 = top")
    tier.add_argument("--json", action="store_true")
    tier.set_defaults(handler=_handler(_tier))

    share = commands.add_parser("share", help="share a list with the household (--private: stop sharing)")
    share.add_argument("list")
    share.add_argument("--private", action="store_true")
    share.add_argument("--json", action="store_true")
    share.set_defaults(handler=_handler(_share))

    export = commands.add_parser("export", help="write a list as JSON")
    export.add_argument("list")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.set_defaults(handler=_handler(_export))
    imp = commands.add_parser("import", help="read a list exported as JSON (a new private list)")
    imp.add_argument("file", type=Path)
    imp.add_argument("--name", help="call it this")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=_handler(_import))

    image = commands.add_parser("image", help="render a share image (PNG)")
    image.add_argument("list")
    image.add_argument("--size", choices=("1200x630", "1080x1080"), default="1200x630")
    image.add_argument("--theme", choices=("light", "dark"), default="light")
    image.add_argument("-o", "--output", type=Path, required=True)
    image.set_defaults(handler=_handler(_image))


def _handler(
    run: Callable[[argparse.Namespace, AppCore, ListService], Any],
) -> Callable[[argparse.Namespace], int]:
    def handle(args: argparse.Namespace) -> int:
        core = core_from_args(args)
        try:
            return int(run(args, core, core.lists) or 0)
        finally:
            core.close()

    return handle


def list_json(info: ListInfo) -> dict[str, Any]:
    labels = {t.id: t.label for t in info.tiers}
    return {
        "id": info.id,
        "name": info.name,
        "kind": info.kind.value,
        "visibility": info.visibility.value,
        "description": info.description,
        "tiers": [{"label": t.label, "color": t.color, "position": t.position} for t in info.tiers],
        "items": [
            {
                "asin": i.asin,
                "region": i.region,
                "title": i.title,
                "author": i.author,
                "note": i.note,
                "position": i.position,
                "tier": labels.get(i.tier_id) if i.tier_id is not None else None,
            }
            for i in info.items
        ],
    }


def _print(info: ListInfo, as_json: bool) -> None:
    if as_json:
        print_json(list_json(info))
        return
    shared = "shared" if info.visibility == Visibility.HOUSEHOLD else "private"
    print(f"{info.id}  {info.name}  ({info.kind.value}, {shared}, {len(info.items)} book(s))")
    groups: list[tuple[str, int | None]] = (
        [(t.label, t.id) for t in info.tiers] if info.kind == ListKind.TIER else []
    )
    groups.append(("not placed" if info.kind == ListKind.TIER else "", None))
    for label, tier_id in groups:
        items = info.items_in(tier_id)
        if label and (items or tier_id is not None):
            print(f"  [{label}]")
        for item in items:
            note = f"  - {item.note}" if item.note else ""
            print(f"    {item.position + 1:>3}. {item.asin}  {item.title}  ({item.author}){note}")


def _create(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    visibility = Visibility.HOUSEHOLD if args.shared else Visibility.PRIVATE
    _print(lists.create(args.name, ListKind(args.kind), visibility=visibility), args.json)


def _add(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    info = lists.add(
        args.list, args.asin, region=args.region, tier=args.tier, note=args.note, position=args.position
    )
    _print(info, args.json)


def _move(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    _print(
        lists.move(args.list, args.asin, position=args.position, tier=args.tier, unplace=args.unplace),
        args.json,
    )


def _remove(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    if args.asin:
        _print(lists.remove(args.list, args.asin), args.json)
        return
    name = lists.get(args.list).name
    lists.delete(args.list)
    print_json({"deleted": name}) if args.json else print(f"deleted list '{name}'")


def _show(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    if args.list:
        _print(lists.get(args.list), args.json)
    elif args.json:
        print_json({"lists": [list_json(info) for info in lists.lists()]})
    else:
        for info in lists.lists():
            print(f"{info.id}  {info.name}  ({info.kind.value}, {len(info.items)} book(s))")


def _tier(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    if args.action == "add":
        info = lists.add_tier(args.list, args.label, args.color or "#888888")
    elif args.action == "edit":
        info = lists.edit_tier(args.list, args.label, new_label=args.rename, color=args.color)
    elif args.action == "move":
        if args.position is None:
            raise ValidationError("Moving a tier needs --position.", hint="0 is the top tier.")
        info = lists.move_tier(args.list, args.label, args.position)
    else:
        info = lists.remove_tier(args.list, args.label)
    _print(info, args.json)


def _share(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    visibility = Visibility.PRIVATE if args.private else Visibility.HOUSEHOLD
    _print(lists.update(args.list, visibility=visibility), args.json)


def _export(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    data = lists.export(args.list)
    args.output.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


def _import(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"There is no file {args.file}.", hint="Check the path.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(
            f"{args.file.name} is not JSON.", hint="Export a list with `rmab lists export`."
        ) from None
    _print(lists.import_(data, name=args.name), args.json)


def _image(args: argparse.Namespace, core: AppCore, lists: ListService) -> None:
    from rmab_desktop.services.lists.share_image import render_png

    info = lists.get(args.list)
    png = render_png(info, args.size, theme=args.theme, covers=core.list_books.cover_file)
    args.output.write_bytes(png)
    print(f"wrote {args.output} ({args.size}, {args.theme})")
