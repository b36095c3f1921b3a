"""The one formatter every table uses for times: friendly, relative when close, a date when far."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from rmab_desktop.ui.formatting import friendly_time, full_time

NOW = datetime(2026, 11, 22, 15, 30, 0, tzinfo=UTC)  # a Sunday


@pytest.fixture(autouse=True)
def utc_local_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(QLocale.system())
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=-41), "just now"),
        (timedelta(seconds=20), "just now"),
        (timedelta(minutes=-5), "5 min ago"),
        (timedelta(minutes=10), "in 10 min"),
        (timedelta(hours=-6), "Today 09:30"),
        (timedelta(hours=-25, minutes=-28), "Yesterday 14:02"),
        (timedelta(hours=12), "Tomorrow 03:30"),
        (timedelta(days=-3), "Thu 15:30"),
        (timedelta(days=-10), "12 Nov 2026"),
        (timedelta(days=40), "1 Jan 2027"),
    ],
)
def test_friendly_time(delta: timedelta, expected: str) -> None:
    assert friendly_time(NOW + delta, NOW) == expected


def test_naive_times_are_utc_and_none_is_a_dash() -> None:
    assert friendly_time((NOW - timedelta(minutes=5)).replace(tzinfo=None), NOW) == "5 min ago"
    assert friendly_time(None) == "—"
    assert full_time(NOW) == "Sun 22 Nov 2026 15:30:00" and full_time(None) == ""


def test_tables_show_friendly_times() -> None:
    """Requests, Activity jobs and the blocklist all use it: a fresh row says "just now"."""
    from types import SimpleNamespace

    from rmab_desktop.domain.enums import JobStatus
    from rmab_desktop.ui.models.jobs_model import JobsModel
    from rmab_desktop.ui.models.requests_model import RequestsModel
    from rmab_desktop.ui.pages.blocklist_page import COLUMNS

    fresh = datetime.now(UTC)
    (requested,) = [c for c in RequestsModel().columns if c.title == "Requested"]
    (added,) = [c for c in COLUMNS if c.title == "Added"]
    (job_when,) = [c for c in JobsModel().columns if c.title == "When"]
    assert requested.display(SimpleNamespace(created_at=fresh)) == "just now"
    assert added.display(SimpleNamespace(created_at=fresh)) == "just now"
    job = SimpleNamespace(status=JobStatus.DONE, finished_at=fresh - timedelta(minutes=5), started_at=None)
    assert job_when.display(job) == "5 min ago"


@pytest.fixture()
def german(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The app switched to German the way start-up does it, with catalogues built by lrelease."""
    import subprocess
    import sys

    from rmab_desktop.domain import i18n
    from rmab_desktop.ui import translations

    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, str(root / "tools" / "translations.py"), "build", "--out", str(tmp_path)], check=True
    )
    monkeypatch.setattr(translations, "translations_dir", lambda: tmp_path)
    translations.install(qapp, "de")
    yield
    translations.install(qapp, "en")
    i18n.install(None)
    QLocale.setDefault(QLocale("en_GB"))


def test_times_numbers_and_sizes_follow_the_language(german: None) -> None:
    from rmab_desktop.ui.formatting import duration, number, size

    assert friendly_time(NOW - timedelta(hours=6), NOW) == "Heute 09:30"
    assert friendly_time(NOW - timedelta(minutes=5), NOW) == "vor 5 Min."
    assert friendly_time(NOW - timedelta(days=10), NOW) == "12. Nov. 2026"
    assert number(12345) == "12.345" and number(2.5, 1) == "2,5"
    assert size(1_400_000_000) == "1,3 GB"  # 1024-based, as file managers show it
    assert duration(2 * 3600 + 5 * 60) == "2 Std. 05 Min."
