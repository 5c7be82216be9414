"""`inspector-app`: a thin command line over the packages' own APIs.

No logic lives here. Each package contributes its subcommands through a ``commands`` module with
``register(subparsers)``; handlers import their heavy dependencies lazily so that
``inspector-app mrz parse`` does not pay for Qt, dlib or OpenCV.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from inspector_app.cli_support import CliError, add_common

# Order is the order of `inspector-app --help`.
COMMAND_MODULES = [
    "inspector_app.domain.commands",
    "inspector_app.store.commands",
    "inspector_app.devices.commands",
    "inspector_app.biometrics.commands",
    "inspector_app.screening.commands",
    "inspector_app.sync.commands",
    "inspector_app.hub.commands",
    "inspector_app.app.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inspector-app",
        description="Border Inspector workstation. With no subcommand, opens the Qt application.",
    )
    add_common(parser, json_flag=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
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
