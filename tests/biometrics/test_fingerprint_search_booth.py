"""The booth-index run of benchmarks/fingerprint_search.py reads its gallery back from the saved
compact index: the booths' FingerIndex must get the same subjects, positions and minutiae."""
from __future__ import annotations

import numpy as np

from benchmarks.finger_index_lsh import FingerIndex
from benchmarks.fingerprint_search import booth_gallery
from inspector_app.biometrics.finger.template import BIFURCATION, ENDING, FingerTemplate, Minutia
from inspector_app.biometrics.finger_index import FingerIndex as BoothIndex

R, L = "Right IndexFinger", "Left IndexFinger"


def _template(seed: int) -> FingerTemplate:
    rng = np.random.default_rng(seed)
    ms = [Minutia(int(x), int(y), float(a), (ENDING, BIFURCATION)[int(t)], int(q))
          for x, y, a, t, q in zip(rng.integers(20, 280, 40), rng.integers(20, 380, 40), rng.integers(0, 256, 40) * 360 / 256,
                                   rng.integers(0, 2, 40), rng.integers(20, 100, 40))]
    return FingerTemplate(ms, 300, 400)


def test_booth_gallery_is_the_compact_index_gallery(tmp_path):
    made = {(f"S{s}", pos): _template(10 * s + i) for s in range(3) for i, pos in enumerate((R, L))}
    lsh = FingerIndex()
    for (sid, pos), t in made.items():
        lsh.add(sid, pos, t)
    lsh.save(tmp_path / "index")
    lsh.remove("S2")
    lsh.save(tmp_path / "index")  # S2 withdrawn: not in the booth's gallery

    got = {(sid, pos): t for sid, pos, t in booth_gallery(tmp_path / "index")}
    assert set(got) == {k for k in made if k[0] != "S2"}
    for key, t in got.items():
        assert (t.width, t.height) == (300, 400)
        assert [(m.x, m.y, m.angle, m.type, m.quality) for m in t.minutiae] == \
            [(m.x, m.y, m.angle, m.type, m.quality) for m in made[key].minutiae]

    booth = BoothIndex()
    for (sid, pos), t in got.items():
        booth.add(sid, pos, t)
    assert booth.identify({R: made["S1", R], L: made["S1", L]}, k=1)[0][0] == "S1"
