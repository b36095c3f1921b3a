"""Shared output helpers: JSON on stdout, readable errors on stderr, the core from global options."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from rmab_desktop.domain.errors import RmabError
from rmab_desktop.logging_setup import REDACTOR

if TYPE_CHECKING:  # the core is heavy to import; commands that need none (rank) stay fast
    from rmab_desktop.bootstrap import AppCore


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, default=_default, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def fail(exc: RmabError) -> int:
    print(f"error: {exc.user_message}", file=sys.stderr)
    if exc.user_hint:
        print(f"hint: {exc.user_hint}", file=sys.stderr)
    return 2


def fail_unexpected(exc: Exception) -> int:
    """An error nobody put into words: its text (secrets masked), the traceback only in the log."""
    log = logging.getLogger("rmab_desktop.cli")
    if logging.getLogger().handlers:  # no handlers yet: the traceback would land on stderr
        log.error("Command failed", exc_info=exc)
    print(f"error: {REDACTOR.redact(f'{type(exc).__name__}: {exc}')}", file=sys.stderr)
    print("hint: the log file has the details; run again with -v to see them here", file=sys.stderr)
    return 1


def log_options(args: argparse.Namespace) -> dict[str, Any]:
    """``open_core``'s and ``setup_logging``'s logging options from ``-v``."""
    verbose = bool(getattr(args, "verbose", False))
    return {"log_to_console": verbose, "log_level": logging.DEBUG if verbose else logging.INFO}


def core_from_args(args: argparse.Namespace, *, migrate: bool = True) -> AppCore:
    """Every feature: for commands that run jobs or use clients (see ``light`` for less)."""
    from rmab_desktop.bootstrap import open_core
    from rmab_desktop.cli.secrets_access import use_secrets_file

    core = open_core(args.profile_dir, args.database_url, migrate=migrate, **log_options(args))
    use_secrets_file(core.credentials, core.paths)
    return core
