"""Writing watches: the one place ``watched_entities`` rows are added."""

from __future__ import annotations

from typing import Literal

from sqlalchemy import select

from rmab_desktop.db.engine import Database
from rmab_desktop.db.models import WatchedEntity

WatchKind = Literal["author", "series"]


def add_watch(database: Database, user_id: int, kind: WatchKind, asin: str, name: str, region: str) -> int:
    """The id of the user's watch of ``asin`` (an author or series), added when it is new."""
    asin = asin.strip().upper()
    with database.session() as session:
        existing = session.scalar(
            select(WatchedEntity.id).where(
                WatchedEntity.user_id == user_id,
                WatchedEntity.kind == kind,
                WatchedEntity.asin == asin,
                WatchedEntity.region == region,
            )
        )
        if existing is not None:
            return existing
        row = WatchedEntity(user_id=user_id, kind=kind, asin=asin, region=region, name=name[:300])
        session.add(row)
        session.flush()
        return row.id
