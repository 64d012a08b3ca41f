"""``python -m desktop letters --workspace WS --project P [--lang nl|en] [--kind offer|notification]
[--out FILE.pdf] [--date YYYY-MM-DD] [--reply-by YYYY-MM-DD]``: the tenant letters of a
project without the window, one letter per let dwelling in one PDF.

Exit status: 0 written; 1 input error (an unknown project, a cancelled one, a rent
increase the national agreement forbids, a notification before 70 % agreed, a text
with an unknown placeholder); 2 cannot run (no such workspace, an unreadable one, a
file name not ending in .pdf, a file that cannot be written): one line on standard
error, no traceback.  Draws with Qt offscreen when there is no display.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .cli_args import problem


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def main_letters(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m desktop letters",
        description="Write the tenant letters of a project as one PDF: one letter per let "
                    "dwelling of its complex (vacant dwellings get none). 'offer': the offer "
                    "before the vote with its reply slip; 'notification': the written notice "
                    "after 70 %% of all tenants agreed, with the 8-week objection deadline.")
    p.add_argument("--workspace", required=True, metavar="WS", help="workspace file or database URL")
    p.add_argument("--project", required=True, metavar="P", help="the project id")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="Dutch (default) or English")
    p.add_argument("--kind", choices=("offer", "notification"), default="offer",
                   help="the offer (default) or the notification after 70 %% agreed")
    p.add_argument("--out", metavar="FILE.pdf",
                   help="default: letters-P.pdf (offer) or notification-P.pdf in the current folder")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                   help="date of the letters (default today; for the notification: the project's "
                        "notification date, else today); the 8 weeks run from a notification's date")
    p.add_argument("--reply-by", type=_date, metavar="YYYY-MM-DD",
                   help="reply date of the offer (default: campaign start + 4 weeks)")
    args = p.parse_args(argv)
    stem = "letters" if args.kind == "offer" else "notification"
    out = Path(args.out or f"{stem}-{args.project}.pdf")
    message = problem(out, (".pdf",), args.workspace)
    if message:
        return _fail(message)

    from ..models.letter_templates import TemplateError
    from ..models.letters import LetterError, letters
    from ..store.workspace import Workspace, WorkspaceError

    try:
        with Workspace.open(args.workspace, create=False) as ws:
            ds = ws.load()
        notification = args.kind == "notification"
        batch = letters(ds, args.project, args.kind, today=args.date, reply_by=args.reply_by,
                        notified_on=args.date if notification else None)
        from .letters import write_letters_pdf

        pages = write_letters_pdf(batch, out, lang=args.lang, templates=ds)
    except (LetterError, TemplateError) as exc:
        print(f"letters: {exc.message_in(args.lang)}", file=sys.stderr)
        return 1
    except WorkspaceError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {out}: {exc.strerror or exc}")
    print(f"{out} ({len(batch)} letters, {pages} pages)" if args.lang == "en"
          else f"{out} ({len(batch)} brieven, {pages} pagina's)")
    return 0


def _fail(message: str) -> int:
    print(f"letters: {message}", file=sys.stderr)
    return 2
