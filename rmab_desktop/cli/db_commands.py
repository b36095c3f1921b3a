"""``rmab db upgrade`` and ``rmab db info``."""

from __future__ import annotations

import argparse

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.db.migrate import current_revision, head_revision, upgrade


def register(db: argparse.ArgumentParser) -> None:
    commands = db.add_subparsers(dest="db_command", required=True)
    up = commands.add_parser("upgrade", help="apply migrations (backs up a SQLite file first)")
    up.set_defaults(handler=upgrade_cmd)
    info = commands.add_parser("info", help="schema revision, backend, path or host")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=info_cmd)


def upgrade_cmd(args: argparse.Namespace) -> int:
    core = core_from_args(args, migrate=False)
    try:
        before = current_revision(core.database.engine)
        upgrade(core.database.engine, backup_dir=core.paths.backup_dir)
        print(f"schema at {head_revision()} (was {before or 'empty'})")
        return 0
    finally:
        core.close()


def info_cmd(args: argparse.Namespace) -> int:
    core = core_from_args(args, migrate=False)
    try:
        info = {
            **core.database.describe(),
            "revision": current_revision(core.database.engine),
            "head": head_revision(),
        }
        info["up_to_date"] = info["revision"] == info["head"]
        if args.json:
            print_json(info)
        else:
            for key, value in info.items():
                print(f"{key}: {value}")
        return 0
    finally:
        core.close()
