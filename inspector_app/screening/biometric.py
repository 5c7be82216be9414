"""Biometric watchlist: wanted persons and deportees, matched 1:N by face and fingerprints.

Subjects carry a reason and ``ban_until`` (deportees are barred for 1, 5 or 10 years, ICRRA
Art. 5(1)(ix)); once the ban has ended the subject is no longer a hit. Templates are computed
when a bundle is created (``bundle create --biometrics DIR``), so booths never need the images.

On the booth, ``subjects.jsonl`` in the list version directory is the source of truth; the
search structures are the matching package's 1:N indexes (``biometrics.face_index.FaceIndex``,
``biometrics.finger_index.FingerIndex``, docs/CONTRACTS.md), built when the bundle is applied and
saved beside it. If a build lacks those modules, face search falls back to an exact numpy scan
(Euclidean, as dlib encodings are not unit length) and fingerprint search to pairwise
``fingerprint.match``; the result says which path was used.
"""
from __future__ import annotations

import base64
import csv
import importlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

SUBJECTS = "subjects.jsonl"
FACE_INDEX = "face.index"
FINGER_INDEX = "finger.index"
CSV_COLUMNS = ["subject_id", "reason", "ban_until", "face", "right_index", "left_index", "dpi"]
CSV_FINGERS = {"right_index": "Right IndexFinger", "left_index": "Left IndexFinger"}
REMOVE = "REMOVE"


class BiometricListError(ValueError):
    """Biometric watchlist input that cannot be used, with the reason."""


def _module(name: str):
    try:
        return importlib.import_module(f"inspector_app.biometrics.{name}")
    except ImportError:
        return None


def _need(name: str):
    mod = _module(name)
    if mod is None:
        raise BiometricListError(f"this build has no inspector_app.biometrics.{name}: cannot process biometric templates")
    return mod


