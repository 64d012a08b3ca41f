"""The texts of the tenant letters (issue 22.1): built-in templates in Dutch and English,
the placeholders they may use, and filling them in.  No Qt.

Three kinds of template, each in Dutch (``nl``) and English (``en``):

* ``offer`` — the offer before the vote: the measures, the planned period, what it means
  for this dwelling's rent, energy costs and housing costs, the 70 % rule (at least 70 %
  of *all* tenants must agree; silence counts as not agreeing, BW 7:220 lid 3) and the
  reply date;
* ``reply`` — the reply slip printed on the offer letter's last page: the dwelling id,
  ja/nee boxes and a signature line;
* ``notification`` — the written notification that 70 % agreed, with the 8-week
  objection deadline (a tenant who did not agree can ask the court within 8 weeks).

A template is plain text with a few conventions (the printed letter follows them,
:mod:`desktop.documents.letters`): a blank line starts a new paragraph; a line starting
with ``# `` is a heading; a paragraph whose lines hold `` | `` is a table (label |
value); ``[ ]`` is a tick box; ``{name}`` is a placeholder (:data:`PLACEHOLDERS`, each
also by its Dutch name, :data:`DUTCH_NAMES`: ``{tenant}`` or ``{huurder}``) and
``{{``/``}}`` a literal brace.  The user edits them in the window; the workspace keeps
the edited ones (table ``letter_templates``), a kind and language without a stored text
uses the built-in one.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Mapping

import pandas as pd

LANGUAGES = ("nl", "en")
TEMPLATE_KINDS = ("offer", "reply", "notification")

# name -> (English, Dutch) description, shown beside the template editor
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "date": ("date of the letter", "datum van de brief"),
    "corporation": ("the corporation", "de corporatie"),
    "complex": ("complex id", "complexnummer"),
    "complex_name": ("name of the complex (else its id)", "naam van het complex (anders het nummer)"),
    "neighbourhood": ("neighbourhood", "wijk"),
    "project": ("project id", "projectcode"),
    "dwelling": ("dwelling id", "woningnummer"),
    "address": ("address of the dwelling", "adres van de woning"),
    "tenant": ("the tenant's name (else 'the occupant')", "naam van de huurder (anders 'de bewoner')"),
    "measures": ("the measures, in words", "de maatregelen, in woorden"),
    "period": ("the planned period (year of completion)", "de geplande periode (jaar van oplevering)"),
    "rent_before": ("net rent per month now", "kale huur per maand nu"),
    "rent_increase": ("rent increase per month for this dwelling", "huurverhoging per maand voor deze woning"),
    "rent_after": ("net rent per month after", "kale huur per maand na"),
    "energy_saving": ("expected energy saving per month", "verwachte energiebesparing per maand"),
    "energy_cost_before": ("energy costs per month now", "energiekosten per maand nu"),
    "energy_cost_after": ("energy costs per month after", "energiekosten per maand na"),
    "housing_cost_before": ("housing costs (rent + energy) per month now",
                            "woonlasten (huur + energie) per maand nu"),
    "housing_cost_after": ("housing costs per month after", "woonlasten per maand na"),
    "housing_cost_change": ("change of the housing costs per month", "verschil in woonlasten per maand"),
    "tariff_year": ("year of the energy tariffs used", "jaar van de gebruikte energietarieven"),
    "reply_date": ("reply date", "antwoorddatum"),
    "tenants": ("number of tenants (let dwellings)", "aantal huurders (verhuurde woningen)"),
    "yes": ("tenants who agreed", "huurders die instemden"),
    "support_pct": ("share of all tenants who agreed", "deel van alle huurders dat instemde"),
    "notified_on": ("date of the written notification", "datum van de schriftelijke kennisgeving"),
    "objection_deadline": ("last day to go to court (8 weeks after the notification)",
                           "laatste dag om naar de rechter te gaan (8 weken na de kennisgeving)"),
}


# every placeholder also has a Dutch name (the Dutch texts use those; either works in
# either language)
DUTCH_NAMES: dict[str, str] = {
    "date": "datum", "corporation": "corporatie", "complex": "complex",
    "complex_name": "complexnaam", "neighbourhood": "wijk", "project": "project",
    "dwelling": "woning", "address": "adres", "tenant": "huurder", "measures": "maatregelen",
    "period": "periode", "rent_before": "huur_nu", "rent_increase": "huurverhoging",
    "rent_after": "huur_na", "energy_saving": "energiebesparing",
    "energy_cost_before": "energiekosten_nu", "energy_cost_after": "energiekosten_na",
    "housing_cost_before": "woonlasten_nu", "housing_cost_after": "woonlasten_na",
    "housing_cost_change": "woonlasten_verschil", "tariff_year": "tariefjaar",
    "reply_date": "antwoorddatum", "tenants": "huurders", "yes": "ja",
    "support_pct": "instemming", "notified_on": "datum_kennisgeving",
    "objection_deadline": "einde_bezwaartermijn",
}
_CANONICAL: dict[str, str] = {**{n: n for n in PLACEHOLDERS}, **{nl: en for en, nl in DUTCH_NAMES.items()}}


def placeholder_name(name: str, lang: str) -> str:
    """The name of placeholder ``name`` (its English name) as written in ``lang``."""
    return DUTCH_NAMES[name] if lang == "nl" else name


class TemplateError(ValueError):
    """A template that cannot be filled: unknown placeholders or a stray brace.
    ``message``/``message_nl``: what to show, naming the template and each problem."""

    def __init__(self, en: str, nl: str, unknown: tuple[str, ...] = ()):
        super().__init__(en)
        self.message, self.message_nl, self.unknown = en, nl, unknown

    def message_in(self, lang: str) -> str:
        return self.message_nl if lang == "nl" else self.message


KIND_NAMES = {"offer": ("offer letter", "aanbiedingsbrief"), "reply": ("reply slip", "antwoordstrook"),
              "notification": ("notification", "kennisgeving")}


def _what(kind: str | None, lang: str | None) -> tuple[str, str]:
    if kind is None:
        return "the template", "de sjabloon"
    en, nl = KIND_NAMES.get(kind, (kind, kind))
    suffix = f" ({lang})" if lang else ""
    return f"the {en}{suffix}", f"de {nl}{suffix}"


def placeholders_in(text: str, *, kind: str | None = None, lang: str | None = None) -> list[str]:
    """The placeholder names ``text`` uses, in order of first use.  Raises
    :class:`TemplateError` for a stray ``{`` or ``}`` or a placeholder with a format
    (``{rent:10}``), and for unknown names (listed, with the known ones)."""
    en_what, nl_what = _what(kind, lang)
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise TemplateError(
            f"In {en_what}: a '{{' or '}}' without its pair. Write placeholders as {{name}}, "
            f"a brace itself as {{{{ or }}}}.",
            f"In {nl_what}: een '{{' of '}}' zonder tegenhanger. Schrijf plaatshouders als "
            f"{{naam}}, een accolade zelf als {{{{ of }}}}.") from None
    names: list[str] = []
    unknown: list[str] = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if spec or conversion or name not in _CANONICAL:
            if shown not in unknown:
                unknown.append(shown)
        elif name not in names:
            names.append(name)
    if unknown:
        known_en = ", ".join("{" + n + "}" for n in PLACEHOLDERS)
        known_nl = ", ".join("{" + DUTCH_NAMES[n] + "}" for n in PLACEHOLDERS)
        many = len(unknown) > 1
        raise TemplateError(
            f"Unknown placeholder{'s' if many else ''} in {en_what}: {', '.join(unknown)}. "
            f"Known placeholders: {known_en} (or their Dutch names).",
            f"Onbekende plaatshouder{'s' if many else ''} in {nl_what}: {', '.join(unknown)}. "
            f"Bekende plaatshouders: {known_nl} (of hun Engelse namen).",
            tuple(unknown))
    return list(dict.fromkeys(_CANONICAL[n] for n in names))


def fill(text: str, values: Mapping[str, str], *, kind: str | None = None,
         lang: str | None = None) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]``; refuses
    (:class:`TemplateError`) unknown placeholders and stray braces, naming them."""
    names = placeholders_in(text, kind=kind, lang=lang)
    missing = [n for n in names if n not in values]
    if missing:      # a caller's mistake, not the user's: every known name has a value
        raise KeyError(f"no value for {', '.join(missing)}")
    return text.format_map(_Both(values))


