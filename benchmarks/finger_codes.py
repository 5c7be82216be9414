"""Compact minutiae and locality-sensitive keys for the 1:N pre-filter, computed in batch.

A national gallery (2M fingers) cannot keep MCC cylinders in memory (~13 KB a finger) nor build
them at enrolment speed (~20 ms a template on the booth's CPU). The pre-filter therefore works
on a coarse cylinder of our own, computed with numpy over thousands of templates at once: for
each minutia, the neighbours within RADIUS in its own frame set bits in a SPATIAL x SPATIAL x
DIRECTIONS grid, with a tolerance band so a neighbour near a cell boundary sets both cells (the
bit-vector version of MCC's Gaussian spreading). The hash of table t is TABLE_BITS of those
bits chosen at random (Cappelli, Ferrara, Maltoni, "Fingerprint Indexing Based on Minutia
Cylinder-Code", TPAMI 2011): close cylinders collide in many tables, unrelated ones rarely.

Minutiae are stored as 7 bytes each (x, y int16, ISO angle byte, type, quality), the ISO 19794-2
resolution, so a shortlisted template is rebuilt exactly as it travelled.
"""
from __future__ import annotations

import numpy as np

from inspector_app.biometrics.finger.template import BIFURCATION, ENDING, OTHER, FingerTemplate, Minutia

RADIUS = 70.0
SPATIAL = 6
DIRECTIONS = 4
BITS = SPATIAL * SPATIAL * DIRECTIONS
TABLES = 16
TABLE_BITS = 16
SPACE_TOLERANCE = 4.0   # px: a neighbour this close to a cell boundary also sets the next cell
ANGLE_TOLERANCE = np.pi / 10
MIN_NEIGHBOURS = 2      # a minutia with fewer neighbours says nothing about the finger
MIN_KEY_BITS = 3
NO_KEY = np.uint32(0xFFFFFFFF)
_SEED = 19794
_TYPES = (ENDING, BIFURCATION, OTHER)

MINUTIA_DTYPE = np.dtype([("x", "<i2"), ("y", "<i2"), ("a", "u1"), ("t", "u1"), ("q", "u1")])


def table_bits(seed: int = _SEED) -> np.ndarray:
    """(TABLES, TABLE_BITS) bit positions hashed by each table: fixed, so saved keys stay valid."""
    rng = np.random.default_rng(seed)
    return np.stack([rng.choice(BITS, TABLE_BITS, replace=False) for _ in range(TABLES)])


_TABLE_BITS = table_bits()


