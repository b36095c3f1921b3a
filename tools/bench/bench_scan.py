#!/usr/bin/env python3
"""Library scan benchmark (issue 19).

Generates a synthetic library (default 10,000 books, about 50,000 small audio files: ffmpeg-made
templates copied and re-tagged with mutagen in 2 processes), then measures, in the same run and
each in a fresh child process:

* ``stat-walk``   a plain ``os.scandir`` + ``stat`` walk of the tree (the rescan's baseline);
* ``mutagen-1``   a plain single-process loop: walk + ``mutagen.File`` + read a few tags (the
                  first scan's baseline);
* ``scan``        the app's first scan (worker processes, bulk writes into a fresh SQLite db);
* ``rescan``      the app's scan of the unchanged library (nothing is re-read);
* ``cli-startup`` ``rmab library scan`` of an empty folder: the command's own start-up;
* ``cli-cold``    ``rmab library scan LIB`` with a fresh profile (plain output);
* ``cli-rescan``  the same command again, library unchanged (plain output);
* ``cli-json``    the same with ``--json`` (every book printed), output read and thrown away.

"timed s" is the scan alone (in-process measurements) or the whole command. Memory is the peak
of the sum of the resident sizes of the measured process and all its children (sampled every
20 ms from /proc), so reader processes count. Targets (issue 19): scan <= 0.2x mutagen-1; rescan
<= 1.5x the stat walk; cli-rescan within 1.0 s of cli-startup; cli-json - cli-rescan < 0.5 s.

    python tools/bench/bench_scan.py --books 10000 --out /tmp/rmab-bench     # a few minutes here
    python tools/bench/bench_scan.py --books 50000 --out /tmp/rmab-bench50k --repeat 1
    python tools/bench/bench_scan.py --books 200 --json                       # quick check
"""

from __future__ import annotations

import argparse
import compileall
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
import threading
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
CLI = {  # name -> (library or the empty folder, extra arguments)
    "cli-startup": ("empty", []),
    "cli-cold": ("library", []),
    "cli-rescan": ("library", []),
    "cli-json": ("library", ["--json"]),
}
ORDER = ("stat-walk", "mutagen-1", "scan", "rescan", "cli-startup", "cli-cold", "cli-rescan", "cli-json")


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


def _rmab() -> list[str]:
    """The installed ``rmab`` entry point beside this interpreter (run with this tree first on the path)."""
    script = Path(sys.executable).with_name("rmab")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "import sys; from rmab_desktop.cli import main; sys.exit(main())"]


