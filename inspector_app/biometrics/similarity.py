"""One score scale for face and fingerprint matches: a similarity from 0 to 100.

The matchers speak different native scores: the face matcher a Euclidean *distance* between
encodings (smaller is more alike; a match at or below ``face.THRESHOLD``), the fingerprint
matcher an MCC *score* (larger is more alike; a match at or above ``fingerprint.THRESHOLD``).
An inspector or a supervisor should not have to know either, so every check detail and every
screen shows the similarity defined here, and nothing else:

- face:        ``similarity = 100 * T / (T + distance)``  (T = face.THRESHOLD = 0.6)
- fingerprint: ``similarity = 100 * score / (score + T)``  (T = fingerprint.THRESHOLD = 0.024)

Both maps are monotone (more alike is always higher), run from 0 to 100, and put the operating
threshold at exactly :data:`HIT_AT` = 50: a similarity of 50 or more is a hit, for both. A face
distance of 0.354 reads 63; a fingerprint score of 0.13 reads 84. The native score is kept in the
check record (``native``) for audit, never shown.
"""
from __future__ import annotations

#: The similarity at which a match is called a hit, for face and fingerprint alike.
HIT_AT = 50


def face_similarity(distance: float) -> int:
    """0-100 from a face distance; ``face.THRESHOLD`` maps to :data:`HIT_AT`."""
    from inspector_app.biometrics.face import THRESHOLD

    d = max(0.0, float(distance))
    return _rounded(100.0 * THRESHOLD / (THRESHOLD + d), d <= THRESHOLD)


def finger_similarity(score: float) -> int:
    """0-100 from an MCC score; ``fingerprint.THRESHOLD`` maps to :data:`HIT_AT`."""
    from inspector_app.biometrics.fingerprint import THRESHOLD

    s = max(0.0, float(score))
    return _rounded(100.0 * s / (s + THRESHOLD), s >= THRESHOLD)


def _rounded(value: float, is_hit: bool) -> int:
    """Whole numbers on screen, without rounding a hit below the mark or a miss onto it."""
    v = int(round(value))
    if is_hit:
        return max(v, HIT_AT)
    return min(v, HIT_AT - 1)
