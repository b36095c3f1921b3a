"""Moving over from ReadMeABook (its PostgreSQL database) or AudioBookRequest (its SQLite file).

``read`` takes the other app's rows into a :class:`Snapshot` (read only), ``preview`` counts and
samples them, ``run`` brings them over through the services that own our tables and returns what
it did; ``import_mappings`` (written only here, by ``mappings.py``) makes a second run change nothing.
"""

from __future__ import annotations

from pathlib import Path

from rmab_desktop.domain.cancel import CancelToken
from rmab_desktop.services.migration_import import audiobookrequest, readmeabook
from rmab_desktop.services.migration_import.importer import (
    Importer,
    Progress,
    Services,
    WrongKeyError,
    check_key,
    encrypted_values,
)
from rmab_desktop.services.migration_import.readmeabook import NotASourceError
from rmab_desktop.services.migration_import.report import (
    ImportReport,
    Note,
    Preview,
    SecretToEnter,
    kind_label,
)
from rmab_desktop.services.migration_import.report import preview as _preview
from rmab_desktop.services.migration_import.snapshot import Kind, Snapshot, Source


class MigrationImport:
    def __init__(self, services: Services) -> None:
        self.services = services

    @staticmethod
    def read(source: Source, location: str) -> Snapshot:
        """The source's rows; raises an ``RmabError`` (a ``DatabaseFault`` for an unreachable server)."""
        if source == Source.READMEABOOK:
            return readmeabook.read(location)
        return audiobookrequest.read(Path(location))

    @staticmethod
    def preview(snapshot: Snapshot) -> Preview:
        return _preview(snapshot, len(encrypted_values(snapshot)))

    @staticmethod
    def check_key(snapshot: Snapshot, key: str | None) -> None:
        check_key(snapshot, key)

    def run(
        self,
        snapshot: Snapshot,
        *,
        key: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        return Importer(self.services, snapshot, key=key, dry_run=dry_run).run(progress, cancel)


__all__ = [
    "ImportReport",
    "Kind",
    "MigrationImport",
    "NotASourceError",
    "Note",
    "Preview",
    "SecretToEnter",
    "Services",
    "Snapshot",
    "Source",
    "WrongKeyError",
    "kind_label",
]
