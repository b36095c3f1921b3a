#!/usr/bin/env python3
"""Library page with 50,000 books: load time, filter time per query, sort time, peak memory.

Usage: python tools/bench/bench_library_page.py [--books 50000] [--repeat 5] [--json]

Runs offscreen on a temporary SQLite database filled with synthetic ``library_items`` rows.
"Load (worker)" is what the "library" pool does before the rows can show (query, sort, summary);
the search keys are built by a second task after that; "load (GUI)" is what the GUI thread does
when the results arrive (model reset, first paint, keys handed over). Filter times
are ``proxy.set_query`` for a whole query, the way the debounced search box runs it. Times are
medians of ``--repeat`` runs; memory is the process's peak RSS and the Python heap held by the
loaded rows (tracemalloc, measured in a separate pass).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

QUERIES = (
    "ancillary",
    "author:sanderson",
    'series:"broken saga" year:1990..2010',
    "missing:cover format:m4b",
    "-missing:asin narrator:le",
    "zzz-no-match",
)


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--books", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import keyring
    from PySide6.QtWidgets import QApplication

    from rmab_desktop.db.engine import Database, sqlite_url
    from rmab_desktop.db.migrate import upgrade
    from rmab_desktop.services.config_store import ConfigStore
    from rmab_desktop.services.credentials import CredentialStore
    from rmab_desktop.services.library.query import parse_query
    from rmab_desktop.services.library.service import LibraryService
    from rmab_desktop.ui.models.library_model import AUTHOR, TITLE
    from rmab_desktop.ui.notifier import RecordingNotifier
    from rmab_desktop.ui.pages.library_page import LibraryPage, _load_rows, _search_keys
    from tests.fakes.memory_keyring import MemoryKeyring
    from tests.synthetic_library import insert_synthetic_library

    keyring.set_keyring(MemoryKeyring())
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        database = Database.connect(sqlite_url(Path(tmp) / "bench.sqlite3"))
        upgrade(database.engine)
        started = time.perf_counter()
        insert_synthetic_library(database, args.books)
        insert_seconds = time.perf_counter() - started
        database.analyze("library_items")  # as a scan or a server sync does after writing
        service = LibraryService(database, ConfigStore(database), CredentialStore(), lambda: None)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        worker, keys, gui, filters, sorts = [], [], [], {q: [] for q in QUERIES}, []
        visible: dict[str, int] = {}
        page = None
        for _ in range(args.repeat):
            gc.collect()
            t0 = time.perf_counter()
            rows = _load_rows(service)
            worker.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            records = _search_keys(rows[0])
            keys.append(time.perf_counter() - t0)
            page = LibraryPage(service, _NoLoadRunner(), RecordingNotifier())  # type: ignore[arg-type]
            page.resize(1280, 800)
            page.show()
            t0 = time.perf_counter()
            page._loaded(rows)
            app.processEvents()
            page._keys_ready(rows[0], records)
            gui.append(time.perf_counter() - t0)
            for query in QUERIES:
                t0 = time.perf_counter()
                visible[query] = page.proxy.set_query(parse_query(query))
                app.processEvents()
                filters[query].append(time.perf_counter() - t0)
            page.proxy.set_query(parse_query(""))
            t0 = time.perf_counter()
            page.table.sortByColumn(AUTHOR, page.table.horizontalHeader().sortIndicatorOrder())
            app.processEvents()
            sorts.append(time.perf_counter() - t0)
            page.table.sortByColumn(TITLE, page.table.horizontalHeader().sortIndicatorOrder())
            page.close()
            page.deleteLater()
            app.processEvents()
        rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

        gc.collect()
        tracemalloc.start()
        held = _load_rows(service), _search_keys(_load_rows(service)[0])
        heap_bytes, heap_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del held
        database.dispose()

    result = {
        "books": args.books,
        "repeat": args.repeat,
        "insert_seconds": round(insert_seconds, 2),
        "load_worker_ms": _median_ms(worker),
        "search_keys_worker_ms": _median_ms(keys),
        "load_gui_ms": _median_ms(gui),
        "sort_by_author_ms": _median_ms(sorts),
        "filter_ms": {q: _median_ms(samples) for q, samples in filters.items()},
        "filter_visible": visible,
        "rows_heap_mb": round(heap_bytes / 1024**2, 1),
        "rows_heap_peak_mb": round(heap_peak / 1024**2, 1),
        "rss_peak_mb": round(rss_peak / 1024, 1),
        "rss_growth_mb": round((rss_peak - rss_before) / 1024, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"Library page with {args.books:,} books (median of {args.repeat} runs)")
    print(
        f"  load, worker thread (query + sort + summary):  {result['load_worker_ms']} ms (rows show after this)"
    )
    print(f"  search keys, worker thread (after the rows):   {result['search_keys_worker_ms']} ms")
    print(f"  load, GUI thread (model reset + paint + keys): {result['load_gui_ms']} ms")
    print(f"  sort by author:                                       {result['sort_by_author_ms']} ms")
    for query, ms in result["filter_ms"].items():
        print(f"  filter {query!r:45} {ms:7.1f} ms  ({visible[query]:,} shown)")
    print(
        f"  rows held in memory (Python heap): {result['rows_heap_mb']} MB (peak while loading {result['rows_heap_peak_mb']} MB)"
    )
    print(
        f"  process peak RSS: {result['rss_peak_mb']} MB (+{result['rss_growth_mb']} MB over the empty app)"
    )


class _NoLoadRunner:
    """The page's own initial load is replaced by the timed call above."""

    def submit(self, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        return None


if __name__ == "__main__":
    main()
