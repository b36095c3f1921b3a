"""Ebooks: library_items.ebook_formats (the ebook files beside or instead of the audio) and
audiobooks.ebook_path (where the book's ebook was imported, like library_path for the audio)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ebook_formats", sa.JSON(), nullable=True))
    with op.batch_alter_table("audiobooks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ebook_path", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("audiobooks", schema=None) as batch_op:
        batch_op.drop_column("ebook_path")
    with op.batch_alter_table("library_items", schema=None) as batch_op:
        batch_op.drop_column("ebook_formats")
