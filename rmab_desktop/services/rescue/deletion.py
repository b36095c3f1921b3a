"""What deleting a request with its files removes: listed first (the preview), then done.

Only what the app put there goes: the downloads it grabbed (in their client), the files its
imports placed (named in the import manifests, plus the sidecars it writes), and the library
entries of those folders. A file the app did not import stays, and so does its folder.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import DownloadHistory, ImportOperation, LibraryItem
from rmab_desktop.domain.library import BOOK_FILE_EXTENSIONS
from rmab_desktop.services.organize.ebooks import EBOOK_MANIFEST
from rmab_desktop.services.organize.importer import MANIFEST_NAME
from rmab_desktop.services.tagging.sidecars import COVER_NAMES, IMAGE_EXTENSIONS

SIDECARS = frozenset({"metadata.json", "desc.txt", "reader.txt"}) | {
    f"{name}{ext}" for name in COVER_NAMES for ext in IMAGE_EXTENSIONS
}
ACTIVE_DOWNLOADS = ("downloading", "completed", "grabbed")


@dataclass(frozen=True)
class PlannedRemoval:
    what: str  # "download" | "file" | "folder" | "library entry"
    target: str  # a path, or "client: item" for a download
    note: str = ""

    def to_json(self) -> dict[str, str]:
        return {"what": self.what, "target": self.target, "note": self.note}


@dataclass
class DeletionPlan:
    request_id: int
    downloads: list[tuple[int, str, str]] = field(default_factory=list)  # (history id, client, item)
    files: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # removed only when nothing else is left
    library_items: list[int] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # files in those folders the app did not import
    rescan: list[Path] = field(default_factory=list)  # folders where the book's other format stays

    def removals(self, *, downloads_now: bool) -> list[PlannedRemoval]:
        note = "now, with its data" if downloads_now else "after its seeding rules are met"
        out = [PlannedRemoval("download", f"{client}: {item}", note) for _, client, item in self.downloads]
        out += [PlannedRemoval("file", str(path)) for path in self.files]
        out += [PlannedRemoval("folder", str(path), "if empty afterwards") for path in self.folders]
        out += [PlannedRemoval("library entry", str(item_id)) for item_id in self.library_items]
        return out

    def to_json(self, *, downloads_now: bool) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "removes": [r.to_json() for r in self.removals(downloads_now=downloads_now)],
            "keeps": [str(path) for path in self.kept],
        }


def _our_files(folder: Path, placed: set[str]) -> set[Path]:
    """The files one import placed in ``folder`` and the manifest that names them."""
    ours = {folder / name for name in placed}
    for manifest_name in (MANIFEST_NAME, EBOOK_MANIFEST):
        try:
            manifest = json.loads((folder / manifest_name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        names = {str(e.get("name") or "") for e in manifest.get("files", []) if isinstance(e, dict)}
        if names & placed:
            ours.add(folder / manifest_name)
    return ours


def plan_deletion(database: Database, request_id: int) -> DeletionPlan:
    plan = DeletionPlan(request_id)
    placed: dict[str, set[str]] = {}
    with database.session() as session:
        for row in session.scalars(
            select(DownloadHistory).where(
                DownloadHistory.request_id == request_id,
                DownloadHistory.status.in_(ACTIVE_DOWNLOADS),
                DownloadHistory.removed_from_client.is_(False),
            )
        ):
            if row.client_name and row.client_item_id:
                plan.downloads.append((row.id, row.client_name, row.client_item_id))
        for target, manifest in session.execute(
            select(ImportOperation.target_path, ImportOperation.manifest).where(
                ImportOperation.request_id == request_id, ImportOperation.state == "done"
            )
        ):
            names = {str(f.get("name")) for f in (manifest or {}).get("files", []) if isinstance(f, dict)}
            placed.setdefault(target, set()).update(n for n in names if n and n != "None")
        items = {
            target: list(session.scalars(select(LibraryItem.id).where(LibraryItem.external_id == target)))
            for target in placed
        }
    for target, names in sorted(placed.items()):
        folder = Path(target)
        present = {p for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else set()
        ours = _our_files(folder, names) & present
        others = present - ours
        if any(p.suffix.lower() in BOOK_FILE_EXTENSIONS for p in others):
            plan.rescan.append(folder)  # the book stays in another format: its entry is rescanned
        else:  # nothing of the book stays: its entry and the sidecars we wrote go too
            ours |= {p for p in others if p.parent == folder and p.name in SIDECARS}
            plan.library_items += items[target]
        plan.files += sorted(ours)
        plan.kept += sorted(present - ours)
        plan.folders.append(folder)
    return plan


def remove_files(plan: DeletionPlan) -> list[str]:
    """Delete the planned files, then each planned folder left empty; the problems, in words."""
    problems: list[str] = []
    for path in plan.files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            problems.append(f"{path}: {exc.strerror or exc}")
    for folder in plan.folders:
        with contextlib.suppress(OSError):  # not empty: the user's own files stay
            os.rmdir(folder)
            os.rmdir(folder.parent)  # an author folder left empty
    return problems
