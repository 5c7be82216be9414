"""`inspector-app` subcommands of the biometrics package (handlers import heavy modules lazily).

Face and fingerprint commands live in their own modules so the two can change independently;
each is registered only if its module is present.
"""
from __future__ import annotations

import importlib
import importlib.util

_PARTS = (
    ("inspector_app.biometrics.face_commands", "register_face"),
    ("inspector_app.biometrics.finger_commands", "register_finger"),
)


def register(subparsers) -> None:
    """Add this package's subcommands; see inspector_app.cli_support.add_command."""
    for module, function in _PARTS:
        if importlib.util.find_spec(module) is not None:
            getattr(importlib.import_module(module), function)(subparsers)
