"""Build the demo booth home (the same as `inspector-app demo-build --home HOME`).

    python watchlists/build_demo.py HOME [--force]

The builder is ``inspector_app.app.demo.build_demo_home`` (its docstring says what it makes);
the list CSVs and photos it reads are package data in ``inspector_app/app/demo_data/`` and the
fingerprints are generated (``inspector_app/app/demo_prints.py``): it needs nothing beside the
checkout. ``watchlists/demo_faces.py`` remakes the photos from their sources.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # also runs from a checkout without installing
    from inspector_app.app.demo import DemoError, build_demo_home

    p = argparse.ArgumentParser(description="Build the demo booth home.")
    p.add_argument("home", type=Path)
    p.add_argument("--force", action="store_true", help="rebuild even if the demo home exists")
    a = p.parse_args(argv)
    try:
        print(json.dumps(build_demo_home(a.home, a.force), indent=1, default=str))
    except DemoError as exc:
        raise SystemExit(f"build_demo: {exc}") from None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
