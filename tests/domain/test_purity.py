"""The domain package is pure rules: importing it pulls in no Qt, HTTP or database module."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "sqlite3", "sqlcipher3", "sqlite_utils", "httpx", "fastapi", "cv2", "dlib")


def test_domain_imports_no_io_modules():
    code = (
        "import json, sys\n"
        "import inspector_app.domain.mrz, inspector_app.domain.mrz_build, inspector_app.domain.mrz_live\n"
        "import inspector_app.domain.statuses, inspector_app.domain.periods, inspector_app.domain.decisions\n"
        "import inspector_app.domain.exemptions, inspector_app.domain.nationality\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    loaded = {m.split(".")[0] for m in json.loads(out.stdout)}
    assert not loaded & set(FORBIDDEN), loaded & set(FORBIDDEN)
