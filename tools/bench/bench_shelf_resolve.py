#!/usr/bin/env python3
"""What never trusting the first search result costs: resolving shelf books through the guarded
matcher, against taking the first result, over the same in-memory search answers.

Usage: python tools/bench/bench_shelf_resolve.py [--books 200] [--results 20] [--repeat 7] [--json]

Each shelf book gets ``--results`` Audible products back (its own book, another edition, a
same-title book by another author, and unrelated titles), so the matcher takes every path.
Times are medians of ``--repeat`` runs in milliseconds (CPU time; no network in either).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rmab_desktop.domain.catalog import CatalogBook, Person, SeriesRef
from rmab_desktop.services.catalog.resolving import BookResolver, Outcome, WantedTitle


def answers(books: int, results: int) -> dict[str, list[CatalogBook]]:
    table = {}
    for i in range(books):
        title, author = f"The Lantern Road {i}", f"Mara Quell{i}"
        found = [
            CatalogBook(
                f"B0A{i:07d}", title, authors=(Person(author),), series=(SeriesRef("Lanterns", position="1"),)
            ),
            CatalogBook(f"B0B{i:07d}", f"{title} (Dramatized Adaptation)", authors=(Person(author),)),
            CatalogBook(f"B0C{i:07d}", title, authors=(Person(f"Orla Finch{i}"),)),
        ]
        found += [
            CatalogBook(f"B0D{i:03d}{j:04d}", f"Another Story {j}", authors=(Person(f"Someone {j}"),))
            for j in range(results - len(found))
        ]
        table[title] = found
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--books", type=int, default=200)
    parser.add_argument("--results", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    table = answers(args.books, args.results)

    def search(text: str, _field: str) -> list[CatalogBook]:
        return table.get(text.rsplit(" Mara", 1)[0], table.get(text, []))

    wanted = [WantedTitle(f"The Lantern Road {i}", (f"Mara Quell{i}",)) for i in range(args.books)]
    resolver = BookResolver(search)

    def guarded() -> int:
        return sum(resolver.resolve(w).outcome == Outcome.MATCHED for w in wanted)

    def first_result() -> int:
        return sum(bool(search(f"{w.title} {w.authors[0]}", "keywords")[:1]) for w in wanted)

    timings: dict[str, list[float]] = {"guarded": [], "first_result": []}
    assert guarded() == args.books  # every book resolves to its own product, none to the others
    for _ in range(args.repeat):
        for name, run in (("guarded", guarded), ("first_result", first_result)):
            started = time.process_time()
            run()
            timings[name].append((time.process_time() - started) * 1000)
    result = {name: round(statistics.median(values), 2) for name, values in timings.items()}
    result["guarded_per_book_ms"] = round(result["guarded"] / args.books, 3)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{args.books} shelf books, {args.results} search results each (median of {args.repeat}, CPU ms)"
        )
        print(f"  guarded matcher: {result['guarded']} ms ({result['guarded_per_book_ms']} ms a book)")
        print(f"  first result:    {result['first_result']} ms (baseline: no judging)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