class _Both(dict):
    """A placeholder's value under its English or its Dutch name."""

    def __missing__(self, name: str) -> str:
        return self[_CANONICAL[name]]


# ----------------------------------------------------------------------------- defaults
_OFFER_NL = """\
{corporatie}
{datum}

{huurder}
{adres}

# Voorstel: renovatie van uw woning

Beste bewoner,

{corporatie} wil de woningen van {complexnaam} energiezuiniger maken. Wij stellen voor om in uw woning de volgende maatregelen uit te voeren: {maatregelen}. De werkzaamheden zijn gepland in {periode}. In deze brief leest u wat dit voor u betekent.

# Wat betekent dit voor u?

Uw woning | {woning}
Kale huur per maand nu | {huur_nu}
Huurverhoging per maand | {huurverhoging}
Verwachte besparing op energie per maand | {energiebesparing}
Woonlasten per maand nu (huur en energie) | {woonlasten_nu}
Woonlasten per maand na de renovatie | {woonlasten_na}

De besparing is berekend met de energietarieven van {tariefjaar} en het gemiddelde verbruik van een woning in uw complex; wat u zelf bespaart, hangt af van uw verbruik. Vanaf 2023 vragen corporaties geen huurverhoging meer voor energiebesparende maatregelen (Nationale prestatieafspraken).

# Wanneer gaat de renovatie door?

De renovatie gaat door als ten minste 70 % van alle huurders van het complex instemt met het voorstel (artikel 7:220 lid 3 Burgerlijk Wetboek). Het gaat om 70 % van alle huurders, niet alleen van de huurders die reageren: wie niet reageert, telt mee als niet akkoord. Stemt 70 % of meer in, dan krijgt u daarvan schriftelijk bericht. Wie niet instemde, kan dan binnen 8 weken de rechter vragen te beslissen of het voorstel redelijk is.

# Uw antwoord

Wilt u de antwoordstrook invullen, ondertekenen en uiterlijk {antwoorddatum} terugsturen? Heeft u vragen, neem dan contact op met {corporatie}.

Met vriendelijke groet,

{corporatie}
"""

