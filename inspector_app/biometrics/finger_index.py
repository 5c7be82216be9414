"""1:N fingerprint identification over subjects enrolled with several fingers.

Two stages, because the full MCC matcher (~1 ms a pair) is too slow to run against every
template of a national watchlist within a second:

1. Pre-filter (cylinder voting): every gallery cylinder is reduced to a short float vector (a
   fixed random projection of its bits, L2-normalised) in one faiss inner-product index per
   finger position. Each probe cylinder fetches its nearest gallery cylinders; a template's
   coarse score is the sum over probe cylinders of its best neighbour similarity. MCC cylinders
   are rotation and translation invariant, so no alignment is needed.
2. Re-ranking: every subject that any probe finger's pre-filter proposes (the `shortlist` best
   templates per finger) is scored by the full MCC matcher (LSS-R) on EVERY probe finger it
   holds. Subject score = sum of its per-finger scores over the probe's fingers (a finger it
   lacks counts 0), so two weak but consistent fingers can outrank one lucky one. Scoring the
   union, not each finger's own shortlist, matters: the pre-filter misses one finger of a mate
   about one time in ten on realistic prints (benchmarks/fingerprint_search.py --index booth),
   and a mate scored on one finger only loses the fusion to an impostor scored on two.

The recall this pre-filter costs is measured by benchmarks/fingerprint_search.py.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from inspector_app.biometrics import fingerprint, iso19794
from inspector_app.biometrics.finger import mcc
from inspector_app.biometrics.finger.template import FingerTemplate

PROJECTED_DIMS = 64
_SEED = 19794
# Above this many gallery cylinders per finger position the pre-filter uses an inverted-file
# index (k-means cells, probing IVF_NPROBE of them) instead of scanning every cylinder.
IVF_MIN_VECTORS = 200_000
IVF_NPROBE = 24
# A template's vote total is divided by (its cylinder count) ** CYLINDER_NORM: a print with many
# minutiae collects nearest neighbours by chance alone and crowded small mates out of the
# shortlist. 128 neighbours and 0.7 were chosen on a 2,000-subject calibrated synthetic gallery
# and checked on another one (docs/FINGERPRINT.md, "The booths' index on realistic fingers").
CYLINDER_NORM = 0.7


def _projection(bits: int) -> np.ndarray:
    rng = np.random.default_rng(_SEED)
    return rng.standard_normal((bits, PROJECTED_DIMS)).astype(np.float32) / np.sqrt(PROJECTED_DIMS)


def descriptors(cyl: mcc.Cylinders, proj: np.ndarray) -> np.ndarray:
    """(n, PROJECTED_DIMS) unit vectors, one per valid cylinder."""
    if len(cyl) == 0:
        return np.zeros((0, PROJECTED_DIMS), np.float32)
    bits = np.unpackbits(cyl.bits.view(np.uint8), axis=1)[:, : proj.shape[0]].astype(np.float32)
    bits -= bits.mean(axis=1, keepdims=True)  # centre: sparse cylinders must not all look alike
    v = bits @ proj
    v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-6)
    return np.ascontiguousarray(v, dtype=np.float32)


def _norm(cylinders):
    return np.maximum(cylinders, 1) ** -CYLINDER_NORM


@dataclass
class _PositionIndex:
    """The gallery of one finger position: templates, their cylinders and the faiss index."""
    templates: list = field(default_factory=list)  # FingerTemplate | None (removed)
    subjects: list = field(default_factory=list)
    by_subject: dict = field(default_factory=dict)  # subject -> its template ids here
    owners: list = field(default_factory=list)  # per-template arrays of cylinder owner ids
    vectors: list = field(default_factory=list)
    _faiss: object = None
    _owner: np.ndarray | None = None
    _norm: np.ndarray | None = None  # per template: cylinder count ** -CYLINDER_NORM
    _ivf: bool = False

    def add(self, subject_id: str, template: FingerTemplate, proj: np.ndarray) -> None:
        tid = len(self.templates)
        vec = template._arrays.get("mcc_vec")
        if vec is None:
            vec = template._arrays["mcc_vec"] = descriptors(fingerprint.cylinders(template), proj)
        self.templates.append(template)
        self.subjects.append(subject_id)
        self.by_subject.setdefault(subject_id, []).append(tid)
        self.vectors.append(vec)
        self.owners.append(np.full(len(vec), tid, np.int64))
        # A gallery that grows while it is searched (the hub's encounters) must not rebuild the
        # pre-filter per added template: at 100k templates (4M cylinders) that took 80 s a position.
        # Added vectors join the built index (an IVF keeps its trained cells); a flat index that
        # outgrows IVF_MIN_VECTORS is rebuilt once, as an IVF.
        if self._faiss is not None and (self._ivf or self._faiss.ntotal + len(vec) < IVF_MIN_VECTORS):
            self._faiss.add(vec)
            self._owner = np.concatenate([self._owner, self.owners[-1]])
            self._norm = np.append(self._norm, _norm(len(vec)))
        else:
            self._faiss = None

    def _index(self):
        if self._faiss is None:
            import faiss

            data = np.concatenate(self.vectors) if self.vectors else np.zeros((0, PROJECTED_DIMS), np.float32)
            if len(data) >= IVF_MIN_VECTORS:
                nlist = int(min(1024, 4 * np.sqrt(len(data))))
                quantizer = faiss.IndexFlatIP(PROJECTED_DIMS)
                index = faiss.IndexIVFFlat(quantizer, PROJECTED_DIMS, nlist, faiss.METRIC_INNER_PRODUCT)
                index.cp.seed = _SEED
                index.cp.niter = 10
                index.train(data[:: max(1, len(data) // (40 * nlist))])  # deterministic subsample
                index.nprobe = IVF_NPROBE
            else:
                index = faiss.IndexFlatIP(PROJECTED_DIMS)
            self._ivf = len(data) >= IVF_MIN_VECTORS
            index.add(data)
            self._faiss = index
            self._owner = np.concatenate(self.owners) if self.owners else np.zeros(0, np.int64)
            self._norm = _norm(np.array([len(v) for v in self.vectors], np.float64))
        return self._faiss

    def shortlist(self, template: FingerTemplate, proj: np.ndarray, neighbours: int, size: int) -> list[int]:
        """Template ids with the best cylinder-voting score."""
        q = descriptors(fingerprint.cylinders(template), proj)
        index = self._index()
        if len(q) == 0 or index.ntotal == 0:
            return []
        sims, ids = index.search(q, min(neighbours, index.ntotal))
        owner = self._owner[np.maximum(ids, 0)]
        sims = np.where(ids >= 0, np.maximum(sims, 0), 0)
        # best neighbour per (probe cylinder, template), summed over probe cylinders
        rows = np.repeat(np.arange(len(q)), ids.shape[1])
        key = rows * len(self.templates) + owner.ravel()
        order = np.lexsort((-sims.ravel(), key))
        key_sorted = key[order]
        first = np.ones(len(order), bool)
        first[1:] = key_sorted[1:] != key_sorted[:-1]
        best = sims.ravel()[order][first]
        tids = key_sorted[first] % len(self.templates)
        score = np.bincount(tids, weights=best, minlength=len(self.templates)) * self._norm
        alive = np.array([t is not None for t in self.templates])
        score[~alive] = -1
        top = np.argsort(-score, kind="stable")[:size]
        return [int(t) for t in top if score[t] > 0]


class FingerIndex:
    """Gallery of subjects' fingers, searchable by one or more probe fingers."""

    def __init__(self, shortlist: int = 100, neighbours: int = 128):
        self.shortlist_size = shortlist
        self.neighbours = neighbours
        self._positions: dict[str, _PositionIndex] = {}
        self._held: dict[str, set[str]] = {}   # subject -> the positions enrolled
        self._proj = _projection(mcc.DEFAULT.ns * mcc.DEFAULT.ns * mcc.DEFAULT.nd)

    def __len__(self) -> int:
        """Number of enrolled subjects."""
        return len(self.subject_ids())

    def subject_ids(self) -> set[str]:
        return {s for p in self._positions.values() for s, t in zip(p.subjects, p.templates) if t is not None}

    def add(self, subject_id: str, position: str, template: FingerTemplate) -> None:
        """Enrol one finger of a subject (a subject may have any number of positions)."""
        if not isinstance(template, FingerTemplate):
            raise TypeError("template must be a FingerTemplate")
        self._positions.setdefault(position, _PositionIndex()).add(str(subject_id), template, self._proj)
        self._held.setdefault(str(subject_id), set()).add(position)

    def fingers_of(self, subject_id: str) -> frozenset[str]:
        """The positions enrolled for a subject: a fused score (a sum over the probe's positions)
        is judged against one finger's threshold per finger both have, never against one."""
        return frozenset(self._held.get(subject_id, ()))

    def mean_scores(self, probe: dict[str, FingerTemplate], k: int = 5) -> list[tuple[str, float]]:
        """``identify``'s top-k with each fused score divided by the number of fingers the subject
        and the probe both have: comparable with a single finger's threshold. Two impostor
        fingers summed reach one finger's threshold almost always (the FVC sets: 99.9 %)."""
        out = []
        for sid, fused in self.identify(probe, k):
            common = len(self.fingers_of(sid) & set(probe))
            out.append((sid, round(fused / max(1, common), 4)))
        return sorted(out, key=lambda kv: (-kv[1], kv[0]))

    def remove(self, subject_id: str) -> int:
        """Withdraw every finger of a subject; returns how many templates were removed."""
        removed = 0
        for p in self._positions.values():
            for i, s in enumerate(p.subjects):
                if s == subject_id and p.templates[i] is not None:
                    p.templates[i] = None
                    removed += 1
        self._held.pop(subject_id, None)
        return removed

    def candidates(self, position: str, template: FingerTemplate) -> list[int]:
        """Pre-filter only: template ids of one position worth a full comparison."""
        p = self._positions.get(position)
        if p is None:
            return []
        return p.shortlist(template, self._proj, self.neighbours, self.shortlist_size)

    def identify(self, probe: dict[str, FingerTemplate], k: int = 5) -> list[tuple[str, float]]:
        """Top-k (subject_id, fused score) over the probe's finger positions, best first: the
        exhaustive answer over the subjects any finger's pre-filter proposed."""
        held = {pos: self._positions[pos] for pos in probe if pos in self._positions}
        proposed = {p.subjects[tid] for pos, p in held.items() for tid in self.candidates(pos, probe[pos])}
        fused: dict[str, float] = {}
        for sid in proposed:
            fused[sid] = sum(max((fingerprint.match(probe[pos], p.templates[tid])
                                  for tid in p.by_subject.get(sid, ()) if p.templates[tid] is not None),
                                 default=0.0)
                             for pos, p in held.items())
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(sid, round(score, 4)) for sid, score in ranked[:k]]

    # ------------------------------------------------------------------ persistence
    _CYL_FIELDS = ("xyt", "bits", "valid", "count", "cells")

    def save(self, path: str | Path) -> None:
        """One .npz of concatenated arrays: ISO templates plus precomputed cylinders and vectors,
        so loading recomputes nothing."""
        meta, isos, cyls, vecs = [], [], [], []
        for pos, p in self._positions.items():
            for tid, (sid, t) in enumerate(zip(p.subjects, p.templates)):
                if t is None:
                    continue
                meta.append([sid, pos])
                isos.append(np.frombuffer(iso19794.write(t), np.uint8))
                cyls.append(fingerprint.cylinders(t))
                vecs.append(p.vectors[tid])
        arrays = {"meta": np.frombuffer(json.dumps({"entries": meta}).encode(), np.uint8)}
        arrays["iso"] = np.concatenate(isos) if isos else np.zeros(0, np.uint8)
        arrays["iso_len"] = np.array([len(b) for b in isos], np.int64)
        arrays["cyl_len"] = np.array([len(c) for c in cyls], np.int64)
        words = cyls[0].bits.shape[1] if cyls else 1
        for name in self._CYL_FIELDS:
            parts = [getattr(c, name) for c in cyls]
            if name in ("bits", "valid"):
                parts = [x.reshape(-1, words) for x in parts]
            arrays[name] = np.concatenate(parts) if parts else np.zeros(0)
        arrays["vec"] = np.concatenate(vecs) if vecs else np.zeros((0, PROJECTED_DIMS), np.float32)
        with Path(path).open("wb") as fh:
            np.savez(fh, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> FingerIndex:
        with np.load(Path(path)) as z:
            meta = json.loads(bytes(z["meta"]).decode())
            data = {k: z[k] for k in z.files}
        index = cls()  # the search settings are this version's, not those of the booth that saved it
        iso_off = np.concatenate([[0], np.cumsum(data["iso_len"])])
        cyl_off = np.concatenate([[0], np.cumsum(data["cyl_len"])])
        for n, (sid, pos) in enumerate(meta["entries"]):
            t = iso19794.read(data["iso"][iso_off[n]:iso_off[n + 1]].tobytes())
            a, b = cyl_off[n], cyl_off[n + 1]
            t._arrays["mcc"] = mcc.Cylinders(*(data[name][a:b] for name in cls._CYL_FIELDS))
            p = index._positions.setdefault(pos, _PositionIndex())
            p.by_subject.setdefault(sid, []).append(len(p.templates))
            p.templates.append(t)
            p.subjects.append(sid)
            p.vectors.append(data["vec"][a:b])
            p.owners.append(np.full(b - a, len(p.templates) - 1, np.int64))
            index._held.setdefault(sid, set()).add(pos)
        return index
