"""The `course` command: one subcommand per module in this package.

Each subcommand module defines `HELP`, `add_arguments(parser)` and `run(args) -> int`.
Exit codes: 0 success (full marks for `check`), 1 not full marks or a failure,
2 unusable input (missing or unreadable notebook, unknown module).
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = ["start", "list", "check", "reset", "build", "grade", "gradescope", "release"]


def module_or_none(name: str):
    """The Module called `name` ('02', '02_backprop'...), or None after saying why on stderr."""
    from autograder.tasks import UnknownModule, get_module

    try:
        return get_module(name)
    except UnknownModule as e:
        print(str(e).strip("'\""), file=sys.stderr)
        return None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="course", description="Deep learning from first principles, in numpy.",
        epilog="examples:\n  course start\n  course check 02\n  course check 02 --task 2.3 --hint",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"course.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"course.cli.{name}":
                continue
            raise
        sp = sub.add_parser(name, help=mod.HELP, description=mod.__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        mod.add_arguments(sp)
        sp.set_defaults(run=mod.run)
    return p


def without_iri_grammar() -> None:
    """jsonschema, which nbformat imports, compiles an IRI grammar (rfc3987_syntax) on import
    when it is installed: 0.8 s per command. No notebook schema field is an IRI, so this
    process goes without it (JupyterLab and nbgrader run in their own processes)."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    without_iri_grammar()
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "run", None):
        p.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
