"""Biometric watchlist: wanted persons and deportees, matched 1:N by face and fingerprints.

Subjects carry a reason and ``ban_until`` (deportees are barred for 1, 5 or 10 years, ICRRA
Art. 5(1)(ix)); once the ban has ended the subject is no longer a hit. Templates are computed
when a bundle is created (``bundle create --biometrics DIR``), so booths never need the images.

On the booth, ``subjects.jsonl`` in the list version directory is the source of truth; the
search structures are the matching package's 1:N indexes (``biometrics.face_index.FaceIndex``,
``biometrics.finger_index.FingerIndex``, docs/CONTRACTS.md), built when the bundle is applied and
saved beside it (an index is absent only when no subject has that modality). The heavy
matching modules (dlib, OpenCV, faiss) are imported inside the functions that use them, so that
opening the screening package stays cheap.
"""
from __future__ import annotations

import base64
import csv
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from inspector_app.biometrics import similarity
from inspector_app.domain.messages import msg
from inspector_app.screening.hits import Hit

SUBJECTS = "subjects.jsonl"
FACE_INDEX = "face.index"
FINGER_INDEX = "finger.index"
CSV_COLUMNS = ["subject_id", "reason", "ban_until", "face", "right_index", "left_index", "dpi"]
CSV_FINGERS = {"right_index": "Right IndexFinger", "left_index": "Left IndexFinger"}
REMOVE = "REMOVE"
IMAGES = "images"
#: Enrolment images travel in the signed bundle as small JPEGs (longer side at most this many
#: pixels): enough for an inspector to compare a face or a finger beside the live capture.
THUMBNAIL_SIDE = 160
FACE = "Face"


class BiometricListError(ValueError):
    """Biometric watchlist input that cannot be used, with the reason."""


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
        from inspector_app.biometrics import fingerprint as fp
        from inspector_app.biometrics import iso19794 as iso

        for pos, img in extra.items():
            try:
                tpl = fp.extract(fp.load_image(path.parent / img))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"{path}: fingerprint image {img}: {exc}") from None
            out["fingers"][pos] = base64.b64encode(iso.write(tpl)).decode("ascii")
            out["images"][pos] = thumbnail(path.parent / img, gray=True)
    return out


