"""An exact 1:N face search that prunes with a proven lower bound (issue 15 item 3), as measured.

``PrefixBoundIndex`` rotates the gallery onto its principal axes (an orthonormal rotation keeps
every distance), keeps the first ``d1`` coordinates and, as one more coordinate, the norm of the
remaining ones. For any template x and query q,

    ||q - x||^2 = ||P(q - x)||^2 + ||T(q - x)||^2 >= ||P(q - x)||^2 + (||Tq|| - ||Tx||)^2 = ||f(q) - f(x)||^2

(P the leading coordinates, T the rest, reverse triangle inequality on T), so the distance between
the (d1 + 1)-dimensional features ``f`` is a lower bound of the true distance. The features are
stored as 8-bit codes on one uniform step (faiss QT_8bit_direct, one byte per coordinate);
``eps`` = the largest ||f(x) - decode(code(x))|| over the gallery, so
``||f(q) - decode(code(x))|| - eps`` is still a lower bound (triangle inequality). The search scans
the codes for the R smallest bounds, computes the exact float32 distances of those R, and stops
when the R-th bound exceeds the k-th exact subject distance (or ``max_distance``): no unseen
template can then be in the answer. Otherwise R grows x4 and the scan repeats, so the answer is
exact whatever the data; only the speed depends on how well the bound prunes.

This lives beside the benchmark: it is what the benchmark measures against the shipped
``FaceIndex`` and ``faiss.IndexFlatL2``, not product code.
"""
from __future__ import annotations

import math

import numpy as np

#: float32 rounding in faiss' code-space distance (relative, sums of <= 129 non-negative terms)
#: and in the query's feature map (absolute); both far below one quantisation step.
REL_SLACK = 1e-5
ABS_SLACK = 1e-4


class PrefixBoundIndex:
    def __init__(self, x: np.ndarray, subject_codes: np.ndarray, d1: int, sample: int = 100_000, seed: int = 0):
        import faiss

        n, d = x.shape
        rng = np.random.default_rng(seed)
        pick = rng.choice(n, size=min(n, sample), replace=False)
        s = x[pick].astype(np.float64)
        self.mu = s.mean(axis=0)
        ev, vec = np.linalg.eigh(np.cov((s - self.mu).T))
        self.V = vec[:, np.argsort(ev)[::-1]]
        self.d1 = d1
        self.width = -(-(d1 + 1) // 16) * 16
        feats = np.concatenate([self._features(x[i : i + 200_000]) for i in range(0, n, 200_000)])
        self.lo, hi = float(feats.min()), float(feats.max())
        self.step = (hi - self.lo) / 255.0
        codes = np.clip(np.rint((feats - self.lo) / self.step), 0, 255)
        self.zero_code = float(np.rint(-self.lo / self.step))
        codes[:, d1 + 1 :] = self.zero_code  # padding: the same code on both sides, no error
        feats[:, d1 + 1 :] = self.lo + self.zero_code * self.step
        self.eps = float(np.sqrt(((self.lo + codes * self.step - feats) ** 2).sum(axis=1)).max())
        self.codes = faiss.IndexScalarQuantizer(self.width, faiss.ScalarQuantizer.QT_8bit_direct, faiss.METRIC_L2)
        self.codes.add(codes.astype(np.float32))
        self.x = x
        self.subject = subject_codes
        self.n = n
        self.last = {}

    def _features(self, rows: np.ndarray) -> np.ndarray:
        """Leading coordinates, the rest's norm, zeros up to a multiple of 16 (faiss' SIMD path
        needs it: at 97 dimensions the scan was 10x slower). Zeros add nothing to distances."""
        y = (rows.astype(np.float64) - self.mu) @ self.V
        pad = np.zeros((rows.shape[0], self.width - self.d1 - 1))
        return np.concatenate([y[:, : self.d1], np.linalg.norm(y[:, self.d1 :], axis=1, keepdims=True), pad], axis=1)

    def _query_code(self, q: np.ndarray) -> np.ndarray:
        qf = (self._features(q[None]) - self.lo) / self.step
        qf[:, self.d1 + 1 :] = self.zero_code
        return qf.astype(np.float32)

    def lower_bounds(self, q: np.ndarray) -> np.ndarray:
        """The bound for every template (for the pruning statistics; the search never needs all)."""
        import faiss

        qf = self._query_code(q)[0].astype(np.float64)
        codes = faiss.vector_to_array(self.codes.codes).reshape(self.n, self.width)
        out = np.empty(self.n)
        for i in range(0, self.n, 100_000):
            out[i : i + 100_000] = np.sqrt(((codes[i : i + 100_000] - qf) ** 2).sum(axis=1))
        return out * self.step - self.eps - ABS_SLACK

    def search(self, q: np.ndarray, k: int = 5, max_distance: float | None = None, first: int = 1024):
        """(subject code, distance) of the k nearest subjects, nearest first; exact."""
        qf = self._query_code(q)
        q64 = q.astype(np.float64)
        r, rounds = min(self.n, first), 0
        while True:
            rounds += 1
            d2, cand = self.codes.search(qf, r)
            cand = cand[0][cand[0] >= 0]
            exact = np.sqrt(((self.x[cand].astype(np.float64) - q64) ** 2).sum(axis=1))
            subj, best = best_per_subject(self.subject[cand], exact)
            bound = float(best[k - 1]) if best.size >= k else math.inf
            if max_distance is not None:
                bound = min(bound, max_distance)
            last_lb = math.sqrt(max(float(d2[0][cand.size - 1]), 0.0) / (1 + REL_SLACK)) * self.step - self.eps - ABS_SLACK
            if cand.size >= self.n or last_lb > bound:
                break
            r = min(self.n, r * 4)
        self.last = {"rounds": rounds, "candidates": int(cand.size)}
        keep = best <= max_distance if max_distance is not None else np.ones(best.size, bool)
        return list(zip(subj[keep][:k].tolist(), best[keep][:k].tolist()))


def best_per_subject(subjects: np.ndarray, distances: np.ndarray):
    """Each subject's best distance, nearest first (ties by subject code), vectorised."""
    order = np.lexsort((subjects, distances))
    s, d = subjects[order], distances[order]
    _, first = np.unique(s, return_index=True)
    first.sort()
    return s[first], d[first]
