"""The workspace schema, as SQLAlchemy Core tables (one code path for SQLite and PostgreSQL).

This describes the schema at the newest migration; the migrations under
``migrations/versions`` build it step by step and are what creates real databases.
A test checks that the two agree.  Every editable record carries ``row_version``,
incremented on each update, so concurrent edits can be detected, and the last editor
(``changed_by``, ``changed_at``, ``changed_fields``: migration 0003) so that a refused edit
can say what changed and who changed it.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)



def _last_editor() -> list[Column]:
    """Who changed the record last, when, and which fields (comma-separated)."""
    return [Column("changed_by", Text), Column("changed_at", DateTime), Column("changed_fields", Text)]


metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=True),
)

corporations = Table(
    "corporations", metadata,
    Column("name", String(200), primary_key=True),
)

neighbourhoods = Table(
    "neighbourhoods", metadata,
    Column("name", String(200), primary_key=True),
)

complexes = Table(
    "complexes", metadata,
    Column("complex", String(100), primary_key=True),
    Column("corporation", String(200), ForeignKey("corporations.name"), nullable=False),
    Column("neighbourhood", String(200), ForeignKey("neighbourhoods.name"), nullable=False),
    Column("name", Text),
    Column("build_year", Integer),
    Column("dwellings", Integer),
    Column("heating", String(40), nullable=False, server_default="gasketel"),
    Column("label", String(8)),
    Column("gas_m3", Float),
    Column("electricity_kwh", Float),
    Column("rent_cents", Integer),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

dwellings = Table(
    "dwellings", metadata,
    Column("dwelling", String(100), primary_key=True),
    Column("complex", String(100), ForeignKey("complexes.complex"), nullable=False, index=True),
    Column("address", Text),
    Column("let", Boolean, nullable=False, server_default="1"),
    Column("label", String(8)),
    Column("gas_m3", Float),
    Column("electricity_kwh", Float),
    Column("rent_cents", Integer),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

projects = Table(
    "projects", metadata,
    Column("project", String(100), primary_key=True),
    Column("complex", String(100), ForeignKey("complexes.complex"), nullable=False, index=True),
    Column("year", Integer, nullable=False),
    Column("measures", Text),
    Column("label_after", String(8)),
    Column("gas_saving_m3", Float, nullable=False, server_default="0"),
    Column("electricity_saving_kwh", Float, nullable=False, server_default="0"),
    Column("rent_increase_cents", Integer, nullable=False, server_default="0"),
    Column("investment_cents", Integer),
    Column("status", String(40), nullable=False, server_default="gepland"),
    Column("campaign_start", Date),
    Column("notified_on", Date),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

# Append-only: a vote is never edited in place; the current vote per (project, dwelling)
# is the entry with the highest id.
vote_events = Table(
    "vote_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project", String(100), ForeignKey("projects.project"), nullable=False),
    Column("dwelling", String(100), ForeignKey("dwellings.dwelling"), nullable=False),
    Column("vote", String(20), nullable=False),
    Column("vote_date", Date),
    Column("recorded_by", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("previous_vote", String(20)),
    Column("note", Text),
    Index("ix_vote_events_project", "project", "dwelling"),
)

# Append-only history of status changes, with the reason when the support gate was overridden.
status_events = Table(
    "status_events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project", String(100), ForeignKey("projects.project"), nullable=False, index=True),
    Column("old_status", String(40)),
    Column("new_status", String(40), nullable=False),
    Column("reason", Text),
    Column("changed_by", Text),
    Column("changed_at", DateTime, nullable=False),
)

targets = Table(
    "targets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("corporation", String(200), nullable=False),
    Column("from_year", Integer, nullable=False),
    Column("to_year", Integer, nullable=False),
    Column("dwellings", Integer, nullable=False),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
    UniqueConstraint("corporation", "from_year", "to_year", name="uq_targets_key"),
)

tariffs = Table(
    "tariffs", metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("gas_eur_m3", Float, nullable=False),
    Column("electricity_eur_kwh", Float, nullable=False),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

emission_factors = Table(
    "emission_factors", metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("gas_kg_m3", Float, nullable=False),
    Column("electricity_kg_kwh", Float, nullable=False),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

capacities = Table(
    "capacities", metadata,
    Column("corporation", String(200), primary_key=True),
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("max_dwellings", Integer),
    Column("budget_cents", Integer),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

# Workspace-only tables (migration 0004), not in the workbook.  Built-in defaults are
# never stored: an empty table means the defaults are in force.
rent_limits = Table(
    "rent_limits", metadata,
    Column("year", Integer, primary_key=True, autoincrement=False),
    Column("aftopping_small_cents", Integer, nullable=False),
    Column("aftopping_large_cents", Integer, nullable=False),
    Column("liberalisation_cents", Integer, nullable=False),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

# A row overrides the built-in catalogue measure with the same key; other keys add measures.
measures = Table(
    "measures", metadata,
    Column("measure", String(200), primary_key=True),
    Column("name_en", Text),
    Column("gas_saving_m3", Float),              # NULL: saves all gas use (gas-free)
    Column("electricity_saving_kwh", Float, nullable=False, server_default="0"),
    Column("cost_cents", Integer),
    Column("source", Text),
    Column("row_version", Integer, nullable=False, server_default="1"),
    *_last_editor(),
)

EDITOR_COLUMNS = ("row_version", "changed_by", "changed_at", "changed_fields")

# Dataset table -> (SQL table, key columns)
TABLE_KEYS: dict[str, tuple[Table, tuple[str, ...]]] = {
    "complexes": (complexes, ("complex",)),
    "dwellings": (dwellings, ("dwelling",)),
    "projects": (projects, ("project",)),
    "targets": (targets, ("corporation", "from_year", "to_year")),
    "tariffs": (tariffs, ("year",)),
    "emission_factors": (emission_factors, ("year",)),
    "capacities": (capacities, ("corporation", "year")),
    "rent_limits": (rent_limits, ("year",)),
    "measures": (measures, ("measure",)),
}
