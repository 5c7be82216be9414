"""Fingerprint image quality 0-100 in the spirit of NFIQ 2 (ISO/IEC 29794-4).

Not NFIQ 2 itself (its random forest is not shipped here), but built from the same kind of
local features, measured on 16x16 blocks at 500 dpi:
- foreground: blocks whose gray-level spread says there is skin, not background;
- orientation certainty: coherence of the gradient structure tensor (clear, parallel ridges);
- ridge clarity/frequency: share of the block's spectral energy at plausible ridge periods
  (5-15 px at 500 dpi, the NFIQ 2 frequency-domain idea);
- foreground area: a partial or cropped print cannot score high however clean it is.
"""
from __future__ import annotations

import numpy as np

BLOCK = 16
MIN_PERIOD, MAX_PERIOD = 5.0, 15.0
FULL_AREA_PX = 60000  # ~ a plain index finger at 500 dpi (about 12 x 10 mm)


def _blocks(a: np.ndarray, b: int) -> np.ndarray:
    h, w = (a.shape[0] // b) * b, (a.shape[1] // b) * b
    return a[:h, :w].reshape(h // b, b, w // b, b).swapaxes(1, 2)


def block_features(image: np.ndarray) -> dict:
    """Per-block foreground mask, coherence and ridge-band energy (arrays of the block grid)."""
    import cv2

    img = image.astype(np.float32)
    gx = cv2.Sobel(img, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(img, cv2.CV_32F, 0, 1, ksize=3)
    bxx = _blocks(gx * gx, BLOCK).sum((2, 3))
    byy = _blocks(gy * gy, BLOCK).sum((2, 3))
    bxy = _blocks(gx * gy, BLOCK).sum((2, 3))
    coherence = np.sqrt((bxx - byy) ** 2 + 4 * bxy ** 2) / np.maximum(bxx + byy, 1e-6)

    tiles = _blocks(img, BLOCK)
    std = tiles.std(axis=(2, 3))
    foreground = std > max(8.0, 0.25 * float(np.percentile(std, 90)))

    # spectral energy in the ridge band, 32x32 windows centred on each block
    pad = np.pad(img, BLOCK // 2, mode="reflect")
    win = np.lib.stride_tricks.sliding_window_view(pad, (2 * BLOCK, 2 * BLOCK))[::BLOCK, ::BLOCK]
    win = win[: tiles.shape[0], : tiles.shape[1]]
    win = win - win.mean(axis=(2, 3), keepdims=True)
    hann = np.outer(np.hanning(2 * BLOCK), np.hanning(2 * BLOCK)).astype(np.float32)
    from scipy.fft import rfft2

    spec = rfft2(win * hann, axes=(2, 3))
    power = spec.real ** 2 + spec.imag ** 2
    power[..., 1:-1] *= 2  # rfft keeps half the spectrum: count the mirrored half
    fy = np.fft.fftfreq(2 * BLOCK)[:, None]
    fx = np.fft.rfftfreq(2 * BLOCK)[None, :]
    radius = np.hypot(fy, fx)
    band = (radius >= 1 / MAX_PERIOD) & (radius <= 1 / MIN_PERIOD)
    total = power.sum(axis=(2, 3)) - power[:, :, 0, 0]
    clarity = power[:, :, band].sum(-1) / np.maximum(total, 1e-6)
    return {"foreground": foreground, "coherence": coherence, "clarity": clarity, "std": std}


def quality(image: np.ndarray) -> int:
    """0 (unusable) .. 100 (excellent) for a uint8 grayscale image at 500 dpi."""
    if image.ndim != 2 or min(image.shape) < 2 * BLOCK:
        return 0
    feats = block_features(image)
    fg = feats["foreground"]
    if not fg.any():
        return 0
    # a block is good when its ridges are both parallel and at ridge frequencies
    local = np.sqrt(np.clip(feats["coherence"][fg], 0, 1)) * np.clip(feats["clarity"][fg], 0, 1)
    area = min(1.0, fg.sum() * BLOCK * BLOCK / FULL_AREA_PX)
    # ridge clarity of a clean print sits around 0.8-0.9 and coherence around 0.5-0.7
    raw = float(np.mean(local)) / 0.75
    return int(round(100 * min(1.0, raw) * area ** 0.5))
