"""`inspector-app` subcommands of the app package (GUI entry points)."""
from __future__ import annotations

from inspector_app.cli_support import add_command


def _gui(args) -> int:
    from inspector_app.app.launch import run_gui

    return run_gui(home=args.home)


def _demo(args) -> int:
    from inspector_app.app.launch import run_gui

    return run_gui(home=args.home)


def register(subparsers) -> None:
    add_command(subparsers, "gui", _gui, "open the workstation window", json_flag=False)
    add_command(subparsers, "demo", _demo, "open the workstation on the embedded demo setup", json_flag=False)
