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
    if exc.hint:
        print(f"hint: {exc.hint}", file=sys.stderr)
    return 2


def core_from_args(args: argparse.Namespace, *, migrate: bool = True) -> AppCore:
    from rmab_desktop.bootstrap import open_core

    return open_core(
        args.profile_dir,
        args.database_url,
        migrate=migrate,
        log_to_console=bool(getattr(args, "verbose", False)),
        log_level=logging.DEBUG if getattr(args, "verbose", False) else logging.INFO,
    )
