"""Face detection, encoding and 1:1 comparison on the shared face_recognition images.

The facts asserted here are the ones /work/shared/data/README.md states (from face_recognition's own
tests). Encodings cost ~100-300 ms per image, so each image is processed once per session.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest


@pytest.fixture(scope="session")
def face_images(shared_data: Path) -> Path:
    d = shared_data / "faces" / "face_recognition"
    if not d.is_dir():
        pytest.skip(f"face images not found at {d}")
    return d


@pytest.fixture(scope="session")
def face_cache():
    """Memoise load/detect/encode per image path across the whole session."""
    from inspector_app.biometrics import face

    cache: dict = {}

    class Cache:
        def image(self, path):
            key = ("img", str(path))
            if key not in cache:
                cache[key] = face.load_image(path)
            return cache[key]

        def faces(self, path):
            key = ("det", str(path))
            if key not in cache:
                cache[key] = face.detect(self.image(path))
            return cache[key]

        def template(self, path):
            key = ("tpl", str(path))
            if key not in cache:
                cache[key] = face.encode(self.image(path), faces=self.faces(path))
            return cache[key]

    return Cache()


FR = "tests/test_images"


def _p(face_images: Path, rel: str) -> Path:
    return face_images / rel


def test_obama_loads_with_the_documented_shape(face_images, face_cache):
    img = face_cache.image(_p(face_images, f"{FR}/obama.jpg"))
    assert img.shape == (1137, 910, 3)
    assert img.dtype.name == "uint8"


def test_32bit_png_loads_as_rgb(face_images, face_cache):
    img = face_cache.image(_p(face_images, f"{FR}/32bit.png"))
    assert img.ndim == 3 and img.shape[2] == 3


def test_hog_box_of_obama_is_the_documented_one(face_images, face_cache):
    faces = face_cache.faces(_p(face_images, f"{FR}/obama.jpg"))
    assert len(faces) == 1
    assert faces[0].box == (142, 617, 409, 349)
    assert set(faces[0].landmarks) >= {"left_eye", "right_eye", "nose_tip", "chin"}


@pytest.mark.parametrize("other", ["obama2.jpg", "obama3.jpg"])
def test_same_person_is_within_threshold(face_images, face_cache, other):
    from inspector_app.biometrics import face

    a = face_cache.template(_p(face_images, f"{FR}/obama.jpg"))
    b = face_cache.template(_p(face_images, f"{FR}/{other}"))
    d = face.distance(a, b)
    assert d <= 0.6
    assert face.is_match(d)


def test_different_person_is_beyond_threshold(face_images, face_cache):
    from inspector_app.biometrics import face

    a = face_cache.template(_p(face_images, f"{FR}/obama.jpg"))
    b = face_cache.template(_p(face_images, f"{FR}/biden.jpg"))
    d = face.distance(a, b)
    assert d > 0.6
    assert not face.is_match(d)


def test_template_is_float32_128d_and_not_unit_length(face_images, face_cache):
    t = face_cache.template(_p(face_images, f"{FR}/obama.jpg"))
    assert t.vector.dtype == np.float32 and t.vector.shape == (128,)
    assert 1.2 < float(np.linalg.norm(t.vector)) < 1.7  # dlib vectors are not normalised
    assert t.box == (142, 617, 409, 349)


def test_encoding_matches_face_recognition_reference(face_images, face_cache):
    """Our pipeline must give the same vector as face_recognition's own one-liner."""
    import face_recognition

    path = _p(face_images, f"{FR}/obama.jpg")
    ref = face_recognition.face_encodings(face_recognition.load_image_file(str(path)))[0]
    ours = face_cache.template(path).vector
    assert np.linalg.norm(ours - ref) < 1e-4


def test_large_image_is_detected_on_a_downscaled_copy_with_box_mapped_back(face_images, face_cache):
    """obama3.jpg (2333 px) exceeds DETECT_MAX_SIDE; its box must still frame the face at full size."""
    from inspector_app.biometrics import face

    img = face_cache.image(_p(face_images, f"{FR}/obama3.jpg"))
    assert max(img.shape[:2]) > face.DETECT_MAX_SIDE
    (best,) = face_cache.faces(_p(face_images, f"{FR}/obama3.jpg"))
    # face_recognition's full-resolution HOG box is (277, 954, 598, 633): HOG boxes move with
    # scale, so ask for a large overlap rather than equal pixels
    assert _iou(best.box, (277, 954, 598, 633)) > 0.5


def _iou(a, b):
    (t1, r1, b1, l1), (t2, r2, b2, l2) = a, b
    inter = max(0, min(r1, r2) - max(l1, l2)) * max(0, min(b1, b2) - max(t1, t2))
    union = (r1 - l1) * (b1 - t1) + (r2 - l2) * (b2 - t2) - inter
    return inter / union


def test_best_face_is_ranked_first_in_a_group_photo(face_images, face_cache):
    """obama_and_biden.jpg: HOG reports three boxes; the small one must not be chosen over the big faces."""
    faces = face_cache.faces(_p(face_images, "examples/knn_examples/test/obama_and_biden.jpg"))
    assert len(faces) >= 2
    areas = [(f.box[2] - f.box[0]) * (f.box[1] - f.box[3]) for f in faces]
    assert areas[0] >= sorted(areas)[-2]  # first choice is one of the two largest faces
    assert [f.rank_score for f in faces] == sorted((f.rank_score for f in faces), reverse=True)


def test_blank_image_has_no_face():
    from inspector_app.biometrics import face

    blank = np.full((240, 320, 3), 127, dtype=np.uint8)
    assert face.detect(blank) == []
    with pytest.raises(face.NoFace):
        face.encode(blank)


def test_unreadable_files_raise_clear_errors(tmp_path):
    from inspector_app.biometrics import face

    with pytest.raises(face.ImageUnreadable, match="no such file"):
        face.load_image(tmp_path / "missing.jpg")
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"this is not a JPEG")
    with pytest.raises(face.ImageUnreadable, match="junk.jpg"):
        face.load_image(junk)


def test_bad_arrays_and_vectors_are_rejected():
    from inspector_app.biometrics import face

    with pytest.raises(face.ImageUnreadable):
        face.detect(np.zeros((10, 10, 3), dtype=np.float64))
    with pytest.raises(face.FaceError, match="128"):
        face.distance(np.zeros(127), np.zeros(128))
    with pytest.raises(face.FaceError, match="NaN"):
        face.distance(np.full(128, np.nan), np.zeros(128))


def test_distance_is_a_metric_on_vectors():
    from inspector_app.biometrics import face

    rng = np.random.default_rng(0)
    a, b, c = (rng.normal(size=128).astype(np.float32) for _ in range(3))
    assert face.distance(a, a) == 0.0
    assert face.distance(a, b) == pytest.approx(face.distance(b, a))
    assert face.distance(a, c) <= face.distance(a, b) + face.distance(b, c) + 1e-9


def test_quality_is_none_or_from_the_quality_module(face_images, face_cache):
    import importlib.util

    faces = face_cache.faces(_p(face_images, f"{FR}/obama.jpg"))
    if importlib.util.find_spec("inspector_app.biometrics.face_quality") is None:
        assert faces[0].quality is None
    else:
        assert faces[0].quality is not None and hasattr(faces[0].quality, "passes")
