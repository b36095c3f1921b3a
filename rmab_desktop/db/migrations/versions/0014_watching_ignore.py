"""Watching authors and series (mode, format, pause, what each watch dealt with) and the ignore list

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("watched_entities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mode", sa.String(length=10), nullable=False, server_default="new"))
        batch_op.add_column(
            sa.Column("format", sa.String(length=10), nullable=False, server_default="audiobook")
        )
        batch_op.add_column(sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
    op.create_table(
        "watched_books",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("watch_id", sa.Integer(), nullable=False),
        sa.Column("asin", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("release_date", sa.Date(), nullable=True),
        sa.Column("handled_at", rmab_desktop.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["watch_id"],
            ["watched_entities.id"],
            name=op.f("fk_watched_books_watch_id_watched_entities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["requests.id"],
            name=op.f("fk_watched_books_request_id_requests"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watched_books")),
        sa.UniqueConstraint("watch_id", "asin", name=op.f("uq_watched_books_watch_id_asin")),
    )
    with op.batch_alter_table("watched_books", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_watched_books_watch_id"), ["watch_id"], unique=False)
    op.create_table(
        "ignored_books",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("asin", sa.String(length=20), nullable=False),
        sa.Column("region", sa.String(length=4), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("work_id", sa.Integer(), nullable=True),
        sa.Column("whole_work", sa.Boolean(), nullable=False),
        sa.Column("created_at", rmab_desktop.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_ignored_books_user_id_users"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["work_id"], ["works.id"], name=op.f("fk_ignored_books_work_id_works"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ignored_books")),
        sa.UniqueConstraint("user_id", "asin", "region", name=op.f("uq_ignored_books_user_id_asin_region")),
    )
    with op.batch_alter_table("ignored_books", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ignored_books_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_table("ignored_books")
    op.drop_table("watched_books")
    with op.batch_alter_table("watched_entities", schema=None) as batch_op:
        batch_op.drop_column("last_error")
        batch_op.drop_column("paused")
        batch_op.drop_column("format")
        batch_op.drop_column("mode")
