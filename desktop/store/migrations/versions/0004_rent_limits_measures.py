"""Schema version 4: rent limits per year and the workspace's measures catalogue.

Both are editable like tariffs (row version and last editor); empty tables mean the
built-in defaults are in force (defaults are never stored as rows).

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _editable() -> list[sa.Column]:
    return [sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
            sa.Column("changed_by", sa.Text),
            sa.Column("changed_at", sa.DateTime),
            sa.Column("changed_fields", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "rent_limits",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("aftopping_small_cents", sa.Integer, nullable=False),
        sa.Column("aftopping_large_cents", sa.Integer, nullable=False),
        sa.Column("liberalisation_cents", sa.Integer, nullable=False),
        *_editable(),
    )
    op.create_table(
        "measures",
        sa.Column("measure", sa.String(200), primary_key=True),
        sa.Column("name_en", sa.Text),
        sa.Column("gas_saving_m3", sa.Float),
        sa.Column("electricity_saving_kwh", sa.Float, nullable=False, server_default="0"),
        sa.Column("cost_cents", sa.Integer),
        sa.Column("source", sa.Text),
        *_editable(),
    )


def downgrade() -> None:
    op.drop_table("measures")
    op.drop_table("rent_limits")
