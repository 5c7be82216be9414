"""The booth's side of bundle pull, kept behind two small functions so that the signature checks
stay where they belong: in ``inspector_app.screening.bundles`` (Ed25519, versions, rollback).

Sync only downloads opaque files; screening decides whether to trust them. A refusal is raised
as :class:`BundleRefused` with screening's own message, so the UI and CLI can show it verbatim.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.screening import bundles, liststate


class BundleRefused(RuntimeError):
    """The booth refused a bundle (bad signature, gap, rollback, truncation...); lists unchanged."""

    def __init__(self, version: int, reason: str):
        super().__init__(f"bundle version {version} refused: {reason}")
        self.version, self.reason = version, reason


def apply_bundle(home: Path, path: Path, version: int) -> dict:
    """Verify and install one bundle via screening; raise BundleRefused with its reason."""
    try:
        return bundles.apply(home, path)
    except bundles.BundleError as exc:
        raise BundleRefused(version, str(exc)) from exc


def installed_version(home: Path, fallback: int) -> int:
    """The list version screening has in force (bundles also arrive by USB), else ``fallback``."""
    try:
        state = liststate.current(Path(home))
    except (OSError, ValueError, KeyError):
        return fallback
    return state.version if state is not None else fallback
