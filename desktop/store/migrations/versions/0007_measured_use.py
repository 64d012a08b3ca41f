"""Schema version 7: measured yearly use per dwelling or complex, and degree days per
year (issue 23: the realised saving against the promised one).

``usage`` has a surrogate id: a complex-level row has no dwelling (NULL), which a
primary key cannot hold.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _editable() -> list[sa.Column]:
    return [sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
            sa.Column("changed_by", sa.Text),
            sa.Column("changed_at", sa.DateTime),
            sa.Column("changed_fields", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "usage",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("complex", sa.String(100), sa.ForeignKey("complexes.complex"), nullable=False),
        sa.Column("dwelling", sa.String(100)),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("gas_m3", sa.Float),
        sa.Column("electricity_kwh", sa.Float),
        sa.Column("source", sa.Text),
        *_editable(),
        sa.UniqueConstraint("complex", "dwelling", "year", name="uq_usage_key"),
    )
    op.create_index("ix_usage_complex", "usage", ["complex"])
    op.create_table(
        "degree_days",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("degree_days", sa.Float, nullable=False),
        *_editable(),
    )


def downgrade() -> None:
    op.drop_table("degree_days")
    op.drop_index("ix_usage_complex", table_name="usage")
    op.drop_table("usage")
