"""``rmab indexers list|add``: the configured indexers; an API key is read from stdin, never an argument."""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.addresses import require_address
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.indexers.models import IndexerConfig, IndexerType


def register(indexers: argparse.ArgumentParser) -> None:
    commands = indexers.add_subparsers(dest="indexers_command", required=True)
    commands.add_parser("list", help="the configured indexers (no secrets)").set_defaults(
        handler=list_indexers
    )
    add = commands.add_parser("add", help="add an indexer; its API key is read from stdin")
    add.add_argument("type", choices=[t.value for t in IndexerType])
    add.add_argument("url", nargs="?", default="", help="not needed for internet_archive")
    add.add_argument("--name", default="")
    add.add_argument("--priority", type=int, default=None, help="1 (first) to 50")
    add.add_argument("--no-secret", action="store_true", help="the indexer needs no API key")
    add.set_defaults(handler=add_indexer)


def list_indexers(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        assert core.indexers is not None
        print_json([c.model_dump(mode="json") for c in core.indexers.configs()])
    finally:
        core.close()
    return 0


def add_indexer(args: argparse.Namespace) -> int:
    kind = IndexerType(args.type)
    url = args.url.strip()
    if url or kind is not IndexerType.INTERNET_ARCHIVE:  # the Internet Archive has a default address
        url = require_address(url, "The indexer address")
    api_key = None
    if kind is not IndexerType.INTERNET_ARCHIVE and not args.no_secret:
        api_key = sys.stdin.readline().rstrip("\r\n")
        if not api_key:
            raise ValidationError(
                "No API key on standard input.",
                hint="Pipe it in (echo KEY | rmab indexers add ...), or pass --no-secret.",
            )
    fields = {"type": kind, "url": url, "name": args.name or kind.value.replace("_", " ").title()}
    if args.priority is not None:
        fields["priority"] = args.priority
    config = IndexerConfig.model_validate(fields)
    core = core_from_args(args)
    try:
        assert core.indexers is not None
        if api_key is not None:
            core.indexers.set_api_key(config, api_key)
        core.indexers.save_configs([*core.indexers.configs(), config])
        print_json(config.model_dump(mode="json"))
    finally:
        core.close()
    return 0
