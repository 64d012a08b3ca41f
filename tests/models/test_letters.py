"""The tenant letters' figures (issue 22.1) against the affordability and support models,
on the Soest sample; the templates' placeholders."""
from __future__ import annotations

import dataclasses
import re
import datetime as dt

import pandas as pd
import pytest

from desktop.models import affordability, letter_templates as T, letters as L, support
from desktop.sample import build_sample

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def ds():
    return build_sample()[0]


def _model_row(ds, project):
    frame, _ = affordability.project_table(ds)
    return frame[frame["project"] == project].iloc[0]


@pytest.mark.parametrize("project", ["P-26-001", "A-25-001", "P-24-002"])
def test_every_letter_carries_the_affordability_models_figures(ds, project):
    batch = L.letters(ds, project, today=TODAY)
    a = _model_row(ds, project)
    rents = ds.dwellings.set_index("dwelling")["rent_cents"]
    c_rent = ds.complexes.set_index("complex").at[batch.complex, "rent_cents"]
    for i in range(len(batch)):
        f = batch.figures(i)
        assert f["rent_increase_cents"] == int(a["rent_increase_cents"])
        assert f["energy_saving_cents"] == int(a["energy_saving_cents"])
        assert f["energy_cost_before_cents"] == int(a["energy_cost_before_cents"])
        assert f["energy_cost_after_cents"] == int(a["energy_cost_after_cents"])
        own = rents[f["dwelling"]]
        rent = int(c_rent) if pd.isna(own) else int(own)
        assert f["rent_before_cents"] == rent
        assert f["housing_cost_before_cents"] == rent + int(a["energy_cost_before_cents"])
        assert f["housing_cost_after_cents"] == (rent + int(a["rent_increase_cents"])
                                                 + int(a["energy_cost_after_cents"]))
    assert batch.tariff_year == int(a["tariff_source_year"]) and batch.year == int(a["year"])


def test_a_dwelling_paying_the_complex_rent_has_the_models_housing_costs(ds):
    # without a rent of their own every dwelling pays the complex's: the model's average
    d = ds.dwellings.copy()
    d["rent_cents"] = pd.array([pd.NA] * len(d), dtype="Int64")
    plain = dataclasses.replace(ds, dwellings=d)
    a = _model_row(plain, "P-26-001")
    batch = L.letters(plain, "P-26-001", today=TODAY)
    assert set(batch.dwellings["housing_cost_before_cents"]) == {int(a["housing_cost_before_cents"])}
    assert set(batch.dwellings["housing_cost_after_cents"]) == {int(a["housing_cost_after_cents"])}
    assert set(batch.dwellings["rent_before_cents"]) == {int(a["rent_before_cents"])}


def test_one_letter_per_let_dwelling_and_none_for_a_vacant_one(ds):
    batch = L.letters(ds, "P-26-001", today=TODAY)
    t = support.project_tally(ds, "P-26-001")
    d = ds.dwellings[ds.dwellings["complex"] == batch.complex]
    vacant = set(d.loc[~d["let"].fillna(True).astype(bool), "dwelling"])
    assert vacant, "the sample complex has vacant dwellings"
    assert len(batch) == t.tenants == len(d) - len(vacant)
    assert not vacant & set(batch.dwellings["dwelling"])
    assert list(batch.dwellings["dwelling"]) == [x for x in d["dwelling"] if x not in vacant]
    # a tenant moving out: one letter fewer
    d2 = ds.dwellings.copy()
    gone = batch.dwellings["dwelling"].iat[3]
    d2.loc[d2["dwelling"] == gone, "let"] = False
    fewer = L.letters(dataclasses.replace(ds, dwellings=d2), "P-26-001", today=TODAY)
    assert len(fewer) == len(batch) - 1 and gone not in set(fewer.dwellings["dwelling"])


def test_the_tenants_name_when_known_else_the_occupant(ds):
    d = ds.dwellings.copy()
    first = L.letters(ds, "P-26-001", today=TODAY).dwellings["dwelling"].iat[0]
    d.loc[d["dwelling"] == first, "tenant_name"] = "Mw. J. de Vries"
    batch = L.letters(dataclasses.replace(ds, dwellings=d), "P-26-001", today=TODAY)
    assert L.values(batch, 0, "nl")["tenant"] == "Mw. J. de Vries"
    assert L.values(batch, 1, "nl")["tenant"] == "De bewoner"
    assert L.values(batch, 1, "en")["tenant"] == "The occupant"


def test_words_in_each_language(ds):
    batch = L.letters(ds, "P-26-001", today=TODAY)
    nl, en = L.values(batch, 0, "nl"), L.values(batch, 0, "en")
    assert nl["measures"] == "dakisolatie, gevelisolatie en all-electric warmtepomp"
    assert en["measures"] == "roof insulation, facade insulation and all-electric heat pump"
    assert nl["date"] == "1 maart 2026" and en["date"] == "1 March 2026"
    assert L.money(123456, "nl") == "€\u00a01.234,56" and L.money(123456, "en") == "€1,234.56"
    assert L.money(-5, "nl") == "−€\u00a00,05"


def test_reply_date_is_campaign_start_plus_four_weeks_unless_past(ds):
    batch = L.letters(ds, "P-26-001", today=dt.date(2026, 2, 20))
    assert batch.campaign_start == dt.date(2026, 2, 15)
    assert batch.reply_by == dt.date(2026, 3, 15)
    later = L.letters(ds, "P-26-001", today=dt.date(2026, 6, 1))
    assert later.reply_by == dt.date(2026, 6, 29)
    given = L.letters(ds, "P-26-001", today=TODAY, reply_by=dt.date(2026, 4, 1))
    assert given.reply_by == dt.date(2026, 4, 1)


