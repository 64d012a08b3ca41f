"""The workspace schema, as SQLAlchemy Core tables (one code path for SQLite and PostgreSQL).

This describes the schema at the newest migration; the migrations under
``migrations/versions`` build it step by step and are what creates real databases.
A test checks that the two agree.  The columns of a table's fields come from the field
registry (:mod:`desktop.models.fields`): a field declared here gets what only SQL knows
(key, reference, length, NOT NULL, server default); any other field gets the plain
column of its kind (:data:`PLAIN_TYPES`), NOT NULL when the registry requires it.  The
migrations never derive from the registry: they are history and stay as written.  Every editable record carries ``row_version``,
incremented on each update, so concurrent edits can be detected, and the last editor
(``changed_by``, ``changed_at``, ``changed_fields``: migration 0003) so that a refused edit
can say what changed and who changed it.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
    UniqueConstraint,
)

from ..models import fields

# field kind -> the SQL type of a field not declared below
PLAIN_TYPES = {
    "id": String(100), "text": Text, "measures": Text, "label": String(8), "heating": String(40),
    "dwelling_type": String(20), "heat_solution": String(40), "status": String(40), "vote": String(20), "int": Integer,
    "money": Integer, "number": Float, "yesno": Boolean, "date": Date, "datetime": DateTime,
}


class MissingColumnError(LookupError):
    """A registry field has no SQL column (a schema declaration or migration is missing)."""


def _fields(table: str, *declared: Column) -> list[Column]:
    """A column per registry field of ``table``, in registry order: the one ``declared``
    for it, else the plain column of its kind."""
    given = {c.name: c for c in declared}
    names = [f.name for f in fields.table(table).fields]
    unknown = set(given) - set(names)
    if unknown:
        raise MissingColumnError(f"{table}: {sorted(unknown)} declared in SQL but not in the field registry")
    return [given[f.name] if f.name in given
            else Column(f.name, PLAIN_TYPES[f.kind], nullable=not f.required)
            for f in fields.table(table).fields]


def _last_editor() -> list[Column]:
    """The row version and who changed the record last, when, and which fields
    (comma-separated): the registry's audit fields (``fields._EDITOR``)."""
    return [Column("row_version", Integer, nullable=False, server_default="1"),
            Column("changed_by", Text), Column("changed_at", DateTime), Column("changed_fields", Text)]


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
    *_fields(
        "complexes",
        Column("complex", String(100), primary_key=True),
        Column("corporation", String(200), ForeignKey("corporations.name"), nullable=False),
        Column("neighbourhood", String(200), ForeignKey("neighbourhoods.name"), nullable=False),
        Column("heating", String(40), nullable=False, server_default="gasketel"),
        *_last_editor(),
    ),
)

dwellings = Table(
    "dwellings", metadata,
    *_fields(
        "dwellings",
        Column("dwelling", String(100), primary_key=True),
        Column("complex", String(100), ForeignKey("complexes.complex"), nullable=False, index=True),
        Column("let", Boolean, nullable=False, server_default="1"),
        *_last_editor(),
    ),
)

projects = Table(
    "projects", metadata,
    *_fields(
        "projects",
        Column("project", String(100), primary_key=True),
        Column("complex", String(100), ForeignKey("complexes.complex"), nullable=False, index=True),
        Column("gas_saving_m3", Float, nullable=False, server_default="0"),
        Column("electricity_saving_kwh", Float, nullable=False, server_default="0"),
        Column("rent_increase_cents", Integer, nullable=False, server_default="0"),
        Column("status", String(40), nullable=False, server_default="gepland"),
        *_last_editor(),
    ),
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
    *_fields("targets", Column("corporation", String(200), nullable=False), *_last_editor()),
    UniqueConstraint("corporation", "from_year", "to_year", name="uq_targets_key"),
)

tariffs = Table(
    "tariffs", metadata,
    *_fields("tariffs", Column("year", Integer, primary_key=True, autoincrement=False),
             *_last_editor()),
)

emission_factors = Table(
    "emission_factors", metadata,
    *_fields("emission_factors", Column("year", Integer, primary_key=True, autoincrement=False),
             *_last_editor()),
)

capacities = Table(
    "capacities", metadata,
    *_fields(
        "capacities",
        Column("corporation", String(200), primary_key=True),
        Column("year", Integer, primary_key=True, autoincrement=False),
        *_last_editor(),
    ),
)