def pack(templates: list[FingerTemplate]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Minutiae records, offsets (len+1) and (width, height) of each template."""
    counts = [len(t.minutiae) for t in templates]
    rec = np.zeros(sum(counts), MINUTIA_DTYPE)
    ms = [m for t in templates for m in t.minutiae]
    if ms:
        rec["x"] = [m.x for m in ms]
        rec["y"] = [m.y for m in ms]
        rec["a"] = np.rint(np.array([m.angle for m in ms]) * 256 / 360).astype(np.int64) % 256
        rec["t"] = [_TYPES.index(m.type) for m in ms]
        rec["q"] = [m.quality for m in ms]
    off = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    size = np.array([[t.width, t.height] for t in templates], np.int32).reshape(-1, 2)
    return rec, off, size


def unpack(rec: np.ndarray, size) -> FingerTemplate:
    """The template of one slice of minutiae records."""
    ms = [Minutia(int(x), int(y), a * 360.0 / 256, _TYPES[t], int(q))
          for x, y, a, t, q in zip(rec["x"].tolist(), rec["y"].tolist(), rec["a"].tolist(),
                                   rec["t"].tolist(), rec["q"].tolist())]
    return FingerTemplate(ms, int(size[0]), int(size[1]))


def padded(rec: np.ndarray, off: np.ndarray, slots: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(B, slots) x, y (math frame, y up), theta radians and mask of B templates' minutiae."""
    n = np.diff(off)
    b = len(n)
    k = np.minimum(n, slots)
    mask = np.arange(slots)[None, :] < k[:, None]
    src = (off[:-1, None] + np.arange(slots)[None, :])[mask]
    x = np.zeros((b, slots), np.float32)
    y = np.zeros((b, slots), np.float32)
    t = np.zeros((b, slots), np.float32)
    sel = rec[src]
    x[mask] = sel["x"]
    y[mask] = -sel["y"].astype(np.float32)
    t[mask] = sel["a"].astype(np.float32) * (2 * np.pi / 256)
    return x, y, t, mask


def coarse_bits(x, y, t, mask) -> tuple[np.ndarray, np.ndarray]:
    """(B, K, BITS) bool coarse cylinders and the (B, K) mask of minutiae worth hashing."""
    b, k = x.shape
    c, s = np.cos(t), np.sin(t)
    dx = x[:, None, :] - x[:, :, None]  # [b, i, j]: neighbour j seen from minutia i
    dy = y[:, None, :] - y[:, :, None]
    u = c[:, :, None] * dx + s[:, :, None] * dy
    v = -s[:, :, None] * dx + c[:, :, None] * dy
    near = (u * u + v * v <= RADIUS * RADIUS) & mask[:, :, None] & mask[:, None, :]
    near &= ~np.eye(k, dtype=bool)[None]
    bb, ii, jj = np.nonzero(near)
    uu, vv = u[bb, ii, jj], v[bb, ii, jj]
    dt = (t[bb, jj] - t[bb, ii]) % np.float32(2 * np.pi)
    cell = np.float32(2 * RADIUS / SPATIAL)
    dd = np.float32(2 * np.pi / DIRECTIONS)

    def index(w, tol, n, period=None):
        lo, hi = w - tol, w + tol
        if period is not None:
            lo, hi = lo % period, hi % period
        return [np.clip((z // (cell if period is None else dd)).astype(np.int32), 0, n - 1) for z in (lo, hi)]

    ua = index(uu + np.float32(RADIUS), SPACE_TOLERANCE, SPATIAL)
    va = index(vv + np.float32(RADIUS), SPACE_TOLERANCE, SPATIAL)
    da = index(dt, ANGLE_TOLERANCE, DIRECTIONS, np.float32(2 * np.pi))
    base = (bb.astype(np.int64) * k + ii) * BITS
    bits = np.zeros(b * k * BITS, bool)
    for a in ua:
        for bcell in va:
            ab = base + (a * SPATIAL + bcell) * DIRECTIONS
            for d in da:
                bits[ab + d] = True
    bits = bits.reshape(b, k, BITS)
    hashed = mask & (near.sum(2) >= MIN_NEIGHBOURS)
    return bits, hashed


def keys_of(x, y, t, mask) -> tuple[np.ndarray, np.ndarray]:
    """(B, K, TABLES) uint32 keys and the (B, K) mask of hashed minutiae. A table's key is
    TABLE_BITS of the coarse cylinder's bits chosen at random; NO_KEY where fewer than
    MIN_KEY_BITS of them are set (a nearly empty key collides with everything)."""
    bits, hashed = coarse_bits(x, y, t, mask)
    sel = bits[:, :, _TABLE_BITS]  # (B, K, TABLES, TABLE_BITS)
    out = np.packbits(sel, axis=-1, bitorder="little").view("<u2")[..., 0].astype(np.uint32)
    out[sel.sum(-1) < MIN_KEY_BITS] = NO_KEY
    return out, hashed


def template_keys(rec: np.ndarray, off: np.ndarray, slots: int = 96, chunk: int = 500) -> tuple[np.ndarray, np.ndarray]:
    """Keys of every hashed minutia of B templates: (m, TABLES) uint32 and (m,) the index of the
    minutia in `rec`. Templates with more than `slots` minutiae are hashed on their first `slots`.
    Templates are batched by minutiae count so the (B, K, K) neighbour arrays carry little padding."""
    counts = np.diff(off)
    order = np.argsort(counts, kind="stable")
    keys, where = [np.zeros((0, TABLES), np.uint32)], [np.zeros(0, np.int64)]
    for a in range(0, len(order), chunk):
        ids = order[a:a + chunk]
        c = counts[ids]
        k = int(min(slots, max(1, c.max(initial=1))))
        c = np.minimum(c, k)
        o = np.concatenate([[0], np.cumsum(c)])
        src = np.repeat(off[ids] - o[:-1], c) + np.arange(o[-1])
        x, y, t, mask = padded(rec[src], o, k)
        kk, hashed = keys_of(x, y, t, mask)
        index = np.zeros(mask.shape, np.int64)
        index[mask] = src
        keys.append(kk[hashed])
        where.append(index[hashed])
    return np.concatenate(keys), np.concatenate(where)
