"""Schema version 8: energy performance per complex and dwelling (dwelling type, EP2,
usable floor area Ag, loss area Als, net heat demand) and per project (EP2 and heat
demand after the measure package): the sector's yardsticks (issue 24).

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PERFORMANCE = (("dwelling_type", sa.String(20)), ("ep2_kwh_m2", sa.Float), ("floor_area_m2", sa.Float),
               ("loss_area_m2", sa.Float), ("heat_demand_kwh_m2", sa.Float))
AFTER = (("ep2_after_kwh_m2", sa.Float), ("heat_demand_after_kwh_m2", sa.Float))


def upgrade() -> None:
    for table, columns in (("complexes", PERFORMANCE), ("dwellings", PERFORMANCE), ("projects", AFTER)):
        with op.batch_alter_table(table) as batch:
            for name, kind in columns:
                batch.add_column(sa.Column(name, kind))


def downgrade() -> None:
    for table, columns in (("complexes", PERFORMANCE), ("dwellings", PERFORMANCE), ("projects", AFTER)):
        with op.batch_alter_table(table) as batch:
            for name, _kind in columns:
                batch.drop_column(name)
