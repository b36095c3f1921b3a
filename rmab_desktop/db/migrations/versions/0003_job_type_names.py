"""Job types renamed to one scheme, ``<feature>.<verb>``: request.* -> requests.*

Rewrites the stored type of queued and finished jobs, of schedules, and the job events whose
context is the job's type, so jobs saved by an earlier version run under today's names.
The names are written out here (not imported) so this migration never changes with the code.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RENAMES = {
    "request.search": "requests.search",
    "request.grab": "requests.grab",
    "request.monitor": "requests.monitor",
    "request.organize": "requests.organize",
}
COLUMNS = (("jobs", "type"), ("scheduled_jobs", "job_type"), ("job_events", "context"))


def _rename(pairs: dict[str, str]) -> None:
    for table, column in COLUMNS:
        statement = sa.text(f"UPDATE {table} SET {column} = :new WHERE {column} = :old")
        for old, new in pairs.items():
            op.execute(statement.bindparams(old=old, new=new))


def upgrade() -> None:
    _rename(RENAMES)


def downgrade() -> None:
    _rename({new: old for old, new in RENAMES.items()})
