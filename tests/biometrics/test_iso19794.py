"""ISO/IEC 19794-2:2005 import/export on the shared templates, truncated ones, and round trips."""
from __future__ import annotations

import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.biometrics import iso19794
from inspector_app.biometrics.finger.template import MINUTIA_TYPES, FingerTemplate, Minutia


def test_reads_every_shared_fvc_template(shared_data):
    paths = sorted((shared_data / "fingerprints").glob("fvc*/DB*_B/*.iso"))
    assert len(paths) == 400
    for path in paths:
        t = iso19794.read(path.read_bytes())
        assert t.dpi == 500 and len(t.minutiae) > 0
        assert all(0 <= m.x < 2 ** 14 and 0 <= m.angle < 360 for m in t.minutiae)


def test_first_fvc_template_fields(shared_data):
    t = iso19794.read((shared_data / "fingerprints/fvc2002/DB1_B/101_1.iso").read_bytes())
    # bytes 27.. of the file: count 0x19, then 0x80 0xa5 0x00 0x30 0x6b 0x00
    assert (t.width, t.height, len(t.minutiae)) == (300, 400, 25)
    first = t.minutiae[0]
    assert (first.x, first.y, first.type) == (165, 48, "bifurcation")
    assert first.angle == pytest.approx(0x6B * 360 / 256)


def test_sourceafis_templates(shared_data):
    for name in ("probe", "matching", "nonmatching"):
        t = iso19794.read((shared_data / f"fingerprints/sourceafis/iso-{name}.dat").read_bytes())
        assert len(t.minutiae) > 20


@pytest.mark.parametrize("n", [1, 2, 3])
def test_truncated_templates_are_rejected(shared_data, n):
    suffix = "byte" if n == 1 else "bytes"
    data = (shared_data / f"fingerprints/invalid-iso/101_1_truncate_{n}_{suffix}.iso").read_bytes()
    with pytest.raises(iso19794.TemplateError, match="truncated"):
        iso19794.read(data)


def test_wrong_magic_and_version():
    good = iso19794.write(FingerTemplate([Minutia(10, 20, 30.0)], 100, 100))
    with pytest.raises(iso19794.TemplateError, match="format identifier"):
        iso19794.read(b"XYZ\x00" + good[4:])
    with pytest.raises(iso19794.TemplateError, match="version"):
        iso19794.read(good[:4] + b"030\x00" + good[8:])
    with pytest.raises(iso19794.TemplateError, match="truncated"):
        iso19794.read(good[:10])


def test_written_header_is_standard():
    data = iso19794.write(FingerTemplate([Minutia(1, 2, 90.0, "ending", 40)], 388, 374, quality=55))
    assert data[:8] == b"FMR\x00 20\x00"
    length, _equip, w, h, xres, yres, views = struct.unpack(">IHHHHHB", data[8:23])
    assert (length, w, h, xres, yres, views) == (len(data), 388, 374, 197, 197, 1)


minutia = st.builds(
    Minutia,
    x=st.integers(0, 2 ** 14 - 1), y=st.integers(0, 2 ** 14 - 1),
    angle=st.integers(0, 255).map(lambda a: a * 360 / 256),
    type=st.sampled_from(MINUTIA_TYPES), quality=st.integers(0, 100),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(minutia, max_size=120), st.integers(1, 4000), st.integers(1, 4000), st.integers(0, 100),
       st.integers(0, 10))
def test_round_trip(minutiae, w, h, q, pos):
    t = FingerTemplate(minutiae, w, h, dpi=500, quality=q, position=pos)
    back = iso19794.read(iso19794.write(t))
    assert back.minutiae == minutiae
    assert (back.width, back.height, back.dpi, back.quality, back.position) == (w, h, 500, q, pos)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_never_crashes_uncleanly(data):
    try:
        iso19794.read(data)
    except iso19794.TemplateError:
        pass


@settings(max_examples=100, deadline=None)
@given(st.lists(minutia, min_size=1, max_size=30), st.data())
def test_any_truncation_is_rejected(minutiae, data):
    raw = iso19794.write(FingerTemplate(minutiae, 300, 400))
    cut = data.draw(st.integers(0, len(raw) - 1))
    with pytest.raises(iso19794.TemplateError):
        iso19794.read(raw[:cut])
