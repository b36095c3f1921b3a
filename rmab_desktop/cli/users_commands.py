"""``rmab users add|list|set-role|remove|permissions|invite|approve|password`` and ``rmab signin``.

Passwords are read from standard input, never from the command line. Administrative commands act
as the user signed in on this computer (``rmab signin``); in single-user mode, as its
administrator.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.enums import Permission, Role
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.requests import PermissionDeniedError, UserInfo

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore

PLEX_WAIT_SECONDS = 15 * 60  # plex.tv keeps a PIN for about that long
SWITCHES = {"on": True, "off": False, "default": None}
PERMISSION_OPTIONS = {
    "auto_approve": Permission.AUTO_APPROVE,
    "interactive_search": Permission.INTERACTIVE_SEARCH,
    "download": Permission.DOWNLOAD,
}


def register(users: argparse.ArgumentParser) -> None:
    commands = users.add_subparsers(dest="users_command", required=True)
    add = commands.add_parser("add", help="add a user; the password is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", choices=[r.value for r in Role], default=Role.USER.value)
    add.add_argument("--display-name", default="")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=add_user)
    listing = commands.add_parser("list", help="the household's users")
    listing.add_argument("--all", action="store_true", help="also removed users")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_users)
    role = commands.add_parser("set-role", help="make a user an administrator, or not")
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(handler=set_role)
    remove = commands.add_parser("remove", help="remove a user; their requests stay")
    remove.add_argument("name")
    remove.add_argument("--reassign-to", metavar="NAME", help="give their requests to this user")
    remove.set_defaults(handler=remove_user)
    permissions = commands.add_parser("permissions", help="show or change a user's permissions")
    permissions.add_argument("name")
    for option in PERMISSION_OPTIONS:
        flag = "--download" if option == "download" else "--" + option.replace("_", "-")
        permissions.add_argument(flag, dest=option, choices=list(SWITCHES))
    permissions.add_argument("--json", action="store_true")
    permissions.set_defaults(handler=user_permissions)
    invite = commands.add_parser("invite", help="a one-time code a new person signs up with")
    invite.add_argument("--role", choices=[r.value for r in Role], default=Role.USER.value)
    invite.add_argument("--note", default="", help="who it is for")
    invite.set_defaults(handler=invite_user)
    approve = commands.add_parser("approve", help="let a person who signed up start")
    approve.add_argument("name")
    approve.set_defaults(handler=approve_user)
    password = commands.add_parser("password", help="set a password (read from standard input)")
    password.add_argument("name")
    password.set_defaults(handler=set_password)


def register_signin(signin: argparse.ArgumentParser) -> None:
    signin.add_argument("name", nargs="?", help="the user name (the password is read from standard input)")
    signin.add_argument("--out", action="store_true", help="sign out on this computer")
    signin.add_argument("--plex", action="store_true", help="sign in with Plex (the browser approves)")
    signin.add_argument(
        "--profile", help="with --plex: the Plex Home profile (its PIN, if any, on standard input)"
    )
    signin.set_defaults(handler=sign_in)


def read_password(what: str = "password") -> str:
    password = "" if sys.stdin is None else sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise ValidationError(
            f"No {what} on standard input.", hint=f"Pipe it in: printf '%s\\n' {what.upper()} | rmab ..."
        )
    return password


def acting_user(core: AppCore) -> UserInfo:
    """Who runs this command: the user signed in on this computer, else single-user mode's admin."""
    user = core.accounts.resume()
    if user is not None:
        return user
    if core.users.is_household():
        raise PermissionDeniedError(
            "Nobody is signed in on this computer.",
            hint="Sign in first: printf '%s\\n' PASSWORD | rmab signin NAME",
        )
    return core.users.first_admin()


def _user_json(core: AppCore, user: UserInfo) -> dict[str, Any]:
    overrides = core.users.permission_overrides(user.id)
    return {
        "id": user.id,
        "name": user.username,
        "display_name": user.display_name,
        "role": user.role.value,
        "first_admin": user.is_protected,
        "awaiting_approval": user.awaiting_approval,
        "removed": user.is_deleted,
        "password": user.has_password,
        "plex": user.plex_linked,
        "permissions": {
            name: {
                "override": overrides.get(permission),
                "effective": core.users.has_permission(user, permission),
            }
            for name, permission in PERMISSION_OPTIONS.items()
        },
    }


def _run(args: argparse.Namespace, work: Any) -> int:
    core = core_from_args(args)
    try:
        return int(work(core) or 0)
    finally:
        core.close()


def add_user(args: argparse.Namespace) -> int:
    password = read_password()

    def work(core: AppCore) -> None:
        user = core.household.add(
            acting_user(core), args.name, password, role=Role(args.role), display_name=args.display_name
        )
        print_json(_user_json(core, user)) if args.json else print(
            f"Added {user.username} ({user.role.value})."
        )

    return _run(args, work)


