"""1:N identification on real FVC templates: fusion, removal, persistence."""
from __future__ import annotations

import pytest

from inspector_app.biometrics import fingerprint
from inspector_app.biometrics.finger_index import FingerIndex

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


def test_inverted_file_prefilter_finds_the_same_subjects(templates, monkeypatch):
    """Large galleries switch the pre-filter to an IVF index; forced here on a small one."""
    import inspector_app.biometrics.finger_index as fi

    monkeypatch.setattr(fi, "IVF_MIN_VECTORS", 10)
    idx = FingerIndex()
    for f in range(101, 111):
        idx.add(str(f), R, templates[f, 1])
    assert type(idx._positions[R]._index()).__name__ == "IndexIVFFlat"
    for f in range(101, 111):
        assert idx.identify({R: templates[f, 2]}, k=1)[0][0] == str(f)


@pytest.mark.parametrize("ivf_from", [10_000, 10], ids=["flat", "ivf"])
def test_adding_to_a_searched_index_extends_it_in_place(templates, monkeypatch, ivf_from):
    """The hub adds encounters between searches: the built pre-filter grows, it is not rebuilt,
    and finds what was added as a fresh index would."""
    import inspector_app.biometrics.finger_index as fi

    monkeypatch.setattr(fi, "IVF_MIN_VECTORS", ivf_from)
    idx = FingerIndex()
    for f in range(101, 106):
        idx.add(str(f), R, templates[f, 1])
    built = idx._positions[R]._index()
    idx.identify({R: templates[101, 2]}, k=1)
    for f in range(106, 111):
        idx.add(str(f), R, templates[f, 1])
    assert idx._positions[R]._index() is built
    assert built.ntotal == sum(len(v) for v in idx._positions[R].vectors) == len(idx._positions[R]._owner)
    for f in range(101, 111):
        assert idx.identify({R: templates[f, 2]}, k=1)[0][0] == str(f)


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


def test_a_finger_the_prefilter_missed_is_still_scored(index, templates, monkeypatch):
    """The pre-filter drops one finger of a mate about one time in ten on realistic prints; the
    mate must still be scored on both fingers, or an impostor scored on two outranks it."""
    probe = {R: templates[101, 2], L: templates[102, 2]}
    whole = dict(index.identify(probe, k=5))["S0"]
    missed = index.candidates

    def left_misses_s0(position, template):
        found = missed(position, template)
        p = index._positions[position]
        return [t for t in found if not (position == L and p.subjects[t] == "S0")]

    monkeypatch.setattr(index, "candidates", left_misses_s0)
    assert "S0" not in {index._positions[L].subjects[t] for t in index.candidates(L, probe[L])}
    assert dict(index.identify(probe, k=5))["S0"] == whole
    both = fingerprint.match(probe[R], templates[101, 1]) + fingerprint.match(probe[L], templates[102, 1])
    assert whole == round(both, 4)
