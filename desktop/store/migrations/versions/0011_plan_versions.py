"""Schema version 11: plan versions (issue 21, point 3): a named copy of the programme's
planning columns (the user's "Bod 2027", the optimiser's "Voorstel"), one row per version
and one per version and project.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _editable() -> list[sa.Column]:
    return [sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
            sa.Column("changed_by", sa.Text),
            sa.Column("changed_at", sa.DateTime),
            sa.Column("changed_fields", sa.Text)]


def upgrade() -> None:
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("version", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, server_default="plan"),
        sa.Column("created", sa.DateTime),
        sa.Column("created_by", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("objective", sa.Text),
        sa.Column("solver_status", sa.Text),
        sa.Column("gap", sa.Float),
        sa.Column("note", sa.Text),
        *_editable(),
        sa.UniqueConstraint("version", name="uq_plan_versions_version"),
    )
    op.create_table(
        "plan_version_projects",
        sa.Column("version", sa.String(200), sa.ForeignKey("plan_versions.version"),
                  primary_key=True),
        sa.Column("project", sa.String(100), primary_key=True),
        sa.Column("complex", sa.String(100), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("measures", sa.Text),
        sa.Column("label_after", sa.String(8)),
        sa.Column("gas_saving_m3", sa.Float),
        sa.Column("electricity_saving_kwh", sa.Float),
        sa.Column("rent_increase_cents", sa.Integer),
        sa.Column("investment_cents", sa.Integer),
        sa.Column("status", sa.String(40)),
        sa.Column("ep2_after_kwh_m2", sa.Float),
        sa.Column("heat_demand_after_kwh_m2", sa.Float),
        *_editable(),
    )


def downgrade() -> None:
    op.drop_table("plan_version_projects")
    op.drop_table("plan_versions")
