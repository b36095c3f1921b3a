"""``rmab notifications list|add|test|remove``: Apprise backends from the command line.

The URL is read from stdin when not given, so tokens need not appear in the shell history.
"""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.bootstrap import AppCore
from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.addresses import AddressKind, require_address
from rmab_desktop.services.events import EventKind
from rmab_desktop.services.notifications import NotificationService


def register(group: argparse.ArgumentParser) -> None:
    commands = group.add_subparsers(dest="notifications_command", required=True)
    commands.add_parser("list", help="backends and their events").set_defaults(handler=list_backends)
    add = commands.add_parser("add", help="add a backend; the URL goes to the keychain")
    add.add_argument("name")
    add.add_argument("--url", help="Apprise URL (default: read from stdin)")
    add.add_argument(
        "--event",
        action="append",
        choices=[kind.value for kind in EventKind],
        help="repeat for each event (default: awaiting approval, available, failed, issue reported)",
    )
    add.set_defaults(handler=add_backend)
    test = commands.add_parser("test", help="send a test notification now")
    test.add_argument("backend_id", type=int)
    test.set_defaults(handler=test_backend)
    remove = commands.add_parser("remove", help="delete a backend and its keychain entry")
    remove.add_argument("backend_id", type=int)
    remove.set_defaults(handler=remove_backend)


def _service(args: argparse.Namespace) -> tuple[AppCore, NotificationService]:
    core = core_from_args(args)
    return core, core.notifications


def list_backends(args: argparse.Namespace) -> int:
    core, service = _service(args)
    try:
        print_json(
            [
                {
                    "id": b.id,
                    "name": b.name,
                    "enabled": b.enabled,
                    "events": sorted(e.value for e in b.events),
                    "url": service.masked_url(b.id),
                }
                for b in service.list()
            ]
        )
        return 0
    finally:
        core.close()


def add_backend(args: argparse.Namespace) -> int:
    url = require_address(
        args.url or sys.stdin.readline(), "The notification address", AddressKind.NOTIFICATION
    )
    core, service = _service(args)
    try:
        events = args.event or sorted(service.events.defaults())
        backend = service.create(args.name, url, events)
        print_json({"id": backend.id, "name": backend.name, "events": sorted(backend.events)})
        return 0
    finally:
        core.close()


def test_backend(args: argparse.Namespace) -> int:
    core, service = _service(args)
    try:
        result = service.test(args.backend_id)
        print_json(result)
        return 0 if result.ok else 1
    finally:
        core.close()


def remove_backend(args: argparse.Namespace) -> int:
    core, service = _service(args)
    try:
        service.delete(args.backend_id)
        return 0
    finally:
        core.close()
