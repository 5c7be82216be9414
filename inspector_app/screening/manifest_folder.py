"""A watched folder of PAXLST files at the booth (``screening.manifest_folder``).

A carrier's or agent's feed drops files into a folder; each is imported exactly as ``manifest
import`` does (``pre_arrival.import_file``: read whole or refused, screened, kept), then moved
beside them into ``imported/`` or ``refused/`` with a note saying what happened (the parser's
segment and position for a refusal), so the folder shows what is still to do.

A file still being written is not read half: only ``*.edi``, ``*.txt``, ``*.paxlst`` and ``*.api``
names are taken (a feed that writes ``x.edi.part`` and renames it is safe at once), and only once
they have been left alone for ``screening.manifest_settle_s`` and have not changed since the
previous look. The same bytes dropped twice are one manifest (the store knows the digest).
"""
from __future__ import annotations

import dataclasses
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from inspector_app.common.clock import utc_now
from inspector_app.screening import paxlst, pre_arrival

log = logging.getLogger("inspector_app.screening.manifest_folder")

FOLDER = "screening.manifest_folder"      # the folder to watch; relative to the booth's home
SETTLE = "screening.manifest_settle_s"    # seconds a file must be left alone before it is read
INTERVAL = "screening.manifest_poll_s"    # seconds between looks
DEFAULTS = {FOLDER: "", SETTLE: 2.0, INTERVAL: 5.0}
SUFFIXES = (".edi", ".txt", ".paxlst", ".api")
IMPORTED, REFUSED = "imported", "refused"
ACTOR = "manifest-folder"


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One file taken: ``imported``, ``duplicate`` (moved to ``imported/`` too) or ``refused``."""
    name: str
    state: str
    manifest_id: str | None
    detail: str
    moved_to: Path | None


class ManifestFolder:
    """The folder and what was seen at the previous look. ``store`` is the booth's (thread-safe)."""

    def __init__(self, folder: Path | str, home: Path | str, store, settle_s: float = DEFAULTS[SETTLE],
                 clock: Callable[[], float] = time.time):
        self.folder, self.home, self.store = Path(folder), Path(home), store
        self.settle_s, self.clock = float(settle_s), clock
        self._seen: dict[str, tuple[int, int]] = {}
        self._stuck: dict[str, tuple[int, int]] = {}   # could not be moved: not taken again unchanged

    @classmethod
    def from_settings(cls, settings, store, clock: Callable[[], float] = time.time) -> ManifestFolder | None:
        """The booth's watched folder, or None when ``screening.manifest_folder`` is not set."""
        folder = str(settings.get(FOLDER, DEFAULTS[FOLDER]) or "").strip()
        if not folder:
            return None
        path = Path(folder).expanduser()
        path = path if path.is_absolute() else settings.home / path
        return cls(path, settings.home, store, settings.get(SETTLE, DEFAULTS[SETTLE]), clock)

    def poll(self) -> list[Outcome]:
        """One look: every file that is ready is imported or refused, and moved."""
        return [self._take(name) for name in self._ready()]

    def once(self) -> list[Outcome]:
        """What is ready now, looking twice ``settle_s`` apart (a first look takes nothing)."""
        self.poll()
        time.sleep(self.settle_s)
        return self.poll()

    def _ready(self) -> list[str]:
        try:
            entries = list(os.scandir(self.folder))
        except OSError as exc:
            log.warning("manifest folder %s cannot be read: %s", self.folder, exc)
            return []
        now, found = self.clock(), {}
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.lower().endswith(SUFFIXES):
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue   # gone since the listing
            found[entry.name] = (st.st_size, st.st_mtime_ns)
        previous, self._seen = self._seen, found
        return sorted(name for name, sig in found.items()
                      if previous.get(name) == sig and now - sig[1] / 1e9 >= self.settle_s
                      and self._stuck.get(name) != sig)

    def _take(self, name: str) -> Outcome:
        path = self.folder / name
        try:
            raw = path.read_bytes()
            done = pre_arrival.import_file(self.home, self.store, raw, actor=ACTOR)
        except paxlst.PaxlstError as exc:
            return self._move(name, REFUSED, None, "refused", f"refused, nothing stored: {exc}")
        except OSError as exc:
            log.warning("manifest file %s cannot be read: %s", path, exc)
            return Outcome(name, "unread", None, str(exc), None)
        if done.duplicate:
            return self._move(name, IMPORTED, done.manifest_id, "duplicate",
                              f"already imported as manifest {done.manifest_id} (the same file): not added again")
        r, m = done.result, done.result["manifest"]
        return self._move(name, IMPORTED, done.manifest_id, "imported",
                          f"imported as manifest {done.manifest_id}: {m['flight']} {m['departure']} -> {m['arrival']}"
                          f" arriving {m['scheduled_arrival'] or '?'}, {r['people']} {m['kind']}, "
                          f"{r['flagged']} flagged, {r['not_checked']} not checked")

    def _move(self, name: str, sub: str, manifest_id: str | None, state: str, detail: str) -> Outcome:
        """The note first, then the file beside it (a rename): a crash between them leaves the file
        to be taken again, and the digest makes that a duplicate, not a second manifest."""
        source, into = self.folder / name, self.folder / sub
        target = into / name
        n = 1
        while target.exists():
            n += 1
            target = into / f"{Path(name).stem}-{n}{Path(name).suffix}"
        note = target.with_name(target.name + (".why.txt" if sub == REFUSED else ".result.txt"))
        try:
            into.mkdir(exist_ok=True)
            note.write_text(f"{detail}\nfile: {name}\nat: {utc_now()}\n", encoding="utf-8")
            os.replace(source, target)
        except OSError as exc:
            log.warning("manifest file %s could not be moved to %s: %s", source, into, exc)
            self._stuck[name] = self._seen.get(name, (0, 0))
            return Outcome(name, state, manifest_id, detail, None)
        log.info("manifest file %s: %s", name, detail)
        return Outcome(name, state, manifest_id, detail, target)


class FolderWatcher:
    """The booth's background look at its manifest folder every ``interval`` seconds, on its own
    thread (a booth without a hub still has a folder, so this is not the sync worker's job)."""

    def __init__(self, folder: ManifestFolder, interval: float = DEFAULTS[INTERVAL],
                 on_outcome: Callable[[Outcome], None] | None = None):
        self.folder, self.interval, self.on_outcome = folder, float(interval), on_outcome
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> FolderWatcher:
        self._thread = threading.Thread(target=self._run, name="manifest-folder", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 30) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for outcome in self.folder.poll():
                    if self.on_outcome:
                        self.on_outcome(outcome)
            except Exception:  # noqa: BLE001 - e.g. the store locked: look again at the next tick
                log.exception("manifest folder %s: look failed", self.folder.folder)
            self._stop.wait(self.interval)
