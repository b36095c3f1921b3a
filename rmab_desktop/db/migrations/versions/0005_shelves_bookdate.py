"""Reading shelves and BookDate: what syncing, book mapping and the card deck need to remember

reading_shelves: paused, last_error. shelf_book_mappings: ISBN, cover, the cross-shelf match key,
its series, the candidates of a book waiting for a choice, when it was last looked up and why. bookdate_configs:
the custom prompt. bookdate_recommendations: where a card came from and what it shows.
bookdate_swipes: the request a right swipe made (so undo can withdraw it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 15:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reading_shelves", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
    with op.batch_alter_table("shelf_book_mappings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("isbn", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("cover_url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("series", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("series_position", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("match_key", sa.String(length=300), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("candidates", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("checked_at", rmab_desktop.db.models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_shelf_book_mappings_match_key"), ["match_key"], unique=False)
    with op.batch_alter_table("bookdate_configs", schema=None) as batch_op:
        batch_op.add_column(sa.Column("custom_prompt", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("bookdate_recommendations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=10), nullable=False, server_default="ai"))
        batch_op.add_column(sa.Column("details", sa.JSON(), nullable=True))
    with op.batch_alter_table("bookdate_swipes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bookdate_swipes", schema=None) as batch_op:
        batch_op.drop_column("request_id")
    with op.batch_alter_table("bookdate_recommendations", schema=None) as batch_op:
        batch_op.drop_column("details")
        batch_op.drop_column("origin")
    with op.batch_alter_table("bookdate_configs", schema=None) as batch_op:
        batch_op.drop_column("custom_prompt")
    with op.batch_alter_table("shelf_book_mappings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shelf_book_mappings_match_key"))
        for column in (
            "checked_at",
            "note",
            "candidates",
            "match_key",
            "series_position",
            "series",
            "cover_url",
            "isbn",
        ):
            batch_op.drop_column(column)
    with op.batch_alter_table("reading_shelves", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("paused")
