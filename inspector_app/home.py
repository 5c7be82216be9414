"""Where a booth keeps its data: the --home directory, $INSPECTOR_HOME, or the per-user data dir."""
from __future__ import annotations

import os
from pathlib import Path


def resolve_home(explicit: Path | str | None = None, create: bool = True) -> Path:
    if explicit:
        home = Path(explicit)
    elif os.environ.get("INSPECTOR_HOME"):
        home = Path(os.environ["INSPECTOR_HOME"])
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("border-inspector", appauthor=False))
    home = home.expanduser().resolve()
    if create:
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home
