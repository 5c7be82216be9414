"""EXPERIMENT, not used by booths: a compact 1:N fingerprint index for national-size watchlists.

Measured by benchmarks/fingerprint_search.py (issue 15): it fits 100k subjects in 138 MB and
loads in 0.9 s, but its hashed pre-filter lost 29 % of mates at 100k (rank-1 0.709, results
fingerprint_search_national.json), so the product keeps inspector_app.biometrics.finger_index.
It stays here as the measured starting point for the next attempt (real MCC bits as hash keys,
neighbouring buckets probed).


A booth must search a 1M-subject, 2-finger watchlist in under 2 s within 8 GB. Full MCC
cylinders of 2M fingers would take ~26 GB and hours to build, so the index keeps only:

- every finger's minutiae, 7 bytes each (finger_codes.MINUTIA_DTYPE), memory-mapped from disk;
- a pre-filter of locality-sensitive hashes of coarse cylinders (finger_codes): TABLES inverted
  lists of minutia indexes per hash key, sorted once and memory-mapped (~1.5 KB a finger).

A query hashes each probe finger's coarse cylinders; every gallery minutia in the same bucket
of a table is a collision. Stage 1 keeps the `depth` templates with the most collisions weighted
by bucket rarity (log N / bucket size); stage 2 scores those by the most probe minutiae that
collide under one rigid alignment (geometric hashing's Hough vote). A subject's coarse score is
the sum over the probe's fingers of its alignment votes, so two middling fingers outrank one
lucky one already in the pre-filter. The `shortlist` best subjects are then re-ranked by the
full MCC matcher (`fingerprint.cylinders` / `mcc.match`, cylinders rebuilt from the stored
minutiae): subject score = sum of per-finger MCC scores over the probe's fingers (a missing
finger counts 0), exactly what an exhaustive MCC search computes for those subjects. What the
pre-filter costs in recall is measured against such an exhaustive search by
benchmarks/fingerprint_search.py.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from pathlib import Path

import numpy as np

from benchmarks import finger_codes as fc
from inspector_app.biometrics import fingerprint
from inspector_app.biometrics.finger import mcc
from inspector_app.biometrics.finger.template import FingerTemplate

KEYS = 1 << fc.TABLE_BITS
# Templates added after the postings were sorted wait in a small unsorted list; beyond this many
# (or a tenth of the gallery) the postings are re-sorted with them.
PENDING_MAX = 50_000
CYLINDER_CACHE = 4096  # rebuilt gallery cylinders kept (~13 KB each): repeated searches are cheap
# Alignment votes: a collision votes for its (rotation bin, translation cell) of the template.
ROTATION_BINS = 12
TRANSLATION_CELL = 40.0  # px


def build_postings(keys: np.ndarray, mids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inverted lists of (m, TABLES) keys of minutiae `mids`: concatenated minutia indexes per
    (table, key) and (TABLES, KEYS + 1) start offsets into them."""
    valid = keys != fc.NO_KEY
    post = np.zeros(int(valid.sum()), np.uint32)
    starts = np.zeros((fc.TABLES, KEYS + 1), np.int64)
    base = 0
    for t in range(keys.shape[1]):
        ok = np.nonzero(valid[:, t])[0]
        col = keys[ok, t]
        order = np.argsort(col, kind="stable")
        post[base:base + len(ok)] = mids[ok[order]]
        starts[t] = base + np.searchsorted(col[order], np.arange(KEYS + 1))
        base += len(ok)
    return post, starts


