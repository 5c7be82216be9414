"""Synthetic fingerprints for the demo, made when the demo home is built (no image ships).

The public fingerprint sets (FVC2002/2004, and SourceAFIS's test images, which are FVC2002 DB1
images) carry no licence to redistribute, so the demo grows its own prints, SFinGe style
(Cappelli, Maio, Maltoni: "Synthetic fingerprint-database generation", ICPR 2002):

1. an orientation field from a zero-pole model (Sherlock and Monro) with the finger's cores and
   deltas: a loop (one core, one delta) or a whorl (two of each), placed by the finger's seed;
2. a *master print*: random noise grown into ridges by iterated Gabor filtering along that field
   at a ridge period of 8-10 px (500 dpi); where ridges collide they end or fork, and those
   minutiae are what makes one master differ from another;
3. *impressions* of a master, as a finger lands on a scanner: a rotation of a few degrees, a shift,
   a smooth elastic distortion, a different contact area and pressure (ridge thickness), blur and
   sensor noise. Two impressions of one master are the same finger; two masters never are.

Everything is seeded (``finger_id``, ``impression``), so a demo home built twice holds the same
images. A master takes about a second; an impression a few milliseconds.

Measured with the project's matcher (MINDTCT + MCC, ``fingerprint.THRESHOLD`` 0.022) on fingers
101-125, impression 1 against impressions 2-5: same finger 0.059-0.25 (every pair a match); other
fingers 0.013-0.029, 51 of 2,400 pairs (2 %) at or above the threshold. Grown prints look more
alike to MCC than real ones do (smooth ridge flow, an even ridge period), so they are no
benchmark; the demo uses finger ids (travellers.csv, biometric.csv) measured below 0.018 against
the demo watchlist; tests/booth/test_demo_travellers.py checks that no image the scanner
simulator serves hits where it should not.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

SHAPE = (416, 384)           # rows, columns at 500 dpi (about 21 x 19 mm)
ORIENTATION_BINS = 16
GROWTH_STEPS = 8


def _orientation(rng: np.random.Generator, shape=SHAPE) -> np.ndarray:
    """Ridge orientation (radians, 0..pi) at every pixel: a zero-pole model of the finger's
    singular points, so the ridges turn round cores and split round deltas."""
    h, w = shape
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    z = x + 1j * y
    cx, cy = w * rng.uniform(0.42, 0.58), h * rng.uniform(0.38, 0.5)
    if rng.random() < 0.7:  # loop: the delta below the core, to one side
        side = rng.choice([-1.0, 1.0])
        cores = [complex(cx, cy)]
        deltas = [complex(cx + side * w * rng.uniform(0.2, 0.3), cy + h * rng.uniform(0.28, 0.38))]
    else:  # whorl: two cores close together, a delta on each side below them
        dx, dy = w * rng.uniform(0.03, 0.07), h * rng.uniform(0.03, 0.06)
        cores = [complex(cx - dx, cy - dy), complex(cx + dx, cy + dy)]
        deltas = [complex(cx - w * rng.uniform(0.28, 0.36), cy + h * rng.uniform(0.25, 0.33)),
                  complex(cx + w * rng.uniform(0.28, 0.36), cy + h * rng.uniform(0.25, 0.33))]
    theta = np.zeros(shape)
    for d in deltas:
        theta += np.angle(z - d)
    for c in cores:
        theta -= np.angle(z - c)
    # y grows downwards in an image, so the model's angles change sign
    theta = -0.5 * theta + rng.uniform(-0.15, 0.15)
    return np.mod(theta, np.pi)


def _grow(rng: np.random.Generator, theta: np.ndarray, period: float) -> np.ndarray:
    """Ridges grown from noise by oriented Gabor filtering, values in -1..1 (1 = ridge)."""
    import cv2

    bins = np.round(theta / np.pi * ORIENTATION_BINS).astype(int) % ORIENTATION_BINS
    kernels = []
    for b in range(ORIENTATION_BINS):
        ridge = b * np.pi / ORIENTATION_BINS
        # cv2's theta is the direction across the stripes: the normal to the ridge
        k = cv2.getGaborKernel((21, 21), sigma=period * 0.45, theta=ridge + np.pi / 2, lambd=period, gamma=1.0, psi=0)
        kernels.append((k - k.mean()).astype(np.float32))
    img = rng.standard_normal(theta.shape).astype(np.float32)
    rows = np.arange(theta.shape[0])[:, None]
    cols = np.arange(theta.shape[1])[None, :]
    for _ in range(GROWTH_STEPS):
        responses = np.stack([cv2.filter2D(img, -1, k, borderType=cv2.BORDER_REFLECT) for k in kernels])
        out = responses[bins, rows, cols]
        img = np.clip(out / (np.percentile(np.abs(out), 90) + 1e-6) * 1.5, -1.0, 1.0)
    return img.astype(np.float32)


@lru_cache(maxsize=16)
def master(finger_id: int) -> np.ndarray:
    """The master print of a finger: its ridge map (float32, -1..1) at 500 dpi (cached: treat it
    as read-only)."""
    rng = np.random.default_rng([19794, int(finger_id)])
    theta = _orientation(rng)
    return _grow(rng, theta, period=rng.uniform(8.5, 9.8))


def impression(ridges: np.ndarray, finger_id: int, number: int) -> np.ndarray:
    """One impression of a master print as a scanner would image it: uint8 grey, dark ridges on a
    light background, 500 dpi."""
    import cv2

    rng = np.random.default_rng([19794, int(finger_id), int(number)])
    h, w = ridges.shape
    # placement: rotation, shift
    angle = rng.uniform(-9, 9)
    shift = rng.uniform(-14, 14, size=2)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[:, 2] += shift
    # elastic distortion: a smooth random displacement field of a few pixels
    field = rng.standard_normal((2, h // 32 + 2, w // 32 + 2)).astype(np.float32) * 2.2
    dx = cv2.resize(field[0], (w, h), interpolation=cv2.INTER_CUBIC)
    dy = cv2.resize(field[1], (w, h), interpolation=cv2.INTER_CUBIC)
    inv = cv2.invertAffineTransform(m)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    map_x = inv[0, 0] * xx + inv[0, 1] * yy + inv[0, 2] + dx
    map_y = inv[1, 0] * xx + inv[1, 1] * yy + inv[1, 2] + dy
    r = cv2.remap(ridges, map_x.astype(np.float32), map_y.astype(np.float32), cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=-1.0)
    # contact area: an ellipse, placed and sized per impression, with a soft edge
    cy, cx = h * rng.uniform(0.46, 0.54), w * rng.uniform(0.45, 0.55)
    ay, ax = h * rng.uniform(0.40, 0.46), w * rng.uniform(0.36, 0.42)
    contact = np.clip((1.0 - ((yy - cy) / ay) ** 2 - ((xx - cx) / ax) ** 2) * 4.0, 0.0, 1.0)
    # pressure: ridge thickness; dry or wet skin shows as patches of lighter or heavier ridges
    level = rng.uniform(-0.25, 0.15)
    patches = cv2.resize(rng.standard_normal((6, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC) * 0.12
    ink = np.clip((r - level - patches) * 2.5, 0.0, 1.0) * contact
    ink = cv2.GaussianBlur(ink, (0, 0), rng.uniform(0.6, 1.0))
    background = rng.uniform(215, 240)
    dark = rng.uniform(20, 60)
    grey = background - (background - dark) * ink + rng.normal(0, rng.uniform(4, 9), size=(h, w))
    return np.clip(grey, 0, 255).astype(np.uint8)


def write_finger(folder: Path, finger_id: int, impressions) -> list[Path]:
    """Write impressions ``<finger_id>_<n>.tif`` of one finger into ``folder`` (FVC layout, which
    the SBI simulator serves: a retry is the next impression)."""
    import cv2

    folder.mkdir(parents=True, exist_ok=True)
    ridges = master(finger_id)
    out = []
    for n in impressions:
        path = folder / f"{finger_id}_{n}.tif"
        if not cv2.imwrite(str(path), impression(ridges, finger_id, n)):
            raise OSError(f"cannot write {path}")
        out.append(path)
    return out
