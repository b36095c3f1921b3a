"""``rmab issues report|list|dismiss|replace``: problems users report with books in the library."""

from __future__ import annotations

import argparse
from typing import Any

from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.cli.request_commands import act_as
from rmab_desktop.domain.reported_issues import NOTE_LIMIT, ProblemKind, ReportedProblem


def register(issues: argparse.ArgumentParser) -> None:
    commands = issues.add_subparsers(dest="issues_command", required=True)
    report = commands.add_parser("report", help="report a problem with a book in the library")
    report.add_argument("target", help="the request id, or the book's ASIN")
    report.add_argument("--kind", choices=[k.value for k in ProblemKind], default=ProblemKind.OTHER.value)
    report.add_argument("--note", default="", help=f"what is wrong (at most {NOTE_LIMIT} characters)")
    report.add_argument("--user", help="report as this user (household mode)")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=run, action="report")
    listing = commands.add_parser("list", help="reported problems, open ones first")
    listing.add_argument("--open", action="store_true", help="only those still open")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run, action="list")
    for name, text in (
        ("dismiss", "close a report without changing the book"),
        ("replace", "block the release, remove its imported files and search again for the same request"),
    ):
        cmd = commands.add_parser(name, help=text)
        cmd.add_argument("problem_id", type=int)
        cmd.add_argument("--note", default="", help="a note for the reporter")
        cmd.add_argument("--user", help="act as this administrator (household mode)")
        if name == "replace":
            cmd.add_argument(
                "--pick", action="store_true", help="do not search; pick the release yourself afterwards"
            )
        cmd.add_argument("--json", action="store_true")
        cmd.set_defaults(handler=run, action=name)


def _summary(problem: ReportedProblem) -> dict[str, Any]:
    return {
        "id": problem.id,
        "request_id": problem.request_id,
        "asin": problem.asin,
        "title": problem.title,
        "kind": problem.kind.value,
        "note": problem.note,
        "status": problem.status.value,
        "reporter": problem.reporter,
        "requester": problem.requester,
        "created_at": problem.created_at,
        "resolution_note": problem.resolution_note,
        "resolved_at": problem.resolved_at,
    }


def _print(problem: ReportedProblem) -> None:
    print(
        f"{problem.id:>5}  {problem.status_label:<10} {problem.kind_label:<28} {problem.asin}  "
        f"{problem.title}  ({problem.reporter or '?'}){': ' + problem.note if problem.note else ''}"
    )


def run(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        act_as(core.users, getattr(args, "user", None))
        problems = core.problems
        if args.action == "list":
            found = problems.list(open_only=args.open)
            if args.json:
                print_json({"problems": [_summary(p) for p in found]})
            else:
                for problem in found:
                    _print(problem)
            return 0
        if args.action == "report":
            problem = problems.report(args.target, ProblemKind(args.kind), args.note)
        elif args.action == "dismiss":
            problem = problems.dismiss(args.problem_id, args.note)
        else:
            done = problems.replace(args.problem_id, args.note, interactive=args.pick)
            if args.json:
                print_json(
                    {
                        "problem": _summary(done.problem),
                        "blocklisted": list(done.blocklisted),
                        "removed": list(done.removed),
                        "kept": list(done.kept),
                        "problems": list(done.problems),
                        "searching": done.searching,
                    }
                )
            else:
                _print(done.problem)
                for title in done.blocklisted:
                    print(f"  blocklisted  {title}")
                for path in done.removed:
                    print(f"  removed      {path}")
                for path in done.kept:
                    print(f"  kept         {path}  (not imported by this app)")
                for problem_text in done.problems:
                    print(f"  problem      {problem_text}")
                print("  searching again" if done.searching else "  pick a release: rmab requests show ...")
            return 1 if done.problems else 0
        print_json({"problem": _summary(problem)}) if args.json else _print(problem)
        return 0
    finally:
        core.close()
