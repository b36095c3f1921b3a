"""``rmab jobs list|enqueue|cancel|retry|run`` over the persisted queue."""

from __future__ import annotations

import argparse
import json

from rmab_desktop.cli.light import open_queue
from rmab_desktop.cli.output import core_from_args, print_json
from rmab_desktop.domain.enums import JobStatus
from rmab_desktop.domain.errors import ValidationError
from rmab_desktop.domain.jobs import JobType


def register(jobs: argparse.ArgumentParser) -> None:
    commands = jobs.add_subparsers(dest="jobs_command", required=True)
    list_cmd = commands.add_parser("list", help="jobs, newest first")
    list_cmd.add_argument("--status", choices=[s.value for s in JobStatus], action="append")
    list_cmd.add_argument("--limit", type=int, default=200)
    list_cmd.add_argument("--json", action="store_true")
    list_cmd.set_defaults(handler=list_jobs)
    enqueue = commands.add_parser("enqueue", help="add a job of a known type")
    enqueue.add_argument("type", help="a job type, e.g. catalog.refresh")
    enqueue.add_argument("--payload", default="{}", help="JSON object, checked against the type's payload")
    enqueue.add_argument("--priority", type=int, default=0)
    enqueue.set_defaults(handler=enqueue_job)
    for name, handler in (("cancel", cancel_job), ("retry", retry_job)):
        cmd = commands.add_parser(name)
        cmd.add_argument("job_id", type=int)
        cmd.set_defaults(handler=handler)
    run = commands.add_parser("run", help="run due jobs in this process until the queue is empty")
    run.add_argument("--max", type=int, default=100)
    run.set_defaults(handler=run_jobs)


def list_jobs(args: argparse.Namespace) -> int:
    with open_queue(args) as queue:
        statuses = [JobStatus(s) for s in args.status] if args.status else None
        jobs = queue.list_jobs(statuses, limit=args.limit)
        if args.json:
            print_json({"jobs": jobs, "counts": queue.counts()})
        else:
            for job in jobs:
                print(
                    f"{job.id:>6}  {job.status.value:<9}  {job.type:<32} attempts {job.attempts}/{job.max_attempts}"
                )
        return 0


def enqueue_job(args: argparse.Namespace) -> int:
    try:
        job_type = JobType(args.type)
    except ValueError:
        raise ValidationError(
            f"'{args.type}' is not a job type.", hint=f"Use one of: {', '.join(t.value for t in JobType)}."
        ) from None
    try:
        data = json.loads(args.payload)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"The payload is not JSON: {exc.msg}.", hint="Pass an object, e.g. '{\"seconds\": 1}'."
        ) from None
    from rmab_desktop.domain.job_payloads import PAYLOADS  # pydantic: only when enqueuing

    payload = PAYLOADS[job_type].from_json(data)
    with open_queue(args) as queue:
        print_json({"id": queue.enqueue(job_type, payload, priority=args.priority)})
        return 0


def cancel_job(args: argparse.Namespace) -> int:
    with open_queue(args) as queue:
        print_json(queue.cancel(args.job_id))
        return 0


def retry_job(args: argparse.Namespace) -> int:
    with open_queue(args) as queue:
        print_json(queue.retry(args.job_id))
        return 0


def run_jobs(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        core.queue.recover_orphans()
        ran = 0
        while ran < args.max and core.executor.run_next() is not None:
            ran += 1
        print(f"ran {ran} job(s)")
        return 0
    finally:
        core.close()