# ----------------------------------------------------------------------------- bundle creation
def read_subjects_dir(directory: Path, allow_remove: bool = False) -> list[dict]:
    """subjects.csv + images -> rows with templates (face vector, base64 ISO 19794-2 fingers)."""
    path = Path(directory) / "subjects.csv"
    if not path.exists():
        folders = sorted(Path(directory).glob("*/subject.json"))
        if folders:
            return [_subject_folder(f) for f in folders]
        raise BiometricListError(f"{path} not found (the biometrics directory needs subjects.csv, "
                                 "or one folder per subject with a subject.json)")
    rows = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = set(CSV_COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise BiometricListError(f"{path} lacks column(s) {', '.join(sorted(missing))}")
        for line, r in enumerate(reader, start=2):
            rows.append(_subject_row(Path(directory), r, line, allow_remove))
    return rows


def _subject_folder(path: Path) -> dict:
    """Alternative layout (used by the demo builder): DIR/<subject>/subject.json with
    ``subject_id, reason, ban_until?, face: "face.jpg", fingers: {"Right IndexFinger": "x.tif"}``."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BiometricListError(f"{path}: not JSON ({exc})") from None
    reverse = {v: k for k, v in CSV_FINGERS.items()}
    row = {"subject_id": meta.get("subject_id", path.parent.name), "reason": meta.get("reason", ""), "list": meta.get("list", ""),
           "ban_until": meta.get("ban_until", ""), "face": meta.get("face") or "", "dpi": meta.get("dpi") or ""}
    extra = {}
    for pos, img in (meta.get("fingers") or {}).items():
        if pos in reverse:
            row[reverse[pos]] = img
        else:
            extra[pos] = img
    out = _subject_row(path.parent, row, 1, False)
    if extra:
        fp, iso = _need("fingerprint"), _need("iso19794")
        for pos, img in extra.items():
            try:
                tpl = fp.extract(fp.load_image(path.parent / img))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"{path}: fingerprint image {img}: {exc}") from None
            out["fingers"][pos] = base64.b64encode(iso.write(tpl)).decode("ascii")
    return out


def _subject_row(base: Path, r: dict, line: int, allow_remove: bool) -> dict:
    sid = (r.get("subject_id") or "").strip()
    where = f"subjects.csv line {line}"
    if not sid:
        raise BiometricListError(f"{where}: subject_id is empty")
    if (r.get("reason") or "").strip().upper() == REMOVE:
        if not allow_remove:
            raise BiometricListError(f"{where}: reason=REMOVE is only allowed in a delta bundle")
        return {"subject_id": sid, "remove": True}
    ban = (r.get("ban_until") or "").strip()
    if ban:
        try:
            ban = date.fromisoformat(ban).isoformat()
        except ValueError:
            raise BiometricListError(f"{where}: ban_until {ban!r} is not YYYY-MM-DD") from None
    out = {"subject_id": sid, "list": (r.get("list") or "").strip() or "biometric", "reason": (r.get("reason") or "").strip(),
           "ban_until": ban, "face": None, "fingers": {}}
    if (r.get("face") or "").strip():
        face = _need("face")
        img = base / r["face"].strip()
        try:
            out["face"] = encode_vector(face.encode(face.load_image(img)).vector)
        except Exception as exc:  # noqa: BLE001 - NoFace / ImageUnreadable: name the file
            raise BiometricListError(f"{where}: face image {img}: {exc}") from None
    dpi = float(r["dpi"]) if (r.get("dpi") or "").strip() else None
    for column, position in CSV_FINGERS.items():
        if (r.get(column) or "").strip():
            fp, iso = _need("fingerprint"), _need("iso19794")
            img = base / r[column].strip()
            try:
                tpl = fp.extract(fp.load_image(img, dpi=dpi))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"{where}: fingerprint image {img}: {exc}") from None
            out["fingers"][position] = base64.b64encode(iso.write(tpl)).decode("ascii")
    if out["face"] is None and not out["fingers"]:
        raise BiometricListError(f"{where}: subject {sid} has neither a face nor a fingerprint image")
    return out


def encode_vector(vector) -> str:
    """Face encodings travel as base64 of 128 little-endian float32 (684 characters, not ~1.5 KB
    of JSON numbers: it matters at 800,000 deportees)."""
    return base64.b64encode(np.asarray(vector, dtype="<f4").reshape(-1).tobytes()).decode("ascii")


def decode_vector(value) -> np.ndarray:
    """Inverse of :func:`encode_vector`; a JSON list of numbers is accepted too."""
    if isinstance(value, str):
        v = np.frombuffer(base64.b64decode(value), dtype="<f4")
    else:
        v = np.asarray(value, dtype=np.float32)
    if v.shape != (128,):
        raise BiometricListError(f"face template has {v.size} values, expected 128")
    return v.astype(np.float32)


# ------------------------------------------------------------------------------------ booth side
def read_subjects(directory: Path) -> list[dict]:
    path = Path(directory) / SUBJECTS
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build(directory: Path, rows: list[dict]) -> int:
    """Write subjects.jsonl and, where the matching package is installed, the saved 1:N indexes."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if any(r.get("remove") for r in rows):
        raise BiometricListError("a full bundle cannot remove biometric subjects")
    with open(directory / SUBJECTS, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, sort_keys=True) + "\n")
    fi, gi = _module("face_index"), _module("finger_index")
    if fi is not None and any(r.get("face") for r in rows):
        index = fi.FaceIndex()
        for r in rows:
            if r.get("face"):
                index.add(r["subject_id"], decode_vector(r["face"]))
        index.save(directory / FACE_INDEX)
    if gi is not None and any(r.get("fingers") for r in rows):
        iso = _need("iso19794")
        index = gi.FingerIndex()
        for r in rows:
            for pos, b64 in (r.get("fingers") or {}).items():
                index.add(r["subject_id"], pos, iso.read(base64.b64decode(b64)))
        index.save(directory / FINGER_INDEX)
    return len(rows)


@dataclass
class _Subject:
    subject_id: str
    reason: str
    ban_until: date | None
    list: str = "biometric"


