"""Schema version 1: the first release's workspace.

Revision ID: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
    )
    op.create_table("corporations", sa.Column("name", sa.String(200), primary_key=True))
    op.create_table("neighbourhoods", sa.Column("name", sa.String(200), primary_key=True))
    op.create_table(
        "complexes",
        sa.Column("complex", sa.String(100), primary_key=True),
        sa.Column("corporation", sa.String(200), sa.ForeignKey("corporations.name"), nullable=False),
        sa.Column("neighbourhood", sa.String(200), sa.ForeignKey("neighbourhoods.name"), nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("build_year", sa.Integer),
        sa.Column("dwellings", sa.Integer),
        sa.Column("heating", sa.String(40), nullable=False, server_default="gasketel"),
        sa.Column("label", sa.String(8)),
        sa.Column("gas_m3", sa.Float),
        sa.Column("electricity_kwh", sa.Float),
        sa.Column("rent_cents", sa.Integer),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "dwellings",
        sa.Column("dwelling", sa.String(100), primary_key=True),
        sa.Column("complex", sa.String(100), sa.ForeignKey("complexes.complex"), nullable=False),
        sa.Column("address", sa.Text),
        sa.Column("let", sa.Boolean, nullable=False, server_default="1"),
        sa.Column("label", sa.String(8)),
        sa.Column("gas_m3", sa.Float),
        sa.Column("electricity_kwh", sa.Float),
        sa.Column("rent_cents", sa.Integer),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_dwellings_complex", "dwellings", ["complex"])
    op.create_table(
        "projects",
        sa.Column("project", sa.String(100), primary_key=True),
        sa.Column("complex", sa.String(100), sa.ForeignKey("complexes.complex"), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("measures", sa.Text),
        sa.Column("label_after", sa.String(8)),
        sa.Column("gas_saving_m3", sa.Float, nullable=False, server_default="0"),
        sa.Column("electricity_saving_kwh", sa.Float, nullable=False, server_default="0"),
        sa.Column("rent_increase_cents", sa.Integer, nullable=False, server_default="0"),
        sa.Column("investment_cents", sa.Integer),
        sa.Column("status", sa.String(40), nullable=False, server_default="gepland"),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_index("ix_projects_complex", "projects", ["complex"])
    op.create_table(
        "vote_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("project", sa.String(100), sa.ForeignKey("projects.project"), nullable=False),
        sa.Column("dwelling", sa.String(100), sa.ForeignKey("dwellings.dwelling"), nullable=False),
        sa.Column("vote", sa.String(20), nullable=False),
        sa.Column("vote_date", sa.Date),
        sa.Column("recorded_by", sa.Text),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("previous_vote", sa.String(20)),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "targets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("corporation", sa.String(200), nullable=False),
        sa.Column("from_year", sa.Integer, nullable=False),
        sa.Column("to_year", sa.Integer, nullable=False),
        sa.Column("dwellings", sa.Integer, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
        sa.UniqueConstraint("corporation", "from_year", "to_year", name="uq_targets_key"),
    )
    op.create_table(
        "tariffs",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("gas_eur_m3", sa.Float, nullable=False),
        sa.Column("electricity_eur_kwh", sa.Float, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )
    op.create_table(
        "emission_factors",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("gas_kg_m3", sa.Float, nullable=False),
        sa.Column("electricity_kg_kwh", sa.Float, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )


def downgrade() -> None:
    for name in ("emission_factors", "tariffs", "targets", "vote_events", "projects",
                 "dwellings", "complexes", "neighbourhoods", "corporations", "meta"):
        op.drop_table(name)
