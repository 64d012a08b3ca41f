"""The tenant letters as one PDF (issue 22.1): one letter per let dwelling of a project's
complex, each from a new page, A4 portrait, with a footer naming the corporation, the
project and the dwelling and numbering the letter's own pages.  The offer letter ends
with the reply slip on its own (last) page; the notification after 70 % agreed has none.

The figures are :func:`desktop.models.letters.letters`'; the texts are the workspace's
templates (or the built-in ones, :mod:`desktop.models.letter_templates`), filled in and
set by :func:`text_html`.  May run on a worker thread (no widgets).
"""
from __future__ import annotations

import os
import re
from typing import Callable, Iterator

from ..models import letter_templates as T
from ..models.letters import LetterBatch, values
from ..views import theme
from . import pdf

BOX = "\u2610"                      # ☐ (DejaVu Sans has it)
CUT_TEXT = {"nl": "hier afknippen", "en": "cut here"}


def cut_line(lang: str) -> str:
    """The dashed line with scissors above a reply slip printed below the letter."""
    dashes = "- " * 32
    return (f"<p align='center' style='margin-top: 12px; margin-bottom: 8px; font-size: 8pt; "
            f"color: {theme.HINT}'>{dashes}\u2702 {CUT_TEXT[lang]} {dashes}</p>")


_HEADING = re.compile(r"^#\s+(.*)$")


def text_html(text: str, *, break_before: bool = False) -> str:
    """A filled-in template as HTML: blank lines separate paragraphs, ``# `` starts a
    heading, a paragraph whose every line holds `` | `` is a table of label | value,
    ``[ ]`` is a tick box.  ``break_before``: start on a new page."""
    blocks: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if not paragraph:
            return
        if all(" | " in line for line in paragraph):
            rows = "".join(
                "<tr><td width='62%'>{}</td><td><b>{}</b></td></tr>".format(
                    *(pdf.escape(part.strip()) for part in line.split(" | ", 1)))
                for line in paragraph)
            blocks.append("<table width='100%' cellspacing='0' cellpadding='3' "
                          "style='margin-top: 4px; margin-bottom: 8px'>" + rows + "</table>")
        else:
            lines = [pdf.escape(line).replace("[ ]", f"<span style='font-size: 14pt'>{BOX}</span>")
                     for line in paragraph]
            blocks.append("<p style='margin-top: 0; margin-bottom: 9px'>" + "<br>".join(lines) + "</p>")
        paragraph.clear()

    for raw in text.strip().splitlines():
        line = raw.rstrip()
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append("<p style='margin-top: 8px; margin-bottom: 5px'><b style='font-size: 12pt'>"
                          + pdf.escape(heading.group(1)) + "</b></p>")
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
    flush()
    if break_before and blocks:
        # on the first block (every block has a style): Qt breaks before paragraphs and tables
        blocks[0] = blocks[0].replace("style='", "style='page-break-before: always; ", 1)
    return "\n".join(blocks)


def _templates(templates, kind: str, lang: str) -> list[tuple[str, str]]:
    """(template kind, text) of the letter: the offer and its reply slip, or the
    notification; each checked once (unknown placeholders refused here)."""
    kinds = ("offer", "reply") if kind == "offer" else ("notification",)
    out = []
    for k in kinds:
        text = T.template(templates, k, lang).text
        T.placeholders_in(text, kind=k, lang=lang)
        out.append((k, text))
    return out


def footer(batch: LetterBatch, i: int, lang: str) -> str:
    dwelling = batch.dwellings["dwelling"].iat[i]
    word = "woning" if lang == "nl" else "home"
    return f"{batch.corporation} · project {batch.project} · {word} {dwelling}"


def title(batch: LetterBatch, lang: str) -> str:
    if batch.kind == "notification":
        return (f"Kennisgeving 70 % project {batch.project}" if lang == "nl"
                else f"Notification 70 % project {batch.project}")
    return (f"Bewonersbrieven project {batch.project}" if lang == "nl"
            else f"Tenant letters project {batch.project}")


def letter_documents(batch: LetterBatch, lang: str, templates=None,
                     first: int | None = None) -> Iterator[tuple[str, str]]:
    """(html, footer) per letter, in the dwellings' order (``first``: only so many)."""
    texts = _templates(templates, batch.kind, lang)
    n = len(batch) if first is None else min(first, len(batch))
    for i in range(n):
        vals = values(batch, i, lang)
        filled = [(k, T.fill(text, vals, kind=k, lang=lang)) for k, text in texts]
        letter = text_html(filled[0][1])
        if len(filled) == 1:
            yield letter, footer(batch, i, lang)
            continue
        slip = filled[1][1]
        # the reply slip below a cut line when it fits on the letter's last page, else
        # from a new page (pdf.write_documents chooses): either way the last page
        yield (letter + cut_line(lang) + text_html(slip), footer(batch, i, lang),
               letter + text_html(slip, break_before=True))


def write_letters_pdf(batch: LetterBatch, path: str | os.PathLike, *, lang: str = "nl",
                      templates=None, progress: Callable[[float], bool] | None = None) -> int:
    """Write the letters of ``batch`` to ``path``; returns the number of pages.
    ``templates``: the workspace's (a Dataset or its ``letter_templates`` frame; None:
    the built-in ones).  ``progress(fraction)`` returning False cancels
    (:class:`~desktop.exchange.progress.Cancelled`; no file is left)."""
    from ..exchange.progress import report

    total = max(1, len(batch))
    step = max(1, total // 200)

    def done(n: int) -> None:
        if n % step == 0 or n == total:
            report(progress, n / total)

    report(progress, 0.0)
    return pdf.write_documents(path, letter_documents(batch, lang, templates), title=title(batch, lang),
                               done=done)


def letter_images(batch: LetterBatch, lang: str, templates=None, *, letters: int = 1,
                  dpi: int = 110) -> list:
    """The first ``letters`` letters' pages as pictures (docs, previews)."""
    images = []
    for html, foot, *fallback in letter_documents(batch, lang, templates, first=letters):
        pages = pdf.page_images([html], footer=foot, dpi=dpi)
        if fallback and len(pages) > 1:
            other = pdf.page_images([fallback[0]], footer=foot, dpi=dpi)
            pages = other if len(other) <= len(pages) else pages
        images += pages
    return images


__all__ = ["text_html", "letter_documents", "write_letters_pdf", "letter_images", "footer", "title"]