def list_users(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        users = core.users.list(include_deleted=args.all)
        if args.json:
            print_json([_user_json(core, user) for user in users])
            return
        for user in users:
            marks = [user.role.value]
            marks += ["first admin"] if user.is_protected else []
            marks += ["awaiting approval"] if user.awaiting_approval else []
            marks += ["removed"] if user.is_deleted else []
            print(f"{user.username:<24} {user.display_name:<24} {', '.join(marks)}")

    return _run(args, work)


def set_role(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        user = core.household.set_role(acting_user(core), core.users.require(args.name).id, Role(args.role))
        print(f"{user.username} is now {user.role.value}.")

    return _run(args, work)


def remove_user(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        actor = acting_user(core)
        user = core.users.require(args.name)
        target = core.users.require(args.reassign_to).id if args.reassign_to else None
        moved = core.household.remove(actor, user.id, reassign_to=target)
        kept = f"; {moved} request(s) now belong to {args.reassign_to}" if target else "; their requests stay"
        print(f"Removed {user.username}{kept}.")

    return _run(args, work)


def user_permissions(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        user = core.users.require(args.name)
        changes = {
            name: getattr(args, name) for name in PERMISSION_OPTIONS if getattr(args, name) is not None
        }
        if changes:
            actor = acting_user(core)
            for name, switch in changes.items():
                core.household.set_permission(actor, user.id, PERMISSION_OPTIONS[name], SWITCHES[switch])
        shown = _user_json(core, user)["permissions"]
        if args.json:
            print_json(shown)
            return
        for name, state in shown.items():
            source = "default" if state["override"] is None else "own setting"
            print(f"{name.replace('_', '-'):<20} {'on' if state['effective'] else 'off'} ({source})")

    return _run(args, work)


def invite_user(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        code = core.household.invite(acting_user(core), role=Role(args.role), note=args.note)
        print(code)
        print("Shown once: the new person enters it in the sign-in window within 7 days.", file=sys.stderr)

    return _run(args, work)


def approve_user(args: argparse.Namespace) -> int:
    def work(core: AppCore) -> None:
        user = core.household.approve(acting_user(core), core.users.require(args.name).id)
        print(f"{user.username} can now sign in.")

    return _run(args, work)


def set_password(args: argparse.Namespace) -> int:
    password = read_password()

    def work(core: AppCore) -> None:
        user = core.users.require(args.name)
        core.household.set_password(acting_user(core), user.id, password)
        print(f"The password of {user.username} is set.")

    return _run(args, work)


def sign_in(args: argparse.Namespace) -> int:
    if args.out:
        return _run(args, _sign_out)
    if args.plex:
        return _run(args, lambda core: _sign_in_with_plex(core, args.profile))
    if not args.name:
        raise ValidationError("Whom to sign in?", hint="printf '%s\\n' PASSWORD | rmab signin NAME")
    password = read_password()

    def work(core: AppCore) -> None:
        user = core.accounts.sign_in(args.name, password)
        print(f"Signed in as {user.username} ({user.role.value}) on this computer.")

    return _run(args, work)


def _sign_out(core: AppCore) -> None:
    core.accounts.sign_out()
    print("Signed out on this computer.")


def _sign_in_with_plex(core: AppCore, profile_name: str | None) -> None:
    """plex.tv's PIN flow from a terminal: print the address, wait for the approval."""
    import time
    import uuid

    client_id = core.prefs.extra.setdefault("plex_client_id", str(uuid.uuid4()))
    core.save_prefs()
    flow = core.plex_sign_in.pin_flow(client_id)
    try:
        pin = flow.create_pin()
        print(f"Approve the sign-in in your browser: {flow.auth_url(pin)}", file=sys.stderr)
        deadline = time.monotonic() + PLEX_WAIT_SECONDS

        def wait(seconds: float) -> bool:
            time.sleep(seconds)
            return time.monotonic() > deadline

        token = flow.wait_for_token(pin, sleep=wait)
    finally:
        flow.close()
    if not token:
        raise ValidationError(
            "Plex did not confirm the sign-in in time.", hint="Run rmab signin --plex again."
        )
    home = core.plex_sign_in.home(token, client_id)
    profile = home.account
    if profile_name:
        wanted = profile_name.strip().lower()
        found = [p for p in home.profiles if wanted in (p.label.lower(), p.username.lower())]
        if not found:
            names = ", ".join(p.label for p in home.profiles)
            raise ValidationError(
                f"There is no Plex profile called '{profile_name}'.", hint=f"Choose one of: {names}"
            )
        profile = found[0]
    pin_code = read_password("PIN") if profile.protected and profile.id != home.account.id else None
    user = core.plex_sign_in.sign_in(token, client_id, home, profile, pin_code)
    print(f"Signed in as {user.username} ({user.role.value}) on this computer.")