_OFFER_EN = """\
{corporation}
{date}

{tenant}
{address}

# Proposal: retrofitting your home

Dear resident,

{corporation} wants to make the homes of {complex_name} more energy efficient. We propose to carry out the following measures in your home: {measures}. The work is planned for {period}. This letter tells you what it means for you.

# What does this mean for you?

Your home | {dwelling}
Net rent per month now | {rent_before}
Rent increase per month | {rent_increase}
Expected saving on energy per month | {energy_saving}
Housing costs per month now (rent and energy) | {housing_cost_before}
Housing costs per month after the retrofit | {housing_cost_after}

The saving is computed with the energy tariffs of {tariff_year} and the average use of a home in your complex; what you save yourself depends on your use. From 2023 on, corporations no longer charge a rent increase for energy saving measures (national performance agreements).

# When does the retrofit go ahead?

The retrofit goes ahead when at least 70 % of all tenants of the complex agree to the proposal (article 7:220 paragraph 3 of the Dutch Civil Code). It is 70 % of all tenants, not only of those who reply: a tenant who does not reply counts as not agreeing. When 70 % or more agree, you will be told so in writing. A tenant who did not agree can then ask the court within 8 weeks to decide whether the proposal is reasonable.

# Your answer

Please fill in the reply slip, sign it and send it back by {reply_date} at the latest. If you have questions, please contact {corporation}.

Kind regards,

{corporation}
"""

_REPLY_NL = """\
# Antwoordstrook

Project | {project}
Woning | {woning}
Adres | {adres}
Huurder | {huurder}

Ik ga akkoord met het voorstel voor de renovatie van {complexnaam}:

[ ] Ja, ik ga akkoord
[ ] Nee, ik ga niet akkoord

Naam: ________________________________________

Handtekening: ______________________________    Datum: ______________

Graag uiterlijk {antwoorddatum} terugsturen naar {corporatie}. Niet reageren telt als niet akkoord.
"""

_REPLY_EN = """\
# Reply slip

Project | {project}
Home | {dwelling}
Address | {address}
Tenant | {tenant}

I agree to the proposal for the retrofit of {complex_name}:

[ ] Yes, I agree
[ ] No, I do not agree

Name: ________________________________________

Signature: ______________________________    Date: ______________

Please send this back to {corporation} by {reply_date} at the latest. Not replying counts as not agreeing.
"""

