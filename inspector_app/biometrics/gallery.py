"""1:N over earlier encounters: the faces and fingers taken at earlier examinations.

A deportee who comes back with a new passport under a new name is found by the fingers taken at
his last visit, not by any list of names. The booth keeps a gallery of its port's recent
encounters (offline search) and the hub one of every encounter (online and deferred search);
both are this class over the same exact indexes the watchlist uses (``FaceIndex``,
``FingerIndex``), keyed by encounter (examination) id.

Why two thresholds: an encounter gallery grows by every traveller, so a face distance that is
a fair watchlist threshold (``face.THRESHOLD``, 0.6) would find look-alikes among millions. A
face alone must be closer (``FACE_DISTANCE``) to count, and the caller treats a face-only match as
weaker evidence than matching fingers (``EncounterMatch.by``).

Templates travel as text: a face as base64 of 128 little-endian float32, a finger as base64 of
its ISO/IEC 19794-2 record (``encode``/``decode``). Raw images never leave the booth here.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from inspector_app.biometrics import fingerprint, iso19794
from inspector_app.biometrics.face import DIMENSIONS
from inspector_app.biometrics.face_index import FaceIndex
from inspector_app.biometrics.finger_index import FingerIndex
from inspector_app.biometrics.fingerprint import FingerTemplate

#: A face alone counts as the same person at this distance or closer (stricter than the
#: watchlist's 0.6: see the module docstring).
FACE_DISTANCE = 0.5
#: Fingers count at the watchlist's own single-finger threshold, reached by the **mean** over the
#: fingers both encounters have: a sum of two impostor scores would pass a single-finger
#: threshold almost always (0.022 is one finger's FMR 1/1000 point; of 4,800 two-finger impostor
#: pairs of the FVC B sets 99.9 % reach 0.022 summed, 0.02 % reach 0.044).
FINGER_SCORE = fingerprint.THRESHOLD
#: At most this many positions and characters per finger record: a template is ~1-2 KB.
MAX_FINGERS = 10
MAX_TEMPLATE_CHARS = 16_000
SNAPSHOT_FORMAT = 2  # 2: the finger index is a directory of memory-mapped arrays


class TemplateTextError(ValueError):
    """Template text that is not a face vector or a finger record, with why."""


@dataclasses.dataclass(frozen=True)
class EncounterMatch:
    encounter_id: str
    face_distance: float | None = None
    finger_score: float | None = None

    @property
    def by(self) -> str:
        """What matched: ``fingers``, ``face`` or ``both``."""
        if self.finger_score is not None and self.face_distance is not None:
            return "both"
        return "fingers" if self.finger_score is not None else "face"

    def to_dict(self) -> dict:
        return {"encounter_id": self.encounter_id, "by": self.by,
                "face_distance": None if self.face_distance is None else round(self.face_distance, 4),
                "finger_score": None if self.finger_score is None else round(self.finger_score, 4)}


class EncounterGallery:
    """Encounters' faces and fingers, searched together; results per encounter, best first."""

    def __init__(self, face_distance: float = FACE_DISTANCE, finger_score: float = FINGER_SCORE):
        self.face_distance, self.finger_score = float(face_distance), float(finger_score)
        self.faces = FaceIndex()
        self.fingers = FingerIndex()
        self._ids: set[str] = set()
        self.extra: dict = {}   # what a snapshot was saved with (the hub's sequence number)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, encounter_id: object) -> bool:
        return encounter_id in self._ids

    def add(self, encounter_id: str, face=None, fingers: dict[str, FingerTemplate] | None = None) -> bool:
        """One encounter's templates; an encounter already held is not added twice (a record
        pulled again, or pushed by the booth and then read back from the hub)."""
        encounter_id = str(encounter_id)
        if encounter_id in self._ids or (face is None and not fingers):
            return False
        if face is not None:
            self.faces.add(encounter_id, _vector(face))
        for position, template in (fingers or {}).items():
            self.fingers.add(encounter_id, position, template)
        self._ids.add(encounter_id)
        return True

    def add_faces(self, encounter_ids: Sequence[str], vectors: np.ndarray) -> None:
        """Many face-only encounters at once (loading a hub's gallery, benchmarks)."""
        self.faces.add_many([str(i) for i in encounter_ids], np.asarray(vectors, dtype=np.float32))
        self._ids.update(str(i) for i in encounter_ids)

    def search(self, face=None, fingers: dict[str, FingerTemplate] | None = None, exclude: Iterable[str] = (),
               k: int = 10) -> list[EncounterMatch]:
        """Encounters within the thresholds, fingers first then by face distance. ``exclude``
        drops encounters (the examination's own)."""
        skip = {str(e) for e in exclude}
        by_face: dict[str, float] = {}
        if face is not None and len(self.faces):
            for eid, distance in self.faces.search(_vector(face), k=k + len(skip), max_distance=self.face_distance):
                if eid not in skip:
                    by_face[eid] = float(distance)
        by_finger = self._by_fingers(dict(fingers or {}), skip, k)
        found = [EncounterMatch(eid, by_face.get(eid), by_finger.get(eid)) for eid in set(by_face) | set(by_finger)]
        found.sort(key=lambda m: (m.finger_score is None, -(m.finger_score or 0.0), m.face_distance or 9.0,
                                  m.encounter_id))
        return found[:k]


    def _by_fingers(self, fingers: dict[str, FingerTemplate], skip: set[str], k: int) -> dict[str, float]:
        """Encounters whose mean score over the fingers both have reaches ``finger_score``."""
        if not fingers:
            return {}
        return {eid: score for eid, score in self.fingers.mean_scores(fingers, k=k + len(skip))
                if eid not in skip and score >= self.finger_score}


    # ---- snapshots: a hub worker restarts in seconds, not in the ~44 ms per finger encounter of
    # decoding stored templates (benchmarks/encounter_search.py: ~74 min for 100k)
    def save(self, path, **extra) -> Path:
        """Write the gallery into directory ``path``, replaced whole (written beside, then renamed);
        ``extra`` (JSON values) is kept with it and read back as ``load(...).extra``."""
        import json
        import shutil

        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if len(self.faces):
            self.faces.save(tmp / "faces")
        self.fingers.save(tmp / "fingers.npz")
        (tmp / "meta.json").write_text(json.dumps({"format": SNAPSHOT_FORMAT, "ids": sorted(self._ids),
                                                   "face_distance": self.face_distance,
                                                   "finger_score": self.finger_score, "extra": extra}),
                                       encoding="utf-8")
        old = target.with_name(target.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        tmp.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        return target

    @classmethod
    def load(cls, path) -> EncounterGallery:
        """A gallery saved by ``save``; ``ValueError`` saying why when it cannot be used."""
        import json

        p = Path(path)
        try:
            meta = json.loads((p / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"no usable encounter gallery snapshot at {p}: {exc}") from None
        if meta.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"the encounter gallery snapshot at {p} has format {meta.get('format')}, "
                             f"not {SNAPSHOT_FORMAT}")
        g = cls(meta["face_distance"], meta["finger_score"])
        if (p / "faces").is_dir():
            g.faces = FaceIndex.load(p / "faces", mmap=False)
        g.fingers = FingerIndex.load(p / "fingers.npz")
        g._ids = set(meta["ids"])
        g.extra = dict(meta.get("extra") or {})
        return g


def _vector(face) -> np.ndarray:
    return np.asarray(getattr(face, "vector", face), dtype=np.float32).reshape(-1)


def encode(face=None, fingers: dict[str, FingerTemplate] | None = None) -> dict:
    """``{"face": text | None, "fingers": {position: text}}`` for a record."""
    return {"face": None if face is None else base64.b64encode(_vector(face).astype("<f4").tobytes()).decode("ascii"),
            "fingers": {str(p): base64.b64encode(iso19794.write(t)).decode("ascii") for p, t in (fingers or {}).items()}}


def decode(templates: dict | None) -> tuple[np.ndarray | None, dict[str, FingerTemplate]]:
    """Inverse of :func:`encode`; raises ``TemplateTextError`` saying which template is bad."""
    if not isinstance(templates, dict):
        raise TemplateTextError("templates must be an object with 'face' and 'fingers'")
    face = templates.get("face")
    vector = None
    if face is not None:
        raw = _b64(face, "the face template", 4 * DIMENSIONS * 2)
        vector = np.frombuffer(raw, dtype="<f4") if len(raw) == 4 * DIMENSIONS else None
        if vector is None or not np.all(np.isfinite(vector)):
            raise TemplateTextError(f"the face template must be {DIMENSIONS} finite float32 values")
        vector = vector.astype(np.float32)
    fingers = templates.get("fingers") or {}
    if not isinstance(fingers, dict) or len(fingers) > MAX_FINGERS:
        raise TemplateTextError(f"fingers must be an object of at most {MAX_FINGERS} positions")
    out = {}
    for position, text in fingers.items():
        try:
            out[str(position)] = iso19794.read(_b64(text, f"the {position} template", MAX_TEMPLATE_CHARS))
        except iso19794.TemplateError as exc:
            raise TemplateTextError(f"the {position} template: {exc}") from None
    return vector, out


def _b64(text, what: str, max_chars: int) -> bytes:
    if not isinstance(text, str) or len(text) > max_chars:
        raise TemplateTextError(f"{what} must be base64 text of at most {max_chars} characters")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise TemplateTextError(f"{what} is not base64") from None
