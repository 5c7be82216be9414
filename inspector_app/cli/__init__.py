"""`inspector-app`: a thin command line over the packages' own APIs (sqlite-utils is the model).

Each module of this package is one command group with ``register(subparsers)``; its handlers
parse arguments, call one library function, print the result, and turn the library's errors the
operator can act on into ``CliError`` (exit 2). Logic lives in the library packages, which never
import this package (an import-linter contract in pyproject.toml). Handlers import their heavy
dependencies lazily so that ``inspector-app mrz parse`` does not pay for Qt, dlib or OpenCV.

A new command group is a module here with ``register(subparsers)``, added to ``COMMANDS``
(for example ``inspector_app/cli/exam.py`` for ``inspector-app exam``).
"""
from __future__ import annotations

import argparse
import sys

from inspector_app.cli import (
    app,
    biocart,
    chip,
    devices,
    exam,
    face,
    finger,
    hub,
    manifest,
    mrz,
    rules,
    screening,
    store,
    sync,
)
from inspector_app.cli.support import CliError, add_common

# Order is the order of `inspector-app --help`.
COMMANDS = (mrz, rules, store, devices, chip, face, finger, screening, manifest, sync, hub, app, exam, biocart)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="Border Inspector workstation. With no subcommand, opens the Qt application.",
    )
    add_common(parser, json_flag=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from inspector_app.app.launch import run_gui

            return run_gui(home=args.home) or 0
        return handler(args) or 0
    except CliError as exc:
        print(f"inspector-app: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
