"""`inspector-app` subcommands of the hub package (handlers import heavy modules lazily)."""
from __future__ import annotations


def register(subparsers) -> None:
    """Add this package's subcommands; see inspector_app.cli_support.add_command."""
