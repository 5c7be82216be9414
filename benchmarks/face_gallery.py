"""Face galleries for the 1:N benchmark, fitted to real dlib encodings.

The pruning power of any lower bound depends on how the gallery is spread, so an isotropic
generator says little about real watchlists. Here we:

1. encode every labelled shared photo (faces/face_recognition, as benchmarks/face_accuracy.py
   labels them) and light augmentations of each (mirror, +-6 degree rotation, 0.75 scale,
   brightness 0.7/1.3, blur, JPEG q=35): real dlib encodings of real faces;
2. fit a Gaussian identity model to them: the mean encoding ``mu``; the principal axes of the
   real encodings (the leading ones are real directions, the tail an orthonormal completion); a
   power-law spectrum ``lambda_i ~ i**-alpha`` whose exponent is fitted so that the generated
   impostor distances have the real spread ((p95 - p05) / median); scales ``b`` (between persons)
   and ``w`` (within a person, same spectral shape: an assumption) fitted so that the generated
   genuine and impostor medians equal the real ones;
3. draw identities ``mu + N(0, b * Lambda)`` and samples ``identity + N(0, w * Lambda)``.

Why the spread is the statistic to fit: for Gaussian pairs, d^2 is a weighted sum of chi-square
terms and (std / mean of d^2)^2 = 2 * sum(lambda^2) / sum(lambda)^2 = 2 / d_eff, so a narrow real
impostor histogram means many effective dimensions, which is exactly what limits a
low-dimensional lower bound.

What this cannot show: 5 real identities (19 photos) give 10 identity pairs, so the fitted
exponent is uncertain, and the within-person shape is assumed equal to the between-person
one. The benchmark therefore reports the real and generated distance histograms and spectra
side by side, and also runs the old isotropic generator.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np

CACHE = Path("/work/cache/face")
DIM = 128


def _augmentations(image):
    """Real-looking variations of one photo (PIL image) that keep the person."""
    from PIL import Image, ImageEnhance, ImageFilter, ImageOps

    yield "orig", image
    yield "mirror", ImageOps.mirror(image)
    yield "rot+6", image.rotate(6, resample=Image.BICUBIC, expand=True)
    yield "rot-6", image.rotate(-6, resample=Image.BICUBIC, expand=True)
    yield "scale0.75", image.resize((max(1, int(image.width * 0.75)), max(1, int(image.height * 0.75))), Image.LANCZOS)
    yield "dark", ImageEnhance.Brightness(image).enhance(0.7)
    yield "bright", ImageEnhance.Brightness(image).enhance(1.3)
    yield "blur", image.filter(ImageFilter.GaussianBlur(1.5))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=35)
    buf.seek(0)
    yield "jpeg35", Image.open(buf).convert("RGB")


def real_encodings(base: Path, cache: Path | None = None) -> dict:
    """Encodings of the labelled photos and their augmentations: identities, photo ids, vectors."""
    cache = cache or CACHE / "real_encodings.npz"
    if cache.is_file():
        z = np.load(cache, allow_pickle=False)
        return {k: z[k] for k in z.files}
    from face_accuracy import labelled_images
    from PIL import Image

    from inspector_app.biometrics import face

    who, photo, kind, vecs = [], [], [], []
    for identity, path in labelled_images(base):
        original = Image.fromarray(face.load_image(path))
        for name, img in _augmentations(original):
            try:
                tpl = face.encode(np.asarray(img.convert("RGB"), dtype=np.uint8))
            except face.FaceError:
                continue
            who.append(identity)
            photo.append(path.name)
            kind.append(name)
            vecs.append(tpl.vector)
    out = {"identity": np.asarray(who), "photo": np.asarray(photo), "kind": np.asarray(kind),
           "vectors": np.asarray(vecs, dtype=np.float32)}
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, **out)
    return out


class FittedModel:
    """Gaussian identity model fitted to real encodings (see the module docstring)."""

    def __init__(self, real: dict):
        x = real["vectors"].astype(np.float64)
        ids = real["identity"]
        names = sorted(set(ids.tolist()))
        means = np.stack([x[ids == n].mean(axis=0) for n in names])
        self.mu = means.mean(axis=0)
        within = np.concatenate([x[ids == n] - m for n, m in zip(names, means)])
        self.W = within.T @ within / max(1, within.shape[0] - len(names))
        self.identities = len(names)
        self.real = x
        self.real_ids = ids
        self.real_photo = real["photo"]
        self.real_kind = real["kind"]
        # directions: the real encodings' principal axes (leading ones real, the tail an
        # orthonormal completion); spectrum: a power law fitted below
        ev, vec = np.linalg.eigh(np.cov(x.T))
        self.V = vec[:, np.argsort(ev)[::-1]]
        g, i = self.real_distances()
        self.real_genuine_median = float(np.median(g))
        self.real_impostor_median = float(np.median(i))
        self.real_impostor_width = float((np.percentile(i, 95) - np.percentile(i, 5)) / np.median(i))
        self.alpha = self._fit_alpha()
        self.b, self.w = self._fit_scales()

    def _spectrum(self, alpha: float) -> np.ndarray:
        lam = np.arange(1, DIM + 1, dtype=np.float64) ** -alpha
        return lam / lam.sum()

    def _fit_alpha(self) -> float:
        """Power-law exponent whose impostor distance spread (p95-p05)/median equals the real one."""
        lo, hi = 0.0, 3.0
        for _ in range(20):
            mid = (lo + hi) / 2
            self.lam = self._spectrum(mid)
            rng = np.random.default_rng(11)
            _, i = self.sample_distances(rng, 6000, 1.0, 0.1)
            width = (np.percentile(i, 95) - np.percentile(i, 5)) / np.median(i)
            lo, hi = (mid, hi) if width < self.real_impostor_width else (lo, mid)
        self.lam = self._spectrum((lo + hi) / 2)
        return (lo + hi) / 2

    def real_distances(self) -> tuple[np.ndarray, np.ndarray]:
        """Genuine pairs (same identity, different photos, original images only) and impostor pairs."""
        orig = self.real_kind == "orig"
        x, ids, photos = self.real[orig], self.real_ids[orig], self.real_photo[orig]
        d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(-1))
        iu = np.triu_indices(x.shape[0], 1)
        same = (ids[:, None] == ids[None, :])[iu]
        other_photo = (photos[:, None] != photos[None, :])[iu]
        return d[iu][same & other_photo], d[iu][~same]

    def _fit_scales(self) -> tuple[float, float]:
        # for Gaussians: genuine distance^2 ~ 2 w * tr(shape_w) = 2w, impostor ~ 2b + 2w (up to the
        # chi distribution's median factor, corrected by one sampled pass)
        rng = np.random.default_rng(7)
        w = self.real_genuine_median**2 / 2
        b = max(self.real_impostor_median**2 / 2 - w, 1e-6)
        for _ in range(3):
            g, i = self.sample_distances(rng, 4000, b, w)
            w *= (self.real_genuine_median / np.median(g)) ** 2
            b = max(b * (self.real_impostor_median / np.median(i)) ** 2 + w * ((self.real_impostor_median / np.median(i)) ** 2 - 1), 1e-6)
        return float(b), float(w)

    def identities_draw(self, rng: np.random.Generator, n: int, b: float | None = None) -> np.ndarray:
        b = self.b if b is None else b
        return self.mu + (np.sqrt(b * self.lam) * rng.standard_normal((n, DIM))) @ self.V.T

    def samples(self, rng: np.random.Generator, centres: np.ndarray, w: float | None = None) -> np.ndarray:
        """Samples of identities: the within-person spectrum has the between-person shape (assumed)."""
        w = self.w if w is None else w
        return (centres + (np.sqrt(w * self.lam) * rng.standard_normal(centres.shape)) @ self.V.T).astype(np.float32)

    def sample_distances(self, rng, n: int, b: float | None = None, w: float | None = None):
        c = self.identities_draw(rng, n, b)
        a, a2 = self.samples(rng, c, w), self.samples(rng, c, w)
        other = self.samples(rng, self.identities_draw(rng, n, b), w)
        return np.linalg.norm(a - a2, axis=1), np.linalg.norm(a - other, axis=1)

    def describe(self, rng: np.random.Generator) -> dict:
        """What was fitted, and real vs generated distance histograms and spectra."""
        g_real, i_real = self.real_distances()
        g_gen, i_gen = self.sample_distances(rng, 20000)
        bins = np.round(np.arange(0.0, 1.45, 0.05), 2)

        def hist(v):
            return np.histogram(np.clip(v, 0, 1.399), bins=bins)[0].tolist()

        def spectrum(cov):
            ev = np.sort(np.linalg.eigvalsh(cov))[::-1]
            cum = np.cumsum(ev) / ev.sum()
            return {f"var_in_top_{k}": round(float(cum[k - 1]), 3) for k in (8, 16, 24, 32, 48, 64)}

        def d_eff(d):  # 2 / (std/mean of d^2)^2: effective dimensions seen by impostor pairs
            d2 = np.asarray(d, np.float64) ** 2
            return round(float(2 * d2.mean() ** 2 / d2.var()), 1)

        gallery = self.samples(rng, self.identities_draw(rng, 20000))
        gcov = np.cov(gallery.T)
        return {
            "real_encodings": int(self.real.shape[0]), "real_identities": self.identities,
            "real_photos": int(len(set(self.real_photo.tolist()))),
            "fitted": {"mean_norm": round(float(np.linalg.norm(self.mu)), 4),
                        "spectrum_power_law_alpha": round(self.alpha, 4),
                        "real_impostor_width_p95_p05_over_median": round(self.real_impostor_width, 4),
                        "between_scale_b": round(self.b, 6), "within_scale_w": round(self.w, 6),
                        "real_genuine_median": round(self.real_genuine_median, 4),
                        "real_impostor_median": round(self.real_impostor_median, 4)},
            "histogram_bins": bins.tolist(),
            "genuine": {"real": hist(g_real), "generated_per_20000": hist(g_gen),
                        "real_median": round(float(np.median(g_real)), 4), "generated_median": round(float(np.median(g_gen)), 4),
                        "real_p05_p95": [round(float(np.percentile(g_real, p)), 4) for p in (5, 95)],
                        "generated_p05_p95": [round(float(np.percentile(g_gen, p)), 4) for p in (5, 95)]},
            "impostor": {"real": hist(i_real), "generated_per_20000": hist(i_gen),
                         "real_median": round(float(np.median(i_real)), 4), "generated_median": round(float(np.median(i_gen)), 4),
                         "real_p05_p95": [round(float(np.percentile(i_real, p)), 4) for p in (5, 95)],
                         "generated_p05_p95": [round(float(np.percentile(i_gen, p)), 4) for p in (5, 95)],
                         "effective_dimensions_real": d_eff(i_real), "effective_dimensions_generated": d_eff(i_gen)},
            "spectrum_real_all_encodings": spectrum(np.cov(self.real.T)),
            "spectrum_real_within_person": spectrum(self.W),
            "spectrum_generated_gallery": spectrum(gcov),
            "norms": {"real_median": round(float(np.median(np.linalg.norm(self.real, axis=1))), 4),
                      "generated_median": round(float(np.median(np.linalg.norm(gallery, axis=1))), 4)},
        }


def fitted_gallery(model: FittedModel, n: int, rng: np.random.Generator, max_samples: int = 3):
    """n templates of identities with 1..max_samples samples; ids, vectors, identity centres."""
    counts = rng.integers(1, max_samples + 1, size=n)
    counts = counts[: int(np.searchsorted(np.cumsum(counts), n)) + 1]
    counts[-1] -= counts.sum() - n
    centres = np.empty((counts.size, DIM))
    for s in range(0, counts.size, 200_000):  # bounded temporaries
        centres[s : s + 200_000] = model.identities_draw(rng, min(200_000, counts.size - s))
    owner = np.repeat(np.arange(counts.size), counts)
    x = np.empty((n, DIM), np.float32)
    for s in range(0, n, 200_000):
        x[s : s + 200_000] = model.samples(rng, centres[owner[s : s + 200_000]])
    return np.char.add("ID", owner.astype(str)), x, centres
