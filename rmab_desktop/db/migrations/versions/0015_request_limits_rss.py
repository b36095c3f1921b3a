"""Request limits per user (own limits per day and week, an admin's opt-in; requests.limit_counted_at)
and indexer RSS
monitoring (rss_feeds: each polled feed's state; rss_seen_items: every item already looked at).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 17:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

UTC = rmab_desktop.db.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("request_limits_own", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("request_limit_day", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("request_limit_week", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("request_limits_admin", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("limit_counted_at", UTC, nullable=True))
        batch_op.create_index(batch_op.f("ix_requests_limit_counted_at"), ["limit_counted_at"], unique=False)
    op.create_table(
        "rss_feeds",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("last_polled_at", UTC, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_new_items", sa.Integer(), nullable=False),
        sa.Column("page_size", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rss_feeds")),
    )
    op.create_table(
        "rss_seen_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_key", sa.String(length=200), nullable=False),
        sa.Column("guid_hash", sa.String(length=64), nullable=False),
        sa.Column("infohash", sa.String(length=64), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.Column("seen_at", UTC, nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("grabbed_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["requests.id"],
            name=op.f("fk_rss_seen_items_request_id_requests"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rss_seen_items")),
        sa.UniqueConstraint("feed_key", "guid_hash", name=op.f("uq_rss_seen_items_feed_key_guid_hash")),
    )
    with op.batch_alter_table("rss_seen_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rss_seen_items_feed_key"), ["feed_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_rss_seen_items_infohash"), ["infohash"], unique=False)
        batch_op.create_index(batch_op.f("ix_rss_seen_items_seen_at"), ["seen_at"], unique=False)


def downgrade() -> None:
    op.drop_table("rss_seen_items")
    op.drop_table("rss_feeds")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_requests_limit_counted_at"))
        batch_op.drop_column("limit_counted_at")
    with op.batch_alter_table("users", schema=None) as batch_op:
        for name in ("request_limits_admin", "request_limit_week", "request_limit_day", "request_limits_own"):
            batch_op.drop_column(name)
