"""Fingerprint loading, extraction, quality and 1:1 matching on the shared real images."""
from __future__ import annotations

import argparse
import json

import cv2
import numpy as np
import pytest

from inspector_app.biometrics import fingerprint, iso19794
from inspector_app.biometrics.finger.imageio import FingerImageError


@pytest.fixture(scope="module")
def fp_dir(shared_data):
    return shared_data / "fingerprints"


@pytest.fixture(scope="module")
def sourceafis(fp_dir):
    return {n: fingerprint.extract(fingerprint.load_image(fp_dir / f"sourceafis/{n}.png"))
            for n in ("probe", "matching", "nonmatching")}


def test_formats_load_alike(fp_dir):
    png = fingerprint.load_image(fp_dir / "sourceafis/probe.png")
    bmp = fingerprint.load_image(fp_dir / "sourceafis/probe.bmp")
    jpeg = fingerprint.load_image(fp_dir / "sourceafis/probe.jpeg")
    assert png.dtype == np.uint8 and png.ndim == 2
    assert np.array_equal(png, bmp)
    assert jpeg.shape == png.shape and np.abs(jpeg.astype(int) - png).mean() < 5


def test_wsq_decodes_like_reference_png(fp_dir):
    wsq = fingerprint.load_image(fp_dir / "sourceafis/wsq-original.wsq")
    ref = cv2.imread(str(fp_dir / "sourceafis/wsq-converted.png"), cv2.IMREAD_GRAYSCALE)
    assert wsq.shape == ref.shape
    assert np.abs(wsq.astype(int) - ref).max() <= 1


def test_569_dpi_is_normalised_to_500(fp_dir):
    raw = cv2.imread(str(fp_dir / "fvc2002/DB2_B/101_1.tif"), cv2.IMREAD_GRAYSCALE)
    img = fingerprint.load_image(fp_dir / "fvc2002/DB2_B/101_1.tif", dpi=569)
    assert img.shape == (round(raw.shape[0] * 500 / 569), round(raw.shape[1] * 500 / 569))


def test_unreadable_image_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(FingerImageError, match="not a readable image"):
        fingerprint.load_image(bad)
    with pytest.raises(FingerImageError, match="cannot read"):
        fingerprint.load_image(tmp_path / "missing.tif")


def test_sourceafis_probe_matches_matching_not_nonmatching(sourceafis):
    same = fingerprint.match(sourceafis["probe"], sourceafis["matching"])
    other = fingerprint.match(sourceafis["probe"], sourceafis["nonmatching"])
    assert same >= fingerprint.THRESHOLD > other


def test_fvc_genuine_pair_above_and_impostor_below(fp_dir):
    def t(name):
        return fingerprint.extract(fingerprint.load_image(fp_dir / f"fvc2002/DB1_B/{name}.tif", 500))

    a, b, c = t("101_1"), t("101_2"), t("102_1")
    assert fingerprint.match(a, b) >= fingerprint.THRESHOLD
    assert fingerprint.match(a, c) < fingerprint.THRESHOLD
    assert fingerprint.match(a, b) == pytest.approx(fingerprint.match(b, a), abs=0.05)


def test_template_survives_iso_round_trip(sourceafis):
    probe = sourceafis["probe"]
    back = iso19794.read(iso19794.write(probe))
    assert len(back.minutiae) == len(probe.minutiae)
    assert fingerprint.match(back, sourceafis["matching"]) == pytest.approx(
        fingerprint.match(probe, sourceafis["matching"]), abs=0.03)


def test_quality_ranks_degraded_images_lower(fp_dir):
    img = fingerprint.load_image(fp_dir / "fvc2002/DB1_B/101_1.tif", 500)
    good = fingerprint.quality(img)
    blurred = fingerprint.quality(cv2.GaussianBlur(img, (0, 0), 3))
    noisy = fingerprint.quality(np.clip(img + np.random.default_rng(0).normal(0, 60, img.shape), 0, 255).astype(np.uint8))
    h, w = img.shape
    cropped = fingerprint.quality(img[h // 3: 2 * h // 3, w // 3: 2 * w // 3])
    blank = fingerprint.quality(np.full_like(img, 200))
    assert good >= 60
    assert good > blurred and good > noisy and good > cropped
    assert blank == 0
    assert 0 <= min(blurred, noisy, cropped)


def _cli(argv):
    from inspector_app.cli import finger

    parser = argparse.ArgumentParser(prog="inspector-app")
    finger.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.handler(args)


def test_cli_compare_and_quality(fp_dir, capsys):
    _cli(["finger", "compare", str(fp_dir / "sourceafis/probe.png"), str(fp_dir / "sourceafis/matching.png"), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"score", "match", "threshold"} and out["match"] is True
    _cli(["finger", "compare", str(fp_dir / "fvc2002/DB2_B/101_1.tif"), str(fp_dir / "fvc2002/DB2_B/105_1.tif"),
          "--dpi", "569", "--json"])
    assert json.loads(capsys.readouterr().out)["match"] is False
    _cli(["finger", "quality", str(fp_dir / "sourceafis/probe.png"), "--json"])
    assert 0 <= json.loads(capsys.readouterr().out)["quality"] <= 100


def test_cli_errors_are_clear(fp_dir, tmp_path):
    from inspector_app.cli.support import CliError

    bad = tmp_path / "bad.iso"
    bad.write_bytes((fp_dir / "invalid-iso/101_1_truncate_1_byte.iso").read_bytes())
    with pytest.raises(CliError, match="truncated"):
        _cli(["finger", "compare", str(bad), str(fp_dir / "sourceafis/probe.png")])
    with pytest.raises(CliError, match="cannot read"):
        _cli(["finger", "quality", str(tmp_path / "nope.png")])


def test_cli_reaches_finger_through_the_entry_point(run_cli, fp_dir):
    """Through the real console entry point, not only the command module."""
    r = run_cli("finger", "quality", str(fp_dir / "sourceafis/probe.png"), "--json")
    assert r.returncode == 0, r.stderr
    assert 0 <= json.loads(r.stdout)["quality"] <= 100
