"""import_mappings: which rows an import from ReadMeABook or AudioBookRequest brought over

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 17:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import rmab_desktop.db.models.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", rmab_desktop.db.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_mappings")),
        sa.UniqueConstraint(
            "source", "kind", "source_id", name=op.f("uq_import_mappings_source_kind_source_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
