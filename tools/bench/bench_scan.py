#!/usr/bin/env python3
"""Library scan benchmark (issue 6, item 9).

Generates a synthetic library (default 10,000 books, about 50,000 small audio files: ffmpeg-made
templates copied and re-tagged with mutagen in 2 processes), then measures, in the same run and
each in a fresh child process (so peak memory is per measurement):

* ``mutagen-1``  a plain single-process loop: walk + ``mutagen.File`` + read the same tags;
* ``scan``       the app's first scan (2 worker processes, bulk writes into a fresh SQLite db);
* ``rescan``     the app's scan of the unchanged library (nothing is re-read);
* ``stat-walk``  a plain ``os.scandir`` + ``stat`` walk of the tree.

Targets: scan faster than mutagen-1 using both cores; rescan within 3x of the stat walk.

    python tools/bench/bench_scan.py --books 10000 --out /tmp/rmab-bench     # ~3 min here
    python tools/bench/bench_scan.py --books 200 --json                         # quick check
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

AUDIO = (".mp3", ".m4b")
FIRST = ("Ada", "Ben", "Cleo", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lena")
LAST = ("Okafor", "Lindqvist", "Moreau", "Tanaka", "Novak", "García", "Haddad", "O'Brien", "Petrov", "Silva")
WORDS = (
    "Shadow",
    "River",
    "Empire",
    "Glass",
    "Winter",
    "Crown",
    "Ember",
    "Hollow",
    "Signal",
    "Orchard",
    "Tide",
)


# ---------------------------------------------------------------------------- generation
def make_templates(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    chapters = folder / "chapters.txt"
    chapters.write_text(
        ";FFMETADATA1\n"
        + "".join(
            f"[CHAPTER]\nTIMEBASE=1/1000\nSTART={i * 1000}\nEND={(i + 1) * 1000}\ntitle=Chapter {i + 1}\n"
            for i in range(10)
        )
    )
    commands = {
        ".mp3": [
            "-f",
            "lavfi",
            "-i",
            "anullsrc=r=22050:cl=mono",
            "-t",
            "1",
            "-c:a",
            "libmp3lame",
            "-b:a",
            "32k",
        ],
        ".m4b": [
            "-f",
            "lavfi",
            "-i",
            "anullsrc=r=22050:cl=mono",
            "-i",
            str(chapters),
            "-map",
            "0:a",
            "-map_metadata",
            "1",
            "-map_chapters",
            "1",
            "-t",
            "10",
            "-c:a",
            "aac",
            "-b:a",
            "16k",
            "-f",
            "ipod",
        ],
    }
    out = {}
    for ext, args in commands.items():
        target = folder / f"t{ext}"
        subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args, str(target)], check=True)
        out[ext] = target.read_bytes()
    return out


def _book_plan(index: int, authors: int) -> dict[str, Any]:
    rng = random.Random(index)
    author = f"{FIRST[index % authors % len(FIRST)]} {LAST[(index % authors) // len(FIRST) % len(LAST)]} {index % authors}"
    title = f"The {rng.choice(WORDS)} of {rng.choice(WORDS)} {index}"
    series = f"{rng.choice(WORDS)} Saga" if rng.random() < 0.7 else None
    m4b = rng.random() < 0.25
    return {
        "author": author,
        "title": title,
        "series": series,
        "position": str(rng.randint(1, 9)) if series else None,
        "asin": f"B0{index:08d}",
        "narrator": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "parts": 1 if m4b else rng.randint(3, 10),
        "ext": ".m4b" if m4b else ".mp3",
        "description": " ".join(rng.choice(WORDS) for _ in range(120)),
        "cover": rng.random() < 0.3,
    }


def _tagged(template: bytes, ext: str, plan: dict[str, Any], part: int) -> bytes:
    from mutagen.id3 import COMM, TALB, TCOM, TIT2, TPE1, TPE2, TRCK, TXXX
    from mutagen.mp3 import MP3
    from mutagen.mp4 import MP4, MP4FreeForm

    buffer = io.BytesIO(template)
    if ext == ".mp3":
        audio = MP3(buffer)
        if audio.tags is None:
            audio.add_tags()
        for frame in (
            TIT2(encoding=3, text=[f"{plan['title']} - Part {part}"]),
            TALB(encoding=3, text=[plan["title"]]),
            TPE1(encoding=3, text=[plan["author"]]),
            TPE2(encoding=3, text=[plan["author"]]),
            TCOM(encoding=3, text=[plan["narrator"]]),
            TRCK(encoding=3, text=[f"{part}/{plan['parts']}"]),
            COMM(encoding=3, lang="eng", desc="", text=[plan["description"]]),
            TXXX(encoding=3, desc="ASIN", text=[plan["asin"]]),
        ):
            audio.tags.add(frame)
        if plan["series"]:
            audio.tags.add(TXXX(encoding=3, desc="SERIES", text=[plan["series"]]))
            audio.tags.add(TXXX(encoding=3, desc="SERIES-PART", text=[plan["position"]]))
    else:
        audio = MP4(buffer)
        if audio.tags is None:
            audio.add_tags()
        audio.tags.update(
            {
                "©nam": [plan["title"]],
                "©alb": [plan["title"]],
                "©ART": [plan["author"]],
                "aART": [plan["author"]],
                "©wrt": [plan["narrator"]],
                "desc": [plan["description"]],
                "----:com.apple.iTunes:ASIN": [MP4FreeForm(plan["asin"].encode())],
            }
        )
        if plan["series"]:
            audio.tags["----:com.apple.iTunes:SERIES"] = [MP4FreeForm(plan["series"].encode())]
    buffer.seek(0)
    audio.save(buffer)
    return buffer.getvalue()


def _write_books(args: tuple[Path, dict[str, bytes], range, int]) -> int:
    root, templates, indexes, authors = args
    count = 0
    for index in indexes:
        plan = _book_plan(index, authors)
        parts = [plan["author"], *([plan["series"]] if plan["series"] else [])]
        prefix = f"Book {plan['position']} - " if plan["series"] else ""
        folder = root.joinpath(*parts, f"{prefix}{plan['title']} {{{plan['narrator']}}} [{plan['asin']}]")
        folder.mkdir(parents=True, exist_ok=True)
        for part in range(1, plan["parts"] + 1):
            name = (
                f"{part:02d} - {plan['title']}{plan['ext']}"
                if plan["parts"] > 1
                else f"{plan['title']}{plan['ext']}"
            )
            (folder / name).write_bytes(_tagged(templates[plan["ext"]], plan["ext"], plan, part))
            count += 1
        if plan["cover"]:
            (folder / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    return count


def generate(root: Path, books: int, workers: int = 2) -> int:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    templates = make_templates(root.parent / f"{root.name}-templates")
    authors = max(books // 5, 1)
    step = 250
    jobs = [(root, templates, range(i, min(i + step, books)), authors) for i in range(0, books, step)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_write_books, jobs))


# ---------------------------------------------------------------------------- measurements
def _walk(root: str) -> list[str]:
    found: list[str] = []
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    entry.stat()
                    found.append(entry.path)
    return found


def measure_stat_walk(root: str, _db: str) -> dict[str, Any]:
    started, cpu = time.perf_counter(), _cpu()
    files = len(_walk(root))
    return {"files": files, "seconds": time.perf_counter() - started, "timed_cpu_s": _cpu() - cpu}


def measure_mutagen_loop(root: str, _db: str) -> dict[str, Any]:
    import mutagen

    started, cpu = time.perf_counter(), _cpu()
    fields = ("TALB", "TPE1", "TPE2", "TCOM", "TXXX:ASIN", "TXXX:SERIES", "©alb", "©ART", "aART", "©wrt")
    read = 0
    for path in _walk(root):
        if path.endswith(AUDIO):
            audio = mutagen.File(path)
            tags = audio.tags or {}
            _ = [tags.get(f) for f in fields], audio.info.length
            read += 1
    return {"files_read": read, "seconds": time.perf_counter() - started, "timed_cpu_s": _cpu() - cpu}


def _scanner(db: str) -> Any:
    from rmab_desktop.db.engine import Database, sqlite_url
    from rmab_desktop.db.migrate import upgrade
    from rmab_desktop.services.library.scanner import LibraryScanner

    database = Database.connect(sqlite_url(Path(db)))
    upgrade(database.engine)
    return LibraryScanner(database, workers=2)


def measure_scan(root: str, db: str) -> dict[str, Any]:
    scanner = _scanner(db)
    started, cpu = time.perf_counter(), _cpu()
    stats = scanner.scan(root)
    seconds = time.perf_counter() - started
    return {
        "files": stats.files,
        "files_read": stats.files_read,
        "books": stats.books,
        "seconds": seconds,
        "timed_cpu_s": _cpu() - cpu,  # main process plus its finished worker processes
    }


MEASURES = {
    "stat-walk": measure_stat_walk,
    "mutagen-1": measure_mutagen_loop,
    "scan": measure_scan,
    "rescan": measure_scan,
}


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _child(name: str, root: str, db: str) -> None:
    started = time.perf_counter()
    result = MEASURES[name](root, db)
    result["wall_s"] = time.perf_counter() - started  # with imports and database set-up
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result["cpu_s"] = own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    result["peak_rss_mib"] = own.ru_maxrss / 1024
    result["workers_peak_rss_mib"] = kids.ru_maxrss / 1024
    print(json.dumps(result))


def run(name: str, root: Path, db: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", name, str(root), str(db)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _ratio(numerator: float, denominator: float, digits: int) -> float | None:
    """None when the baseline rounds to zero (a tiny library): no ratio, not a crash."""
    return round(numerator / denominator, digits) if denominator else None


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--books", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "rmab-bench-scan")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--keep", action="store_true", help="keep the generated library")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("NAME", "ROOT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return {}
    root = args.out / "library"
    started = time.perf_counter()
    files = generate(root, args.books)
    generated = time.perf_counter() - started
    _walk(str(root))  # warm the cache once, unrecorded
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in MEASURES}
    for _ in range(args.repeat):
        db = args.out / "scan.sqlite3"
        db.unlink(missing_ok=True)
        for name in ("stat-walk", "mutagen-1", "scan", "rescan"):
            results[name].append(run(name, root, db))
    summary = {name: _median(runs) for name, runs in results.items()}
    report = {
        "books": args.books,
        "audio_files": files,
        "generate_s": round(generated, 1),
        "cpus": os.cpu_count(),
        "results": summary,
        "scan_vs_mutagen_1": _ratio(summary["scan"]["seconds"], summary["mutagen-1"]["seconds"], 3),
        "scan_cores_used": _ratio(summary["scan"]["cpu_s"], summary["scan"]["wall_s"], 2),
        "rescan_vs_stat_walk": _ratio(summary["rescan"]["seconds"], summary["stat-walk"]["seconds"], 2),
        "rescan_files_read": summary["rescan"].get("files_read"),
        # CPU-time ratios stay meaningful when other work shares the machine (wall times do not).
        "rescan_vs_stat_walk_cpu": _ratio(
            summary["rescan"]["timed_cpu_s"], summary["stat-walk"]["timed_cpu_s"], 2
        ),
        "scan_cpu_vs_mutagen_1_cpu": _ratio(
            summary["scan"]["timed_cpu_s"], summary["mutagen-1"]["timed_cpu_s"], 3
        ),
    }
    if not args.keep:
        shutil.rmtree(args.out, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return report


def _median(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = runs[0].keys()
    return {
        k: round(statistics.median(r[k] for r in runs), 3) if isinstance(runs[0][k], float) else runs[0][k]
        for k in keys
    }


def _print(report: dict[str, Any]) -> None:
    print(
        f"{report['books']} books, {report['audio_files']} audio files (generated in {report['generate_s']} s)"
    )
    print(
        f"{'measurement':<12} {'timed s':>8} {'process s':>10} {'cpu s':>8} {'peak MiB':>9} {'workers MiB':>12}"
    )
    for name, r in report["results"].items():
        print(
            f"{name:<12} {r['seconds']:>8.2f} {r['wall_s']:>10.2f} {r['cpu_s']:>8.2f} {r['peak_rss_mib']:>9.0f}"
            f" {r['workers_peak_rss_mib']:>12.0f}"
        )
    print(
        f"scan / mutagen-1 = {report['scan_vs_mutagen_1']} (target < 1), cores used {report['scan_cores_used']}"
    )
    print(
        f"rescan / stat walk = {report['rescan_vs_stat_walk']} (target <= 3), files re-read {report['rescan_files_read']}"
    )


if __name__ == "__main__":
    main()
