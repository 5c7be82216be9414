"""Synthetic fingers and their impressions in minutiae space, for galleries of millions.

Only 50 real fingers are at hand, so a 1M-subject gallery needs new fingers, not perturbed copies
of those 50. Everything works on minutiae arrays with numpy, thousands of fingers at a time:

- finger (master): a pad-shaped ellipse; a ridge-orientation field from the zero-pole model
  (Sherlock and Monro; the one SFinGe uses) with the class mix of real fingers (loops, whorls,
  arches) and core/delta positions drawn around their usual places; minutiae on a jittered grid
  (real minutiae are more regular than a Poisson process) with directions along the field (either
  way along the ridge), a share of bifurcations;
- impression: partial contact (a smaller, shifted ellipse), Cappelli-Maio-Maltoni plastic
  distortion (an undistorted contact core, a displacement growing outside it), a rigid placement
  on a sensor of an FVC size with cropping, minutiae dropout, spurious minutiae, position and
  angle noise, type flips.

The rates are calibrated against the FVC B sets (benchmarks/fingerprint_search.py --calibrate
compares counts, hull areas, nearest-neighbour distances, bifurcation share, neighbour direction
coherence and the MCC genuine/impostor score quantiles of real and synthetic pairs).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from benchmarks.finger_codes import MINUTIA_DTYPE

SENSORS = np.array([[388, 374], [296, 560], [300, 300], [288, 384], [640, 480]])  # FVC image sizes


@dataclass(frozen=True)
class SynthParams:
    grid: float = 36.0          # px between minutiae of a finger (jittered grid)
    grid_sd: float = 3.0
    axes: tuple = (150.0, 195.0)  # pad half-width and half-height, px at 500 dpi
    axes_sd: float = 0.08
    bifurcation: float = 0.31
    direction_sd: float = np.deg2rad(7)
    contact: tuple = (0.75, 1.05)  # contact ellipse / pad ellipse
    contact_shift: float = 20.0
    rotation: float = np.deg2rad(20)
    translation: float = 25.0
    plastic_core: tuple = (40.0, 80.0)   # radius of the undistorted contact core
    plastic_k: tuple = (30.0, 80.0)      # how fast the displacement grows outside it
    plastic_shift: float = 7.0           # sd of the outer region's translation (px)
    plastic_rot: float = np.deg2rad(4)
    dropout: tuple = (0.0, 0.30)
    spurious: tuple = (0.0, 10.0)        # mean number of spurious minutiae, per impression
    jitter: tuple = (0.5, 4.0)          # sd of position noise (px), per impression
    angle_jitter: tuple = (np.deg2rad(3), np.deg2rad(10))
    type_flip: float = 0.1


DEFAULT = SynthParams()
_GX, _GY = np.meshgrid(np.arange(-7, 8), np.arange(-9, 10))
_GX, _GY = _GX.ravel().astype(np.float32), _GY.ravel().astype(np.float32)


@dataclass
class Fingers:
    """B master fingers: (B, K) minutiae in the finger frame (image axes, y down), mask, pad."""
    x: np.ndarray
    y: np.ndarray
    theta: np.ndarray  # math-frame direction (counter-clockwise on screen), radians
    bif: np.ndarray
    mask: np.ndarray
    axes: np.ndarray  # (B, 2)
    field: tuple      # (cores, deltas, theta0): for spurious minutiae along the flow

    def __len__(self):
        return len(self.x)


def _field(x, y, cores, deltas, theta0):
    """Zero-pole ridge orientation at (B, K) points; cores/deltas (B, m, 2) with NaN = absent."""
    z = x + 1j * -y
    out = np.broadcast_to(theta0[:, None], x.shape).astype(np.float64).copy()
    for poles, sign in ((cores, 1.0), (deltas, -1.0)):
        for m in range(poles.shape[1]):
            p = poles[:, m, 0] + 1j * -poles[:, m, 1]
            present = ~np.isnan(poles[:, m, 0])
            ang = np.angle(z - np.where(present, p, 0)[:, None])
            out += np.where(present[:, None], sign * 0.5 * ang, 0.0)
    return out


def fingers(n: int, rng: np.random.Generator, p: SynthParams = DEFAULT) -> Fingers:
    axes = np.array(p.axes)[None, :] * np.exp(rng.normal(0, p.axes_sd, (n, 2)))
    g = rng.normal(p.grid, p.grid_sd, (n, 1))
    x = (_GX[None] + rng.uniform(-0.5, 0.5, (n, len(_GX)))) * g + rng.uniform(-0.5, 0.5, (n, 1)) * g
    y = (_GY[None] + rng.uniform(-0.5, 0.5, (n, len(_GY)))) * g + rng.uniform(-0.5, 0.5, (n, 1)) * g
    mask = (x / axes[:, :1]) ** 2 + (y / axes[:, 1:]) ** 2 <= 1
    # class mix of real fingers: loops ~2/3 (left/right), whorls ~1/4, arches the rest
    kind = rng.choice(4, n, p=[0.32, 0.32, 0.27, 0.09])
    cores = np.full((n, 2, 2), np.nan)
    deltas = np.full((n, 2, 2), np.nan)
    side = np.where(kind == 0, -1.0, 1.0)
    loop = kind <= 1
    cores[loop, 0] = np.stack([rng.normal(0, 15, loop.sum()), rng.normal(-20, 20, loop.sum())], 1)
    deltas[loop, 0] = np.stack([side[loop] * rng.normal(85, 20, loop.sum()), rng.normal(100, 20, loop.sum())], 1)
    wh = kind == 2
    c = np.stack([rng.normal(0, 10, wh.sum()), rng.normal(-10, 15, wh.sum())], 1)
    cores[wh, 0] = c + [0, -12]
    cores[wh, 1] = c + [0, 12]
    deltas[wh, 0] = np.stack([rng.normal(-90, 20, wh.sum()), rng.normal(100, 20, wh.sum())], 1)
    deltas[wh, 1] = np.stack([rng.normal(90, 20, wh.sum()), rng.normal(100, 20, wh.sum())], 1)
    ar = kind == 3  # arch: a core/delta pair far below the pad bends the ridges gently
    cores[ar, 0] = np.stack([rng.normal(0, 10, ar.sum()), rng.normal(260, 20, ar.sum())], 1)
    deltas[ar, 0] = np.stack([rng.normal(0, 10, ar.sum()), rng.normal(300, 20, ar.sum())], 1)
    theta0 = rng.normal(0, 0.08, n)
    field = (cores, deltas, theta0)
    theta = _field(x, y, *field) + np.pi * rng.integers(0, 2, x.shape) + rng.normal(0, p.direction_sd, x.shape)
    bif = rng.random(x.shape) < p.bifurcation
    return Fingers(x.astype(np.float32), y.astype(np.float32), (theta % (2 * np.pi)).astype(np.float32),
                   bif, mask, axes, field)


def impressions(f: Fingers, rng: np.random.Generator, p: SynthParams = DEFAULT, quality_pool=None):
    """One impression of each finger: (records, offsets, (B, 2) sensor sizes), as FingerIndex stores."""
    n, k = f.x.shape
    x, y, th = f.x.astype(np.float64), f.y.astype(np.float64), f.theta.astype(np.float64)
    # spurious minutiae first: they sit on the pad and go through the same distortion
    lam = rng.uniform(*p.spurious, n)
    ns = np.minimum(rng.poisson(lam), 12)
    smask = np.arange(12)[None, :] < ns[:, None]
    r = np.sqrt(rng.random((n, 12)))
    phi = rng.uniform(0, 2 * np.pi, (n, 12))
    sx = r * np.cos(phi) * f.axes[:, :1]
    sy = r * np.sin(phi) * f.axes[:, 1:]
    along = rng.random((n, 12)) < 0.5
    sth = np.where(along, _field(sx, sy, *f.field) + np.pi * rng.integers(0, 2, (n, 12)), rng.uniform(0, 2 * np.pi, (n, 12)))
    keep = f.mask & (rng.random((n, k)) >= rng.uniform(*p.dropout, (n, 1)))
    x = np.concatenate([x, sx], 1)
    y = np.concatenate([y, sy], 1)
    th = np.concatenate([th, sth], 1)
    bif = np.concatenate([f.bif, rng.random((n, 12)) < 0.5], 1)
    keep = np.concatenate([keep, smask], 1)
    # partial contact
    cx = rng.normal(0, p.contact_shift, (n, 1))
    cy = rng.normal(0, p.contact_shift, (n, 1))
    scale = rng.uniform(*p.contact, (n, 2))
    keep &= ((x - cx) / (f.axes[:, :1] * scale[:, :1])) ** 2 + ((y - cy) / (f.axes[:, 1:] * scale[:, 1:])) ** 2 <= 1

    # plastic distortion: v -> v + (T(v) - v) * brake(|v - c| - r_core)
    core = rng.uniform(*p.plastic_core, (n, 1))
    kk = rng.uniform(*p.plastic_k, (n, 1))
    a = rng.normal(0, p.plastic_rot, (n, 1))
    tx = rng.normal(0, p.plastic_shift, (n, 1))
    ty = rng.normal(0, p.plastic_shift, (n, 1))

    def distort(px, py):
        d = np.hypot(px - cx, py - cy) - core
        brake = np.where(d > 0, 1 - np.exp(-np.maximum(d, 0) / kk), 0.0)
        qx = np.cos(a) * (px - cx) - np.sin(a) * (py - cy) + cx + tx
        qy = np.sin(a) * (px - cx) + np.cos(a) * (py - cy) + cy + ty
        return px + (qx - px) * brake, py + (qy - py) * brake

    ex, ey = x + 5 * np.cos(th), y - 5 * np.sin(th)  # a point 5 px along the direction (y down)
    x, y = distort(x, y)
    ex, ey = distort(ex, ey)
    th = np.arctan2(-(ey - y), ex - x)
    # placement on the sensor
    sensor = SENSORS[rng.integers(len(SENSORS), size=n)]
    rot = rng.uniform(-p.rotation, p.rotation, (n, 1))
    ox = sensor[:, :1] / 2 + rng.normal(0, p.translation, (n, 1))
    oy = sensor[:, 1:] / 2 + rng.normal(0, p.translation, (n, 1))
    c, s = np.cos(rot), np.sin(rot)
    X = c * x + s * y + ox   # counter-clockwise on screen (y down)
    Y = -s * x + c * y + oy
    th = th + rot
    sd = rng.uniform(*p.jitter, (n, 1))  # impressions differ in quality: some pairs are clean
    X += rng.normal(0, 1, X.shape) * sd
    Y += rng.normal(0, 1, Y.shape) * sd
    th += rng.normal(0, 1, th.shape) * rng.uniform(*p.angle_jitter, (n, 1))
    keep &= (X >= 8) & (Y >= 8) & (X < sensor[:, :1] - 8) & (Y < sensor[:, 1:] - 8)
    bif ^= rng.random(bif.shape) < p.type_flip

    counts = keep.sum(1)
    rec = np.zeros(int(counts.sum()), MINUTIA_DTYPE)
    rec["x"] = np.rint(X[keep])
    rec["y"] = np.rint(Y[keep])
    rec["a"] = np.rint((th[keep] % (2 * np.pi)) * 256 / (2 * np.pi)).astype(np.int64) % 256
    rec["t"] = bif[keep].astype(np.uint8)
    pool = np.arange(5, 100) if quality_pool is None else np.asarray(quality_pool)
    rec["q"] = pool[rng.integers(len(pool), size=len(rec))]
    off = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return rec, off, sensor.astype(np.int32)
