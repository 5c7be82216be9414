"""FaceIndex: exact results (checked against a brute-force scan), deltas, persistence, bad input."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.biometrics.face import FaceError, FaceTemplate
from inspector_app.biometrics.face_index import FaceIndex, FaceIndexError


def gallery(n_subjects: int, per_subject: int = 3, seed: int = 0, spread: float = 0.43, noise: float = 0.22):
    """Face-like vectors: subjects in a cone around a mean direction, noisy samples, norms 1.3-1.5."""
    rng = np.random.default_rng(seed)
    mean = rng.normal(size=128)
    mean /= np.linalg.norm(mean)
    centres = mean + spread * rng.normal(size=(n_subjects, 128)) / np.sqrt(128)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    owner = np.repeat(np.arange(n_subjects), per_subject)
    x = centres[owner] + noise * rng.normal(size=(owner.size, 128)) / np.sqrt(128)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    x *= rng.uniform(1.3, 1.5, size=(owner.size, 1))
    return [f"S{i:05d}" for i in owner], x.astype(np.float32), centres


def brute_force(ids, x, q, k, max_distance=None):
    d = np.linalg.norm(x.astype(np.float64) - q, axis=1)
    best = {}
    for s, v in zip(ids, d):
        best[s] = min(best.get(s, np.inf), v)
    ranked = sorted(best.items(), key=lambda kv: (kv[1], kv[0]))
    if max_distance is not None:
        ranked = [r for r in ranked if r[1] <= max_distance]
    return ranked[:k]


@pytest.fixture(scope="module")
def built():
    ids, x, centres = gallery(3000, per_subject=3)
    index = FaceIndex()
    index.add_many(ids, x)
    return index, ids, x, centres


def _same(a, b):
    assert [s for s, _ in a] == [s for s, _ in b]
    assert np.allclose([d for _, d in a], [d for _, d in b], atol=1e-5)


def test_search_equals_brute_force_for_mated_and_unmated_queries(built):
    index, ids, x, centres = built
    rng = np.random.default_rng(1)
    for i in range(40):
        if i % 2:  # a new sample of an enrolled subject
            q = centres[i] + 0.22 * rng.normal(size=128) / np.sqrt(128)
            q = q / np.linalg.norm(q) * 1.4
        else:  # a stranger
            q = gallery(1, 1, seed=100 + i)[1][0]
        _same(index.search(q, k=5), brute_force(ids, x, q, 5))
        _same(index.search(q, k=5, max_distance=0.6), brute_force(ids, x, q, 5, 0.6))


def test_mated_query_finds_its_subject_within_threshold(built):
    index, _, _, centres = built
    q = centres[7] / np.linalg.norm(centres[7]) * 1.4
    (subject, d), *_ = index.search(q, k=3, max_distance=0.6)
    assert subject == "S00007" and d <= 0.6


def test_results_are_one_per_subject_nearest_first(built):
    index, ids, x, _ = built
    res = index.search(x[0], k=10)
    subjects = [s for s, _ in res]
    assert len(set(subjects)) == len(subjects) == 10
    assert [d for _, d in res] == sorted(d for _, d in res)
    assert res[0] == ("S00000", pytest.approx(0.0, abs=1e-6))


def test_certificate_widens_the_scan_when_needed():
    """With k beyond the first candidate batch the index must keep scanning, not truncate."""
    ids, x, _ = gallery(400, per_subject=1, seed=3)
    index = FaceIndex()
    index.add_many(ids, x)
    res = index.search(x[5], k=300)
    _same(res, brute_force(ids, x, x[5], 300))


@pytest.mark.parametrize("value", [3.0, -0.9, 0.63])
def test_out_of_range_templates_are_outliers_and_results_stay_exact(value):
    """A clamped template is far from its code: it is re-ranked every time, and eps stays the
    rounding bound of the others (one odd template used to make every search scan everything)."""
    ids, x, _ = gallery(400, per_subject=2, seed=4)
    x[:10, 0] = value
    index = FaceIndex()
    index.add_many(ids[:300], x[:300])
    index.add_many(ids[300:], x[300:])
    assert index.outliers == 10
    assert index.eps <= np.sqrt(128) * (1.2 / 255) / 2
    for q in (x[3], x[3] + 0.01, x[500], np.full(128, value, np.float32)):
        for k, md in ((5, None), (1, 0.6), (50, 0.9)):
            _same(index.search(q, k=k, max_distance=md), brute_force(ids, x, q, k, md))
    assert index.last_search_stats["rounds"] == 1
    index.remove_many([ids[0], ids[500]])  # outliers after the removed rows move down
    keep = [i for i, s in enumerate(ids) if s not in {ids[0], ids[500]}]
    kept_ids, kept_x = [ids[i] for i in keep], x[keep]
    assert index.outliers == sum(1 for i in keep if i < 10)
    _same(index.search(x[5], k=5), brute_force(kept_ids, kept_x, x[5], 5))


def test_add_remove_deltas(built):
    ids, x, _ = gallery(50, per_subject=2, seed=5)
    index = FaceIndex()
    index.add_many(ids, x)
    index.add("NEW", FaceTemplate(vector=x[0] + 0.01))
    assert len(index) == 101
    assert index.search(x[0], k=1)[0][0] in {"S00000", "NEW"}
    assert index.remove("S00000") == 2
    assert index.remove("S00000") == 0
    assert "S00000" not in index.subjects()
    assert index.search(x[0], k=1)[0][0] == "NEW"
    assert index.remove_many(["NEW", "S00001", "nobody"]) == 3
    rest = [(s, v) for s, v in zip(ids, x) if s not in {"S00000", "S00001"}]
    _same(index.search(x[0], k=5), brute_force([s for s, _ in rest], np.array([v for _, v in rest]), x[0], 5))


def test_save_load_roundtrip_then_delta(tmp_path, built):
    index, ids, x, _ = built
    index.save(tmp_path / "idx")
    loaded = FaceIndex.load(tmp_path / "idx")
    assert len(loaded) == len(index) and loaded.eps == index.eps
    q = x[11] + 0.02
    assert loaded.search(q, k=5) == index.search(q, k=5)
    loaded.add("LATE", q)  # the memory-mapped vectors become a private copy
    assert loaded.search(q, k=1)[0][0] == "LATE"
    loaded.remove("LATE")
    loaded.save(tmp_path / "idx")
    assert len(FaceIndex.load(tmp_path / "idx", mmap=False)) == len(index)


def test_load_rejects_missing_damaged_and_inconsistent(tmp_path):
    with pytest.raises(FaceIndexError, match="meta.json missing"):
        FaceIndex.load(tmp_path / "nothing")
    ids, x, _ = gallery(5, 1)
    index = FaceIndex()
    index.add_many(ids, x)
    d = index.save(tmp_path / "idx")
    (d / "meta.json").write_text("{not json")
    with pytest.raises(FaceIndexError, match="damaged"):
        FaceIndex.load(d)
    index.save(d)
    np.save(d / "subjects.npy", np.array(["a", "b"]))
    with pytest.raises(FaceIndexError, match="inconsistent"):
        FaceIndex.load(d)


def test_empty_index_and_bad_input(tmp_path):
    index = FaceIndex()
    assert index.search(np.zeros(128), k=3) == []
    reopened = FaceIndex.load(index.save(tmp_path / "empty"))
    assert len(reopened) == 0 and reopened.search(np.zeros(128)) == []
    with pytest.raises(FaceError, match="128"):
        index.add("A", np.zeros(64))
    with pytest.raises(FaceError, match="NaN"):
        index.add("A", np.full(128, np.nan))
    with pytest.raises(FaceError, match="subject ids"):
        index.add_many(["A", "B"], np.zeros((3, 128)))
    with pytest.raises(FaceError, match="non-empty"):
        index.add("", np.zeros(128))
    index.add("A", np.zeros(128))
    with pytest.raises(FaceError, match="k must be"):
        index.search(np.zeros(128), k=0)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(1, 60),
    k=st.integers(1, 12),
    seed=st.integers(0, 10_000),
    max_distance=st.one_of(st.none(), st.floats(0.0, 2.0)),
)
def test_property_search_is_exact(n, k, seed, max_distance):
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=0.12, size=(n, 128)).astype(np.float32)
    ids = [f"P{i % max(1, n // 2)}" for i in range(n)]
    q = rng.normal(scale=0.12, size=128).astype(np.float32)
    index = FaceIndex()
    index.add_many(ids, x)
    _same(index.search(q, k=k, max_distance=max_distance), brute_force(ids, x, q, k, max_distance))


def test_parallel_slices_give_the_same_exact_answers(monkeypatch):
    """The sliced, threaded scan (big galleries) must equal brute force, also after deltas."""
    from inspector_app.biometrics import face_index

    monkeypatch.setattr(face_index, "PARALLEL_MIN_SIZE", 10)
    ids, x, centres = gallery(600, per_subject=2, seed=8)
    index = FaceIndex()
    index.search_threads = 3  # uneven slices
    index.add_many(ids, x)
    rng = np.random.default_rng(9)
    for i in range(10):
        q = x[i * 37] + 0.05 * rng.normal(size=128).astype(np.float32)
        _same(index.search(q, k=7), brute_force(ids, x, q, 7))
        _same(index.search(q, k=7, max_distance=0.6), brute_force(ids, x, q, 7, 0.6))
    assert index._shards is not None and index._shards.count() == 3
    index.add("LATE", x[5] + 0.001)  # lands in the last slice without a rebuild
    assert index._shards is not None
    _same(index.search(x[5], k=3), brute_force(ids + ["LATE"], np.vstack([x, x[5:6] + 0.001]), x[5], 3))
    index.remove_many(["S00002", "LATE"])
    keep = [j for j, s in enumerate(ids) if s != "S00002"]
    _same(index.search(x[4], k=5), brute_force([ids[j] for j in keep], x[keep], x[4], 5))
    index.search_threads = 1
    _same(index.search(x[4], k=5), brute_force([ids[j] for j in keep], x[keep], x[4], 5))


def test_slightly_clamped_template_stays_in_eps():
    """Clamping by less than the rounding bound keeps a template an inlier: eps still covers it."""
    ids, x, _ = gallery(100, per_subject=2, seed=8)
    x[0, 0] = -0.61
    index = FaceIndex()
    index.add_many(ids, x)
    assert index.outliers == 0 and index.eps >= 0.01
    _same(index.search(x[0] + 0.001, k=3), brute_force(ids, x, x[0] + 0.001, 3))


def test_format_1_index_still_loads_and_stays_exact(tmp_path):
    """An index written before outliers (format 1: no outliers.npy, eps over every template)."""
    ids, x, _ = gallery(200, per_subject=2, seed=9)
    x[:4, 1] = 2.0
    index = FaceIndex()
    index.add_many(ids, x)
    index.save(tmp_path / "idx")
    meta = json.loads((tmp_path / "idx" / "meta.json").read_text())
    codes = np.clip(np.rint((x - (-0.6)) / (1.2 / 255)), 0, 255)
    meta.update(format=1, eps=float(np.sqrt(((-0.6 + codes * (1.2 / 255) - x.astype(np.float64)) ** 2).sum(axis=1)).max()))
    del meta["outliers"]
    (tmp_path / "idx" / "meta.json").write_text(json.dumps(meta))
    (tmp_path / "idx" / "outliers.npy").unlink()
    old = FaceIndex.load(tmp_path / "idx")
    assert old.outliers == 0 and old.eps > 1.0
    for q in (x[2], x[50] + 0.01):
        _same(old.search(q, k=5, max_distance=0.9), brute_force(ids, x, q, 5, 0.9))
    old.save(tmp_path / "idx")  # written back as the current format (without outliers: still exact)
    assert json.loads((tmp_path / "idx" / "meta.json").read_text())["format"] == 2
    assert FaceIndex.load(tmp_path / "idx").search(x[2], k=1)[0][0] == ids[2]


def test_outliers_survive_save_load_and_a_damaged_list_is_refused(tmp_path):
    ids, x, _ = gallery(100, per_subject=2, seed=10)
    x[7, 3] = -4.0
    index = FaceIndex()
    index.add_many(ids, x)
    index.save(tmp_path / "idx")
    loaded = FaceIndex.load(tmp_path / "idx")
    assert loaded.outliers == 1 and loaded.eps == index.eps
    _same(loaded.search(x[7], k=2), brute_force(ids, x, x[7], 2))
    np.save(tmp_path / "idx" / "outliers.npy", np.array([10_000], np.int64))
    with pytest.raises(FaceIndexError, match="outliers"):
        FaceIndex.load(tmp_path / "idx")
