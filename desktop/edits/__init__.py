"""Editing use cases: each checks its input and returns the command that makes the edit
(:mod:`desktop.store.commands`: one transaction, one undo step), None when there is
nothing to change, or raises :class:`EditError` naming the field and saying why in
English and Dutch.

No Qt and no writing: the window runs the commands through its controller
(:meth:`desktop.views.controller.Controller.run`, which also asks for the reason when the
store's support gate refuses a status), the command line or a test can apply them on a
:class:`~desktop.store.workspace.Workspace` directly.  Figures come from the domain
frames (:class:`~desktop.models.dataset.Dataset`) the caller holds.

Floor: above the store and the models (imports both), below the views.

One module per area: :mod:`.programme` (projects, capacity, votes, campaigns, tenancy
changes), :mod:`.stock` (complexes, dwellings, agreed targets), :mod:`.yearly` (values
per year, the measures catalogue), :mod:`.measured` (measured use, degree days),
:mod:`.versions` (plan versions), :mod:`.letters` (the tenant letters' texts),
:mod:`.heat` (the neighbourhood heat plan, the end state per complex);
:mod:`.base` holds the refusal and the record checks they share.
"""
from __future__ import annotations

from .base import EditError, check_rows, record, same
from .heat import (END_STATE_FIELDS, HEAT_PLAN_FIELDS, delete_heat_plan, delete_heat_plans,
                   neighbourhoods, reset_end_state, reset_end_states, save_end_state,
                   save_heat_plan)
from .letters import reset_template, save_template
from .measured import (delete_degree_days, delete_usage, learn_measure, save_usage,
                       set_degree_days, usage_key)
from .programme import (
    STATUSES_CONFIRM_MOVE, campaign_dates, check_capacity, check_project, delete_projects,
    move_out, move_projects, moved, moves_needing_confirmation, new_tenant, project_record,
    record_vote, save_project, set_capacity, set_status,
)
from .stock import (
    PER_DWELLING, STOCK_TABLES, add_dwelling, complex_users, delete_complex, delete_dwellings,
    delete_target, edit_dwellings, known, save_complex, save_dwelling, save_target, target_key,
)
from .versions import (adopt_step, delete_version, rename_version, restore_version, save_active,
                       save_version)
from .yearly import YEAR_TABLES, delete_measure, delete_year, set_measure, set_year_values, set_years

__all__ = ["EditError", "same", "project_record", "check_project", "save_project",
           "move_projects", "moved", "moves_needing_confirmation", "STATUSES_CONFIRM_MOVE",
           "delete_projects", "set_status", "check_capacity",
           "set_capacity", "record_vote", "move_out", "new_tenant", "campaign_dates", "YEAR_TABLES",
           "set_year_values",
           "set_years", "delete_year", "set_measure", "delete_measure",
           "STOCK_TABLES", "PER_DWELLING", "check_rows", "record", "save_complex",
           "complex_users", "delete_complex", "add_dwelling", "save_dwelling",
           "edit_dwellings", "delete_dwellings", "target_key", "save_target", "delete_target",
           "known", "usage_key", "save_usage", "delete_usage", "set_degree_days",
           "delete_degree_days", "learn_measure", "save_version", "save_active", "delete_version",
           "rename_version", "restore_version", "adopt_step", "save_heat_plan", "delete_heat_plan",
           "save_end_state", "reset_end_state", "neighbourhoods", "delete_heat_plans",
           "reset_end_states", "HEAT_PLAN_FIELDS",
           "END_STATE_FIELDS", "save_template", "reset_template"]
