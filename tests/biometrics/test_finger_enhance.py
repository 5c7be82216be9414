"""Ridge enhancement and foreground filtering in front of MINDTCT (finger/enhance.py)."""
from __future__ import annotations

import numpy as np
import pytest

from inspector_app.biometrics import fingerprint
from inspector_app.biometrics.finger import enhance
from inspector_app.biometrics.finger.extract import extract_minutiae


def grating(period: float, size: int = 256, angle: float = 0.5, noise: float = 0.0, seed: int = 0) -> np.ndarray:
    """Straight ridges of a given period (px), dark on light, optionally with Gaussian noise."""
    yy, xx = np.mgrid[:size, :size].astype(np.float64)
    wave = np.cos(2 * np.pi * (xx * np.cos(angle) + yy * np.sin(angle)) / period)
    img = 128 + 80 * wave + np.random.default_rng(seed).normal(0, noise, wave.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("period", [6.0, 7.5, 9.0, 11.0])
def test_ridge_period_is_recovered(period):
    norm, _ = enhance._normalised(grating(period).astype(np.float32))
    assert enhance.ridge_period(norm) == pytest.approx(period, rel=0.08)


def test_enhancement_restores_noisy_ridges():
    clean = grating(8.0).astype(np.float64)
    noisy = grating(8.0, noise=70.0)
    out = enhance.enhance(noisy)
    assert out.shape == noisy.shape and out.dtype == np.uint8
    inner = (slice(32, -32), slice(32, -32))  # away from the filter's border effects

    def corr(a):
        return np.corrcoef(a[inner].ravel().astype(np.float64), clean[inner].ravel())[0, 1]

    assert corr(out) > corr(noisy) + 0.1


def test_foreground_is_the_print_not_the_background():
    img = np.full((300, 300), 200, np.uint8)
    yy, xx = np.mgrid[:300, :300]
    disc = (yy - 150) ** 2 + (xx - 150) ** 2 < 100 ** 2
    img[disc] = grating(8.0, size=300)[disc]
    inside = enhance.foreground_distance(img)
    assert inside[150, 150] > 60
    assert inside[10, 10] == 0 and inside[290, 150] == 0


def test_blank_image_has_no_foreground():
    assert not enhance.foreground_distance(np.full((200, 200), 255, np.uint8)).any()


def test_minutiae_keep_off_the_print_edge(shared_data):
    """FVC2002 DB3 (capacitive): MINDTCT finds false minutiae in the noisy background."""
    image = fingerprint.load_image(shared_data / "fingerprints/fvc2002/DB3_B/105_5.tif", 500)
    inside = enhance.foreground_distance(image)
    kept = extract_minutiae(image)
    raw = extract_minutiae(image, enhanced=False)
    assert kept.minutiae and all(inside[m.y, m.x] >= enhance.EDGE_MARGIN for m in kept.minutiae)
    assert any(inside[m.y, m.x] < enhance.EDGE_MARGIN for m in raw.minutiae)
