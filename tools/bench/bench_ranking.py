#!/usr/bin/env python3
"""Ranking 1,000 releases for one book, and parsing a 100-item Torznab feed and Prowlarr answer.

Usage: python tools/bench/bench_ranking.py [--releases 1000] [--items 100] [--repeat 15] [--json]

The releases mix the shapes uploaders write (right book in several formats, sequels, box sets,
other authors, samples, other languages, scene names), so the gate takes every path. Times are
medians of ``--repeat`` runs (after one warm-up run), in milliseconds, wall clock and CPU time.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rmab_desktop.clients.prowlarr import parse_search_results
from rmab_desktop.clients.torznab import parse_feed
from rmab_desktop.domain.books import BookInfo
from rmab_desktop.domain.releases import Release
from rmab_desktop.services.ranking import rank_releases

BOOK = BookInfo.from_json(
    {"title": "The Way of Kings", "authors": ["Brandon Sanderson"], "narrators": ["Michael Kramer", "Kate Reading"],
     "series": "The Stormlight Archive", "series_position": "1", "runtime_minutes": 2743, "language": "english"}
)  # fmt: skip
SHAPES = [
    "Brandon Sanderson - The Way of Kings (Stormlight Archive {n}) [{year}] [{fmt}] {kbps}kbps",
    "Sanderson, Brandon - The Way of Kings [{fmt}] {{Michael Kramer}}",
    "Brandon.Sanderson.The.Way.of.Kings.{year}.{fmt}.{kbps}kbps-GRP",
    "The Way of Kings by Brandon Sanderson, narrated by Michael Kramer ({fmt})",
    "Brandon Sanderson - Words of Radiance (Stormlight Archive 2) [{fmt}]",
    "Brandon Sanderson - Stormlight Archive Books 1-{n} Box Set [{fmt}]",
    "The Way of Kings Prime - Brandon Sanderson [{fmt}]",
    "Someone Else - The Way of Kings [{fmt}]",
    "Brandon Sanderson - The Way of Kings (Sample) [{fmt}]",
    "Brandon Sanderson - Der Weg der Könige [German] [{fmt}]",
    "Brandon Sanderson - Mistborn {n} - The Final Empire [{fmt}] {kbps}k",
    "Summary of The Way of Kings by Brandon Sanderson",
]
FORMATS = ["M4B", "MP3", "FLAC", "M4A", "AAC", "OGG"]


def releases(count: int, rng: random.Random) -> list[Release]:
    made = []
    for i in range(count):
        title = rng.choice(SHAPES).format(
            n=rng.randint(1, 5),
            year=rng.randint(2010, 2024),
            fmt=rng.choice(FORMATS),
            kbps=rng.choice([64, 128]),
        )
        made.append(
            Release(
                guid=f"g{i}", title=title, indexer=f"idx{i % 4}", size_bytes=rng.randint(5, 3000) * 1024 * 1024,
                seeders=rng.randint(0, 300), indexer_priority=rng.randint(1, 50),
                flags=("freeleech",) if i % 7 == 0 else (),
            )
        )  # fmt: skip
    return made


def torznab_xml(items: list[Release]) -> bytes:
    body = "".join(
        f"<item><title>{escape(r.title)}</title><guid>https://t.example/{r.guid}</guid>"
        f"<link>https://t.example/dl/{r.guid}?passkey=1</link><pubDate>Tue, 20 Dec 2022 21:32:17 +0000</pubDate>"
        f"<size>{r.size_bytes}</size><category>3030</category>"
        f'<enclosure url="https://t.example/dl/{r.guid}" length="103641" type="application/x-bittorrent" />'
        f'<torznab:attr name="seeders" value="{r.seeders}" /><torznab:attr name="peers" value="{r.seeders}" />'
        f'<torznab:attr name="infohash" value="{int(r.guid[1:]):040x}" />'
        f'<torznab:attr name="downloadvolumefactor" value="0" /><torznab:attr name="category" value="3030" />'
        f'<torznab:attr name="tag" value={quoteattr("freeleech")} /></item>'
        for r in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed">'
        f"<channel><title>Bench</title>{body}</channel></rss>"
    ).encode()


def prowlarr_json(items: list[Release]) -> bytes:
    return json.dumps(
        [
            {"guid": r.guid, "title": r.title, "size": r.size_bytes, "seeders": r.seeders, "leechers": 1,
             "protocol": "torrent", "indexerId": 1, "indexer": "Bench", "downloadUrl": f"http://p/{r.guid}",
             "publishDate": "2022-12-20T21:32:17Z", "indexerFlags": ["freeleech"],
             "categories": [{"id": 3030, "name": "Audio/Audiobook", "subCategories": []}]}
            for r in items
        ]
    ).encode()  # fmt: skip


def median_ms(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(wall, CPU) medians in ms; CPU time is the fairer number on a busy machine."""
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return round(statistics.median(wall), 2), round(statistics.median(cpu), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(42)
    pool = releases(args.releases, rng)
    feed_items = pool[: args.items]
    xml, js = torznab_xml(feed_items), prowlarr_json(feed_items)
    ranked = rank_releases(BOOK, pool)
    results = {
        "rank_releases_ms": median_ms(lambda: rank_releases(BOOK, pool), args.repeat),
        "releases": args.releases,
        "accepted": sum(r.accepted for r in ranked),
        "parse_torznab_ms": median_ms(lambda: parse_feed(xml), args.repeat),
        "parse_prowlarr_json_ms": median_ms(lambda: parse_search_results(js), args.repeat),
        "feed_items": args.items,
    }
    assert len(parse_feed(xml)) == args.items and len(parse_search_results(js)) == args.items
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for label, key in (
            (f"rank {args.releases} releases ({results['accepted']} accepted)", "rank_releases_ms"),
            (f"parse a {args.items}-item Torznab feed", "parse_torznab_ms"),
            (f"parse a {args.items}-item Prowlarr JSON answer", "parse_prowlarr_json_ms"),
        ):
            wall, cpu = results[key]
            print(f"{label}: {wall} ms wall, {cpu} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
