"""Test material shared by the chip data tests: faces, MRZs and one test PKI per key kind per
session (key generation is the slow part)."""
from __future__ import annotations

import functools
import io
from datetime import UTC, datetime

from PIL import Image, ImageDraw

from inspector_app.chip import personalise
from inspector_app.domain.mrz_build import build_td1

#: the reading time every test uses: fixed, so certificate validity is deterministic
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
TD1 = build_td1(document_code="I", issuing_state="UTO", surname="ERIKSSON", given_names="ANNA MARIA",
                document_number="D23145890", nationality="UTO", birth_date="740812", sex="F",
                expiry_date="340415").split("\n")


def face(size=(120, 160), shade=0, fmt="JPEG") -> bytes:
    """A small synthetic 'face' (an oval on a background): enough for the file structures."""
    im = Image.new("RGB", size, (200 - shade, 190, 180))
    draw = ImageDraw.Draw(im)
    w, h = size
    draw.ellipse((w // 5, h // 8, 4 * w // 5, 7 * h // 8), fill=(150, 110 + shade, 90))
    draw.ellipse((w // 3, h // 3, w // 3 + 8, h // 3 + 6), fill=(20, 20, 20))
    out = io.BytesIO()
    im.save(out, fmt)
    return out.getvalue()


@functools.cache
def pki(kind: personalise.KeyKind = personalise.KeyKind.EC_P256, rsa_pss: bool = False) -> personalise.TestPki:
    return personalise.test_pki(kind, now=NOW, rsa_pss=rsa_pss)


@functools.cache
def aa_key():
    return personalise.new_key(personalise.KeyKind.EC_P256)
