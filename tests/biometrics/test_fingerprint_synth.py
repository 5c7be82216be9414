"""The synthetic finger generator behind the 1M-subject search benchmark: its impressions look
like real FVC impressions to a minutiae matcher, and two impressions of one finger match."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from benchmarks import finger_codes as fc
from inspector_app.biometrics import fingerprint

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def synth():
    spec = importlib.util.spec_from_file_location("fingerprint_synth", ROOT / "benchmarks/fingerprint_synth.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["fingerprint_synth"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def pairs(synth):
    """Two impressions each of 40 synthetic fingers."""
    rng = np.random.default_rng(11)
    f = synth.fingers(40, rng)
    first, second = synth.impressions(f, rng), synth.impressions(f, rng)
    return [[fc.unpack(rec[off[i]:off[i + 1]], size[i]) for i in range(40)] for rec, off, size in (first, second)]


def test_impressions_have_real_minutiae_counts_and_types(pairs):
    """FVC B sets through our extractor: median 46 minutiae (5-95 %: 27-72), 35 % bifurcations."""
    counts = [len(t.minutiae) for t in pairs[0] + pairs[1]]
    assert 30 <= np.median(counts) <= 60 and min(counts) >= 5 and max(counts) <= 120
    types = [m.type for t in pairs[0] for m in t.minutiae]
    assert 0.25 <= types.count("bifurcation") / len(types) <= 0.45
    assert all(0 <= m.x < t.width and 0 <= m.y < t.height for t in pairs[0] for m in t.minutiae)


def test_two_impressions_of_a_finger_match_and_of_two_fingers_do_not(pairs):
    genuine = [fingerprint.match(a, b) for a, b in zip(pairs[0][:15], pairs[1][:15])]
    impostor = [fingerprint.match(a, b) for a, b in zip(pairs[0][:15], pairs[1][1:16])]
    assert np.mean(np.array(genuine) >= fingerprint.THRESHOLD) >= 0.8
    assert np.mean(np.array(impostor) >= fingerprint.THRESHOLD) <= 0.1
    assert np.median(genuine) > 2 * np.median(impostor)


def test_fingers_are_distinct(synth):
    """A 1M gallery needs a million different fingers, not copies: no two share a layout."""
    rng = np.random.default_rng(3)
    rec, off, size = synth.impressions(synth.fingers(30, rng), rng)
    ts = [fc.unpack(rec[off[i]:off[i + 1]], size[i]) for i in range(30)]
    cross = [fingerprint.match(ts[i], ts[j]) for i in range(10) for j in range(i + 1, 10)]
    assert max(cross) < fingerprint.THRESHOLD * 1.5
