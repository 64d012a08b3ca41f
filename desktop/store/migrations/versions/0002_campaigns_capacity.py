"""Schema version 2: vote campaigns, status history (the support gate) and capacity/budget.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("projects") as batch:
        batch.add_column(sa.Column("campaign_start", sa.Date))
        batch.add_column(sa.Column("notified_on", sa.Date))
    op.create_index("ix_vote_events_project", "vote_events", ["project", "dwelling"])
    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("project", sa.String(100), sa.ForeignKey("projects.project"), nullable=False),
        sa.Column("old_status", sa.String(40)),
        sa.Column("new_status", sa.String(40), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("changed_by", sa.Text),
        sa.Column("changed_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_status_events_project", "status_events", ["project"])
    op.create_table(
        "capacities",
        sa.Column("corporation", sa.String(200), primary_key=True),
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("max_dwellings", sa.Integer),
        sa.Column("budget_cents", sa.Integer),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
    )


def downgrade() -> None:
    op.drop_table("capacities")
    op.drop_index("ix_status_events_project", "status_events")
    op.drop_table("status_events")
    op.drop_index("ix_vote_events_project", "vote_events")
    with op.batch_alter_table("projects") as batch:
        batch.drop_column("notified_on")
        batch.drop_column("campaign_start")
