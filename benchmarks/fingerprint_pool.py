"""Perturbed copies of a few real FVC fingers, for benchmarks/encounter_search.py.

Rotation, translation, minutiae dropout, jitter and spurious minutiae applied to real templates:
cheap distractors for a hub gallery of encounters. The national-size search benchmark
(fingerprint_search.py) uses distinct synthetic fingers instead (fingerprint_synth.py).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
from fingerprint_fvc import find_dbs, list_images, manifest_dpis

R, L = "Right IndexFinger", "Left IndexFinger"


def load_real(data: Path, max_fingers: int) -> list[list]:
    """[finger][impression] -> FingerTemplate, extracted with our pipeline."""
    from inspector_app.biometrics import fingerprint

    dpis = manifest_dpis(data)
    fingers = []
    for db in find_dbs(data):
        for _, imprs in sorted(list_images(db).items()):
            first = imprs[min(imprs)]
            dpi = dpis.get(first.resolve(), 500.0)
            fingers.append([fingerprint.extract(fingerprint.load_image(p, dpi)) for _, p in sorted(imprs.items())])
            if len(fingers) >= max_fingers:
                return fingers
    return fingers


def perturb(t, rng):
    """A plausible other capture of the same finger: dropout, jitter, spurious minutiae."""
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    keep = [m for m in t.minutiae if rng.random() > rng.uniform(0.1, 0.3)]
    out = [Minutia(int(np.clip(m.x + rng.normal(0, 2), 0, 16383)), int(np.clip(m.y + rng.normal(0, 2), 0, 16383)),
                   float((m.angle + rng.normal(0, 6)) % 360), m.type, m.quality) for m in keep]
    for _ in range(rng.integers(0, 6)):
        out.append(Minutia(int(rng.integers(0, t.width)), int(rng.integers(0, t.height)),
                           float(rng.uniform(0, 360)), "ending", 10))
    return rigid(FingerTemplate(out, t.width, t.height, quality=t.quality), rng)


def rigid(t, rng, cylinders=None):
    """Rotate (+-30 deg) about the centre and translate (+-40 px); cylinders move with it unchanged."""
    from inspector_app.biometrics.finger.template import FingerTemplate, Minutia

    a = np.deg2rad(rng.uniform(-30, 30))
    dx, dy = rng.uniform(-40, 40, 2)
    cx, cy = t.width / 2, t.height / 2
    ca, sa = np.cos(a), np.sin(a)
    # vectorised (a 100k-subject gallery makes 200k of these): same arithmetic as per minutia
    x = np.array([m.x for m in t.minutiae], np.float64) - cx  # screen frame, y down: rotate
    y = np.array([m.y for m in t.minutiae], np.float64) - cy  # counter-clockwise on screen
    nx = np.clip(np.rint(ca * x + sa * y + cx + dx), 0, 16383).astype(np.int64).tolist()
    ny = np.clip(np.rint(-sa * x + ca * y + cy + dy), 0, 16383).astype(np.int64).tolist()
    angle = ((np.array([m.angle for m in t.minutiae], np.float64) + np.rad2deg(a)) % 360).tolist()
    mins = [Minutia(X, Y, A, m.type, m.quality) for X, Y, A, m in zip(nx, ny, angle, t.minutiae)]
    out = FingerTemplate(mins, t.width, t.height, quality=t.quality)
    if cylinders is not None:
        from inspector_app.biometrics.finger import mcc

        xyt = cylinders.xyt.copy()
        X, Y = xyt[:, 0] - cx, -xyt[:, 1] - cy  # back to screen coordinates
        xyt[:, 0] = ca * X + sa * Y + cx + dx
        xyt[:, 1] = -(-sa * X + ca * Y + cy + dy)
        xyt[:, 2] = (xyt[:, 2] + a) % (2 * np.pi)
        out._arrays["mcc"] = mcc.Cylinders(xyt, cylinders.bits, cylinders.valid, cylinders.count, cylinders.cells)
    return out


def distractor_pool(sources: list, n: int, rng) -> list:
    """n perturbed copies of the source templates, cylinders computed once."""
    from inspector_app.biometrics import fingerprint

    pool = []
    for i in range(n):
        p = perturb(sources[i % len(sources)], rng)
        fingerprint.cylinders(p)
        pool.append(p)
    return pool


def distractor(pool: list, rng):
    """One gallery template: a pool member under its own rigid transform (its cylinder arrays are
    shared with the pool member, which understates memory; see encounter_search.py)."""
    from inspector_app.biometrics import fingerprint

    src = pool[int(rng.integers(len(pool)))]
    return rigid(src, rng, fingerprint.cylinders(src))
