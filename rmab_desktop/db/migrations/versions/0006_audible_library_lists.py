"""Audible library entries: narrators, series, runtime, cover, marketplace, origin, finished flag,
community rating, purchase date, ignored; sync history: kind, source, removed, duration; user
lists: visibility (private or shared with the household).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 14:30:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ENTRY_COLUMNS: tuple[tuple[str, Any, Any], ...] = (
    ("narrators", sa.JSON(), sa.text("'[]'")),
    ("series_title", sa.String(length=300), sa.text("''")),
    ("series_position", sa.String(length=20), sa.text("''")),
    ("runtime_min", sa.Integer(), None),
    ("cover_url", sa.Text(), sa.text("''")),
    ("region", sa.String(length=4), sa.text("'us'")),
    ("origin", sa.String(length=20), sa.text("''")),
    ("finished", sa.Boolean(), sa.false()),
    ("average_rating", sa.Float(), None),
    ("purchase_date", rmab_desktop.db.models.base.UTCDateTime(timezone=True), None),
    ("ignored", sa.Boolean(), sa.false()),
)
HISTORY_COLUMNS: tuple[tuple[str, Any, Any], ...] = (
    ("kind", sa.String(length=20), sa.text("'import'")),
    ("source", sa.String(length=20), sa.text("'library'")),
    ("removed", sa.Integer(), sa.text("0")),
    ("duration_ms", sa.Integer(), sa.text("0")),
)
LIST_COLUMNS: tuple[tuple[str, Any, Any], ...] = (("visibility", sa.String(length=20), sa.text("'private'")),)


def _add(table: str, columns: tuple[tuple[str, Any, Any], ...]) -> None:
    """Columns with a server default are NOT NULL (existing rows get the default)."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, type_, default in columns:
            batch_op.add_column(sa.Column(name, type_, nullable=default is None, server_default=default))


def upgrade() -> None:
    _add("audible_library_entries", ENTRY_COLUMNS)
    _add("audible_sync_history", HISTORY_COLUMNS)
    _add("user_lists", LIST_COLUMNS)


def downgrade() -> None:
    for table, columns in (
        ("user_lists", LIST_COLUMNS),
        ("audible_sync_history", HISTORY_COLUMNS),
        ("audible_library_entries", ENTRY_COLUMNS),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column[0])
