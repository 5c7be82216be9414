"""The compute worker (``inspector-app compute-worker``) when the window goes away mid-request: it
exits quietly instead of printing a traceback into the booth's log (seen when the demo was
terminated while the worker was answering)."""
from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_worker_whose_window_is_gone_exits_quietly():
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app", "compute-worker"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    proc.stdout.close()  # the window is gone: nobody reads the answer
    request = pickle.dumps(("no-such-entry", ()), protocol=pickle.HIGHEST_PROTOCOL)
    proc.stdin.write(struct.pack(">Q", len(request)) + request)
    proc.stdin.flush()
    _, err = proc.communicate(timeout=120)
    text = err.decode("utf-8", "replace")
    assert proc.returncode == 0, text
    assert "Traceback" not in text and "BrokenPipeError" not in text, text
