"""Schema version 9: the neighbourhood heat plan (Transitievisie Warmte) and the end
state per complex (eindbeeld), and district heating counted in the CO2 model: the heat
use per dwelling of a complex and the heat network's emission factor per year
(issue 21, points 1 and 2).

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _editable() -> list[sa.Column]:
    return [sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
            sa.Column("changed_by", sa.Text),
            sa.Column("changed_at", sa.DateTime),
            sa.Column("changed_fields", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "heat_plan",
        sa.Column("neighbourhood", sa.String(200), primary_key=True),
        sa.Column("heat_solution", sa.String(40)),
        sa.Column("available_year", sa.Integer),
        sa.Column("heat_kg_gj", sa.Float),
        sa.Column("note", sa.Text),
        *_editable(),
    )
    op.create_table(
        "end_states",
        sa.Column("complex", sa.String(100), sa.ForeignKey("complexes.complex"), primary_key=True),
        sa.Column("target_label", sa.String(8)),
        sa.Column("heat_solution", sa.String(40)),
        sa.Column("measures", sa.Text),
        sa.Column("cost_per_dwelling_cents", sa.Integer),
        sa.Column("gas_m3_after", sa.Float),
        sa.Column("electricity_kwh_after", sa.Float),
        sa.Column("heat_gj_after", sa.Float),
        sa.Column("note", sa.Text),
        *_editable(),
    )
    with op.batch_alter_table("complexes") as batch:
        batch.add_column(sa.Column("heat_gj", sa.Float))
    with op.batch_alter_table("emission_factors") as batch:
        batch.add_column(sa.Column("heat_kg_gj", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("emission_factors") as batch:
        batch.drop_column("heat_kg_gj")
    with op.batch_alter_table("complexes") as batch:
        batch.drop_column("heat_gj")
    op.drop_table("end_states")
    op.drop_table("heat_plan")