# Migration 0004 (in the workbook since issue 18).  Built-in defaults are never stored:
# an empty table means the defaults are in force.
rent_limits = Table(
    "rent_limits", metadata,
    *_fields("rent_limits", Column("year", Integer, primary_key=True, autoincrement=False),
             *_last_editor()),
)

# A row overrides the built-in catalogue measure with the same key; other keys add measures.
measures = Table(
    "measures", metadata,
    *_fields(
        "measures",
        Column("measure", String(200), primary_key=True),
        Column("electricity_saving_kwh", Float, nullable=False, server_default="0"),
        *_last_editor(),
    ),
)

# Measured use (migration 0007): a surrogate id, since a complex-level row has no
# dwelling (NULL); the registry key (complex, dwelling, year) is checked by the invariants.
usage = Table(
    "usage", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_fields(
        "usage",
        Column("complex", String(100), ForeignKey("complexes.complex"), nullable=False, index=True),
        *_last_editor(),
    ),
    UniqueConstraint("complex", "dwelling", "year", name="uq_usage_key"),
)

degree_days = Table(
    "degree_days", metadata,
    *_fields("degree_days", Column("year", Integer, primary_key=True, autoincrement=False),
             *_last_editor()),
)

# The neighbourhood heat plan and the end state per complex (migration 0009, issue 21).
heat_plan = Table(
    "heat_plan", metadata,
    *_fields("heat_plan", Column("neighbourhood", String(200), primary_key=True),
             *_last_editor()),
)

end_states = Table(
    "end_states", metadata,
    *_fields("end_states",
             Column("complex", String(100), ForeignKey("complexes.complex"), primary_key=True),
             *_last_editor()),
)

# Plan versions (migration 0011, issue 21.3): a surrogate id; the name is the registry key
# (what a workbook merges on), and a version's projects refer to it by name.
plan_versions = Table(
    "plan_versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    *_fields("plan_versions",
             Column("version", String(200), nullable=False, unique=True),
             Column("kind", String(20), nullable=False, server_default="plan"),
             *_last_editor()),
)

plan_version_projects = Table(
    "plan_version_projects", metadata,
    *_fields("plan_version_projects",
             Column("version", String(200), ForeignKey("plan_versions.version"), primary_key=True),
             Column("project", String(100), primary_key=True),
             Column("complex", String(100), nullable=False),
             Column("year", Integer, nullable=False),
             *_last_editor()),
)

# The user's texts of the tenant letters (migration 0010, issue 22).
letter_templates = Table(
    "letter_templates", metadata,
    *_fields("letter_templates", Column("kind", String(40), primary_key=True),
             Column("language", String(8), primary_key=True), *_last_editor()),
)

EDITOR_COLUMNS = ("row_version", "changed_by", "changed_at", "changed_fields")

# Dataset table -> (SQL table, key columns: the registry's keys)
TABLE_KEYS: dict[str, tuple[Table, tuple[str, ...]]] = {
    t.name: (t_sql, t.keys) for t, t_sql in (
        (fields.table(name), sql) for name, sql in (
            ("complexes", complexes), ("dwellings", dwellings), ("projects", projects),
            ("targets", targets), ("tariffs", tariffs), ("emission_factors", emission_factors),
            ("capacities", capacities), ("rent_limits", rent_limits), ("measures", measures),
            ("usage", usage), ("degree_days", degree_days), ("heat_plan", heat_plan),
            ("end_states", end_states), ("plan_versions", plan_versions),
            ("plan_version_projects", plan_version_projects),
            ("letter_templates", letter_templates)))
}

# Dataset table -> (the SQL table its fields are read from, field -> SQL column where the
# names differ).  The current vote per (project, dwelling) is its latest vote_events row.
FIELD_COLUMNS: dict[str, tuple[Table, dict[str, str]]] = {
    **{name: (sql, {}) for name, (sql, _keys) in TABLE_KEYS.items()},
    "votes": (vote_events, {"date": "vote_date"}),
    "vote_history": (vote_events, {"date": "vote_date"}),
    "status_history": (status_events, {}),
}


def field_column(table: str, field: str) -> Column:
    """The SQL column holding ``field`` of the Dataset table ``table``."""
    sql, renamed = FIELD_COLUMNS[table]
    name = renamed.get(field, field)
    if name not in sql.c:
        raise MissingColumnError(
            f"the field {table}.{field} of the field registry has no SQL column {sql.name}.{name}; "
            f"add it to the workspace schema with a migration")
    return sql.c[name]
