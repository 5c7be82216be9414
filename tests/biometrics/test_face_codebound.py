"""The per-template error bound measured by benchmarks/face_pruning.py (CodeBoundStage) is a true
lower bound, so its pruning figures are not flattered: never above a real distance on flat,
decaying and far-away queries, and without the stored errors it would be (the check can fail)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("face_codebound", ROOT / "benchmarks/face_codebound.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


face_codebound = _module()


@pytest.fixture(autouse=True)
def one_faiss_thread():
    """k-means training with 2 OpenMP threads on the busy shared machine took 10x longer."""
    import faiss

    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    yield
    faiss.omp_set_num_threads(before)


def flat(rng, n):
    return (0.05 * rng.standard_normal((n, 128))).astype(np.float32)


def decaying(rng, n):
    return (rng.standard_normal((n, 128)) * 0.3 * np.arange(1, 129) ** -1.0).astype(np.float32)


@pytest.mark.parametrize("make", [flat, decaying])
@pytest.mark.parametrize("kind", sorted(face_codebound.KINDS))
def test_bound_never_exceeds_a_true_distance_and_needs_the_stored_errors(make, kind):
    rng = np.random.default_rng(len(kind))
    x = make(rng, 2000)
    stage = face_codebound.CodeBoundStage(x, kind, sample=2000)
    queries = np.vstack([x[:3] + 0.01 * rng.standard_normal((3, 128)).astype(np.float32), make(rng, 3), x[7:8], x[9:10] + 5.0])
    errors = stage.e.copy()
    tight = False
    for q in queries:
        true = np.sqrt(((x.astype(np.float64) - q) ** 2).sum(axis=1))
        lb = stage.lower_bounds(q)
        assert np.all(lb <= true), "a lower bound above a true distance"
        tight |= bool(np.any(lb + errors > true))  # the same bound with e_x = 0
    assert tight, "the stored errors were never needed: this test could not catch a broken bound"
    assert stage.e.dtype == np.float32 and np.all(stage.e.astype(np.float64) >= 0)


def test_shannon_bound_grows_as_the_error_shrinks():
    x = decaying(np.random.default_rng(1), 5000)
    b = [face_codebound.min_bytes_for_rms_error(x, e) for e in (0.1, 0.05, 0.02)]
    assert 0 < b[0] < b[1] < b[2]