def _tree_rss_mib(pid: int) -> float:
    """Resident size of ``pid`` and all its descendants (Linux /proc), in MiB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total / 1024**2


def _sampled(command: list[str], **kwargs: Any) -> tuple[str, float, float, float | None]:
    """Run ``command``; its stdout, wall seconds, CPU seconds (with its children) and the peak
    memory of its process tree."""
    peak: list[float] = [0.0]
    cpu = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **kwargs)
    sampling = os.path.isdir("/proc")

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mib(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    out, _ = process.communicate()
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    sampler.join() if sampling else None
    if process.returncode:
        raise SystemExit(f"{command} failed with exit code {process.returncode}")
    return out, seconds, cpu, (round(peak[0], 1) if sampling else None)


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def run(name: str, root: Path, db: Path, profile: Path, empty: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    if name in CLI:
        target, extra = CLI[name]
        folder = root if target == "library" else empty
        command = [*_rmab(), "--profile-dir", str(profile), "library", "scan", str(folder), *extra]
        out, seconds, cpu, tree = _sampled(command, env=env)
        result: dict[str, Any] = {
            "seconds": seconds,
            "wall_s": seconds,
            "cpu_s": cpu,
            "timed_cpu_s": cpu,
            "output_bytes": len(out.encode()),
        }
        if extra:
            result["books_printed"] = len(json.loads(out)["books"])
    else:
        command = [sys.executable, __file__, "--child", name, str(root), str(db)]
        out, _seconds, _cpu, tree = _sampled(command, env=env, cwd=Path(__file__).resolve().parents[2])
        result = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_mib"] = tree
    return result


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
    parser.add_argument("--library", type=Path, help="measure this library (made by an earlier --keep run)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("NAME", "ROOT", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return {}
    root = args.library or args.out / "library"
    # An installed app runs from bytecode; this tree may not have any yet (PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(Path(__file__).resolve().parents[2] / "rmab_desktop", quiet=1)
    started = time.perf_counter()
    if args.library:
        files = sum(1 for path in _walk(str(root)) if path.endswith(AUDIO))
    else:
        files = generate(root, args.books)
    generated = time.perf_counter() - started
    empty = args.out / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    _walk(str(root))  # warm the cache once, unrecorded
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in ORDER}
    for _ in range(args.repeat):
        db, profile = args.out / "scan.sqlite3", args.out / "profile"
        db.unlink(missing_ok=True)
        shutil.rmtree(profile, ignore_errors=True)
        for name in ORDER:
            results[name].append(run(name, root, db, profile, empty))
    summary = {name: _median(runs) for name, runs in results.items()}
    report = {
        "books": args.books,
        "audio_files": files,
        "generate_s": round(generated, 1),
        "cpus": os.cpu_count(),
        "results": summary,
        **_ratios(summary),
    }
    if not args.keep:
        shutil.rmtree(args.out, ignore_errors=True)
        if args.library is None:
            shutil.rmtree(args.out.parent / f"{args.out.name}-templates", ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print(report)
    return report


def _ratios(r: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every comparison the issue asks for, each against its baseline from the same run."""
    startup = r["cli-startup"]["seconds"]
    return {
        "scan_vs_mutagen_1": _ratio(r["scan"]["seconds"], r["mutagen-1"]["seconds"], 3),
        "cli_cold_vs_mutagen_1": _ratio(r["cli-cold"]["seconds"], r["mutagen-1"]["seconds"], 3),
        "scan_cores_used": _ratio(r["scan"]["cpu_s"], r["scan"]["wall_s"], 2),
        "scan_cpu_vs_mutagen_1_cpu": _ratio(r["scan"]["timed_cpu_s"], r["mutagen-1"]["timed_cpu_s"], 3),
        "rescan_vs_stat_walk": _ratio(r["rescan"]["seconds"], r["stat-walk"]["seconds"], 2),
        # CPU-time ratios stay meaningful when other work shares the machine (wall times do not).
        "rescan_vs_stat_walk_cpu": _ratio(r["rescan"]["timed_cpu_s"], r["stat-walk"]["timed_cpu_s"], 2),
        "cli_rescan_less_startup_s": round(r["cli-rescan"]["seconds"] - startup, 3),
        "cli_rescan_less_startup_vs_stat_walk": _ratio(
            r["cli-rescan"]["seconds"] - startup, r["stat-walk"]["seconds"], 2
        ),
        "cli_rescan_less_startup_cpu_s": round(r["cli-rescan"]["cpu_s"] - r["cli-startup"]["cpu_s"], 3),
        "cli_cold_cpu_vs_mutagen_1_cpu": _ratio(r["cli-cold"]["cpu_s"], r["mutagen-1"]["timed_cpu_s"], 3),
        "cli_json_output_s": round(r["cli-json"]["seconds"] - r["cli-rescan"]["seconds"], 3),
        "cli_json_output_cpu_s": round(r["cli-json"]["cpu_s"] - r["cli-rescan"]["cpu_s"], 3),
        "rescan_files_read": r["rescan"].get("files_read"),
        "peak_memory_all_processes_mib": max(x["tree_peak_mib"] or 0 for x in r.values()),
    }


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
    print(f"{'measurement':<12} {'timed s':>8} {'process s':>10} {'cpu s':>8} {'all processes peak MiB':>23}")
    for name, r in report["results"].items():
        print(
            f"{name:<12} {r['seconds']:>8.2f} {r['wall_s']:>10.2f} {r['cpu_s']:>8.2f} {r['tree_peak_mib'] or 0:>23.0f}"
        )
    print(
        f"scan / mutagen-1 = {report['scan_vs_mutagen_1']} (target <= 0.2); rmab library scan (cold) / "
        f"mutagen-1 = {report['cli_cold_vs_mutagen_1']}; cores used {report['scan_cores_used']}; "
        f"cpu / mutagen-1 cpu = {report['scan_cpu_vs_mutagen_1_cpu']}"
    )
    print(
        f"rescan / stat walk = {report['rescan_vs_stat_walk']} (target <= 1.5; cpu "
        f"{report['rescan_vs_stat_walk_cpu']}), files re-read {report['rescan_files_read']}"
    )
    print(
        f"rmab library scan (unchanged) - start-up = {report['cli_rescan_less_startup_s']} s (target <= 1.0; "
        f"cpu {report['cli_rescan_less_startup_cpu_s']} s), = {report['cli_rescan_less_startup_vs_stat_walk']}x "
        f"the stat walk; --json output {report['cli_json_output_s']} s (target < 0.5; cpu "
        f"{report['cli_json_output_cpu_s']} s)"
    )
    print(
        f"peak memory, all processes together: {report['peak_memory_all_processes_mib']} MiB (target < 400)"
    )


if __name__ == "__main__":
    main()
