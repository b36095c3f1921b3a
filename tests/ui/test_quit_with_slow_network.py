"""Quit is prompt whatever the network does: a worker blocked in a slow-drip request is released.

The task runs a Prowlarr call (a 90 s deadline) against a server that drips one byte every 2 s;
quitting cancels the task's token, which shuts the connection down (clients/deadline.py).
"""

from __future__ import annotations

from rmab_desktop.clients.prowlarr import ProwlarrClient
from rmab_desktop.workers.runner import TaskRunner
from tests.fakes.slow_servers import SlowDripServer

QUIT_BOUND_MS = 5000  # the product's promise for Quit


def test_shutdown_releases_a_worker_blocked_in_a_slow_drip_request(qtbot) -> None:
    runner = TaskRunner()
    errors: list[object] = []
    with SlowDripServer() as server:
        runner.submit(
            lambda: ProwlarrClient(server.url, "k").status(), pool="pipeline", on_error=errors.append
        )
        qtbot.waitUntil(lambda: server.accepted >= 1, timeout=10_000)
        assert runner.shutdown(QUIT_BOUND_MS)
        assert server.completed == 0
    assert not errors  # a cancelled task reports nothing
