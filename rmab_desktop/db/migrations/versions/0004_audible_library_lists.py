"""Audible library entries: narrators, series, runtime, cover, marketplace, origin, finished flag,
community rating, purchase date, ignored; sync history: kind, source, removed, duration; user
lists: visibility (private or shared with the household).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-03 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None

ENTRY_COLUMNS = (
    ("narrators", sa.JSON(), "'[]'"),
    ("series_title", sa.String(length=300), "''"),
    ("series_position", sa.String(length=20), "''"),
    ("runtime_min", sa.Integer(), None),
    ("cover_url", sa.Text(), "''"),
    ("region", sa.String(length=4), "'us'"),
    ("origin", sa.String(length=20), "''"),
    ("finished", sa.Boolean(), sa.false()),
    ("average_rating", sa.Float(), None),
    ("purchase_date", rmab_desktop.db.models.base.UTCDateTime(timezone=True), None),
    ("ignored", sa.Boolean(), sa.false()),
)
HISTORY_COLUMNS = (
    ("kind", sa.String(length=20), "'import'"),
    ("source", sa.String(length=20), "'library'"),
    ("removed", sa.Integer(), "0"),
    ("duration_ms", sa.Integer(), "0"),
)


def _add(table: str, columns: tuple[tuple[str, sa.types.TypeEngine, object], ...]) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, type_, default in columns:
            server_default = (
                None if default is None else (default if not isinstance(default, str) else sa.text(default))
            )
            batch_op.add_column(
                sa.Column(name, type_, nullable=default is None, server_default=server_default)
            )


def upgrade() -> None:
    _add("audible_library_entries", ENTRY_COLUMNS)
    _add("audible_sync_history", HISTORY_COLUMNS)
    _add("user_lists", (("visibility", sa.String(length=20), "'private'"),))


def downgrade() -> None:
    for table, columns in (
        ("user_lists", (("visibility",),)),
        ("audible_sync_history", HISTORY_COLUMNS),
        ("audible_library_entries", ENTRY_COLUMNS),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column[0])
