"""Issue 19.8: the core's own texts shown in the interface have a Dutch form, and its
English messages name no Dutch sheet."""
from __future__ import annotations

import dataclasses

from desktop.models import defaults, measures, texts_nl
from desktop.models.invariants import validate_dataset
from desktop.sample import build_sample

# proper names: the same in both languages
PROPER = {measures.DOMAIN_SOURCE, "Belastingdienst"}


def test_every_built_in_source_and_note_has_a_dutch_form():
    texts = {d.source for d in defaults.DEFAULT_TARIFFS}
    texts |= {d.source for d in defaults.DEFAULT_EMISSION_FACTORS}
    texts |= {d.source for d in defaults.cleaner_grid_scenario()}
    texts |= {d.source for d in defaults.DEFAULT_RENT_LIMITS}
    texts |= {m.source for m in measures.CATALOGUE} | {m.note for m in measures.CATALOGUE if m.note}
    texts |= {measures.WORKSPACE_SOURCE, defaults.TYPICAL_GAS_SOURCE,
              defaults.TYPICAL_ELECTRICITY_SOURCE}
    missing = sorted(t for t in texts - PROPER if texts_nl.dutch(t) == t)
    assert not missing
    assert texts_nl.dutch("Price cap 2023") == "Prijsplafond 2023"
    assert texts_nl.dutch("own tender 2024") == "own tender 2024"    # typed by a user


def test_a_missing_complex_is_named_in_english_in_english():
    ds, _meta = build_sample()
    projects = ds.projects.copy()
    projects.loc[0, "complex"] = "X-9"
    problems = validate_dataset(dataclasses.replace(ds, projects=projects))
    p = next(p for p in problems if "X-9" in p.message)
    assert p.message == "complex 'X-9' does not exist in Complexes"
    assert p.message_nl == "complex 'X-9' bestaat niet in Complexen"
