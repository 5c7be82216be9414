"""The window's garbage-collection policy: settle the heap at start-up, collect when idle.

Its own module so that the window (which collects on lock and sign-out) and the launcher (which
settles the heap once the window is built) do not import each other.
"""
from __future__ import annotations

PRELOAD = ("inspector_app.domain.mrz", "inspector_app.domain.statuses", "inspector_app.domain.decisions",
           "inspector_app.screening.screen", "inspector_app.store", "inspector_app.devices.camera",
           "inspector_app.devices.autocapture", "inspector_app.devices.sbi", "inspector_app.biometrics.face_quality",
           "inspector_app.devices.capture_policy", "inspector_app.booth.seal", "inspector_app.booth.examination",
           "inspector_app.app.camera_bridge", "inspector_app.app.compute", "cv2", "numpy",
           "PySide6.QtPrintSupport")


def settle_heap() -> None:
    """Import what an examination uses, freeze the start-up heap, and keep full collections out
    of examinations.

    Measured (benchmarks/ui_stall.py, gc callbacks): a full (generation 2) garbage collection
    took 45-120 ms and, holding the GIL, froze the UI thread whichever thread triggered it.
    Frozen start-up objects are never scanned again; automatic generation-2 collections are
    switched off (young generations still run, and reference counting frees almost everything),
    and the full collection runs when the inspector is away: on lock and on sign-out
    (``collect_while_idle``).
    """
    import gc
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    gc.collect()
    gc.freeze()
    g0, g1, _ = gc.get_threshold()
    gc.set_threshold(g0, g1, 1_000_000_000)


def collect_while_idle() -> None:
    import gc

    gc.collect()
