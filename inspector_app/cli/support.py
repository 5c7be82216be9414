"""Shared pieces of the command line: common flags, argument types, output, clear failures.

Only ``inspector_app.cli`` imports this module; library packages raise their own errors and the
command modules turn them into ``CliError``.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


class CliError(Exception):
    """A failure the operator can act on; printed without a traceback, exit code 2 by default."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


def add_common(parser: argparse.ArgumentParser, json_flag: bool = True) -> argparse.ArgumentParser:
    """Every subcommand takes --home (the booth's data directory) and, where it prints, --json."""
    parser.add_argument(
        "--home",
        type=Path,
        default=argparse.SUPPRESS if parser.prog != "inspector-app" else None,
        help="booth data directory (default: $INSPECTOR_HOME or the per-user data directory)",
    )
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    return parser


def add_command(subparsers, name: str, handler, help: str, json_flag: bool = True, **kw) -> argparse.ArgumentParser:
    """Create a subcommand with the common flags and its handler attached."""
    p = subparsers.add_parser(name, help=help, description=help, **kw)
    add_common(p, json_flag=json_flag)
    p.set_defaults(handler=handler)
    return p


def date_arg(text: str) -> date:
    """A YYYY-MM-DD option value, or CliError (exit 2) naming what was given."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"not a date (expected YYYY-MM-DD): {text!r}") from None


def home_of(args: argparse.Namespace) -> Path:
    from inspector_app.home import resolve_home

    return resolve_home(getattr(args, "home", None))


def emit(obj: Any, as_json: bool, text: str | None = None) -> None:
    """Print JSON (stable key order, UTF-8) or a human line."""
    if as_json:
        json.dump(obj, sys.stdout, ensure_ascii=False, indent=None, default=str)
        sys.stdout.write("\n")
    else:
        print(text if text is not None else json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def run_until_stopped(worker) -> None:
    """Start a background ``worker`` (``start()`` / ``stop()``) and wait until SIGINT or SIGTERM,
    then stop it: even when started from a shell that ignores them in background jobs."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    worker.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        worker.stop()
