"""The encounter gallery: real faces and real FVC fingers, searched together."""
from __future__ import annotations

import numpy as np
import pytest

from inspector_app.biometrics import face, fingerprint, gallery
from inspector_app.biometrics.finger_index import FingerIndex
from inspector_app.biometrics.gallery import EncounterGallery

R, L = "Right IndexFinger", "Left IndexFinger"


@pytest.fixture(scope="module")
def fingers(shared_data):
    base = shared_data / "fingerprints/fvc2002/DB1_B"
    return {(f, i): fingerprint.extract(fingerprint.load_image(base / f"{f}_{i}.tif", 500))
            for f in range(101, 105) for i in (1, 2)}


@pytest.fixture(scope="module")
def faces(shared_data):
    base = shared_data / "faces/face_recognition"
    return {name: face.encode(face.load_image(base / path)).vector for name, path in {
        "obama": "examples/knn_examples/train/obama/obama.jpg",
        "obama2": "examples/knn_examples/train/obama/obama2.jpg",
        "biden": "examples/knn_examples/train/biden/biden.jpg"}.items()}


def test_fingers_find_the_earlier_encounter_and_rank_first(fingers, faces):
    g = EncounterGallery()
    g.add("E1", face=faces["biden"], fingers={R: fingers[101, 1], L: fingers[102, 1]})
    g.add("E2", face=faces["obama"], fingers={R: fingers[103, 1]})
    found = g.search(face=faces["obama2"], fingers={R: fingers[101, 2], L: fingers[102, 2]})
    assert [m.encounter_id for m in found][0] == "E1"
    assert found[0].by == "fingers"                      # biden's face is not obama's
    assert "E2" in {m.encounter_id for m in found if m.by == "face"}


def test_own_encounter_is_excluded_and_an_encounter_is_held_once(fingers):
    g = EncounterGallery()
    assert g.add("E1", fingers={R: fingers[101, 1]})
    assert not g.add("E1", fingers={R: fingers[103, 1]})
    assert not g.add("E0")                               # nothing to search by
    assert len(g) == 1 and "E1" in g
    assert g.search(fingers={R: fingers[101, 2]}, exclude=["E1"]) == []
    assert [m.encounter_id for m in g.search(fingers={R: fingers[101, 2]})] == ["E1"]


def test_a_stranger_is_not_found(fingers, faces):
    g = EncounterGallery()
    g.add("E1", face=faces["biden"], fingers={R: fingers[101, 1]})
    assert g.search(face=faces["obama"], fingers={R: fingers[104, 2]}) == []


def test_two_stranger_fingers_are_not_found(fingers):
    """Two impostor fingers summed pass one finger's threshold almost always: the fused score
    must reach it once per probe finger."""
    g = EncounterGallery()
    g.add("E1", fingers={R: fingers[101, 1], L: fingers[102, 1]})
    probe = {R: fingers[103, 2], L: fingers[104, 2]}
    assert sum(fingerprint.match(probe[p], t) for p, t in ((R, fingers[101, 1]), (L, fingers[102, 1]))) >= gallery.FINGER_SCORE
    assert g.search(fingers=probe) == []
    assert [m.encounter_id for m in g.search(fingers={R: fingers[101, 2], L: fingers[102, 2]})] == ["E1"]


def test_templates_round_trip_as_text(fingers, faces):
    text = gallery.encode(faces["obama"], {R: fingers[101, 1]})
    vector, decoded = gallery.decode(text)
    assert np.array_equal(vector, faces["obama"].astype(np.float32))
    assert fingerprint.match(decoded[R], fingers[101, 2]) == pytest.approx(fingerprint.match(fingers[101, 1], fingers[101, 2]))


@pytest.mark.parametrize("bad, says", [
    (None, "must be an object"),
    ({"face": "!!!"}, "not base64"),
    ({"face": "AAAA"}, "128 finite"),
    ({"face": None, "fingers": {R: "AAAA"}}, "the Right IndexFinger template"),
    ({"fingers": {str(i): "" for i in range(11)}}, "at most 10"),
    ({"face": "A" * 5000}, "at most"),
])
def test_bad_template_text_says_which(bad, says):
    with pytest.raises(gallery.TemplateTextError, match=says):
        gallery.decode(bad)


class _Scores(FingerIndex):
    """The real finger index with fixed per-finger scores: the fusion rule under test."""

    def __init__(self, scores: dict[str, float]):
        super().__init__()
        self.scores = scores

    def identify(self, probe, k=5):
        found = [self.scores[p] for p in probe if p in self.scores]
        return [("E1", sum(found))] if found else []


T = fingerprint.THRESHOLD


@pytest.mark.parametrize("scores, found", [
    ({R: 0.7 * T, L: 0.7 * T}, False),    # two impostor-like fingers: their sum would pass, their mean does not
    ({R: 1.4 * T, L: 0.75 * T}, True),    # a good finger and a fair one
    ({R: 1.8 * T}, False),                # one strong finger of two: mean 0.9 T (the other is not among the best)
])
def test_two_fingers_count_by_their_mean_not_their_sum(fingers, scores, found):
    g = EncounterGallery()
    g.fingers = _Scores(scores)
    g.add("E1", fingers={R: fingers[101, 1], L: fingers[102, 1]})
    hits = g.search(fingers={R: fingers[101, 2], L: fingers[102, 2]})
    assert bool(hits) is found, hits
