"""Schema version 10: the tenant letters' texts as the user edited them (issue 22):
one row per kind (offer, reply, notification) and language (nl, en); a kind and
language without a row uses the built-in text.

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_templates",
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("language", sa.String(8), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("row_version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("changed_by", sa.Text),
        sa.Column("changed_at", sa.DateTime),
        sa.Column("changed_fields", sa.Text),
    )


def downgrade() -> None:
    op.drop_table("letter_templates")