class _Position:
    """The gallery of one finger position: minutiae, owners and the hashed pre-filter."""

    def __init__(self):
        self.rec = np.zeros(0, fc.MINUTIA_DTYPE)
        self.off = np.zeros(1, np.int64)
        self.size = np.zeros((0, 2), np.int32)
        self.sub = np.zeros(0, np.int32)        # template -> subject number
        self.alive = np.zeros(0, bool)
        self.owner = np.zeros(0, np.uint32)     # minutia -> template
        self.post = np.zeros(0, np.uint32)      # minutia indexes, by (table, key)
        self.starts = np.zeros((fc.TABLES, KEYS + 1), np.int64)
        self.pending_keys = np.zeros((0, fc.TABLES), np.uint32)
        self.pending_mid = np.zeros(0, np.int64)
        self._cyl: OrderedDict = OrderedDict()
        self._queue: list = []

    def __len__(self) -> int:
        self._flush()
        return len(self.sub)

    def add(self, subs: np.ndarray, rec: np.ndarray, off: np.ndarray, size: np.ndarray) -> None:
        """Queue templates (packed minutiae); they join the arrays at the next search or save, so
        a gallery grown one encounter at a time does not copy itself per add."""
        self._queue.append((subs.astype(np.int32), rec, off, size))

    def _flush(self) -> None:
        if not self._queue:
            return
        queue, self._queue = self._queue, []
        first, base = len(self.sub), len(self.rec)
        rec = np.concatenate([q[1] for q in queue])
        counts = np.concatenate([np.diff(q[2]) for q in queue])
        off = np.concatenate([[0], np.cumsum(counts)])
        keys, mid = fc.template_keys(rec, off)
        self.rec = np.concatenate([self.rec, rec])
        self.off = np.concatenate([self.off, base + off[1:]])
        self.size = np.concatenate([self.size, *[q[3] for q in queue]])
        self.sub = np.concatenate([self.sub, *[q[0] for q in queue]])
        self.alive = np.concatenate([self.alive, np.ones(len(counts), bool)])
        self.owner = np.concatenate([self.owner, np.repeat(np.arange(first, first + len(counts)), counts).astype(np.uint32)])
        self.pending_keys = np.concatenate([self.pending_keys, keys])
        self.pending_mid = np.concatenate([self.pending_mid, mid + base])
        if len(self.post) and len(self.pending_mid) > max(PENDING_MAX, len(self.post) // (10 * fc.TABLES)):
            self.reindex()

    def reindex(self) -> None:
        """Sort every minutia's keys into the inverted lists (recomputed from the minutiae)."""
        self._flush()
        if len(self.post) == 0 and len(self.pending_mid):  # a bulk load: every key is pending
            self.post, self.starts = build_postings(self.pending_keys, self.pending_mid)
            self.pending_keys = np.zeros((0, fc.TABLES), np.uint32)
            self.pending_mid = np.zeros(0, np.int64)
            return
        keys, mids = [], []
        step = 50_000
        for a in range(0, len(self.sub), step):
            b = min(a + step, len(self.sub))
            k, m = fc.template_keys(self.rec[self.off[a]:self.off[b]], self.off[a:b + 1] - self.off[a])
            keys.append(k)
            mids.append(m + self.off[a])
        if keys:
            self.post, self.starts = build_postings(np.concatenate(keys), np.concatenate(mids))
        self.pending_keys = np.zeros((0, fc.TABLES), np.uint32)
        self.pending_mid = np.zeros(0, np.int64)

    def collisions(self, probe_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(probe minutia, gallery minutia, bucket rarity weight) of every shared key."""
        pi, gm, wt = [], [], []
        alive = max(2, len(self.sub))
        for t in range(fc.TABLES):
            k = probe_keys[:, t]
            ok = np.nonzero(k != fc.NO_KEY)[0]
            kk = k[ok].astype(np.int64)
            s, e = self.starts[t, kk], self.starts[t, kk + 1]
            ln = e - s
            if ln.sum():
                nz = ln > 0
                s, ln, ok_ = s[nz], ln[nz], ok[nz]
                idx = np.repeat(s - np.concatenate([[0], np.cumsum(ln)[:-1]]), ln) + np.arange(ln.sum())
                gm.append(np.asarray(self.post[idx], np.int64))
                pi.append(np.repeat(ok_, ln))
                wt.append(np.repeat(np.log(alive / ln), ln))
            if len(self.pending_mid):
                hit = np.nonzero(np.isin(self.pending_keys[:, t], kk))[0]
                order = np.argsort(kk, kind="stable")
                at = order[np.searchsorted(kk[order], self.pending_keys[hit, t])]
                gm.append(self.pending_mid[hit])
                pi.append(ok[at])
                wt.append(np.full(len(hit), np.log(alive)))
        if not gm:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        return np.concatenate(pi), np.concatenate(gm), np.concatenate(wt)

    def prefilter(self, probe_keys: np.ndarray, probe_xyt: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """Template ids worth a full comparison and their alignment votes, best first.

        Two stages over the same key collisions: (1) every template's collisions weighted by
        bucket rarity (log N / bucket size) keep the `depth` best; (2) those are scored by the
        most probe minutiae colliding under one rigid alignment (rotation bin x translation
        cell), the Hough transform of geometric hashing: true pairs agree on the alignment,
        chance collisions scatter over all of them."""
        self._flush()
        n = len(self.sub)
        if n == 0 or len(probe_keys) == 0:
            return np.zeros(0, np.int64), np.zeros(0)
        i, g, w = self.collisions(probe_keys)
        if len(i) == 0:
            return np.zeros(0, np.int64), np.zeros(0)
        tid = np.asarray(self.owner[g], np.int64)
        coarse = np.bincount(tid, weights=w, minlength=n)
        coarse[~np.asarray(self.alive)] = 0.0
        depth = min(depth, int((coarse > 0).sum()))
        if depth == 0:
            return np.zeros(0, np.int64), np.zeros(0)
        keep = np.zeros(n, bool)
        keep[np.argpartition(-coarse, depth - 1)[:depth]] = True
        sel = keep[tid]
        i, g, tid = i[sel], g[sel], tid[sel]
        r = self.rec[g]
        gx = r["x"].astype(np.float64)
        gy = -r["y"].astype(np.float64)
        dtheta = (probe_xyt[i, 2] - r["a"] * (2 * np.pi / 256)) % (2 * np.pi)
        width = 2 * np.pi / ROTATION_BINS
        lo = np.floor(dtheta / width - 0.5).astype(np.int64)
        cells = []
        for b in (lo, lo + 1):  # the two nearest rotation bins, each with its own translation
            phi = (b + 0.5) * width
            tx = probe_xyt[i, 0] - (np.cos(phi) * gx - np.sin(phi) * gy)
            ty = probe_xyt[i, 1] - (np.sin(phi) * gx + np.cos(phi) * gy)
            cx = np.clip(np.floor(tx / TRANSLATION_CELL).astype(np.int64) + 32, 0, 63)
            cy = np.clip(np.floor(ty / TRANSLATION_CELL).astype(np.int64) + 32, 0, 63)
            cell = ((tid * ROTATION_BINS + b % ROTATION_BINS) * 64 + cx) * 64 + cy
            cells.append(cell * 256 + np.minimum(i, 255))  # a probe minutia counts once per alignment
        cell, count = np.unique(np.unique(np.concatenate(cells)) // 256, return_counts=True)
        votes = np.zeros(n)
        np.maximum.at(votes, cell // (ROTATION_BINS * 64 * 64), count)
        ids = np.nonzero(keep)[0]
        order = np.argsort(-votes[ids], kind="stable")
        return ids[order], votes[ids][order]

    def template(self, tid: int) -> FingerTemplate:
        return fc.unpack(self.rec[self.off[tid]:self.off[tid + 1]], self.size[tid])

    def cylinders(self, tid: int) -> mcc.Cylinders:
        cyl = self._cyl.get(tid)
        if cyl is None:
            cyl = self._cyl[tid] = fingerprint.cylinders(self.template(tid))
            if len(self._cyl) > CYLINDER_CACHE:
                self._cyl.popitem(last=False)
        else:
            self._cyl.move_to_end(tid)
        return cyl

    _ARRAYS = ("rec", "off", "size", "sub", "alive", "owner", "post", "starts")

    def save(self, d: Path) -> None:
        self._flush()
        if len(self.pending_mid):
            self.reindex()
        d.mkdir(parents=True, exist_ok=True)
        for name in self._ARRAYS:
            np.save(d / f"{name}.npy", getattr(self, name))

    @classmethod
    def load(cls, d: Path) -> _Position:
        p = cls()
        for name in cls._ARRAYS:
            setattr(p, name, np.load(d / f"{name}.npy", mmap_mode="r"))
        p.alive = np.array(p.alive)  # written by remove()
        return p


def _probe_keys(template: FingerTemplate) -> tuple[np.ndarray, np.ndarray]:
    """Keys of the probe's hashed minutiae and their (x, y, theta), math frame like the gallery's."""
    rec, off, _ = fc.pack([template])
    keys, mid = fc.template_keys(rec, off)
    r = rec[mid]
    return keys, np.stack([r["x"].astype(np.float64), -r["y"].astype(np.float64), r["a"] * (2 * np.pi / 256)], 1)


class FingerIndex:
    """Gallery of subjects' fingers, searchable by one or more probe fingers."""

    def __init__(self, shortlist: int = 30, depth: int = 2000):
        self.shortlist_size = shortlist  # subjects re-ranked with the full matcher
        self.depth = depth  # templates per finger scored by alignment votes
        self._positions: dict[str, _Position] = {}
        self._subjects: list[str] = []
        self._number: dict[str, int] = {}
        self._held: dict[str, set[str]] = {}   # subject -> the positions enrolled

    def __len__(self) -> int:
        """Number of enrolled subjects."""
        return len(self._held)

    def subject_ids(self) -> set[str]:
        return set(self._held)

    def _subject(self, subject_id: str) -> int:
        n = self._number.get(subject_id)
        if n is None:
            n = self._number[subject_id] = len(self._subjects)
            self._subjects.append(subject_id)
        return n

    def add(self, subject_id: str, position: str, template: FingerTemplate) -> None:
        """Enrol one finger of a subject (a subject may have any number of positions)."""
        if not isinstance(template, FingerTemplate):
            raise TypeError("template must be a FingerTemplate")
        self.add_packed([str(subject_id)], position, *fc.pack([template]))

    def add_packed(self, subject_ids: list[str], position: str, rec: np.ndarray, off: np.ndarray,
                   size: np.ndarray) -> None:
        """Enrol one finger each of many subjects at once, minutiae packed as by finger_codes.pack
        (a bulk load of a watchlist hashes thousands of templates per numpy call)."""
        subs = np.array([self._subject(s) for s in subject_ids], np.int32)
        self._positions.setdefault(position, _Position()).add(subs, rec, off, size)
        for s in subject_ids:
            self._held.setdefault(s, set()).add(position)

    def reindex(self) -> None:
        """Sort pending templates into the inverted lists now rather than at a later add or save."""
        for p in self._positions.values():
            p.reindex()

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
        n = self._number.get(subject_id)
        removed = 0
        if n is not None:
            for p in self._positions.values():
                p._flush()
                hit = (np.asarray(p.sub) == n) & p.alive
                p.alive[hit] = False
                removed += int(hit.sum())
        self._held.pop(subject_id, None)
        return removed

    def _prefilter(self, position: str, template: FingerTemplate) -> tuple[np.ndarray, np.ndarray]:
        p = self._positions.get(position)
        if p is None:
            return np.zeros(0, np.int64), np.zeros(0)
        return p.prefilter(*_probe_keys(template), self.depth)

    def candidates(self, position: str, template: FingerTemplate, size: int | None = None) -> list[int]:
        """Pre-filter of one finger alone: template ids of one position worth a full comparison."""
        ids, votes = self._prefilter(position, template)
        return [int(t) for t in ids[: size or self.shortlist_size]]

    def shortlist(self, probe: dict[str, FingerTemplate], size: int | None = None,
                  per_position: dict | None = None) -> list[int]:
        """Subject numbers with the best fused pre-filter score over the probe's fingers (each
        finger's alignment votes, summed per subject); `per_position` receives each finger's
        candidate template ids."""
        fused: dict[int, float] = {}
        for position, template in probe.items():
            if position not in self._positions:
                continue
            ids, votes = self._prefilter(position, template)
            if per_position is not None:
                per_position[position] = ids
            best: dict[int, float] = {}
            for s, v in zip(np.asarray(self._positions[position].sub)[ids].tolist(), votes.tolist()):
                best[s] = max(best.get(s, 0.0), v)
            for s, v in best.items():
                fused[s] = fused.get(s, 0.0) + v
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
        return [s for s, v in ranked[: size or self.shortlist_size] if v > 0]

    def score(self, probe: dict[str, FingerTemplate], subjects: list[int]) -> dict[str, float]:
        """Fused MCC score of the given subject numbers: sum over the probe's fingers of the best
        match among the subject's templates at that position."""
        want = np.zeros(len(self._subjects), bool)
        want[subjects] = True
        fused: dict[str, float] = {}
        for position, template in probe.items():
            p = self._positions.get(position)
            if p is None:
                continue
            cyl = fingerprint.cylinders(template)
            tids = np.nonzero(want[np.asarray(p.sub)] & p.alive)[0]
            best: dict[str, float] = {}
            for tid in tids.tolist():
                sid = self._subjects[int(p.sub[tid])]
                best[sid] = max(best.get(sid, 0.0), mcc.match(cyl, p.cylinders(tid)))
            for sid, s in best.items():
                fused[sid] = fused.get(sid, 0.0) + s
        return fused

    def identify(self, probe: dict[str, FingerTemplate], k: int = 5) -> list[tuple[str, float]]:
        """Top-k (subject_id, fused score) over the probe's finger positions, best first."""
        fused = self.score(probe, self.shortlist(probe))
        ranked = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
        return [(sid, round(score, 4)) for sid, score in ranked[:k] if score > 0]

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> None:
        """A directory: one folder of .npy arrays per position (memory-mapped by `load`, so a
        national gallery opens in seconds) and meta.json with the subject ids."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        names = {}
        for i, (pos, p) in enumerate(self._positions.items()):
            names[pos] = f"p{i}"
            p.save(path / f"p{i}")
        meta = {"version": 2, "shortlist": self.shortlist_size, "subjects": self._subjects,
                "positions": names, "held": {s: sorted(v) for s, v in self._held.items()}}
        (path / "meta.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, path: str | Path) -> FingerIndex:
        path = Path(path)
        if path.is_file():
            return cls._load_npz(path)
        meta = json.loads((path / "meta.json").read_text())
        index = cls(shortlist=meta["shortlist"])
        index._subjects = meta["subjects"]
        index._number = {s: i for i, s in enumerate(index._subjects)}
        index._held = {s: set(v) for s, v in meta["held"].items()}
        index._positions = {pos: _Position.load(path / d) for pos, d in meta["positions"].items()}
        return index

    @classmethod
    def _load_npz(cls, path: Path) -> FingerIndex:
        """An index saved before version 2 (one .npz of ISO templates, cylinders and vectors), as
        a booth that applied its watchlist bundle earlier holds it: its templates are re-indexed."""
        from inspector_app.biometrics import iso19794

        with np.load(path) as z:
            meta = json.loads(bytes(z["meta"]).decode())
            iso, off = z["iso"], np.concatenate([[0], np.cumsum(z["iso_len"])])
        index = cls()
        for n, (sid, pos) in enumerate(meta["entries"]):
            index.add(sid, pos, iso19794.read(iso[off[n]:off[n + 1]].tobytes()))
        return index
