"""What an import from another app (ReadMeABook, AudioBookRequest) brought over."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rmab_desktop.db.models.base import Base, utcnow


class ImportMapping(Base):
    """One source row (``source``, ``kind``, ``source_id``) and the id of the row it became here.

    A second import finds the row here and leaves it alone, which makes re-runs change nothing.
    ``target_id`` is None for a row the import decided to skip for good (a deleted user).
    """

    __tablename__ = "import_mappings"
    __table_args__ = (UniqueConstraint("source", "kind", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(40))  # readmeabook | audiobookrequest
    kind: Mapped[str] = mapped_column(String(40))  # user | audiobook | request | ...
    source_id: Mapped[str] = mapped_column(String(200))
    target_id: Mapped[int | None] = mapped_column()
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
