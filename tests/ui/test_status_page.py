"""The Service status page: cards from real health rows, check now, the model contract."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ServiceHealthCheck, utcnow
from rmab_desktop.domain.connection import ConnectionTestResult
from rmab_desktop.domain.enums import HealthState
from rmab_desktop.services.events import EventBus
from rmab_desktop.services.health import HealthRegistry, HealthSample, HealthService, ServiceCheck
from rmab_desktop.ui.delegates.service_card_delegate import bar_heights
from rmab_desktop.ui.models.roles import KeyRole, ObjectRole
from rmab_desktop.ui.models.service_status_model import ServiceStatusModel
from rmab_desktop.ui.pages.status_page import StatusPage
from rmab_desktop.workers.runner import ImmediateRunner, TaskRunner

UP = ConnectionTestResult(True, "ok", latency_ms=85.0)
DOWN = ConnectionTestResult(False, "Connection refused by 127.0.0.1:8080.", hint="Is qBittorrent running?")


@pytest.fixture
def health(database: Database) -> HealthService:
    answers = {"qbit": DOWN, "prowlarr": UP, "audible": UP}
    registry = HealthRegistry()
    registry.add(
        "test",
        lambda: [
            ServiceCheck("audible:us", "Audible (us)", "audible", lambda: answers["audible"]),
            ServiceCheck("indexer:prowlarr", "Prowlarr", "indexer", lambda: answers["prowlarr"]),
            ServiceCheck("download_client:qbit", "qBittorrent", "download_client", lambda: answers["qbit"]),
        ],
    )
    now = utcnow()
    with database.session() as session:
        for minutes in range(10, 24 * 60, 30):
            state = "down" if 300 < minutes < 400 else "up"
            session.add(
                ServiceHealthCheck(
                    service_key="indexer:prowlarr",
                    state=state,
                    latency_ms=40.0 + minutes % 170,
                    checked_at=now - timedelta(minutes=minutes),
                )
            )
    return HealthService(database, EventBus(), registry)


def test_cards_show_every_service_with_problems_first(qtbot, health: HealthService) -> None:
    page = StatusPage(health, ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.view  # configured services show before any check
    assert (
        page.model.data(page.model.index(page.model.row_of("audible:us"), 0), ObjectRole).state == "unknown"
    )
    page.check_now()
    assert page.stack.currentWidget() is page.view
    keys = [page.proxy.index(row, 0).data(KeyRole) for row in range(page.proxy.rowCount())]
    assert keys == ["download_client:qbit", "audible:us", "indexer:prowlarr"]
    qbit = page.proxy.index(0, 0).data(ObjectRole)
    assert qbit.state == HealthState.DOWN and "Is qBittorrent running?" in qbit.last_error
    prowlarr = page.proxy.index(2, 0).data(ObjectRole)
    assert prowlarr.uptime_24h is not None and 0.9 < prowlarr.uptime_24h < 1.0
    assert len(prowlarr.history) > 40
    assert page.message.text() == "1 of 3 down"


def test_page_with_real_runner_refreshes_off_the_gui_thread(qtbot, health: HealthService) -> None:
    runner = TaskRunner()
    page = StatusPage(health, runner)
    qtbot.addWidget(page)
    page.check_now()
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 3 and "unknown" not in {s.state for s in page.model._rows},
        timeout=10_000,
    )
    page.resize(1100, 560)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab()
    assert image.width() == 1100
    image.save("/tmp/status_page.png")
    runner.shutdown(5000)


def test_no_services_shows_the_empty_state(qtbot, database: Database) -> None:
    page = StatusPage(HealthService(database, EventBus(), HealthRegistry()), ImmediateRunner())
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.empty


def test_model_contract_and_in_place_updates(qtmodeltester, health: HealthService) -> None:
    health.run_checks()
    statuses = health.statuses()
    model = ServiceStatusModel()
    model.set_statuses(statuses)
    qtmodeltester.check(model)
    changed = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    row = model.row_of("indexer:prowlarr")
    assert row is not None
    updated = [
        s if s.key != "indexer:prowlarr" else s.__class__(**{**s.__dict__, "latency_ms": 1.0})
        for s in statuses
    ]
    model.set_statuses(updated)
    assert changed == [(row, row)]
    model.set_statuses(updated[:1])
    assert model.rowCount() == 1 and model.row_of(updated[0].key) == 0


def test_chart_bars_scale_with_latency_and_down_is_full_height() -> None:
    now = utcnow()
    samples = (
        HealthSample(now, HealthState.UP, 100.0),
        HealthSample(now, HealthState.UP, 400.0),
        HealthSample(now, HealthState.DOWN, None),
    )
    assert bar_heights(samples, 40.0) == [20.0, 40.0, 40.0]


def test_registered_page_builds_from_the_core(qtbot, core, shell) -> None:
    from rmab_desktop.ui.pages.registry import PAGES

    (spec,) = [page for page in PAGES if page.key == "status"]
    page = spec.factory(core, shell)
    qtbot.addWidget(page)
    assert isinstance(page, StatusPage) and page.health is core.health
