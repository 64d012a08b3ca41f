"""Schema version 3: who changed each record last, when, and which fields (team databases).

Every editable record already carries ``row_version``; with the last editor beside it a
refused concurrent edit can say what changed and who changed it.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

EDITABLE = ("complexes", "dwellings", "projects", "targets", "tariffs", "emission_factors",
            "capacities")


def upgrade() -> None:
    for name in EDITABLE:
        # ADD COLUMN of nullable columns: no table rebuild, even on SQLite
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("changed_by", sa.Text))
            batch.add_column(sa.Column("changed_at", sa.DateTime))
            batch.add_column(sa.Column("changed_fields", sa.Text))


def downgrade() -> None:
    for name in reversed(EDITABLE):
        with op.batch_alter_table(name) as batch:
            batch.drop_column("changed_fields")
            batch.drop_column("changed_at")
            batch.drop_column("changed_by")
