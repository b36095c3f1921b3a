"""Health checks of the app's real services, composed by open_core, against loopback fakes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from rmab_desktop.bootstrap import AppCore, open_core
from rmab_desktop.domain.enums import HealthState
from rmab_desktop.paths import AppPaths
from rmab_desktop.services.events import AppEvent, EventKind
from rmab_desktop.settings import Preferences, SettingsStore
from tests.fakes.audible_server import FakeAudible


@pytest.fixture
def fake_audible() -> Iterator[FakeAudible]:
    fake = FakeAudible().start()
    yield fake
    fake.stop()


@pytest.fixture
def core(tmp_path: Path, database_url: str, fake_audible: FakeAudible) -> Iterator[AppCore]:
    paths = AppPaths.resolve(tmp_path / "profile").ensure()
    prefs = Preferences.model_validate(
        {"catalog": {"region": "uk", "audible_base_url": fake_audible.base_url}}
    )
    SettingsStore(paths.settings_file).save(prefs)
    core = open_core(tmp_path / "profile", database_url, log_to_console=False)
    yield core
    core.close()


def test_configured_services_are_checked_and_an_outage_reported_once(
    core: AppCore, fake_audible: FakeAudible
) -> None:
    seen: list[AppEvent] = []
    core.events.subscribe(seen.append)
    outcomes = {o.check.key: o for o in core.health.run_checks()}
    assert outcomes["audible:uk"].state == HealthState.UP
    assert any(path.startswith("/1.0/searchsuggestions") for path in fake_audible.paths())
    fake_audible.fail_next("garbage", times=3)  # Audible's HTML robot check instead of JSON
    for _ in range(3):
        outcomes = {o.check.key: o for o in core.health.run_checks()}
        assert outcomes["audible:uk"].state == HealthState.DOWN
    assert [e.kind for e in seen] == [EventKind.SERVICE_DOWN], seen
    (status,) = [s for s in core.health.statuses() if s.key == "audible:uk"]
    assert status.last_error and status.uptime_24h == pytest.approx(1 / 4)
    core.health.run_checks()
    assert [e.kind for e in seen] == [EventKind.SERVICE_DOWN, EventKind.SERVICE_RECOVERED]
    assert seen[0].title == "Audible (uk) is down"


def test_health_check_is_a_default_schedule(core: AppCore) -> None:
    schedules = {s.key: s for s in core.scheduler.list()}
    assert schedules["health_checks"].job_type == "health.check" and schedules["health_checks"].enabled
    assert schedules["health_checks"].payload == {"v": 1}


def test_download_clients_and_library_get_cards_from_their_features(core: AppCore, tmp_path: Path) -> None:
    from rmab_desktop.services.downloads import DownloadClientConfig

    core.downloads.save_client(
        DownloadClientConfig(
            name="Seedbox qBittorrent", kind="qbittorrent", url="http://127.0.0.1:9", username="admin"
        ),
        secret="adminadmin",
    )
    core.downloads.save_client(DownloadClientConfig(name="Off", kind="transmission", enabled=False))

    def checks(kind: str) -> list:
        return [c for c in core.health.registry.checks() if c.kind == kind]

    assert [c.name for c in checks("download_client")] == ["Seedbox qBittorrent"]
    result = checks("download_client")[0].run()
    assert not result.ok and result.hint  # refused connection, explained
    assert checks("indexer") == [] and checks("library") == []  # none set up, no folder chosen yet
    core.prefs.library.root = str(tmp_path)
    (check,) = checks("library")
    assert check.key == "library:folder" and check.run().ok
