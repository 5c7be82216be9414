"""1:N face search over a watchlist: exact results, found through an 8-bit scan with a certificate.

Why this design (measured in benchmarks/face_search.py and the README):
- Approximate indexes (IVF, HNSW) lose neighbours on face-like data: in 128 dimensions the gallery
  is close to isotropic, and at 1M templates IVF probing 12 % of the lists still missed 30 % of
  the exact nearest neighbours of non-mated queries, including impostors within the threshold.
  A watchlist must not lose a result within the match threshold.
- A full float32 scan reads 512 MB per query at 1M templates. We scan 8-bit codes instead
  (faiss ``IndexScalarQuantizer`` with ``QT_8bit_direct``: 128 MB, SIMD) and re-rank the best ``R`` candidates with the
  float32 vectors. Every stored vector's reconstruction error is known, so with ``eps`` = the
  largest one, ``|d(q, x) - d(q, code(x))| <= eps`` (triangle inequality). If the R-th approximate
  distance exceeds the k-th exact distance (or ``max_distance``) by more than ``eps``, no unseen
  template can belong in the answer; otherwise R grows and the scan repeats. The answer is
  therefore exact, not just usually right.
- ``eps`` is taken over the templates whose values all fit the 8-bit range (their error is at most
  half a step per dimension). A template with a value outside it is clamped and can be far from
  its code; it is an *outlier*, always re-ranked in float32 and left out of ``eps``. One odd
  template used to set ``eps`` for everyone: on 1M templates fitted to real dlib encodings, 7
  outliers raised eps from 0.026 to 0.089 and a search took 3.1 full scans on average (CPU p95
  201 ms instead of 22 ms in benchmarks/results/face_pruning_1m.json).

- A proven low-dimensional lower bound does not beat this scan on face data (measured in
  benchmarks/face_pruning.py): real dlib impostor distances are narrow (~68 effective dimensions),
  so principal axes plus the norm of the rest leave half the gallery unpruned at 31 dimensions and
  5-7 % at 63; only ~111 dimensions prune enough, and those are nearly the 128 bytes scanned here.
- Nor does a cheaper first stage with each template's own error bound ``d(q, decode(x)) - e_x``
  (benchmarks/face_codebound.py, same 1M run, fitted gallery): 4-bit PQ fast-scan scans 1M in
  2-5 ms CPU, but its errors (median e_x 0.35 at 16 bytes, 0.20 at 32) are as wide as the gap
  between the threshold and the impostor bulk (0.6 vs 0.85), so 100 % / 37 % of the gallery stays
  to re-rank; 4-bit SQ after PCA (64 bytes, e_x 0.10) leaves 0.7 % but faiss scans it in 61 ms.
  Shannon's bound on the gallery's spectrum says no code reaches this index's eps (0.026) in fewer
  than ~70 bytes per template, and 0.1 already needs ~39: the bytes scanned cannot drop enough.

Results are per subject (a subject may have several templates; its best distance counts).
Persistence is a directory of ``.npy`` files plus the faiss code index; float32 vectors are
memory-mapped on load, so a 1M gallery opens without reading 512 MB.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from inspector_app.biometrics.face import DIMENSIONS, FaceError, FaceTemplate, as_vector

FORMAT_VERSION = 2  # 2: outliers.npy (format 1 still loads: its eps covers every template)

#: Default per-dimension range of the 8-bit codes. dlib encodings stay within about +-0.5 per
#: dimension; values outside are clamped, which only raises ``eps`` (results stay exact).
DEFAULT_RANGE = (-0.6, 0.6)

#: How many candidates the first scan re-ranks exactly (grows x4 until the certificate holds).
FIRST_CANDIDATES = 256

#: Galleries at least this large are scanned by ``search_threads`` threads, one slice each (a
#: single faiss query uses one core). Below it thread hand-off costs more than it saves.
PARALLEL_MIN_SIZE = 200_000


class FaceIndexError(FaceError):
    """An index file is missing, damaged, or does not fit this version."""


def _faiss():
    import faiss  # noqa: PLC0415 - heavy import, only when an index is used

    return faiss


class _Growable:
    """A float32 (n, d) array with amortised O(1) appends (capacity doubling)."""

    def __init__(self, data: np.ndarray | None = None, d: int = DIMENSIONS):
        self._buf = np.empty((0, d), np.float32) if data is None else data
        self.n = self._buf.shape[0]

    def view(self) -> np.ndarray:
        return self._buf[: self.n]

    def append(self, rows: np.ndarray) -> None:
        need = self.n + rows.shape[0]
        if need > self._buf.shape[0] or not self._buf.flags.writeable:
            cap = max(need, 2 * self._buf.shape[0], 1024)
            new = np.empty((cap, self._buf.shape[1]), np.float32)
            new[: self.n] = self._buf[: self.n]
            self._buf = new
        self._buf[self.n : need] = rows
        self.n = need

    def keep(self, mask: np.ndarray) -> None:
        kept = self.view()[mask]
        self._buf, self.n = np.ascontiguousarray(kept), kept.shape[0]


class FaceIndex:
    """Watchlist of face templates: add/remove (deltas), exact top-k search, save/load.

    Not synchronised: concurrent searches are fine, but guard add/remove with a lock (or swap in
    a new index) when other threads search.
    """

    def __init__(self, value_range: tuple[float, float] = DEFAULT_RANGE):
        lo, hi = value_range
        if not hi > lo:
            raise FaceIndexError(f"value_range must be (low, high) with high > low, got {value_range}")
        self._range = (float(lo), float(hi))
        self._vectors = _Growable()
        self._subjects: list[str] = []
        self._eps = 0.0  # largest ||x - decode(encode(x))|| over stored templates that are not outliers
        self._outliers = np.empty(0, np.int64)  # positions of clamped templates (always re-ranked)
        self._codes = self._new_code_index()
        self._shards = None  # search-time copy of the codes in slices, one thread each (lazy)
        self._shard_parts: list = []
        #: Threads for one query's scan (slices of the gallery); 1 = scan on the calling thread.
        #: Opt-in: on the shared, overloaded 2-core test machine 2 slices were not faster
        #: (benchmarks/face_search.py --search-threads 2 times both on the same queries).
        self.search_threads = 1
        self.last_search_stats: dict = {}

    # ------------------------------------------------------------------ building blocks
    def _new_code_index(self):
        # QT_8bit_direct stores each value as one byte with no per-dimension decode: measured
        # about 2x faster per scan than QT_8bit here. We map values to 0..255 ourselves.
        faiss = _faiss()
        return faiss.IndexScalarQuantizer(DIMENSIONS, faiss.ScalarQuantizer.QT_8bit_direct, faiss.METRIC_L2)

    @property
    def _step(self) -> float:
        lo, hi = self._range
        return (hi - lo) / 255.0

    def _to_code_space(self, rows: np.ndarray, rounded: bool = True) -> np.ndarray:
        """Affine map of vectors onto 0..255 (rounded and clamped for storage, raw for queries)."""
        y = (rows - self._range[0]) / self._step
        return np.clip(np.rint(y), 0, 255).astype(np.float32) if rounded else y.astype(np.float32)

    def _quantisation_errors(self, codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
        decoded = self._range[0] + codes.astype(np.float64) * self._step
        return np.sqrt(((decoded - rows) ** 2).sum(axis=1))

    @property
    def _outlier_error(self) -> float:
        """Above this a template was clamped: rounding alone moves each value by <= step / 2."""
        return math.sqrt(DIMENSIONS) * self._step / 2 * (1 + 1e-9)

    @staticmethod
    def _rows(vectors) -> np.ndarray:
        if isinstance(vectors, FaceTemplate):
            vectors = [vectors.vector]
        arr = np.asarray([as_vector(v) for v in vectors] if isinstance(vectors, (list, tuple)) else vectors, dtype=np.float32)
        if arr.ndim == 1:
            arr = arr[None, :]
        if arr.ndim != 2 or arr.shape[1] != DIMENSIONS:
            raise FaceError(f"face vectors must have shape (n, {DIMENSIONS}), got {arr.shape}")
        if not np.all(np.isfinite(arr)):
            raise FaceError("a face vector contains NaN or infinity")
        return np.ascontiguousarray(arr)

    # ------------------------------------------------------------------ deltas
    def add(self, subject_id: str, vector: FaceTemplate | np.ndarray) -> None:
        """Add one template of ``subject_id`` (a subject may have several)."""
        self.add_many([subject_id], self._rows(vector))

    def add_many(self, subject_ids: Sequence[str], vectors: np.ndarray) -> None:
        """Add templates in bulk (one subject id per row): the fast path for building a watchlist."""
        rows = self._rows(vectors)
        ids = [str(s) for s in subject_ids]
        if len(ids) != rows.shape[0]:
            raise FaceError(f"{len(ids)} subject ids for {rows.shape[0]} vectors")
        if any(not s for s in ids):
            raise FaceError("subject ids must be non-empty strings")
        if rows.shape[0] == 0:
            return
        codes = self._to_code_space(rows)
        errors = self._quantisation_errors(codes, rows)
        out = errors > self._outlier_error
        if (~out).any():
            self._eps = max(self._eps, float(errors[~out].max()))
        self._outliers = np.concatenate([self._outliers, len(self) + np.nonzero(out)[0].astype(np.int64)])
        self._codes.add(codes)
        if self._shards is not None:  # appended rows go to the last slice: ids stay successive
            self._shards.at(self._shards.count() - 1).add(codes)
            self._shards.syncWithSubIndexes()
        self._vectors.append(rows)
        if isinstance(self._subjects, np.ndarray):
            self._subjects = self._subjects.tolist()
        self._subjects.extend(ids)

    def remove(self, subject_id: str) -> int:
        """Remove every template of ``subject_id``; returns how many were removed."""
        return self.remove_many([subject_id])

    def remove_many(self, subject_ids: Iterable[str]) -> int:
        """Remove all templates of these subjects in one pass (O(n), so batch your deltas)."""
        gone = {str(s) for s in subject_ids}
        subjects = np.asarray(self._subjects, dtype=str) if len(self._subjects) else np.empty(0, str)
        drop = np.isin(subjects, list(gone)) if gone and subjects.size else np.zeros(subjects.size, bool)
        count = int(drop.sum())
        if count == 0:
            return 0
        faiss = _faiss()
        positions = np.nonzero(drop)[0].astype(np.int64)
        self._codes.remove_ids(faiss.IDSelectorBatch(positions.size, faiss.swig_ptr(positions)))
        self._shards, self._shard_parts = None, []
        self._vectors.keep(~drop)
        self._subjects = subjects[~drop].tolist()
        new_position = np.cumsum(~drop) - 1
        self._outliers = new_position[self._outliers[~drop[self._outliers]]].astype(np.int64)
        return count

    def __len__(self) -> int:
        return self._vectors.n

    def subjects(self) -> set[str]:
        return set(self._subjects)

    @property
    def eps(self) -> float:
        """Bound on the 8-bit approximation error of any stored template but the outliers (Euclidean)."""
        return self._eps

    @property
    def outliers(self) -> int:
        """How many templates had values outside the 8-bit range (each search re-ranks them all)."""
        return int(self._outliers.size)

    # ------------------------------------------------------------------ search
    def search(self, vector: FaceTemplate | np.ndarray, k: int = 5, max_distance: float | None = None) -> list[tuple[str, float]]:
        """The ``k`` nearest subjects as ``(subject_id, distance)``, nearest first; exact.

        With ``max_distance`` only subjects within it are returned (use ``face.THRESHOLD`` for
        watchlist screening): all of them up to ``k``, never fewer because of the index.
        """
        q = self._rows(vector)
        if k < 1:
            raise FaceError(f"k must be at least 1, got {k}")
        if max_distance is not None and not max_distance >= 0:
            raise FaceError(f"max_distance must be >= 0, got {max_distance}")
        n = len(self)
        if n == 0:
            return []
        vectors = self._vectors.view()
        q_code = self._to_code_space(q, rounded=False)
        r = min(n, max(FIRST_CANDIDATES, 8 * k))
        rounds = 0
        while True:
            rounds += 1
            approx_sq, cand = self._scan(q_code, r)
            cand = cand[0][cand[0] >= 0]
            seen = np.union1d(cand, self._outliers)  # sorted: reads the float32 rows in file order
            exact = np.sqrt(np.maximum(((vectors[seen] - q) ** 2).sum(axis=1, dtype=np.float64), 0.0))
            ranked = self._best_per_subject(seen, exact)
            bound = ranked[k - 1][1] if len(ranked) >= k else math.inf
            if max_distance is not None:
                bound = min(bound, max_distance)
            approx_last = math.sqrt(max(float(approx_sq[0][cand.size - 1]), 0.0)) * self._step if cand.size else math.inf
            # 1e-4 absorbs float32 rounding in faiss' distance; eps is the quantisation bound
            if cand.size >= n or approx_last - self._eps - 1e-4 > bound:
                break
            r = min(n, r * 4)
        self.last_search_stats = {"rounds": rounds, "candidates": int(seen.size), "eps": self._eps}
        out = ranked if max_distance is None else [(s, d) for s, d in ranked if d <= max_distance]
        return out[:k]

    def _scan(self, q_code: np.ndarray, r: int):
        """The ``r`` best 8-bit distances and positions, over slices scanned in parallel.

        Merging the slices' top-r lists gives the same top-r as one scan (faiss IndexShards with
        successive ids), so the certificate above is unchanged: an unseen template is either past
        its slice's r-th distance or was cut in the merge, and both are >= the merged r-th.
        """
        n = len(self)
        if self.search_threads <= 1 or n < PARALLEL_MIN_SIZE:
            return self._codes.search(q_code, r)
        if self._shards is None or self._shards.count() != self.search_threads:
            self._shards = self._build_shards(self.search_threads)
        return self._shards.search(q_code, r)

    def _build_shards(self, parts: int):
        """Copy the codes into ``parts`` contiguous slices (costs one more code-array of memory)."""
        faiss = _faiss()
        n = len(self)
        codes = faiss.vector_to_array(self._codes.codes).reshape(n, self._codes.code_size)
        shards = faiss.IndexShards(DIMENSIONS, True, True)  # threaded, successive ids
        keep = []
        for chunk in np.array_split(codes, parts):
            part = self._new_code_index()
            part.add_sa_codes(np.ascontiguousarray(chunk))
            shards.add_shard(part)
            keep.append(part)
        self._shard_parts = keep  # the Python objects own the slices; IndexShards only points at them
        return shards

    def _best_per_subject(self, positions: np.ndarray, distances: np.ndarray) -> list[tuple[str, float]]:
        best: dict[str, float] = {}
        subjects = self._subjects
        for pos, d in zip(positions.tolist(), distances.tolist()):
            s = str(subjects[pos])
            if d < best.get(s, math.inf):
                best[s] = d
        return sorted(best.items(), key=lambda kv: (kv[1], kv[0]))

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> Path:
        """Write the index into directory ``path`` (created; files replaced atomically one by one)."""
        faiss = _faiss()
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        _atomic(p / "vectors.npy", lambda f: np.save(f, self._vectors.view()))
        subjects = np.asarray(self._subjects, dtype=str) if len(self._subjects) else np.empty(0, dtype="<U1")
        _atomic(p / "subjects.npy", lambda f: np.save(f, subjects))
        _atomic(p / "outliers.npy", lambda f: np.save(f, self._outliers))
        tmp = p / "codes.faiss.tmp"
        faiss.write_index(self._codes, str(tmp))
        tmp.replace(p / "codes.faiss")
        meta = {"format": FORMAT_VERSION, "dimensions": DIMENSIONS, "count": len(self), "eps": self._eps,
                "outliers": self.outliers, "range": list(self._range)}
        _atomic(p / "meta.json", lambda f: f.write(json.dumps(meta).encode()))
        return p

    @classmethod
    def load(cls, path: str | Path, mmap: bool = True) -> FaceIndex:
        """Open a saved index; float32 vectors are memory-mapped unless ``mmap=False``."""
        faiss = _faiss()
        p = Path(path)
        try:
            meta = json.loads((p / "meta.json").read_text())
        except FileNotFoundError as exc:
            raise FaceIndexError(f"no face index at {p} (meta.json missing)") from exc
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise FaceIndexError(f"face index at {p} is damaged: meta.json: {exc}") from exc
        if meta.get("format") not in (1, FORMAT_VERSION) or meta.get("dimensions") != DIMENSIONS:
            raise FaceIndexError(f"face index at {p} has format {meta.get('format')}/{meta.get('dimensions')}-d; "
                                 f"expected 1 or {FORMAT_VERSION}/{DIMENSIONS}-d")
        try:
            vectors = np.load(p / "vectors.npy", mmap_mode="r" if mmap else None, allow_pickle=False)
            subjects = np.load(p / "subjects.npy", allow_pickle=False)
            codes = faiss.read_index(str(p / "codes.faiss"))
            # format 1 has no outliers: its eps was taken over every template, so it stays exact
            outliers = (np.load(p / "outliers.npy", allow_pickle=False).astype(np.int64) if meta["format"] >= 2
                        else np.empty(0, np.int64))
        except (OSError, ValueError, RuntimeError) as exc:
            raise FaceIndexError(f"face index at {p} is damaged: {exc}") from exc
        n = int(meta["count"])
        if vectors.shape != (n, DIMENSIONS) or subjects.shape != (n,) or codes.ntotal != n:
            raise FaceIndexError(f"face index at {p} is inconsistent: meta says {n} templates, "
                                 f"files hold {vectors.shape[0]}/{subjects.shape[0]}/{codes.ntotal}")
        if outliers.ndim != 1 or outliers.size != int(meta.get("outliers", 0)) or (outliers.size and not 0 <= outliers.min() <= outliers.max() < n):
            raise FaceIndexError(f"face index at {p} is inconsistent: outliers.npy does not fit meta.json")
        index = cls(tuple(meta["range"]))
        index._vectors = _Growable(vectors)
        index._subjects = subjects  # numpy until the first change (fast open of big galleries)
        index._codes = codes
        index._shards = None
        index._eps = float(meta["eps"])
        index._outliers = outliers
        return index


def _atomic(target: Path, write) -> None:
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as f:
        write(f)
    tmp.replace(target)
