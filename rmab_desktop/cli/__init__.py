"""``rmab``: the headless companion command line (Qt-free), sharing the service layer.

Each command group is a row of ``COMMANDS``: its name, one line of help and the function that
fills in the group's parser (``"module:function"``, called with that parser). Only the module of
the command being run is imported, so ``rmab --version`` and ``rmab --help`` start without the
database, the keyring, HTTP or SQLAlchemy. A handler receives the parsed args and returns an exit
code; errors print one ``error:`` line and one ``hint:`` line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import NoReturn

from rmab_desktop import __version__
from rmab_desktop.cli.output import fail, fail_unexpected
from rmab_desktop.domain.errors import RmabError

COMMANDS: dict[str, tuple[str, str]] = {
    "db": ("rmab_desktop.cli.db_commands:register", "database schema and location"),
    "secrets": (
        "rmab_desktop.cli.secrets_commands:register",
        "passwords and API keys: the system keychain, or an encrypted file",
    ),
    "settings": ("rmab_desktop.cli.settings_commands:register", "read and change preferences by dotted name"),
    "jobs": ("rmab_desktop.cli.jobs_commands:register", "the persisted job queue"),
    "catalog": ("rmab_desktop.cli.catalog_commands:register", "the Audible catalog"),
    "request": ("rmab_desktop.cli.request_commands:register_request", "request an audiobook by ASIN"),
    "requests": ("rmab_desktop.cli.request_commands:register_requests", "list and manage requests"),
    "issues": (
        "rmab_desktop.cli.issues_commands:register",
        "problems reported with books in the library: report, list, dismiss, replace",
    ),
    "notifications": (
        "rmab_desktop.cli.notifications_commands:register",
        "notification backends (Apprise URLs)",
    ),
    "rank": (
        "rmab_desktop.cli.rank_commands:register",
        "rank saved indexer results for a book (no database needed)",
    ),
    "library": ("rmab_desktop.cli.library_commands:register", "scan a library folder and match wanted books"),
    "organize": (
        "rmab_desktop.cli.organize_commands:register",
        "tag a downloaded book and import it into the library",
    ),
    "downloads": (
        "rmab_desktop.cli.downloads_commands:register_downloads",
        "download clients: list, add, test",
    ),
    "indexers": ("rmab_desktop.cli.indexers_commands:register", "indexers: list, add"),
    "upcoming": (
        "rmab_desktop.cli.upcoming_commands:register",
        "requested books not yet released, by release day",
    ),
    "rss": (
        "rmab_desktop.cli.rss_commands:register",
        "indexer feeds: poll for releases waiting requests need",
    ),
    "shelves": (
        "rmab_desktop.cli.shelves_commands:register",
        "reading shelves (Goodreads, Hardcover, CSV exports) that become requests",
    ),
    "watch": (
        "rmab_desktop.cli.watch_commands:register_watch",
        "watch authors and series: their new books are requested",
    ),
    "missing": (
        "rmab_desktop.cli.watch_commands:register_missing",
        "the books missing in series you own part of",
    ),
    "ignore": ("rmab_desktop.cli.watch_commands:register_ignore", "books automation never requests"),
    "bookdate": ("rmab_desktop.cli.bookdate_commands:register", "recommendations to swipe"),
    "blocklist": (
        "rmab_desktop.cli.downloads_commands:register_blocklist",
        "releases never grabbed again for a book",
    ),
    "audible": ("rmab_desktop.cli.audible_commands:register", "your Audible library and wishlist"),
    "lists": ("rmab_desktop.cli.lists_commands:register", "recommendation lists and tier lists"),
    "users": ("rmab_desktop.cli.users_commands:register", "household users, roles and permissions"),
    "signin": (
        "rmab_desktop.cli.users_commands:register_signin",
        "sign in on this computer (household mode; the password is read from standard input)",
    ),
    "add-url": ("rmab_desktop.cli.url_commands:register", "download the audio of a link into the library"),
    "tokens": ("rmab_desktop.cli.tokens_commands:register_tokens", "API tokens of the local HTTP API"),
    "api": ("rmab_desktop.cli.tokens_commands:register_api", "run the local HTTP API"),
    "import": (
        "rmab_desktop.cli.import_commands:register",
        "move over from ReadMeABook or AudioBookRequest",
    ),
}


class CliParser(argparse.ArgumentParser):
    """Usage mistakes end like every other error: one ``error:`` line and one ``hint:`` line."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message}", file=sys.stderr)
        print(f"hint: see '{self.prog} --help'", file=sys.stderr)
        raise SystemExit(2)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile-dir", type=Path, help="keep all data under this folder")
    parser.add_argument("--database-url", help="e.g. postgresql+psycopg://user@host/db (default: SQLite)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")


def command_name(argv: list[str]) -> str | None:
    """The command group asked for, found past the global options (which may take values)."""
    pre = CliParser(prog="rmab", add_help=False)
    _add_global_options(pre)
    pre.add_argument("command", nargs="?")
    known, _ = pre.parse_known_args(argv)
    return known.command if known.command in COMMANDS else None


def build_parser(argv: list[str]) -> argparse.ArgumentParser:
    """Every group is listed; only the one named in ``argv`` gets its options (and imports)."""
    parser = CliParser(prog="rmab", description="ReadMeABook Desktop command line.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", required=True)
    chosen = command_name(argv)
    for name, (target, help_text) in COMMANDS.items():
        group = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module_name, _, function = target.partition(":")
            getattr(importlib.import_module(module_name), function)(group)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv).parse_args(argv)
    try:
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # inside the try: a reader that went away is seen here, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except RmabError as exc:
        return fail(exc)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a bug still ends in two readable lines
        explained = _explain(exc, args)
        return fail(explained) if explained is not None else fail_unexpected(exc)


def _reader_gone() -> int:
    """Output into a closed pipe (``rmab jobs list | head -1``) is not an error: stop quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush must not fail again
    os.close(devnull)
    return 0


def _explain(exc: Exception, args: argparse.Namespace) -> RmabError | None:
    """A database or disk fault in words (its address and path are known only here)."""
    from rmab_desktop.domain.errors import DiskFullError, is_disk_full

    if "sqlalchemy" in sys.modules or isinstance(exc, ImportError):
        from rmab_desktop.db.url import explain_open_failure
        from rmab_desktop.paths import AppPaths

        explained = explain_open_failure(exc, AppPaths.resolve(args.profile_dir), args.database_url)
        if explained is not None:
            return explained
    if is_disk_full(exc):
        return DiskFullError(f"The disk is full: {getattr(exc, 'filename', None) or exc}.")
    return None
