"""Minutia Cylinder-Code matcher (Cappelli, Ferrara, Maltoni, IEEE TPAMI 2010), bit version.

Each minutia gets a cylinder: an ns x ns x nd grid of bits in the minutia's own frame saying
which neighbours (position and relative direction) lie around it. Local cylinders are
invariant to rotation and translation, so two impressions compare without alignment; the
global score consolidates the best local pairs with relaxation (LSS-R) so that pairs must agree
geometrically. Everything is numpy: cylinder similarity of two templates is three small matrix
products.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import ndtr

from inspector_app.biometrics.finger.template import FingerTemplate


@dataclass(frozen=True)
class MccParams:
    radius: float = 70.0
    ns: int = 16
    nd: int = 6
    sigma_s: float = 28.0 / 3.0
    sigma_d: float = 2.0 * np.pi / 9.0
    mu_psi: float = 0.01
    hull_margin: float = 50.0
    min_valid_fraction: float = 0.6  # 0.75 in the paper; edge minutiae count more once enhancement cleans them
    min_neighbours: int = 2
    min_matchable_fraction: float = 0.6
    max_angle: float = np.pi / 2
    np_min: int = 4
    np_max: int = 12
    np_mu: float = 20.0
    np_tau: float = 0.4
    relax_iterations: int = 5
    relax_weight: float = 0.5
    max_minutiae: int = 80


DEFAULT = MccParams()
HULL_STEP = 4  # px between samples of the rasterised hull; cells are 2R/ns = 8.75 px apart


@dataclass
class Cylinders:
    """Cylinders of one template, only the valid ones, as packed bits (uint64 words).

    Packed bits keep a template small (~200 bytes a cylinder) and let similarity use popcounts
    instead of BLAS, whose thread pool is a liability for tiny products on a busy 2-core box.
    """
    xyt: np.ndarray  # (n, 3): x, y (math frame, y up), theta radians
    bits: np.ndarray  # (n, words) uint64: cell-direction bits, zero outside valid cells
    valid: np.ndarray  # (n, words) uint64: valid cells repeated over the nd directions
    count: np.ndarray  # (n,) popcount of bits
    cells: np.ndarray  # (n,) number of valid cells (spatial)

    def __len__(self) -> int:
        return len(self.xyt)


def _pack(bool_rows: np.ndarray) -> np.ndarray:
    """(n, k) bool -> (n, ceil(k/64)) uint64."""
    n, k = bool_rows.shape
    words = -(-k // 64)
    padded = np.zeros((n, words * 64), bool)
    padded[:, :k] = bool_rows
    return np.packbits(padded, axis=1).view(np.uint64).reshape(n, words)


def angle_diff(a, b):
    """Signed difference a - b wrapped to [-pi, pi)."""
    d = np.asarray(a) - np.asarray(b)
    return (d + np.pi) % (2 * np.pi) - np.pi


def _hull_mask(xy_img: np.ndarray, width: int, height: int, margin: float, pad: int, step: int = HULL_STEP):
    """Convex hull of the minutiae grown by `margin` px, rasterised every `step` px (cells are ~9 px)."""
    import cv2

    shape = ((height + 2 * pad) // step + 1, (width + 2 * pad) // step + 1)
    mask = np.zeros(shape, np.uint8)
    pts = np.round((xy_img + pad) / step).astype(np.int32)
    if len(pts) >= 3:
        cv2.fillConvexPoly(mask, cv2.convexHull(pts), 1)
    else:
        mask[pts[:, 1], pts[:, 0]] = 1
    dist = cv2.distanceTransform((1 - mask).astype(np.uint8), cv2.DIST_L2, 3)
    return dist * step <= margin


def build(template: FingerTemplate, p: MccParams = DEFAULT) -> Cylinders:
    """Compute the valid cylinders of a template (about 1-3 ms for 40-60 minutiae)."""
    arr = template.as_array()
    if len(arr) > p.max_minutiae:  # keep the best-quality minutiae
        q = np.array([m.quality for m in template.minutiae])
        arr = arr[np.sort(np.argsort(-q, kind="stable")[: p.max_minutiae])]
    n, ns, nd = len(arr), p.ns, p.nd
    cells = ns * ns
    if n == 0:
        return _empty(cells * nd)
    x_img, y_img, theta = arr[:, 0], arr[:, 1], arr[:, 2]
    pad = int(p.radius + p.hull_margin + 2)
    w = int(max(template.width, x_img.max() + 1))
    h = int(max(template.height, y_img.max() + 1))
    hull = _hull_mask(np.stack([x_img, y_img], 1), w, h, p.hull_margin, pad)

    ds = 2.0 * p.radius / ns
    offs = (np.arange(ns) - (ns - 1) / 2.0) * ds
    gi, gj = np.meshgrid(offs, offs, indexing="ij")
    gi, gj = gi.ravel(), gj.ravel()  # cell offsets in the minutia frame
    c, s = np.cos(theta)[:, None], np.sin(theta)[:, None]
    # math frame (y up): X = x, Y = -y
    cx = x_img[:, None] + c * gi - s * gj
    cy = -y_img[:, None] + s * gi + c * gj
    in_circle = (gi ** 2 + gj ** 2) <= p.radius ** 2
    rows = np.clip(np.round((-cy + pad) / HULL_STEP).astype(int), 0, hull.shape[0] - 1)
    cols = np.clip(np.round((cx + pad) / HULL_STEP).astype(int), 0, hull.shape[1] - 1)
    valid = hull[rows, cols] & in_circle[None, :]

    X, Y = x_img, -y_img
    dx = cx[:, :, None] - X[None, None, :]
    dy = cy[:, :, None] - Y[None, None, :]
    d2 = dx * dx + dy * dy  # (n, cells, n)
    cutoff = (3 * p.sigma_s) ** 2
    gs = np.where(d2 <= cutoff, np.exp(-d2 / (2 * p.sigma_s ** 2)) / (p.sigma_s * np.sqrt(2 * np.pi)), 0.0)
    gs = gs.astype(np.float32)
    idx = np.arange(n)
    gs[idx, :, idx] = 0.0  # a minutia does not contribute to its own cylinder

    dd = 2 * np.pi / nd
    centres = -np.pi + (np.arange(nd) + 0.5) * dd
    dtheta = angle_diff(theta[:, None], theta[None, :])  # (n, n) direction of t relative to m
    diff = angle_diff(centres[None, None, :], dtheta[:, :, None])  # (n, n, nd)
    gd = (ndtr((diff + dd / 2) / p.sigma_d) - ndtr((diff - dd / 2) / p.sigma_d)).astype(np.float32)
    contrib = np.einsum("ict,itk->ick", gs, gd)  # (n, cells, nd)
    bits = (contrib > p.mu_psi) & valid[:, :, None]

    # neighbours that could contribute: within radius + 3 sigma
    pd = np.hypot(X[:, None] - X[None, :], Y[:, None] - Y[None, :])
    neighbours = (pd <= p.radius + 3 * p.sigma_s).sum(1) - 1
    keep = (valid.sum(1) >= p.min_valid_fraction * in_circle.sum()) & (neighbours >= p.min_neighbours)
    if not keep.any():  # too few minutiae (or all at the edge) for a single valid cylinder
        return _empty(cells * nd)
    xyt = np.stack([X, Y, theta], 1)[keep]
    bits, valid = bits[keep].reshape(int(keep.sum()), -1), valid[keep]
    return Cylinders(xyt, _pack(bits), _pack(np.repeat(valid, nd, axis=1)),
                     bits.sum(1).astype(np.int32), valid.sum(1).astype(np.int32))


def _empty(k: int) -> Cylinders:
    words = -(-k // 64)
    return Cylinders(np.zeros((0, 3)), np.zeros((0, words), np.uint64), np.zeros((0, words), np.uint64),
                     np.zeros(0, np.int32), np.zeros(0, np.int32))


def _popcount_pairs(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(nx, ny) popcount of x_i & y_j."""
    return np.bitwise_count(x[:, None, :] & y[None, :, :]).sum(-1, dtype=np.int32)