def test_notification_only_after_70_percent_with_the_8_week_deadline(ds):
    batch = L.letters(ds, "P-26-001", "notification", today=TODAY)
    t = support.project_tally(ds, "P-26-001")
    assert t.reached
    assert batch.notified_on == TODAY and batch.objection_deadline == TODAY + dt.timedelta(days=56)
    assert L.values(batch, 0, "nl")["objection_deadline"] == "26 april 2026"
    with pytest.raises(L.LetterError) as exc:
        L.letters(ds, "A-25-001", "notification", today=TODAY)      # 20 of 30
    assert "70 %" in exc.value.message and "nog 1 nodig" in exc.value.message_nl
    with pytest.raises(L.LetterError, match="fewer than 10"):
        L.letters(ds, "A-26-001", "notification", today=TODAY)
    # the project's own notification date wins over the letter date
    p = ds.projects.copy()
    p.loc[p["project"] == "P-26-001", "notified_on"] = pd.Timestamp("2026-02-20")
    dated = L.letters(dataclasses.replace(ds, projects=p), "P-26-001", "notification", today=TODAY)
    assert dated.objection_deadline == dt.date(2026, 4, 17) and dated.letter_date == dt.date(2026, 2, 20)


def test_refusals(ds):
    with pytest.raises(L.LetterError, match="Unknown project"):
        L.letters(ds, "X-99", today=TODAY)
    with pytest.raises(L.LetterError, match="cancelled"):
        L.letters(ds, "P-23-003", today=TODAY)
    # a rent increase for energy measures from 2023 on is refused, not printed
    with pytest.raises(L.LetterError) as exc:
        L.letters(ds, "P-24-003", today=TODAY)
    assert "since 1 January 2023" in exc.value.message and "Pas het project aan" in exc.value.message_nl


def test_default_templates_use_known_placeholders_and_fill(ds):
    batch = L.letters(ds, "P-26-001", "notification", today=TODAY)
    for (kind, lang), text in T.DEFAULTS.items():
        names = T.placeholders_in(text)
        assert "dwelling" in names or kind != "reply"
        filled = T.fill(text, L.values(batch, 0, lang), kind=kind, lang=lang)
        assert "{" not in filled and batch.dwellings["dwelling"].iat[0] in filled
    assert "[ ]" in T.DEFAULTS[("reply", "nl")] and "Ja" in T.DEFAULTS[("reply", "nl")]
    assert "{einde_bezwaartermijn}" in T.DEFAULTS[("notification", "nl")]
    assert "{objection_deadline}" in T.DEFAULTS[("notification", "en")]
    assert "8 weken" in T.DEFAULTS[("notification", "nl")]
    assert "70 % van alle huurders" in T.DEFAULTS[("offer", "nl")]
    assert "niet reageert, telt mee als niet akkoord" in T.DEFAULTS[("offer", "nl")]


def test_an_unknown_placeholder_is_refused_with_a_clear_message():
    with pytest.raises(T.TemplateError) as exc:
        T.fill("Beste {huurdr}, uw huur {rent_increase} en {rent:>8}", {"rent_increase": "€ 0"},
               kind="offer", lang="nl")
    e = exc.value
    assert e.unknown == ("{huurdr}", "{rent:>8}")
    assert e.message.startswith("Unknown placeholders in the offer letter (nl): {huurdr}, {rent:>8}.")
    assert "{tenant}" in e.message and "{rent_increase}" in e.message
    assert e.message_nl.startswith("Onbekende plaatshouders in de aanbiedingsbrief (nl): {huurdr}")
    with pytest.raises(T.TemplateError, match="without its pair"):
        T.placeholders_in("Beste {tenant")
    assert T.fill("{{literal}} {yes}", {"yes": "12"}) == "{literal} 12"


def test_a_stored_template_wins_over_the_builtin_one():
    frame = pd.DataFrame({"kind": ["offer"], "language": ["nl"], "text": ["Eigen tekst {tenant}"],
                          "row_version": [3]})
    assert T.template(frame, "offer", "nl").text == "Eigen tekst {tenant}"
    assert T.template(frame, "offer", "nl").edited and T.template(frame, "offer", "nl").row_version == 3
    assert T.template(frame, "offer", "en").text == T.DEFAULTS[("offer", "en")]
    assert not T.template(None, "reply", "nl").edited


def test_placeholders_have_dutch_names_too_and_the_dutch_texts_use_them(ds):
    batch = L.letters(ds, "P-26-001", today=TODAY)
    vals = L.values(batch, 0, "nl")
    assert T.fill("{huurder}, {adres}: {huurverhoging}", vals) == T.fill("{tenant}, {address}: {rent_increase}", vals)
    assert T.placeholders_in("{woning} {dwelling} {antwoorddatum}") == ["dwelling", "reply_date"]
    assert set(T.DUTCH_NAMES) == set(T.PLACEHOLDERS) and len(set(T.DUTCH_NAMES.values())) == len(T.PLACEHOLDERS)
    shared = {n for n, nl in T.DUTCH_NAMES.items() if n == nl}
    assert shared == {"complex", "project"}
    for kind in T.TEMPLATE_KINDS:
        used = set(re.findall(r"\{(\w+)\}", T.DEFAULTS[(kind, "nl")]))
        assert used <= set(T.DUTCH_NAMES.values()), used - set(T.DUTCH_NAMES.values())
        assert not (used - shared) & set(T.PLACEHOLDERS)
    with pytest.raises(T.TemplateError) as exc:
        T.placeholders_in("{huurdr}", kind="offer", lang="nl")
    assert "{huurder}" in exc.value.message_nl and "{tenant}" in exc.value.message
