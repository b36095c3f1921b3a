"""``rmab request ASIN [--ebook|--ebook-only] [--again]`` and ``rmab requests
list|show|approve ID...|deny ID...|cancel|retry|delete [--with-files]|import|terms|recheck|start-over``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.catalog import REGIONS
from rmab_desktop.domain.enums import JobStatus, RequestStatus
from rmab_desktop.domain.errors import NotFoundError, RmabError
from rmab_desktop.domain.library import ImportResult
from rmab_desktop.domain.requests import RequestDetails
from rmab_desktop.services.requests import RequestService, UserService

if TYPE_CHECKING:
    from rmab_desktop.bootstrap import AppCore
    from rmab_desktop.services.rescue import RequestRescue


def register_request(request: argparse.ArgumentParser) -> None:
    request.add_argument("asin")
    request.add_argument("--region", choices=sorted(REGIONS), help="Audible marketplace (default: settings)")
    kinds = request.add_mutually_exclusive_group()
    kinds.add_argument("--ebook", action="store_true", help="also request the ebook")
    kinds.add_argument("--ebook-only", action="store_true", help="request only the ebook")
    request.add_argument("--terms", help="custom search terms")
    request.add_argument(
        "--again", action="store_true", help="request it although it is in the library (another edition)"
    )
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
    for name in ("approve", "deny"):
        cmd = commands.add_parser(name, help=f"{name} requests waiting for approval (one or several)")
        cmd.add_argument("request_ids", type=int, nargs="+", metavar="request_id")
        cmd.add_argument("--user", help="act as this administrator")
        cmd.add_argument("--note", default="", help="one note for every request")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=decide_requests, approve=name == "approve")
    for name in ("cancel", "retry", "delete"):
        cmd = commands.add_parser(name)
        cmd.add_argument("request_id", type=int)
        cmd.add_argument("--user", help="act as this user")
        if name == "delete":
            cmd.add_argument(
                "--with-files", action="store_true", help="also its download, files and library entry"
            )
            cmd.add_argument("--dry-run", action="store_true", help="with --with-files: list what would go")
            cmd.add_argument("--now", action="store_true", help="remove the download now, not after seeding")
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=change_request, action=name)
    imports = commands.add_parser("import", help="import files or a folder into a request by hand")
    imports.add_argument("request_id", type=int)
    imports.add_argument("path", help="a folder or a file (audio, or ebook for an ebook request)")
    imports.add_argument("--dry-run", action="store_true", help="show what would go where; change nothing")
    imports.add_argument("--json", action="store_true")
    imports.set_defaults(handler=rescue_request, action="import")
    terms = commands.add_parser("terms", help="set the request's own search words and search again")
    terms.add_argument("request_id", type=int)
    terms.add_argument("terms", help='the words to search for ("" : the title and author again)')
    terms.add_argument("--json", action="store_true")
    terms.set_defaults(handler=rescue_request, action="terms")
    for name, text in (
        ("recheck", "look for the request's files in the library again"),
        ("start-over", "forget the attempts and search from scratch"),
    ):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("request_id", type=int)
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=rescue_request, action=name)


def act_as(users: UserService, username: str | None) -> None:
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
        act_as(core.users, getattr(args, "user", None) if args.handler is not list_requests else None)
        return int(run(core.requests, core.users) or 0)
    finally:
        core.close()


def create_request(args: argparse.Namespace) -> int:
    def run(requests: RequestService, users: UserService) -> int:
        outcome = requests.create(
            args.asin,
            args.region,
            with_ebook=args.ebook,
            ebook_only=args.ebook_only,
            again=args.again,
            custom_search_terms=args.terms,
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
            act_as(users, args.user)
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
    if getattr(args, "with_files", False):
        return rescue_request(args)

    def run(requests: RequestService, users: UserService) -> int:
        actions: dict[str, Callable[[], RequestDetails | None]] = {
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


def decide_requests(args: argparse.Namespace) -> int:
    """``requests approve|deny ID...``: each request on its own; exit 1 when any could not be."""

    def run(requests: RequestService, users: UserService) -> int:
        decisions = requests.decide(args.request_ids, args.approve, args.note)
        failed = [d for d in decisions if not d.ok]
        if args.json:
            print_json(
                {
                    "decided": [_summary(d.details) for d in decisions if d.details is not None],
                    "failed": [{"id": d.request_id, "error": d.error} for d in failed],
                }
            )
        else:
            for decision in decisions:
                if decision.details is not None:
                    _print(decision.details)
        if failed and not args.json:
            raise RmabError(
                "; ".join(f"request {d.request_id}: {d.error}" for d in failed),
                hint="See: rmab requests list --status awaiting_approval",
            )
        return 1 if failed else 0

    return _with_requests(args, run)


MAX_JOBS_PER_IMPORT = 20  # the import's own job, and what it may enqueue first


def _print_import(result: ImportResult) -> None:
    print(f"{'Would import' if result.dry_run else 'Imported'} into {result.absolute_path}:")
    for file in result.files:
        print(f"  {file.source}  ->  {file.target}")
    for name in result.sidecars:
        print(f"  (writes {name})")


def rescue_request(args: argparse.Namespace) -> int:
    """``requests import|terms|recheck|start-over`` and ``requests delete --with-files``."""
    core = core_from_args(args)
    try:
        act_as(core.users, getattr(args, "user", None))
        rescue, request_id = core.rescue, args.request_id
        if args.action == "import":
            return _import(core, rescue, request_id, args)
        if args.action == "delete":
            if args.dry_run:
                plan = rescue.deletion_plan(request_id)
                problems: list[str] = []
            else:
                plan, problems = rescue.delete_with_files(request_id, downloads_now=args.now)
            data = {**plan.to_json(downloads_now=args.now), "dry_run": args.dry_run, "problems": problems}
            if args.json:
                print_json(data)
            else:
                print(
                    ("Would remove:" if args.dry_run else "Removed:")
                    if data["removes"]
                    else "Nothing to remove."
                )
                for removal in data["removes"]:
                    print(f"  {removal['what']:<14} {removal['target']}  {removal['note']}")
                for kept in data["keeps"]:
                    print(f"  kept           {kept}  (not imported by this app)")
                for problem in problems:
                    print(f"  problem        {problem}")
            return 1 if problems else 0
        actions = {
            "terms": lambda: rescue.search_with_terms(request_id, args.terms),
            "recheck": lambda: rescue.recheck(request_id),
            "start-over": lambda: rescue.start_over(request_id),
        }
        details = actions[args.action]()
        print_json({"request": _summary(details)}) if args.json else _print(details)
        return 0
    finally:
        core.close()


def _import(core: AppCore, rescue: RequestRescue, request_id: int, args: argparse.Namespace) -> int:
    if args.dry_run:
        result = rescue.preview_import(request_id, args.path)
    else:
        job_id = rescue.import_files(request_id, args.path)
        for _ in range(MAX_JOBS_PER_IMPORT):  # run it here, as the app's job pump would
            if core.queue.get(job_id).status in (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED):
                break
            if core.executor.run_next() is None:
                break
        job = core.queue.get(job_id)
        details = core.requests.get(request_id) if core.requests else None
        if job.status != JobStatus.DONE or details is None or details.status != RequestStatus.AVAILABLE:
            why = (details.status_message if details else None) or job.last_error or job.status.value
            raise RmabError(
                f"The import did not finish: {why}", hint="See: rmab requests show " + str(request_id)
            )
        if args.json:
            print_json({"request": _summary(details), "job": job.id})
        else:
            _print(details)
        return 0
    if args.json:
        print_json(result.to_json())
    else:
        _print_import(result)
    return 0