def local_similarity(a: Cylinders, b: Cylinders, p: MccParams = DEFAULT) -> np.ndarray:
    """(na, nb) cylinder similarities 1 - |a xor b| / (|a| + |b|) over commonly valid cells."""
    na_ = _popcount_pairs(a.bits, b.valid)  # a restricted to cells valid in both
    nb_ = _popcount_pairs(a.valid, b.bits)
    both = _popcount_pairs(a.bits, b.bits)
    common = _popcount_pairs(a.valid, b.valid) / p.nd
    xor = np.sqrt(np.maximum(na_ + nb_ - 2 * both, 0))
    denom = np.sqrt(na_) + np.sqrt(nb_)
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = np.where(denom > 0, 1 - xor / denom, 0.0)
    cells_in_circle = p.ns * p.ns * np.pi / 4
    ok = common >= p.min_matchable_fraction * cells_in_circle
    # tolerance: extractors quantise angles, so differences of exactly 90 degrees are common
    ok &= np.abs(angle_diff(a.xyt[:, 2][:, None], b.xyt[:, 2][None, :])) <= p.max_angle + 1e-9
    return np.where(ok, sim, 0.0)


def _sigmoid(v, mu, tau):
    return 0.5 * (1.0 + np.tanh(0.5 * tau * (v - mu)))  # logistic without exp overflow


