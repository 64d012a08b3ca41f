"""Alembic environment: runs on the connection the workspace hands over (no ini file)."""
from __future__ import annotations

from alembic import context

from desktop.store.schema import metadata

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
