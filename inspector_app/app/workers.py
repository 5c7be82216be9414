"""Run device, matching, screening, store and sync work off the UI thread.

A ``Task`` wraps a plain function ``fn(ctx, *args)``; ``ctx.progress(pct, text)`` reports
progress and ``ctx.cancelled`` tells the function to stop early. Results, errors and progress
arrive on the UI thread through Qt queued signals, so widgets never wait for a device.

Work is split into *lanes*. The store and screening lanes each have exactly one thread that
never expires: SQLite connections belong to the thread that opened them, and one writer at a
time keeps the store's ordering simple. Devices and matching share a general pool.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
# What a person can act on (a wrong document, a device that is absent, a store or sync refusal):
# the message goes to the window, nothing to the terminal. Anything else is a bug in this
# program: the window still says what failed, and the log keeps the traceback.
EXPECTED = (ValueError, RuntimeError, OSError)


class TaskCancelled(Exception):
    """Raised inside a task by ``ctx.check()`` once the task was cancelled."""


class TaskContext:
    def __init__(self, signals: TaskSignals):
        self._signals = signals
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, percent: int, text: str = "") -> None:
        self._signals.progress.emit(int(percent), text)


class TaskSignals(QObject):
    progress = Signal(int, str)
    result = Signal(object)
    error = Signal(str)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, name: str, fn: Callable[..., Any], *args, **kwargs):
        super().__init__()
        self.setAutoDelete(False)
        self.name = name
        self.signals = TaskSignals()
        self.ctx = TaskContext(self.signals)
        self._fn, self._args, self._kwargs = fn, args, kwargs

    def cancel(self) -> None:
        self.ctx.cancel()

    def run(self) -> None:  # runs on a pool thread
        try:
            value = self._fn(self.ctx, *self._args, **self._kwargs)
            if not self.ctx.cancelled:
                self.signals.result.emit(value)
        except TaskCancelled:
            pass
        except expected_errors() as exc:
            # a device or an input the inspector can act on: the message says it all, in the
            # window; no traceback in the terminal and no task name in front of it
            if not self.ctx.cancelled:
                self.signals.error.emit(str(exc) or exc.__class__.__name__)
        except Exception as exc:  # noqa: BLE001 - every failure must reach the inspector
            message = str(exc) or exc.__class__.__name__
            if not isinstance(exc, EXPECTED):
                log.error("%s failed", self.name, exc_info=True)
            if not self.ctx.cancelled:
                self.signals.error.emit(message)
        finally:
            self.signals.finished.emit()


def expected_errors() -> tuple[type[BaseException], ...]:
    """Failures that are part of the job (a garbage MRZ, a missing scanner, a camera that cannot
    be opened): reported to the inspector in their own words, not as a program fault."""
    from inspector_app.booth.examination import ExaminationError
    from inspector_app.devices.camera_sources import CameraError
    from inspector_app.devices.sbi import SbiError

    return (ExaminationError, CameraError, SbiError)


LANES = ("store", "screening", "devices", "general")


class Runner(QObject):
    """Starts tasks on their lane and keeps them alive until they finish."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            if lane in ("store", "screening"):
                pool.setMaxThreadCount(1)
                pool.setExpiryTimeout(-1)  # the same thread for the lane's whole life
            else:
                pool.setMaxThreadCount(4)
            self._pools[lane] = pool
        self._live: set[Task] = set()

    def start(
        self,
        name: str,
        fn: Callable[..., Any],
        *args,
        lane: str = "general",
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, str], None] | None = None,
        **kwargs,
    ) -> Task:
        task = Task(name, fn, *args, **kwargs)
        if on_result:
            task.signals.result.connect(on_result)
        if on_error:
            task.signals.error.connect(on_error)
        if on_progress:
            task.signals.progress.connect(on_progress)
        task.signals.finished.connect(lambda t=task: self._done(t))
        was_idle = not self._live
        self._live.add(task)
        if was_idle:
            self.busyChanged.emit(True)
        self._pools[lane].start(task)
        return task

    def _done(self, task: Task) -> None:
        self._live.discard(task)
        if not self._live:
            self.busyChanged.emit(False)

    def busy(self) -> bool:
        return bool(self._live)

    def cancel_all(self) -> None:
        for task in list(self._live):
            task.cancel()

    def wait_idle(self, msecs: int = 30000) -> bool:
        """For shutdown and tests: block until every pool is empty."""
        ok = True
        for pool in self._pools.values():
            ok = pool.waitForDone(msecs) and ok
        return ok
