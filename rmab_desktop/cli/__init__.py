"""``rmab``: the headless companion command line (Qt-free), sharing the service layer.

Each subcommand group lives in its own module with ``register(subparsers)``; add new groups to
``COMMAND_MODULES``. A handler receives the parsed args and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from rmab_desktop import __version__
from rmab_desktop.cli.output import fail
from rmab_desktop.domain.errors import RmabError

COMMAND_MODULES = [
    "rmab_desktop.cli.db_commands",
    "rmab_desktop.cli.secrets_commands",
    "rmab_desktop.cli.jobs_commands",
    "rmab_desktop.cli.catalog_commands",
    "rmab_desktop.cli.request_commands",
    "rmab_desktop.cli.notifications_commands",
    "rmab_desktop.cli.rank_commands",
    "rmab_desktop.cli.library_commands",
    "rmab_desktop.cli.organize_commands",
    "rmab_desktop.cli.downloads_commands",
]


# Commands that need no core: when one is asked for, only its module is imported (fast start).
STANDALONE_COMMANDS = {"rank": "rmab_desktop.cli.rank_commands"}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rmab", description="ReadMeABook Desktop command line.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--profile-dir", type=Path, help="keep all data under this folder")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    subparsers = parser.add_subparsers(dest="command", required=True)
    first = next((arg for arg in argv or [] if not arg.startswith("-")), None)
    modules = [STANDALONE_COMMANDS[first]] if first in STANDALONE_COMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except RmabError as exc:
        return fail(exc)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