class BiometricWatchlist:
    """Face and fingerprint 1:N search over the subjects of one list version."""

    def __init__(self, directory: Path, face_index=None, finger_index=None):
        self.directory = Path(directory)
        rows = read_subjects(self.directory)
        self.subjects = {r["subject_id"]: _Subject(r["subject_id"], r.get("reason", ""),
                                                   date.fromisoformat(r["ban_until"]) if r.get("ban_until") else None,
                                                   r.get("list") or "biometric")
                         for r in rows}
        self._rows = rows
        self.face_index = face_index if face_index is not None else self._load("face_index", "FaceIndex", FACE_INDEX)
        self.finger_index = finger_index if finger_index is not None else self._load("finger_index", "FingerIndex", FINGER_INDEX)
        self._face_ids: list[str] | None = None   # exact-scan fallback, built on first use
        self._face_mat: np.ndarray | None = None

    def _load(self, module: str, cls: str, filename: str):
        mod = _module(module)
        path = self.directory / filename
        if mod is None or not path.exists():
            return None
        return getattr(mod, cls).load(path)

    def __len__(self) -> int:
        return len(self.subjects)

    def _active(self, sid: str, today: date) -> _Subject | None:
        s = self.subjects.get(sid)
        if s is None or (s.ban_until is not None and s.ban_until < today):
            return None  # unknown, or the landing ban has ended: no longer a hit
        return s

    def _reasons(self, s: _Subject) -> list[str]:
        out = [f"listed: {s.reason}"] if s.reason else []
        if s.ban_until:
            out.append(f"landing ban until {s.ban_until.isoformat()}")
        return out

    def screen(self, face=None, fingers: dict | None = None, today: date | None = None) -> list:
        from inspector_app.screening.screen import Hit

        today = today or date.today()
        hits = []
        if face is not None and self.subjects:
            for sid, dist, how in self._search_face(face):
                s = self._active(sid, today)
                if s is not None:
                    hits.append(Hit("face", s.list, round(max(0.0, 1.0 - dist), 4),
                                    [f"face distance {dist:.3f} <= threshold {self._face_threshold():.2f} ({how})"] + self._reasons(s),
                                    subject_id=sid))
        if fingers and self.subjects:
            for sid, score, how in self._search_fingers(fingers):
                s = self._active(sid, today)
                if s is not None:
                    hits.append(Hit("fingerprint", s.list, round(float(score), 4),
                                    [f"fingerprint score {score:.3f} >= threshold {self._finger_threshold():.2f} "
                                     f"({', '.join(sorted(fingers))}; {how})"] + self._reasons(s),
                                    subject_id=sid))
        return hits

    @staticmethod
    def _face_threshold() -> float:
        mod = _module("face")
        return float(getattr(mod, "THRESHOLD", 0.6)) if mod else 0.6

    @staticmethod
    def _finger_threshold() -> float:
        mod = _module("fingerprint")
        return float(getattr(mod, "THRESHOLD", 0.3)) if mod else 0.3

    def _search_face(self, face) -> list[tuple[str, float, str]]:
        vec = np.asarray(getattr(face, "vector", face), dtype=np.float32).reshape(-1)
        thr = self._face_threshold()
        if self.face_index is not None:
            return [(sid, float(d), "1:N face index") for sid, d in self.face_index.search(vec, k=5, max_distance=thr)]
        if self._face_ids is None:
            with_face = [r for r in self._rows if r.get("face")]
            self._face_ids = [r["subject_id"] for r in with_face]
            self._face_mat = (np.stack([decode_vector(r["face"]) for r in with_face]) if with_face
                              else np.empty((0, 128), np.float32))
        if not self._face_ids:
            return []
        d = np.linalg.norm(self._face_mat - vec, axis=1)
        order = np.argsort(d)[:5]
        return [(self._face_ids[i], float(d[i]), "exact scan") for i in order if d[i] <= thr]

    def _search_fingers(self, fingers: dict) -> list[tuple[str, float, str]]:
        thr = self._finger_threshold()
        if self.finger_index is not None:
            return [(sid, float(s), "1:N finger index") for sid, s in self.finger_index.identify(fingers, k=5) if s >= thr]
        fp, iso = _module("fingerprint"), _module("iso19794")
        if fp is None or iso is None:
            return []
        best: dict[str, float] = {}
        for r in self._rows:
            scores = [fp.match(tpl, iso.read(base64.b64decode(r["fingers"][pos])))
                      for pos, tpl in fingers.items() if pos in (r.get("fingers") or {})]
            if scores:
                best[r["subject_id"]] = max(scores)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:5]
        return [(sid, s, "pairwise match") for sid, s in ranked if s >= thr]


def probe_from_files(face_path: Path | None, fingers: dict[str, Path]):
    """Images given on the command line -> (face template, {position: finger template})."""
    face_tpl = None
    if face_path is not None:
        face = _need("face")
        try:
            face_tpl = face.encode(face.load_image(face_path))
        except Exception as exc:  # noqa: BLE001
            raise BiometricListError(f"face image {face_path}: {exc}") from None
    finger_tpls = {}
    if fingers:
        fp = _need("fingerprint")
        for pos, img in fingers.items():
            try:
                finger_tpls[pos] = fp.extract(fp.load_image(img))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"fingerprint image {img}: {exc}") from None
    return face_tpl, finger_tpls
