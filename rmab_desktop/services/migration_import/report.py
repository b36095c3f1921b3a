"""What an import did (or, in a dry run, would do): counts per kind, notes, secrets to enter again."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rmab_desktop.domain.i18n import text
from rmab_desktop.services.migration_import.snapshot import KIND_LABELS, Kind, Snapshot, Source

SAMPLES = 3


@dataclass
class KindCount:
    found: int = 0
    added: int = 0  # new here (in a dry run: would be)
    already: int = 0  # brought over by an earlier import, or already here
    skipped: int = 0  # could not be brought over (see the notes)


@dataclass(frozen=True)
class Note:
    """One source row the import could not bring over (``mapped`` False) or changed on the way."""

    kind: Kind
    source_id: str
    label: str
    reason: str
    mapped: bool = False


@dataclass(frozen=True)
class SecretToEnter:
    what: str  # e.g. "Notification target Family Discord", "Password of user anna"
    where: str  # where to enter it here


@dataclass
class ImportReport:
    source: Source
    address: str
    dry_run: bool
    counts: dict[Kind, KindCount] = field(default_factory=lambda: {kind: KindCount() for kind in Kind})
    notes: list[Note] = field(default_factory=list)
    secrets: list[SecretToEnter] = field(default_factory=list)

    @property
    def changed_anything(self) -> bool:
        return any(count.added for count in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.value,
            "address": self.address,
            "dry_run": self.dry_run,
            "counts": {kind.value: vars(count) for kind, count in self.counts.items()},
            "not_mapped": [_note(note) for note in self.notes if not note.mapped],
            "changed": [_note(note) for note in self.notes if note.mapped],
            "to_enter_again": [{"what": secret.what, "where": secret.where} for secret in self.secrets],
        }


def _note(note: Note) -> dict[str, str]:
    return {"kind": note.kind.value, "id": note.source_id, "label": note.label, "reason": note.reason}


@dataclass(frozen=True)
class Preview:
    """What the source holds, before anything is written: counts and a few examples per kind."""

    source: Source
    address: str
    counts: dict[Kind, int]
    samples: dict[Kind, list[str]]
    unreadable: list[Note]
    encrypted_secrets: int  # how many secrets need ReadMeABook's key

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source.value,
            "address": self.address,
            "counts": {kind.value: count for kind, count in self.counts.items()},
            "samples": {kind.value: samples for kind, samples in self.samples.items()},
            "unreadable": [_note(note) for note in self.unreadable],
            "encrypted_secrets": self.encrypted_secrets,
        }


def kind_label(kind: Kind) -> str:
    return text(KIND_LABELS[kind])


def sample_label(kind: Kind, record: Any) -> str:
    """A short human name of a source record."""
    if kind == Kind.USER:
        return str(record.username or record.id)
    if kind == Kind.AUDIOBOOK:
        authors = ", ".join(record.authors)
        return f"{record.title} ({authors})" if authors else str(record.title or record.id)
    if kind == Kind.REQUEST:
        return f"{record.title or record.book_id or record.id} [{record.status or '?'}]"
    if kind in (Kind.DOWNLOAD, Kind.BLOCKLIST):
        return str(record.title or record.id)
    if kind == Kind.WATCH:
        return f"{record.name or record.asin} ({record.kind})"
    if kind in (Kind.SHELF, Kind.NOTIFICATION):
        return str(record.name or record.id)
    return str(record.title or record.kind or record.id)


def preview(snapshot: Snapshot, encrypted_secrets: int) -> Preview:
    counts = {kind: len(snapshot.records(kind)) for kind in Kind}
    samples = {kind: [sample_label(kind, r) for r in snapshot.records(kind)[:SAMPLES]] for kind in Kind}
    unreadable = [
        Note(item.kind, item.source_id, item.source_id, item.reason) for item in snapshot.unreadable
    ]
    return Preview(snapshot.source, snapshot.address, counts, samples, unreadable, encrypted_secrets)
