"""A cheap first stage with a per-template error bound: can it prune an exact face 1:N search?

Idea (issue 15 item 3): scan far fewer bytes than the 8-bit codes of ``FaceIndex`` with a fast
compressed code, and keep the answer exact with each template's own reconstruction error
``e_x = ||x - decode(code(x))||`` (stored rounded up to float32): by the triangle inequality
``d(q, x) >= d(q, decode(x)) - e_x``, so only templates whose bound is within the k-th exact
distance (or the threshold) need an exact look; every other one provably cannot be in the answer.

``CodeBoundStage`` builds one such stage and reports, for a query, that bound for every template
(``lower_bounds``: the pruning statistic, computed in float64 from the decoded codes, so it is the
*best case* of the stage: a faiss fast-scan search also rounds its look-up tables to 8 bits,
which only loosens the bound) and the time of the stage's own faiss scan for the first R
candidates (``scan``: a lower bound on any search through it). Kinds:

- ``pq32`` / ``pq64``: product quantiser, 32 or 64 sub-quantisers x 4 bits (16 / 32 bytes per
  template), scanned by ``faiss.IndexPQFastScan`` (SIMD look-ups in registers);
- ``sq4pca``: the principal-axis rotation, then 4 bits per dimension with a trained range per
  dimension (``QT_4bit``, 64 bytes).

It lives beside the benchmark (benchmarks/face_pruning.py measures it against the shipped
``FaceIndex`` and ``faiss.IndexFlatL2``); it is not product code.
"""
from __future__ import annotations

import numpy as np

KINDS = {"pq32": 16, "pq64": 32, "sq4pca": 64}  # bytes scanned per template
CHUNK = 100_000


def _round_up_f32(e: np.ndarray) -> np.ndarray:
    e32 = e.astype(np.float32)
    return np.where(e32.astype(np.float64) < e, np.nextafter(e32, np.float32(np.inf)), e32)


class CodeBoundStage:
    def __init__(self, x: np.ndarray, kind: str, sample: int = 100_000, seed: int = 0):
        import faiss

        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; one of {sorted(KINDS)}")
        n, d = x.shape
        rng = np.random.default_rng(seed)
        s = x[rng.choice(n, size=min(n, sample), replace=False)].astype(np.float64)
        self.kind, self.n, self.bytes = kind, n, KINDS[kind]
        self.mu = s.mean(axis=0)
        if kind == "sq4pca":
            ev, vec = np.linalg.eigh(np.cov((s - self.mu).T))
            self.R = vec[:, np.argsort(ev)[::-1]]
            self.index = faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_4bit, faiss.METRIC_L2)
        else:
            self.R = np.eye(d)
            self.index = faiss.IndexPQFastScan(d, int(kind[2:]), 4, faiss.METRIC_L2)
        self.index.train(self._map(s))
        e = np.empty(n)
        for i in range(0, n, CHUNK):
            y = self._map(x[i : i + CHUNK])
            self.index.add(y)
            codes = self.index.sa_encode(y)
            e[i : i + CHUNK] = np.sqrt(((self.index.sa_decode(codes).astype(np.float64) - y) ** 2).sum(axis=1))
        self.e = _round_up_f32(e)  # the per-template bound, stored as float32 rounded up
        self._codes = np.concatenate([self.index.sa_encode(self._map(x[i : i + CHUNK])) for i in range(0, n, CHUNK)])

    def _map(self, rows: np.ndarray) -> np.ndarray:
        """Centre and rotate (an isometry: every distance is kept)."""
        return np.ascontiguousarray(((np.asarray(rows, np.float64) - self.mu) @ self.R).astype(np.float32))

    def lower_bounds(self, q: np.ndarray) -> np.ndarray:
        """``d(q, decode(x)) - e_x`` for every template, in float64 (the pruning statistic)."""
        qy = self._map(q[None])[0].astype(np.float64)
        out = np.empty(self.n)
        for i in range(0, self.n, CHUNK):
            dec = self.index.sa_decode(self._codes[i : i + CHUNK]).astype(np.float64)
            out[i : i + CHUNK] = np.sqrt(((dec - qy) ** 2).sum(axis=1))
        return out - self.e

    def scan(self, q: np.ndarray, r: int):
        """The stage's own faiss scan for its ``r`` best approximate distances (what a search pays first)."""
        return self.index.search(self._map(q[None]), r)


def min_bytes_for_rms_error(x: np.ndarray, rms: float, sample: int = 100_000, seed: int = 0) -> float:
    """Shannon's bound for a Gaussian with the gallery's covariance (reverse water-filling): no code
    of fewer bytes per template has a mean squared error below ``rms**2``, so none has a largest
    error ``e_x`` below ``rms`` either."""
    rng = np.random.default_rng(seed)
    s = x[rng.choice(x.shape[0], size=min(x.shape[0], sample), replace=False)].astype(np.float64)
    ev = np.clip(np.linalg.eigvalsh(np.cov(s.T)), 1e-15, None)
    lo, hi = 0.0, float(ev.max())
    for _ in range(100):  # water level: sum(min(level, ev)) = rms^2
        level = (lo + hi) / 2
        lo, hi = (level, hi) if np.minimum(level, ev).sum() <= rms * rms else (lo, level)
    return float(0.5 * np.log2(ev / np.minimum(lo, ev)).sum() / 8)
