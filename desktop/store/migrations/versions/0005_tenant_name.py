"""Schema version 5: the tenant's name per dwelling (personal data, left out of a
privacy export; edited on the Stock page).

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dwellings") as batch:
        batch.add_column(sa.Column("tenant_name", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("dwellings") as batch:
        batch.drop_column("tenant_name")
