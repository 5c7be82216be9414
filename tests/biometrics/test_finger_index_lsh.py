"""1:N identification on real FVC templates: fusion, removal, persistence."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.finger_index_lsh import FingerIndex
from inspector_app.biometrics import fingerprint

R, L = "Right IndexFinger", "Left IndexFinger"


@pytest.fixture(scope="module")
def templates(shared_data):
    """FVC2002 DB1_B fingers 101-110, impressions 1 and 2."""
    base = shared_data / "fingerprints/fvc2002/DB1_B"
    return {(f, i): fingerprint.extract(fingerprint.load_image(base / f"{f}_{i}.tif", 500))
            for f in range(101, 111) for i in (1, 2)}


@pytest.fixture(scope="module")
def index(templates):
    """Five subjects, each with two different real fingers (impression 1 enrolled)."""
    idx = FingerIndex()
    for s in range(5):
        idx.add(f"S{s}", R, templates[101 + 2 * s, 1])
        idx.add(f"S{s}", L, templates[102 + 2 * s, 1])
    return idx


def test_identifies_each_subject_from_other_impressions(index, templates):
    for s in range(5):
        probe = {R: templates[101 + 2 * s, 2], L: templates[102 + 2 * s, 2]}
        ranked = index.identify(probe, k=3)
        assert ranked[0][0] == f"S{s}", ranked
        assert ranked[0][1] > (ranked[1][1] if len(ranked) > 1 else 0)
        assert [r[1] for r in ranked] == sorted((r[1] for r in ranked), reverse=True)


def test_fusion_adds_fingers(index, templates):
    both = dict(index.identify({R: templates[101, 2], L: templates[102, 2]}, k=1))["S0"]
    right = dict(index.identify({R: templates[101, 2]}, k=1))["S0"]
    assert both > right


def test_unknown_position_and_empty_index(templates):
    idx = FingerIndex()
    assert idx.identify({R: templates[101, 2]}) == []
    idx.add("X", R, templates[101, 1])
    assert idx.identify({"Left Thumb": templates[101, 2]}) == []


def test_remove_withdraws_subject(templates):
    idx = FingerIndex()
    idx.add("A", R, templates[101, 1])
    idx.add("B", R, templates[103, 1])
    assert idx.identify({R: templates[101, 2]}, k=1)[0][0] == "A"
    assert idx.remove("A") == 1
    assert all(sid != "A" for sid, _ in idx.identify({R: templates[101, 2]}, k=5))
    assert len(idx) == 1


def test_save_and_load_give_same_answers(index, templates, tmp_path):
    path = tmp_path / "fingers.npz"
    index.save(path)
    again = FingerIndex.load(path)
    probe = {R: templates[105, 2], L: templates[106, 2]}
    assert again.identify(probe, k=3) == index.identify(probe, k=3)
    assert len(again) == len(index) == 5
    assert isinstance(again._positions[R].post, np.memmap)  # opened, not read: seconds at 1M
    again.add("S9", L, templates[101, 2])  # a loaded index still grows and forgets
    assert again.identify({L: templates[101, 1]}, k=1)[0][0] == "S9"
    assert again.remove("S2") == 2 and all(s != "S2" for s, _ in again.identify(probe, k=5))


def test_an_index_saved_before_version_2_is_reindexed(index, templates, tmp_path):
    """Booths hold watchlists applied before the national-size index: one .npz of ISO templates."""
    import json

    from inspector_app.biometrics import iso19794

    entries, isos = [], []
    for s in range(5):
        for pos, f in ((R, 101 + 2 * s), (L, 102 + 2 * s)):
            entries.append([f"S{s}", pos])
            isos.append(np.frombuffer(iso19794.write(templates[f, 1]), np.uint8))
    path = tmp_path / "finger.index"
    with path.open("wb") as fh:
        np.savez(fh, meta=np.frombuffer(json.dumps({"entries": entries, "shortlist": 100}).encode(), np.uint8),
                 iso=np.concatenate(isos), iso_len=np.array([len(b) for b in isos]))
    old = FingerIndex.load(path)
    probe = {R: templates[105, 2], L: templates[106, 2]}
    assert len(old) == 5 and old.identify(probe, k=1)[0][0] == "S2"


def test_adding_to_a_searched_index_extends_it(templates, monkeypatch):
    """The hub adds encounters between searches: added templates wait in the pending list (no
    re-sort per add) and are found as if sorted; past PENDING_MAX they are sorted in."""
    import benchmarks.finger_index_lsh as fi

    idx = FingerIndex()
    for f in range(101, 106):
        idx.add(str(f), R, templates[f, 1])
    idx.reindex()
    sorted_before = len(idx._positions[R].post)
    assert idx.identify({R: templates[101, 2]}, k=1)[0][0] == "101"
    for f in range(106, 111):
        idx.add(str(f), R, templates[f, 1])
    assert idx.identify({R: templates[108, 2]}, k=1)[0][0] == "108"
    assert len(idx._positions[R].post) == sorted_before and len(idx._positions[R].pending_mid) > 0
    monkeypatch.setattr(fi, "PENDING_MAX", 0)
    idx.add("x", R, templates[101, 2])
    assert idx.identify({R: templates[110, 2]}, k=1)[0][0] == "110"
    assert len(idx._positions[R].pending_mid) == 0


def test_identify_equals_an_exhaustive_search_when_the_shortlist_covers_the_gallery(index, templates):
    """The re-rank is the 1:1 matcher itself: fused scores are the sums of fingerprint.match over
    the stored templates (kept at ISO 19794-2 resolution)."""
    probe = {R: templates[107, 2], L: templates[108, 2]}
    exhaustive = {}
    for sid in index.subject_ids():
        n = index._number[sid]
        total = 0.0
        for pos, t in probe.items():
            p = index._positions[pos]
            tids = [i for i in range(len(p)) if int(p.sub[i]) == n]
            total += max(fingerprint.match(t, p.template(i)) for i in tids)
        exhaustive[sid] = round(total, 4)
    best = sorted(exhaustive.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    assert index.identify(probe, k=3) == best
    assert best[0][0] == "S3"


def test_stored_templates_keep_the_iso_resolution(templates):
    """7 bytes a minutia: positions exact, angles to the ISO byte (1.4 degrees)."""
    from benchmarks import finger_codes as fc

    t = templates[101, 1]
    rec, off, size = fc.pack([t])
    back = fc.unpack(rec, size[0])
    assert rec.itemsize == 7 and (back.width, back.height) == (t.width, t.height)
    assert [(m.x, m.y, m.type) for m in back.minutiae] == [(m.x, m.y, m.type) for m in t.minutiae]
    assert max(abs((a.angle - b.angle + 180) % 360 - 180) for a, b in zip(back.minutiae, t.minutiae)) <= 0.71


def test_mean_scores_divide_by_the_fingers_both_have(index, templates):
    """A two-finger probe against a subject with two fingers: the fused sum halved; against a
    subject with one finger: that finger's score (the probe's other finger adds nothing)."""
    probe = {R: templates[101, 2], L: templates[102, 2]}
    fused = dict(index.identify(probe, k=5))
    assert dict(index.mean_scores(probe, k=5))["S0"] == pytest.approx(fused["S0"] / 2, abs=1e-4)
    one = FingerIndex()
    one.add("X", R, templates[101, 1])
    assert one.fingers_of("X") == {R}
    assert one.mean_scores(probe) == one.identify(probe)
    one.remove("X")
    assert one.fingers_of("X") == frozenset()