def _greedy_pairs(sim: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Highest-similarity pairs, each minutia used at most once (repeated argmax)."""
    work = sim.copy()
    out_a, out_b = [], []
    for _ in range(count):
        k = int(work.argmax())
        i, j = divmod(k, work.shape[1])
        if work[i, j] <= 0:
            break
        out_a.append(i)
        out_b.append(j)
        work[i, :] = 0
        work[:, j] = 0
    return np.array(out_a, int), np.array(out_b, int)


def consolidate(sim: np.ndarray, a: Cylinders, b: Cylinders, p: MccParams = DEFAULT) -> float:
    """LSS-R: relax the best pairs by their geometric compatibility, average the top n_P."""
    na, nb = sim.shape
    if na == 0 or nb == 0:
        return 0.0
    n_p = p.np_min + int(round(_sigmoid(min(na, nb), p.np_mu, p.np_tau) * (p.np_max - p.np_min)))
    ia, ib = _greedy_pairs(sim, min(na, nb))
    n_r = len(ia)
    if n_r < 2:
        return 0.0
    lam0 = sim[ia, ib]
    pa, pb = a.xyt[ia], b.xyt[ib]

    def geometry(pts):
        dx = pts[:, 0][:, None] - pts[:, 0][None, :]
        dy = pts[:, 1][:, None] - pts[:, 1][None, :]
        dist = np.hypot(dx, dy)
        dtheta = angle_diff(pts[:, 2][:, None], pts[:, 2][None, :])
        radial = angle_diff(pts[:, 2][:, None], np.arctan2(-dy, -dx))
        return dist, dtheta, radial

    da, ta, ra = geometry(pa)
    db, tb, rb = geometry(pb)
    rho = (_sigmoid(np.abs(da - db), 5.0, -1.6)
           * _sigmoid(np.abs(angle_diff(ta, tb)), np.pi / 12, -30.0)
           * _sigmoid(np.abs(angle_diff(ra, rb)), np.pi / 12, -30.0))
    np.fill_diagonal(rho, 0.0)
    lam = lam0.copy()
    for _ in range(p.relax_iterations):
        lam = p.relax_weight * lam + (1 - p.relax_weight) * (rho @ lam) / (n_r - 1)
    eff = lam / np.maximum(lam0, 1e-12)
    top = np.argsort(-eff, kind="stable")[: min(n_p, n_r)]
    return float(lam[top].sum() / n_p)


def match(a: Cylinders, b: Cylinders, p: MccParams = DEFAULT) -> float:
    """Global similarity in [0, 1] of two templates' cylinders."""
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return consolidate(local_similarity(a, b, p), a, b, p)
