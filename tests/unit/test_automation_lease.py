"""Only one instance runs automation: advisory lock on PostgreSQL, expiring row on SQLite."""

from __future__ import annotations

import os
import socket
from datetime import timedelta

from rmab_desktop.db.models import AutomationLease as LeaseRow
from rmab_desktop.db.models import utcnow
from rmab_desktop.services.automation_lease import AutomationLease


def test_one_holder_at_a_time_and_release_hands_over(database):
    first = AutomationLease(database, "host-a:1:aaaa")
    second = AutomationLease(database, "host-b:2:bbbb")
    try:
        assert first.ensure()
        assert not second.ensure()
        assert first.ensure()  # renewing keeps it
        first.release()
        assert not first.held
        assert second.ensure()
        assert not first.ensure()
    finally:
        first.release()
        second.release()


def test_expired_row_lease_is_taken_over(database):
    if database.backend == "postgresql":
        return  # the server frees advisory locks itself; covered by the hand-over test
    with database.session() as session:
        session.add(LeaseRow(id=1, holder="far-away:123:cafe", expires_at=utcnow() - timedelta(seconds=1)))
    lease = AutomationLease(database, "me:1:x")
    assert lease.ensure()
    assert lease.current_holder() == "me:1:x"


def test_dead_local_holder_is_taken_over_before_expiry(database):
    if database.backend == "postgresql":
        return
    dead_pid = _dead_pid()
    with database.session() as session:
        session.add(
            LeaseRow(
                id=1,
                holder=f"{socket.gethostname()}:{dead_pid}:dead",
                expires_at=utcnow() + timedelta(hours=1),
            )
        )
    assert AutomationLease(database, f"{socket.gethostname()}:{os.getpid()}:live").ensure()


def test_live_remote_holder_keeps_it(database):
    if database.backend == "postgresql":
        return
    with database.session() as session:
        session.add(LeaseRow(id=1, holder="other-host:42:beef", expires_at=utcnow() + timedelta(minutes=1)))
    lease = AutomationLease(database, "me:1:x")
    assert not lease.ensure()
    assert lease.current_holder() == "other-host:42:beef"


def _dead_pid() -> int:
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1
