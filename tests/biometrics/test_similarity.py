"""The one score scale of face and fingerprint hits (biometrics.similarity)."""
from __future__ import annotations

import pytest

from inspector_app.biometrics import face, fingerprint
from inspector_app.biometrics.similarity import HIT_AT, face_similarity, finger_similarity


@pytest.mark.parametrize("convert, native, expected", [
    (face_similarity, 0.0, 100),
    (face_similarity, face.THRESHOLD, HIT_AT),          # the operating point is the mark, exactly
    (face_similarity, face.THRESHOLD + 1e-6, HIT_AT - 1),  # just past it is not a hit, whatever rounding says
    (face_similarity, 0.354, 63),
    (face_similarity, 10.0, 6),
    (finger_similarity, 0.0, 0),
    (finger_similarity, fingerprint.THRESHOLD, HIT_AT),
    (finger_similarity, fingerprint.THRESHOLD - 1e-6, HIT_AT - 1),
    (finger_similarity, 0.13, 84),
    (finger_similarity, 1.0, 98),
])
def test_similarity_maps_the_native_score_with_the_threshold_at_50(convert, native, expected):
    assert convert(native) == expected


def test_more_alike_is_always_higher():
    distances = [i / 100 for i in range(0, 200)]
    faces = [face_similarity(d) for d in distances]
    assert faces == sorted(faces, reverse=True) and all(0 <= v <= 100 for v in faces)
    scores = [i / 1000 for i in range(0, 1000)]
    fingers = [finger_similarity(s) for s in scores]
    assert fingers == sorted(fingers) and all(0 <= v <= 100 for v in fingers)
