"""``rmab downloads clients|add|test`` and ``rmab blocklist list|add|remove``.

``rmab downloads add`` reads the password or API key from stdin (never from the command line).
"""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.addresses import require_address
from rmab_desktop.domain.errors import ConfigurationError, ValidationError
from rmab_desktop.services.downloads import DownloadClientConfig, PathMapping
from rmab_desktop.services.downloads.config import KIND_LABELS, address_kind


def register_downloads(downloads: argparse.ArgumentParser) -> None:
    commands = downloads.add_subparsers(dest="downloads_command", required=True)
    clients = commands.add_parser("clients", help="the configured clients (no secrets)")
    clients.set_defaults(handler=list_clients)
    add = commands.add_parser("add", help="add a client; its password/API key is read from stdin")
    add.add_argument("kind", choices=sorted(KIND_LABELS))
    add.add_argument("url")
    add.add_argument("--name", default="")
    add.add_argument("--username", default="")
    add.add_argument("--category", default="audiobooks")
    add.add_argument("--save-path")
    add.add_argument("--map", nargs=2, metavar=("REMOTE", "LOCAL"), help="path mapping")
    add.add_argument("--priority", type=int, default=0)
    add.add_argument("--post-import-category", help="category/label set after the book is imported")
    add.add_argument("--no-secret", action="store_true", help="the client needs no password")
    add.set_defaults(handler=add_client)
    test = commands.add_parser("test", help="connect, log in and check the folders of each client")
    test.add_argument("--id", help="only this client")
    test.add_argument("--no-mapping", action="store_true", help="skip the path-mapping probe")
    test.set_defaults(handler=test_clients)


def register_blocklist(blocklist: argparse.ArgumentParser) -> None:
    block_commands = blocklist.add_subparsers(dest="blocklist_command", required=True)
    listing = block_commands.add_parser("list")
    listing.add_argument("--audiobook-id", type=int)
    listing.set_defaults(handler=list_blocked)
    block = block_commands.add_parser("add")
    block.add_argument("title")
    key = block.add_mutually_exclusive_group(required=True)
    key.add_argument("--guid")
    key.add_argument("--infohash")
    block.add_argument("--audiobook-id", type=int, help="only for this book (default: every book)")
    block.add_argument("--indexer", default="")
    block.add_argument("--reason", default="Blocked by hand")
    block.set_defaults(handler=add_blocked)
    remove = block_commands.add_parser("remove")
    remove.add_argument("entry_id", type=int)
    remove.set_defaults(handler=remove_blocked)


def list_clients(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        print_json([c.model_dump(mode="json") for c in core.downloads.configs()])
    finally:
        core.close()
    return 0


def add_client(args: argparse.Namespace) -> int:
    url = args.url.strip()
    if url or args.kind != "direct_http":  # the built-in client needs no address
        url = require_address(url, "The download client address", address_kind(args.kind))
    secret = None
    if not args.no_secret:
        secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise ValidationError(
                "No password or API key on standard input.",
                hint="Pipe it in (echo SECRET | rmab downloads add ...), or pass --no-secret.",
            )
    config = DownloadClientConfig(
        kind=args.kind,
        url=url,
        name=args.name,
        username=args.username,
        category=args.category,
        save_path=args.save_path,
        path_mappings=[PathMapping(remote=args.map[0], local=args.map[1])] if args.map else [],
        priority=args.priority,
        post_import_category=args.post_import_category,
    )
    core = core_from_args(args)
    try:
        saved = core.downloads.save_client(config, secret)
        print_json(saved.model_dump(mode="json"))
    finally:
        core.close()
    return 0


def test_clients(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        configs = [c for c in core.downloads.configs() if args.id in (None, c.id)]
        if not configs:
            raise ConfigurationError(f"No download client with id '{args.id}'.")
        results = [
            {
                "id": c.id,
                "name": c.label,
                **core.downloads.test(c, check_mapping=not args.no_mapping).__dict__,
            }
            for c in configs
        ]
        print_json(results)
    finally:
        core.close()
    return 0 if all(r["ok"] for r in results) else 1


def list_blocked(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        print_json(core.blocklist.list(args.audiobook_id))
    finally:
        core.close()
    return 0


def add_blocked(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        entry_id = core.blocklist.add_manual(
            args.audiobook_id, args.title, guid=args.guid, infohash=args.infohash, indexer=args.indexer,
            reason=args.reason,
        )  # fmt: skip
        print_json({"id": entry_id})
    finally:
        core.close()
    return 0


def remove_blocked(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        core.blocklist.remove(args.entry_id)
        print(f"removed blocklist entry {args.entry_id}")
    finally:
        core.close()
    return 0
