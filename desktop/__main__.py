"""Command line: no arguments opens the window; subcommands serve batch work.

Subcommands never import Qt (they run on machines without a display), except ``report``
for a PDF and ``letters``, which draw with Qt offscreen.  Exit status:
0 success, 1 input with errors, 2 cannot run (one line on stderr, no traceback).
"""
from __future__ import annotations

import argparse
import sys

from . import __version__

SUBCOMMANDS = ("check", "import", "export", "report", "letters", "propose", "screenshot")


def _window_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m desktop",
        description="Retrofit Planner: plan the energy retrofit of social-rent homes. "
                    "Without a subcommand it opens the window.",
        epilog="Subcommands: check FILE.xlsx [--json] [--base-year Y] · import FILE.xlsx --workspace WS "
               "[--dry-run] · export FILE.xlsx --workspace WS · report --workspace WS --year Y "
               "[--lang nl|en] [--out FILE.pdf|FILE.xlsx] · letters --workspace WS --project P [--lang nl|en] "
               "[--kind offer|notification] [--out FILE.pdf] · propose --workspace WS [--objective cost|co2] "
               "[--json] · screenshot DIR [--workspace WS] [--lang nl|en]. "
               "Run 'python -m desktop SUBCOMMAND --help' for each.")
    p.add_argument("--workspace", metavar="WS",
                   help="workspace file (SQLite) or database URL (postgresql://user@host/db)")
    p.add_argument("--version", action="version", version=f"Retrofit Planner {__version__}")
    return p


def _screenshot(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m desktop screenshot",
                                description="Render each main view to DIR/<view>.png (offscreen).")
    p.add_argument("dir")
    p.add_argument("--workspace", metavar="WS")
    p.add_argument("--lang", choices=("nl", "en"),
                   help="interface language for the pictures (default: the settings' choice)")
    args = p.parse_args(argv)
    from .app import screenshot

    for path in screenshot(args.dir, args.workspace, lang=args.lang):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "read-sheets":    # internal: the window's isolated reader child
        from .exchange.sheets import _child
        return _child(argv[1:])
    if argv and argv[0] in SUBCOMMANDS:
        name, rest = argv[0], argv[1:]
        try:
            if name == "check":
                from .exchange.check import main_check
                return main_check(rest)
            if name == "import":
                from .exchange.cli import main_import
                return main_import(rest)
            if name == "export":
                from .exchange.cli import main_export
                return main_export(rest)
            if name == "propose":
                from .exchange.propose import main_propose
                return main_propose(rest)
            if name == "report":
                from .documents.report_cli import main_report
                return main_report(rest)
            if name == "letters":
                from .documents.letters_cli import main_letters
                return main_letters(rest)
            return _screenshot(rest)
        except SystemExit as exc:      # argparse: --help (0) or usage error (2)
            return int(exc.code or 0) if isinstance(exc.code, int) else 2
        except KeyboardInterrupt:
            return 130
        except Exception as exc:       # never a traceback on the command line
            print(f"error: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            return 2
    args = _window_parser().parse_args(argv)
    from .app import run_window

    return run_window(args.workspace)


if __name__ == "__main__":
    sys.exit(main())
