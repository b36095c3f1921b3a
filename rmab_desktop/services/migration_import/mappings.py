"""The import's memory (``import_mappings``): which source row became which row here."""

from __future__ import annotations

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import ImportMapping
from rmab_desktop.services.migration_import.snapshot import Kind, Source

KINDS = {kind.value for kind in Kind}


class MappingStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    def load(self, source: Source) -> dict[tuple[Kind, str], int | None]:
        """Every earlier import of ``source``: (kind, source id) -> our id."""
        with self.database.session() as session:
            rows = session.execute(
                select(ImportMapping.kind, ImportMapping.source_id, ImportMapping.target_id).where(
                    ImportMapping.source == source.value
                )
            ).all()
        return {(Kind(kind), source_id): target for kind, source_id, target in rows if kind in KINDS}

    def remember(self, source: Source, rows: list[tuple[Kind, str, int]]) -> None:
        """(kind, source id, our id) of rows brought over, in one transaction."""
        with self.database.session() as session:
            session.add_all(
                ImportMapping(
                    source=source.value, kind=kind.value, source_id=source_id[:200], target_id=target
                )
                for kind, source_id, target in rows
            )
