"""A small run of tools/bench/bench_scan.py, so the benchmark script cannot rot (no timings asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "tools" / "bench" / "bench_scan.py"


@pytest.mark.slow
@pytest.mark.skipif(
    bool(os.environ.get("RMAB_TEST_POSTGRES_URL")),
    reason="the benchmark always uses its own SQLite file; the SQLite pass of the suite runs it",
)
def test_benchmark_script_runs_on_a_tiny_library(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--books", "12", "--out", str(tmp_path / "bench"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    report = json.loads(out)
    assert report["books"] == 12 and report["audio_files"] >= 12
    results = report["results"]
    assert results["scan"]["files_read"] == report["audio_files"]
    assert results["rescan"]["files_read"] == 0, "an unchanged rescan re-reads nothing"
    assert results["mutagen-1"]["files_read"] == report["audio_files"]
    assert results["stat-walk"]["files"] >= report["audio_files"]
    assert all(r["tree_peak_mib"] > 0 for r in results.values())
    assert results["cli-cold"]["output_bytes"] > 0 and results["cli-json"]["books_printed"] == 12
    assert report["scan_vs_mutagen_1"] and report["rescan_vs_stat_walk"] and "cli_json_output_s" in report
    assert not (tmp_path / "bench").exists()
