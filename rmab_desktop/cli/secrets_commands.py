"""``rmab secrets set NAME`` (value from stdin) and ``rmab secrets status``."""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.cli.light import profile_from_args
from rmab_desktop.cli.output import print_json
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.services.credentials import CredentialStore


def register(secrets: argparse.ArgumentParser) -> None:
    commands = secrets.add_subparsers(dest="secrets_command", required=True)
    set_cmd = commands.add_parser("set", help="save a secret; the value is read from stdin")
    set_cmd.add_argument("name")
    set_cmd.set_defaults(handler=set_secret)
    delete = commands.add_parser("delete", help="forget a secret")
    delete.add_argument("name")
    delete.set_defaults(handler=delete_secret)
    status = commands.add_parser("status", help="is a secure keychain available?")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=status_cmd)


def _store(args: argparse.Namespace) -> CredentialStore:
    profile_from_args(args)
    return CredentialStore()


def set_secret(args: argparse.Namespace) -> int:
    store = _store(args)
    value = sys.stdin.readline().rstrip("\r\n")
    if not value:
        raise ValidationError(
            "No value on standard input.", hint="Pipe the value in: echo VALUE | rmab secrets set NAME"
        )
    store.set(args.name, value)
    print(f"saved secret '{args.name}'")
    return 0


def delete_secret(args: argparse.Namespace) -> int:
    _store(args).delete(args.name)
    print(f"deleted secret '{args.name}'")
    return 0


def status_cmd(args: argparse.Namespace) -> int:
    status = _store(args).status()
    if args.json:
        print_json(status.to_json())
    else:
        print(status.message)
    return 0
