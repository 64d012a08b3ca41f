"""Schema version 6: tenancy changes during a campaign (issue 20.3).

Two dates on a dwelling: ``let_since`` (start of the current or last tenancy) and
``vacant_since`` (when its tenant moved out).  A vote counts only when its tenant is the
current one (dated on or after ``let_since``); the votes of a former tenant stay in the
history.  Existing dwellings get neither date: every vote counts as before.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dwellings") as batch:
        batch.add_column(sa.Column("let_since", sa.Date))
        batch.add_column(sa.Column("vacant_since", sa.Date))


def downgrade() -> None:
    with op.batch_alter_table("dwellings") as batch:
        batch.drop_column("vacant_since")
        batch.drop_column("let_since")
