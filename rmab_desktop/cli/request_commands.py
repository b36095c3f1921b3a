"""``rmab request ASIN`` and ``rmab requests list|show|approve|deny|cancel|retry|delete``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.enums import RequestStatus
from rmab_desktop.domain.errors import NotFoundError
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.services.requests import RequestService, UserService


def register_request(request: argparse.ArgumentParser) -> None:
    request.add_argument("asin")
    request.add_argument("--region", choices=sorted(REGIONS), help="Audible marketplace (default: settings)")
    request.add_argument("--ebook", action="store_true", help="also request the ebook")
    request.add_argument("--terms", help="custom search terms")
    request.add_argument("--user", help="act as this user (household mode)")
    request.add_argument("--json", action="store_true")
    request.set_defaults(handler=create_request)


def register_requests(requests: argparse.ArgumentParser) -> None:
    commands = requests.add_subparsers(dest="requests_command", required=True)
    list_cmd = commands.add_parser("list", help="requests, newest first")
    list_cmd.add_argument("--status", choices=[s.value for s in RequestStatus], action="append")
    list_cmd.add_argument("--user", help="only requests this user made or joined")
    list_cmd.add_argument("--json", action="store_true")
    list_cmd.set_defaults(handler=list_requests)
    show = commands.add_parser("show", help="one request with its timeline")
    show.add_argument("request_id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_request)
    for name in ("approve", "deny", "cancel", "retry", "delete"):
        cmd = commands.add_parser(name)
        cmd.add_argument("request_id", type=int)
        cmd.add_argument("--user", help="act as this user")
        if name in ("approve", "deny"):
            cmd.add_argument("--note", default="")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=change_request, action=name)


def _act_as(users: UserService, username: str | None) -> None:
    if not username:
        return
    match = next((u for u in users.list() if u.username == username.strip().lower()), None)
    if match is None:
        raise NotFoundError(f"There is no user called '{username}'.")
    users.act_as(match.id)


def _summary(details: RequestDetails) -> dict[str, Any]:
    return {
        "id": details.id,
        "status": details.status.value,
        "status_label": details.status_label,
        "kind": details.kind.value,
        "region": details.region,
        "asin": details.book.asin,
        "title": details.book.title,
        "authors": list(details.book.authors),
        "user_id": details.user_id,
        "username": details.username,
        "member_ids": list(details.member_ids),
        "parent_id": details.parent_id,
        "progress": details.progress,
        "status_message": details.status_message,
        "approval_note": details.approval_note,
        "custom_search_terms": details.custom_search_terms,
        "attempts": {
            "search": details.search_attempts,
            "download": details.download_attempts,
            "import": details.import_attempts,
        },
        "created_at": details.created_at,
        "updated_at": details.updated_at,
    }


def _print(details: RequestDetails) -> None:
    print(
        f"{details.id:>5}  {details.status_label:<18} {details.region}  {details.book.asin}  {details.book.title}"
    )


def _with_requests(args: argparse.Namespace, run) -> int:  # type: ignore[no-untyped-def]
    core = core_from_args(args)
    try:
        _act_as(core.users, getattr(args, "user", None) if args.handler is not list_requests else None)
        return int(run(core.requests, core.users) or 0)
    finally:
        core.close()


def create_request(args: argparse.Namespace) -> int:
    def run(requests: RequestService, users: UserService) -> int:
        outcome = requests.create(
            args.asin, args.region, with_ebook=args.ebook, custom_search_terms=args.terms
        )
        if args.json:
            print_json(
                {
                    "request": _summary(outcome.request),
                    "joined": outcome.joined,
                    "ebook": _summary(outcome.ebook) if outcome.ebook else None,
                    "message": outcome.message,
                }
            )
        else:
            print(outcome.message)
        return 0

    return _with_requests(args, run)


def list_requests(args: argparse.Namespace) -> int:
    def run(requests: RequestService, users: UserService) -> int:
        user_id = None
        if args.user:
            _act_as(users, args.user)
            user_id = users.current().id
        statuses = [RequestStatus(s) for s in args.status] if args.status else None
        found = requests.list(statuses=statuses, user_id=user_id)
        if args.json:
            print_json({"requests": [_summary(d) for d in found]})
        else:
            for details in found:
                _print(details)
        return 0

    return _with_requests(args, run)


def show_request(args: argparse.Namespace) -> int:
    def run(requests: RequestService, users: UserService) -> int:
        details = requests.get(args.request_id)
        timeline = requests.timeline(args.request_id)
        if args.json:
            print_json({"request": _summary(details), "timeline": timeline})
        else:
            _print(details)
            for event in timeline:
                print(f"  {event.created_at:%Y-%m-%d %H:%M:%S}  {event.level.value:<7} {event.message}")
        return 0

    return _with_requests(args, run)


def change_request(args: argparse.Namespace) -> int:
    def run(requests: RequestService, users: UserService) -> int:
        actions: dict[str, Callable[[], RequestDetails | None]] = {
            "approve": lambda: requests.approve(args.request_id, args.note),
            "deny": lambda: requests.deny(args.request_id, args.note),
            "cancel": lambda: requests.cancel(args.request_id),
            "retry": lambda: requests.retry(args.request_id),
            "delete": lambda: requests.delete(args.request_id),
        }
        details = actions[args.action]()
        if details is None:
            print_json({"deleted": args.request_id}) if args.json else print(
                f"deleted request {args.request_id}"
            )
        elif args.json:
            print_json({"request": _summary(details)})
        else:
            _print(details)
        return 0

    return _with_requests(args, run)
