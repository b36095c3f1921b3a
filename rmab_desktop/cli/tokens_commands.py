"""``rmab tokens create|list|revoke`` and ``rmab api serve``: the local API and its tokens.

A token is printed once, by ``create``; the database keeps only its hash and its first characters.
The acting user is the app's current user (the local administrator in single-user mode); making a
token for someone else (``--user``) needs an administrator.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.light import open_database
from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.errors import NotFoundError

if TYPE_CHECKING:
    from rmab_desktop.domain.requests import UserInfo
    from rmab_desktop.services.local_api.tokens import ApiTokenService, TokenInfo
    from rmab_desktop.services.requests.users import UserService


def register_tokens(tokens: argparse.ArgumentParser) -> None:
    commands = tokens.add_subparsers(dest="tokens_command", required=True)
    create = commands.add_parser("create", help="make an API token (printed once)")
    create.add_argument("--user", help="whose token (default: you; someone else needs an administrator)")
    create.add_argument("--name", default="", help="a label, e.g. 'home assistant'")
    create.add_argument(
        "--expires", type=int, metavar="DAYS", help="days until it stops working (default: never)"
    )
    create.add_argument("--role", choices=("user", "admin"), help="default: the user's role")
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_handler(_create))

    listing = commands.add_parser("list", help="your tokens (every token for an administrator)")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_handler(_list))

    revoke = commands.add_parser("revoke", help="stop a token from working")
    revoke.add_argument("id", type=int, help="the token's id (see 'rmab tokens list')")
    revoke.add_argument("--json", action="store_true")
    revoke.set_defaults(handler=_handler(_revoke))


def register_api(api: argparse.ArgumentParser) -> None:
    commands = api.add_subparsers(dest="api_command", required=True)
    serve = commands.add_parser("serve", help="run the local HTTP API until Ctrl+C")
    serve.add_argument("--host", help="default: the one in Settings (127.0.0.1)")
    serve.add_argument("--port", type=int, help="default: the one in Settings (8745)")
    serve.add_argument(
        "--allow-lan", action="store_true", help="listen on another address than this computer's own"
    )
    serve.set_defaults(handler=_serve)


@contextmanager
def _tokens(args: argparse.Namespace) -> Iterator[tuple[ApiTokenService, UserService]]:
    from rmab_desktop.services.config_store import ConfigStore
    from rmab_desktop.services.local_api.tokens import ApiTokenService
    from rmab_desktop.services.requests.users import UserService

    with open_database(args) as database:
        users = UserService(database, ConfigStore(database))
        yield ApiTokenService(database, users), users


def _handler(
    run: Callable[[argparse.Namespace, ApiTokenService, UserInfo], int],
) -> Callable[[argparse.Namespace], int]:
    def handle(args: argparse.Namespace) -> int:
        with _tokens(args) as (tokens, users):
            return run(args, tokens, users.current())

    return handle


def _token_json(info: TokenInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "prefix": info.prefix,
        "user": info.username,
        "name": info.name,
        "role": info.role.value,
        "created_at": info.created_at.isoformat(),
        "expires_at": info.expires_at.isoformat() if info.expires_at else None,
        "last_used_at": info.last_used_at.isoformat() if info.last_used_at else None,
        "revoked_at": info.revoked_at.isoformat() if info.revoked_at else None,
    }


def _create(args: argparse.Namespace, tokens: ApiTokenService, actor: UserInfo) -> int:
    from rmab_desktop.domain.enums import Role

    owner_id = None
    if args.user:
        wanted = args.user.strip().lower()
        owner = next((u for u in tokens.users.list() if u.username == wanted), None)
        if owner is None:
            raise NotFoundError(f"There is no user called '{args.user}'.", hint="See 'rmab users list'.")
        owner_id = owner.id
    made = tokens.create(
        actor,
        user_id=owner_id,
        name=args.name,
        expires_days=args.expires,
        role=Role(args.role) if args.role else None,
    )
    if args.json:
        print_json({**_token_json(made.info), "token": made.token})
    else:
        print(made.token)
        print(
            f"Token {made.info.id} for {made.info.username} ({made.info.role.value}). "
            "Copy it now: it is not shown again.",
            file=sys.stderr,
        )
    return 0


def _list(args: argparse.Namespace, tokens: ApiTokenService, actor: UserInfo) -> int:
    from rmab_desktop.db.models import utcnow

    listed = tokens.list(actor)
    if args.json:
        print_json([_token_json(info) for info in listed])
        return 0
    if not listed:
        print("No API tokens yet. Make one with 'rmab tokens create'.")
    now = utcnow()
    for info in listed:
        state = "revoked" if info.revoked_at else ("active" if info.active(now) else "expired")
        expires = info.expires_at.date().isoformat() if info.expires_at else "never"
        used = info.last_used_at.isoformat(timespec="minutes") if info.last_used_at else "never"
        print(
            f"{info.id:>4}  {info.prefix}…  {info.username:<12} {info.role.value:<5} {state:<7} "
            f"expires {expires}  last used {used}  {info.name}"
        )
    return 0


def _revoke(args: argparse.Namespace, tokens: ApiTokenService, actor: UserInfo) -> int:
    info = tokens.revoke(actor, args.id)
    if args.json:
        print_json(_token_json(info))
    else:
        print(f"Token {info.id} ({info.prefix}…) no longer works.")
    return 0


def _stop_on_terminate(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # a service manager's "stop" ends the server as cleanly as Ctrl+C


def _serve(args: argparse.Namespace) -> int:
    from rmab_desktop.services.local_api.server import ServerState, is_loopback

    signal.signal(signal.SIGTERM, _stop_on_terminate)
    core = core_from_args(args)
    try:
        prefs = core.prefs.api
        host = args.host or prefs.host
        url = core.api_server.start(
            host, args.port or prefs.port, allow_lan=args.allow_lan or prefs.allow_lan
        )
        if not is_loopback(host):
            print(
                "warning: anyone on your network can reach this API; tokens guard every call, "
                "but the connection is not encrypted",
                file=sys.stderr,
            )
        print(f"Serving the API on {url}/api/v1 (description: {url}/api/v1/docs). Press Ctrl+C to stop.")
        sys.stdout.flush()
        try:
            while core.api_server.status().state is ServerState.RUNNING:
                time.sleep(0.5)
        except KeyboardInterrupt:
            return 0
        return 1
    finally:
        core.close()