def thumbnail(path: Path, gray: bool) -> str:
    """A small JPEG of an enrolment image (base64), longer side at most THUMBNAIL_SIDE pixels."""
    import cv2

    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE if gray else cv2.IMREAD_COLOR)
    if image is None:
        raise BiometricListError(f"enrolment image {path} cannot be read")
    h, w = image.shape[:2]
    scale = min(1.0, THUMBNAIL_SIDE / float(max(h, w)))
    if scale < 1.0:
        image = cv2.resize(image, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    if not ok:
        raise BiometricListError(f"enrolment image {path} cannot be made into a thumbnail")
    return base64.b64encode(data.tobytes()).decode("ascii")


def image_name(subject_id: str, position: str) -> str:
    """File name of a subject's enrolment image under the list version's images/ folder
    (subject ids are the list's, so they are hashed rather than trusted as file names)."""
    import hashlib

    digest = hashlib.sha256(f"{subject_id}\x00{position}".encode()).hexdigest()[:32]
    return f"{digest}.jpg"


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
           "ban_until": ban, "face": None, "fingers": {}, "images": {}}
    if (r.get("face") or "").strip():
        from inspector_app.biometrics import face
        img = base / r["face"].strip()
        try:
            out["face"] = encode_vector(face.encode(face.load_image(img)).vector)
        except Exception as exc:  # noqa: BLE001 - NoFace / ImageUnreadable: name the file
            raise BiometricListError(f"{where}: face image {img}: {exc}") from None
        out["images"][FACE] = thumbnail(img, gray=False)
    dpi = float(r["dpi"]) if (r.get("dpi") or "").strip() else None
    for column, position in CSV_FINGERS.items():
        if (r.get(column) or "").strip():
            from inspector_app.biometrics import fingerprint as fp
            from inspector_app.biometrics import iso19794 as iso

            img = base / r[column].strip()
            try:
                tpl = fp.extract(fp.load_image(img, dpi=dpi))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"{where}: fingerprint image {img}: {exc}") from None
            out["fingers"][position] = base64.b64encode(iso.write(tpl)).decode("ascii")
            out["images"][position] = thumbnail(img, gray=True)
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
    """Write subjects.jsonl and the saved 1:N indexes (one per modality that has templates)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if any(r.get("remove") for r in rows):
        raise BiometricListError("a full bundle cannot remove biometric subjects")
    with open(directory / SUBJECTS, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, sort_keys=True) + "\n")
    images = directory / IMAGES
    for r in rows:
        for position, b64 in (r.get("images") or {}).items():
            images.mkdir(exist_ok=True)
            try:
                data = base64.b64decode(b64, validate=True)
            except ValueError:
                raise BiometricListError(f"subject {r['subject_id']}: enrolment image {position} is not base64") from None
            (images / image_name(r["subject_id"], position)).write_bytes(data)
    if any(r.get("face") for r in rows):
        from inspector_app.biometrics.face_index import FaceIndex

        index = FaceIndex()
        for r in rows:
            if r.get("face"):
                index.add(r["subject_id"], decode_vector(r["face"]))
        index.save(directory / FACE_INDEX)
    if any(r.get("fingers") for r in rows):
        from inspector_app.biometrics import iso19794 as iso
        from inspector_app.biometrics.finger_index import FingerIndex

        index = FingerIndex()
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
        if face_index is None and (self.directory / FACE_INDEX).exists():
            from inspector_app.biometrics.face_index import FaceIndex

            face_index = FaceIndex.load(self.directory / FACE_INDEX)
        if finger_index is None and (self.directory / FINGER_INDEX).exists():
            from inspector_app.biometrics.finger_index import FingerIndex

            finger_index = FingerIndex.load(self.directory / FINGER_INDEX)
        self.face_index = face_index      # None: no subject of this version has a face template
        self.finger_index = finger_index  # None: no subject has a fingerprint template

    def __len__(self) -> int:
        return len(self.subjects)

    def _active(self, sid: str, today: date) -> _Subject | None:
        s = self.subjects.get(sid)
        if s is None or (s.ban_until is not None and s.ban_until < today):
            return None  # unknown, or the landing ban has ended: no longer a hit
        return s

    def enrolment_image(self, subject_id: str, position: str | None) -> bytes | None:
        """The watchlist's small enrolment image (JPEG bytes) of a subject's face (``"Face"``) or
        finger (SBI position), as carried by the signed bundle; None when the list has none."""
        if not position:
            return None
        path = self.directory / IMAGES / image_name(subject_id, position)
        return path.read_bytes() if path.is_file() else None

    def _reasons(self, s: _Subject) -> list[str]:
        out = [msg("listed: {reason}", reason=s.reason)] if s.reason else []
        if s.ban_until:
            out.append(msg("landing ban until {date}", date=s.ban_until.isoformat()))
        return out

    def screen(self, face=None, fingers: dict | None = None, today: date | None = None) -> list:
        today = today or date.today()
        hits = []
        if face is not None and self.subjects:
            for sid, dist, how in self._search_face(face):
                s = self._active(sid, today)
                if s is not None:
                    similar = similarity.face_similarity(dist)
                    hits.append(Hit("face", s.list, similar,
                                    [msg("face similarity {similarity} of 100 (a hit from {hit_at})", similarity=str(similar),
                                         hit_at=str(similarity.HIT_AT))] + self._reasons(s),
                                    subject_id=sid, native={"face_distance": round(dist, 4), "index": how},
                                    enrolment_image=self.enrolment_image(sid, "Face")))
        if fingers and self.subjects:
            for sid, score, how in self._search_fingers(fingers):
                s = self._active(sid, today)
                if s is not None:
                    similar = similarity.finger_similarity(score)
                    position = next((p for p in sorted(fingers)
                                     if (self.directory / IMAGES / image_name(sid, p)).is_file()), None)
                    hits.append(Hit("fingerprint", s.list, similar,
                                    [msg("fingerprint similarity {similarity} of 100 (a hit from {hit_at})",
                                         similarity=str(similar), hit_at=str(similarity.HIT_AT))]
                                    + self._reasons(s),
                                    subject_id=sid, native={"finger_score": round(float(score), 4), "index": how,
                                                            "positions": sorted(fingers)},
                                    position=position,
                                    enrolment_image=self.enrolment_image(sid, position) if position else None))
        return hits

    @staticmethod
    def _face_threshold() -> float:
        from inspector_app.biometrics.face import THRESHOLD

        return THRESHOLD

    @staticmethod
    def _finger_threshold() -> float:
        from inspector_app.biometrics.fingerprint import THRESHOLD

        return THRESHOLD

    def _search_face(self, face) -> list[tuple[str, float, str]]:
        if self.face_index is None:
            return []
        vec = np.asarray(getattr(face, "vector", face), dtype=np.float32).reshape(-1)
        found = self.face_index.search(vec, k=5, max_distance=self._face_threshold())
        return [(sid, float(d), msg("1:N face index")) for sid, d in found]

    def _search_fingers(self, fingers: dict) -> list[tuple[str, float, str]]:
        if self.finger_index is None:
            return []
        thr = self._finger_threshold()   # one finger's: met by the mean over the fingers both have
        return [(sid, float(s), msg("1:N finger index")) for sid, s in self.finger_index.mean_scores(fingers, k=5)
                if s >= thr]


def probe_from_files(face_path: Path | None, fingers: dict[str, Path]):
    """Images given on the command line -> (face template, {position: finger template})."""
    face_tpl = None
    if face_path is not None:
        from inspector_app.biometrics import face

        try:
            face_tpl = face.encode(face.load_image(face_path))
        except Exception as exc:  # noqa: BLE001
            raise BiometricListError(f"face image {face_path}: {exc}") from None
    finger_tpls = {}
    if fingers:
        from inspector_app.biometrics import fingerprint as fp

        for pos, img in fingers.items():
            try:
                finger_tpls[pos] = fp.extract(fp.load_image(img))
            except Exception as exc:  # noqa: BLE001
                raise BiometricListError(f"fingerprint image {img}: {exc}") from None
    return face_tpl, finger_tpls
