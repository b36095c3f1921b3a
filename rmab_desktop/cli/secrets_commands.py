"""``rmab secrets set NAME`` (value from stdin), ``delete``, ``status``, ``unlock`` and ``init-file``.

Where no system keychain works, secrets live in a passphrase-encrypted file (see
:mod:`rmab_desktop.cli.secrets_access` for how the command line gets the passphrase).
"""

from __future__ import annotations

import argparse
import sys

from rmab_desktop.cli.light import profile_from_args
from rmab_desktop.cli.output import print_json
from rmab_desktop.cli.secrets_access import PASSPHRASE_ENV, env_passphrase, read_passphrase, use_secrets_file
from rmab_desktop.domain.errors import KeyringLockedError, ValidationError
from rmab_desktop.services.credentials import CredentialStore, KeyringState
from rmab_desktop.services.secrets_file import EncryptedSecretsFile

USABLE = (KeyringState.SECURE, KeyringState.ENCRYPTED_FILE)


def register(secrets: argparse.ArgumentParser) -> None:
    commands = secrets.add_subparsers(dest="secrets_command", required=True)
    set_cmd = commands.add_parser("set", help="save a secret; the value is read from stdin")
    set_cmd.add_argument("name")
    set_cmd.set_defaults(handler=set_secret)
    delete = commands.add_parser("delete", help="forget a secret")
    delete.add_argument("name")
    delete.set_defaults(handler=delete_secret)
    status = commands.add_parser(
        "status", help="where secrets are kept; exits 1 when none can be saved or read"
    )
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=status_cmd)
    unlock = commands.add_parser(
        "unlock", help=f"check the secrets file's passphrase (stdin or {PASSPHRASE_ENV})"
    )
    unlock.set_defaults(handler=unlock_cmd)
    init_file = commands.add_parser(
        "init-file",
        help=f"create the encrypted secrets file for a machine without a keychain (passphrase: stdin or {PASSPHRASE_ENV})",
    )
    init_file.set_defaults(handler=init_file_cmd)


def _store(args: argparse.Namespace) -> CredentialStore:
    return use_secrets_file(CredentialStore(), profile_from_args(args))


def _file(store: CredentialStore) -> EncryptedSecretsFile:
    assert store.fallback is not None  # set by use_secrets_file
    return store.fallback


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
    store = _store(args)
    secrets_file = _file(store)
    passphrase = env_passphrase()
    wrong_passphrase = False
    if passphrase and secrets_file.exists():
        try:
            secrets_file.unlock(passphrase)
        except KeyringLockedError:
            wrong_passphrase = True
    status = store.status()
    report = {
        **status.to_json(),
        "usable": status.state in USABLE,
        "secrets_file": {
            "path": str(secrets_file.path),
            "exists": secrets_file.exists(),
            "unlocked": secrets_file.unlocked,
        },
    }
    if args.json:
        print_json(report)
    else:
        print(status.message)
    if wrong_passphrase:
        print(f"hint: {PASSPHRASE_ENV} does not open {secrets_file.path}", file=sys.stderr)
    elif status.state == KeyringState.UNAVAILABLE:
        print(
            "hint: create an encrypted secrets file: rmab secrets init-file (passphrase on stdin)",
            file=sys.stderr,
        )
    elif status.state == KeyringState.LOCKED and secrets_file.exists() and not secrets_file.unlocked:
        print(
            f"hint: set {PASSPHRASE_ENV} to the secrets file's passphrase for rmab commands", file=sys.stderr
        )
    return 0 if report["usable"] else 1


def unlock_cmd(args: argparse.Namespace) -> int:
    secrets_file = _file(_store(args))
    if not secrets_file.exists():
        raise ValidationError(
            f"There is no secrets file at {secrets_file.path}.",
            hint="Create one with: rmab secrets init-file (passphrase on stdin)",
        )
    secrets_file.unlock(read_passphrase("Passphrase: "))
    print(f"the passphrase opens {secrets_file.path}")
    print(
        f"rmab commands unlock it when a secret is needed if {PASSPHRASE_ENV} holds the passphrase",
        file=sys.stderr,
    )
    return 0


def init_file_cmd(args: argparse.Namespace) -> int:
    store = _store(args)
    secrets_file = _file(store)
    passphrase = read_passphrase("New passphrase: ")
    if env_passphrase() is None and sys.stdin.isatty() and read_passphrase("Repeat it: ") != passphrase:
        raise ValidationError("The two passphrases differ.", hint="Run the command again.")
    secrets_file.create(passphrase)
    print(f"created {secrets_file.path}")
    if store.status().state == KeyringState.SECURE:
        print("note: a system keychain works here, so secrets keep going there", file=sys.stderr)
    return 0
