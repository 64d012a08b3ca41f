"""The tenant letters' texts (issue 22): save the user's text of a kind and language,
or go back to the built-in one.  No Qt; the window runs the commands through
``Controller.run`` (one undo step each)."""
from __future__ import annotations

from ..models.dataset import Dataset
from ..models.letter_templates import (KIND_NAMES, LANGUAGES, TEMPLATE_KINDS, TemplateError,
                                       default_template, placeholders_in)
from ..store.commands import Delete
from .base import _refuse, _save, record

WHAT = ("letter text", "brieftekst")


def _key(kind: str, lang: str) -> dict[str, str]:
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f"kind must be one of {TEMPLATE_KINDS}, not {kind!r}")
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    return {"kind": kind, "language": lang}


def save_template(ds: Dataset, kind: str, lang: str, text: str, *,
                  expected_version: int | None = None, label: str = ""):
    """Store the user's text of ``kind`` in ``lang``: an Upsert, a Delete when the text
    is the built-in one again (:func:`reset_template`), or None when nothing changes.

    Refused (:class:`EditError` on ``text``): an empty text, unknown placeholders or a
    stray brace (the message names them and lists the known placeholders)."""
    key = _key(kind, lang)
    text = (text or "").strip()
    if not text:
        en, nl = KIND_NAMES[kind]
        raise _refuse("text", f"The {en} cannot be empty; reset it to get the default text back.",
                      f"De {nl} kan niet leeg zijn; zet hem terug om de standaardtekst te krijgen.")
    try:
        placeholders_in(text, kind=kind, lang=lang)
    except TemplateError as exc:
        raise _refuse("text", exc.message, exc.message_nl) from None
    if text == default_template(kind, lang).strip():
        return reset_template(ds, kind, lang, expected_version=expected_version, label=label)
    new = record(ds, "letter_templates", key) is None
    return _save(ds, "letter_templates", {**key, "text": text}, new,
                 None if new else expected_version, label, WHAT)


def reset_template(ds: Dataset, kind: str, lang: str, *, expected_version: int | None = None,
                   label: str = ""):
    """Back to the built-in text: delete the stored one (None when there is none)."""
    key = _key(kind, lang)
    if record(ds, "letter_templates", key) is None:
        return None
    return Delete("letter_templates", key, label=label, expected_version=expected_version)


__all__ = ["save_template", "reset_template"]
