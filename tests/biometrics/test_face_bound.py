"""The lower-bound index measured by benchmarks/face_pruning.py is exact, so its timings compare like
with like: its bound never exceeds a true distance, and its answers equal a brute-force scan on
flat, decaying and adversarial galleries (threshold boundary, duplicates, far queries)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("face_bound", ROOT / "benchmarks/face_bound.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


face_bound = _module()


def ranked_subjects(x, subjects, q):
    d = np.sqrt(((x.astype(np.float64) - q.astype(np.float64)) ** 2).sum(axis=1))
    best = {}
    for s, v in zip(subjects.tolist(), d.tolist()):
        best[s] = min(best.get(s, np.inf), v)
    return sorted(best.items(), key=lambda kv: (kv[1], kv[0]))


def brute(ranked, k, max_distance=None):
    if max_distance is not None:
        ranked = [r for r in ranked if r[1] <= max_distance]
    return ranked[:k]


def flat(rng, n):
    return (0.05 * rng.standard_normal((n, 128))).astype(np.float32)


def decaying(rng, n):
    scale = 0.3 * np.arange(1, 129) ** -1.0
    return (rng.standard_normal((n, 128)) * scale).astype(np.float32)


def boundary(rng, n):
    """A crowd exactly around 0.6 from the first query (float32 rounding lands on both sides)."""
    q = flat(rng, 1)[0]
    u = rng.standard_normal((n, 128))
    u /= np.linalg.norm(u, axis=1, keepdims=True)
    return (q + 0.6 * u * rng.choice([1 - 1e-7, 1.0, 1 + 1e-7], size=(n, 1))).astype(np.float32), q


@pytest.mark.parametrize("make", [flat, decaying])
@pytest.mark.parametrize("d1", [15, 63])
def test_answers_equal_brute_force(make, d1):
    rng = np.random.default_rng(d1)
    x = make(rng, 3000)
    subjects = rng.integers(0, 1000, size=x.shape[0])  # ~3 templates per subject, best one counts
    index = face_bound.PrefixBoundIndex(x, subjects, d1, sample=2000)
    queries = np.vstack([x[:5] + 0.01 * rng.standard_normal((5, 128)).astype(np.float32), make(rng, 5),
                         x[7:8], x[9:10] + 5.0])  # mated, strangers, a stored template, far away
    for q in queries:
        lb = index.lower_bounds(q)
        true = np.sqrt(((x.astype(np.float64) - q) ** 2).sum(axis=1))
        assert np.all(lb <= true), "a lower bound above a true distance"
        ranked = ranked_subjects(x, subjects, q)
        for k, md in ((1, None), (5, None), (5, 0.6), (50, 0.3)):
            got = index.search(q, k=k, max_distance=md, first=16)
            want = brute(ranked, k, md)
            assert [s for s, _ in got] == [s for s, _ in want]
            assert np.allclose([d for _, d in got], [d for _, d in want], rtol=0, atol=1e-12)


def test_threshold_boundary_crowd_and_duplicates_are_all_found():
    rng = np.random.default_rng(5)
    crowd, q = boundary(rng, 400)
    dup = np.repeat(crowd[:1], 3, axis=0)  # the same vector under three subjects: ties by subject
    x = np.vstack([flat(rng, 2000), crowd, dup])
    subjects = np.arange(x.shape[0])
    index = face_bound.PrefixBoundIndex(x, subjects, 31, sample=1500)
    want = brute(ranked_subjects(x, subjects, q), 1000, 0.6)
    assert 100 < len(want) < 403  # the crowd straddles the threshold
    got = index.search(q, k=1000, max_distance=0.6, first=8)
    assert got == [(s, d) for s, d in want]
    assert index.last["rounds"] > 1  # the certificate had to grow R past the first 8
