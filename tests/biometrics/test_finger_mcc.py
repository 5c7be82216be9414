"""MCC matcher properties: invariance to rigid motion, symmetry, degenerate templates."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.biometrics import fingerprint
from inspector_app.biometrics.finger import mcc
from inspector_app.biometrics.finger.template import FingerTemplate, Minutia


@pytest.fixture(scope="module")
def probe(shared_data):
    return fingerprint.extract(fingerprint.load_image(shared_data / "fingerprints/sourceafis/probe.png"))


def moved(t: FingerTemplate, degrees: float, dx: int, dy: int) -> FingerTemplate:
    """Rotate counter-clockwise on screen about the image centre, then translate."""
    a = np.deg2rad(degrees)
    cx, cy = t.width / 2, t.height / 2
    out = []
    for m in t.minutiae:
        x, y = m.x - cx, m.y - cy
        out.append(Minutia(int(round(np.cos(a) * x + np.sin(a) * y + cx + dx + 200)),
                           int(round(-np.sin(a) * x + np.cos(a) * y + cy + dy + 200)),
                           (m.angle + degrees) % 360, m.type, m.quality))
    return FingerTemplate(out, t.width + 400, t.height + 400)


@settings(max_examples=8, deadline=None)
@given(st.floats(-60, 60), st.integers(-60, 60), st.integers(-60, 60))
def test_rigid_motion_keeps_a_high_score(probe, degrees, dx, dy):
    """Within +-60 degrees: MCC deliberately refuses cylinder pairs more than 90 degrees apart."""
    self_score = fingerprint.match(probe, probe)
    score = fingerprint.match(probe, moved(probe, degrees, dx, dy))
    assert score >= 0.6 * self_score
    assert score >= 5 * fingerprint.THRESHOLD


def test_wrong_angle_convention_breaks_matching(probe):
    """Guards the extractor's angle sign: mirrored directions must not match."""
    flipped = FingerTemplate([Minutia(m.x, m.y, (-m.angle) % 360, m.type, m.quality) for m in probe.minutiae],
                             probe.width, probe.height)
    assert fingerprint.match(probe, flipped) < 0.5 * fingerprint.match(probe, probe)


def test_empty_and_tiny_templates_score_zero(probe):
    empty = FingerTemplate([], 300, 300)
    one = FingerTemplate([Minutia(10, 10, 0.0)], 300, 300)
    assert fingerprint.match(empty, probe) == 0.0
    assert fingerprint.match(one, probe) == 0.0
    assert len(mcc.build(empty)) == 0


def test_local_similarity_is_symmetric(probe, shared_data):
    other = fingerprint.extract(fingerprint.load_image(shared_data / "fingerprints/sourceafis/matching.png"))
    a, b = fingerprint.cylinders(probe), fingerprint.cylinders(other)
    assert np.allclose(mcc.local_similarity(a, b), mcc.local_similarity(b, a).T)
