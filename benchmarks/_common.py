"""Pieces shared by the benchmark scripts (run as `python benchmarks/X.py`, so this folder is on sys.path)."""
from __future__ import annotations

import subprocess
from pathlib import Path


def code_commit() -> str | None:
    """The commit measured, when run from a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=Path(__file__).resolve().parent,
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    """A throwaway PostgreSQL cluster from Debian's binaries (as the hub tests use); ``settings``
    are extra ``-c name=value`` server settings (e.g. ``{"max_connections": 200}``)."""

    def __init__(self, settings: dict | None = None):
        import glob
        import os
        import shutil
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise SystemExit("PostgreSQL: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)")
        self.bin = Path(found[-1]).parent
        self.root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.root, "postgres", "postgres")
        self.port = free_port()
        self.settings = dict(settings or {})

    def _run(self, *cmd):
        import os

        full = (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + [str(c) for c in cmd]
        subprocess.run(full, check=True, capture_output=True, timeout=120)

    def __enter__(self) -> str:
        self._run(self.bin / "initdb", "-D", self.root / "data", "-U", "postgres", "-A", "trust", "-E", "UTF8")
        extra = "".join(f" -c {k}={v}" for k, v in self.settings.items())
        self._run(self.bin / "pg_ctl", "-D", self.root / "data", "-l", self.root / "log", "-w", "-o",
                  f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root}{extra}",
                  "start")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def __exit__(self, *exc):
        import shutil

        try:
            self._run(self.bin / "pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