_NOTIFICATION_NL = """\
{corporatie}
{datum}

{huurder}
{adres}

# Kennisgeving: 70 % van de huurders stemt in met de renovatie

Beste bewoner,

Wij hebben de huurders van {complexnaam} een voorstel gedaan voor de renovatie van hun woning: {maatregelen}. Van alle {huurders} huurders hebben er {ja} ingestemd, dat is {instemming}. Omdat 70 % of meer van alle huurders heeft ingestemd, geldt het voorstel als redelijk (artikel 7:220 lid 3 Burgerlijk Wetboek). De werkzaamheden zijn gepland in {periode}.

Uw woning | {woning}
Huurverhoging per maand | {huurverhoging}
Verwachte besparing op energie per maand | {energiebesparing}
Woonlasten per maand na de renovatie | {woonlasten_na}

# Bent u het niet eens met het voorstel?

Heeft u niet ingestemd, dan kunt u binnen 8 weken na deze schriftelijke kennisgeving de rechter vragen te beslissen of het voorstel redelijk is. Die termijn loopt tot en met {einde_bezwaartermijn}. Doet u dat niet, dan geldt het voorstel ook voor uw woning.

Heeft u vragen, neem dan contact op met {corporatie}.

Met vriendelijke groet,

{corporatie}
"""

_NOTIFICATION_EN = """\
{corporation}
{date}

{tenant}
{address}

# Notification: 70 % of the tenants agree to the retrofit

Dear resident,

We made the tenants of {complex_name} a proposal for the retrofit of their homes: {measures}. Of all {tenants} tenants, {yes} agreed, that is {support_pct}. Because 70 % or more of all tenants agreed, the proposal counts as reasonable (article 7:220 paragraph 3 of the Dutch Civil Code). The work is planned for {period}.

Your home | {dwelling}
Rent increase per month | {rent_increase}
Expected saving on energy per month | {energy_saving}
Housing costs per month after the retrofit | {housing_cost_after}

# Do you disagree with the proposal?

If you did not agree, you can ask the court within 8 weeks after this written notification to decide whether the proposal is reasonable. That period ends on {objection_deadline}. If you do not, the proposal holds for your home too.

If you have questions, please contact {corporation}.

Kind regards,

{corporation}
"""

DEFAULTS: dict[tuple[str, str], str] = {
    ("offer", "nl"): _OFFER_NL, ("offer", "en"): _OFFER_EN,
    ("reply", "nl"): _REPLY_NL, ("reply", "en"): _REPLY_EN,
    ("notification", "nl"): _NOTIFICATION_NL, ("notification", "en"): _NOTIFICATION_EN,
}


def default_template(kind: str, lang: str) -> str:
    if kind not in TEMPLATE_KINDS or lang not in LANGUAGES:
        raise KeyError(f"no template {kind!r} in {lang!r}")
    return DEFAULTS[(kind, lang)]


@dataclass(frozen=True)
class Template:
    kind: str
    language: str
    text: str
    edited: bool             # a workspace row, not the built-in text
    row_version: int | None = None


def template(ds_or_frame, kind: str, lang: str) -> Template:
    """The template in force: the workspace's row for ``kind`` and ``lang`` (``ds``: a
    Dataset or its ``letter_templates`` frame; None: the built-in ones), else the
    built-in text.  A stored text that is empty counts as none."""
    builtin = default_template(kind, lang)
    frame = ds_or_frame if isinstance(ds_or_frame, pd.DataFrame) \
        else getattr(ds_or_frame, "letter_templates", None)
    if frame is None or not len(frame):
        return Template(kind, lang, builtin, False)
    hit = frame[frame["kind"].isin([kind]).to_numpy(dtype=bool)
                & frame["language"].isin([lang]).to_numpy(dtype=bool)]
    if not len(hit):
        return Template(kind, lang, builtin, False)
    text = hit["text"].iat[-1]
    if text is None or pd.isna(text) or not str(text).strip():
        return Template(kind, lang, builtin, False)
    version = hit["row_version"].iat[-1] if "row_version" in hit else None
    return Template(kind, lang, str(text), True,
                    None if version is None or pd.isna(version) else int(version))


__all__ = ["LANGUAGES", "TEMPLATE_KINDS", "PLACEHOLDERS", "DUTCH_NAMES", "placeholder_name", "TemplateError", "KIND_NAMES",
           "placeholders_in", "fill", "DEFAULTS", "default_template", "Template", "template"]
