"""`inspector-app chip read` against chips on vpcd's virtual reader, through pcscd and pyscard.

The chip photo is a demo portrait; the live image is another capture of the same person, so the
face score is the booth's matcher at work, not an image compared with itself.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from inspector_app.chip import personalise
from inspector_app.chip.access import ChipAccess
from inspector_app.chip.applet import EmrtdApplet
from inspector_app.chip.personalise import Tamper
from inspector_app.cli import main
from tests.chip.chip_fixtures import TD3, aa_key, pki

IMAGES = Path(__file__).resolve().parents[2] / "inspector_app" / "app" / "demo_data" / "images"
PORTRAIT = IMAGES / "WL-BIO-0001.jpg"   # the chip photo
SAME_PERSON = IMAGES / "biometric.jpg"  # a live capture of the same person (distance ~0.35)
OTHER_PERSON = IMAGES / "clean.jpg"     # someone else (distance ~0.95)
MRZ = " ".join(TD3)


@functools.cache
def content(tamper: Tamper = Tamper.NONE) -> personalise.ChipContent:
    return personalise.make_chip(TD3, PORTRAIT.read_bytes(), pki().dsc, aa_key=aa_key(), tamper=tamper)


@pytest.fixture
def trust(tmp_path):
    ml, crl = tmp_path / "masterlist.der", tmp_path / "csca.crl"
    ml.write_bytes(pki().master_list)
    crl.write_bytes(pki().crl)
    return ["--csca", str(ml), "--crl", str(crl), "--home", str(tmp_path / "home")]


def run(capsys, *argv) -> tuple[int, dict | str, str]:
    code = main(["chip", "read", *argv])
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def insert(virtual_reader, chip, **behaviour):
    virtual_reader.insert(EmrtdApplet(chip.files, ChipAccess(chip), **behaviour))


def test_genuine_chip_and_the_holder(virtual_reader, capsys, trust):
    insert(virtual_reader, content())
    code, out, err = run(capsys, "--json", "--reader", virtual_reader.name, "--mrz", MRZ, "--face", str(SAME_PERSON),
                         *trust)
    assert code == 0, err
    assert out["state"] == "read" and out["reader"] == virtual_reader.name
    assert out["access_control"] == "pace_mrz" and "brainpoolP256r1" in out["access_detail"]
    sizes = {f["name"]: f["size"] for f in out["files"]}
    assert sizes["DG2"] == len(content().files[0x0102]) and {"EF.COM", "EF.SOD", "DG1", "DG15"} <= set(sizes)
    assert all(len(f["sha256"]) == 64 for f in out["files"])
    pa = out["passive_authentication"]
    assert pa["passed"] and [s["status"] for s in pa["steps"]] == ["passed"] * 7
    assert out["clone_check"] == {"method": "active_authentication", "state": "passed",
                                  "reason": "the chip signed a fresh challenge with the key of DG15"}
    assert out["face"]["match"] and out["face"]["score"] >= out["face"]["threshold"] == 50
    assert out["face"]["native"]["distance"] < out["face"]["native"]["threshold"] == 0.6
    assert out["problems"] == [] and out["dg1_differs"] == []


def test_someone_else_before_the_camera(virtual_reader, capsys, trust):
    insert(virtual_reader, content())
    code, out, err = run(capsys, "--json", "--reader", virtual_reader.name, "--document-number", "L898902C3",
                         "--birth", "740812", "--expiry", "120415", "--face", str(OTHER_PERSON), *trust)
    assert code == 1
    assert out["passive_authentication"]["passed"] and not out["face"]["match"]
    assert out["face"]["score"] < 50 and out["face"]["native"]["distance"] > 0.6 and "does not match --face" in err


def test_altered_chip_names_the_failed_step(virtual_reader, capsys, trust):
    insert(virtual_reader, content(Tamper.DG1_CHANGED))
    code, out, err = run(capsys, "--reader", virtual_reader.name, "--mrz", MRZ, *trust)
    assert code == 1
    assert "passive authentication: FAILED" in out
    assert "[failed] every data group read matches its hash in the SOD: DG1" in out
    assert "NOT VERIFIED" in out and "passive authentication failed" in err
    assert "the chip's MRZ (DG1) differs from the printed one: surname" in err


def test_clone_is_reported(virtual_reader, capsys, trust):
    insert(virtual_reader, content().without_aa_key())
    code, out, err = run(capsys, "--json", "--reader", virtual_reader.name, "--mrz", MRZ, *trust)
    assert code == 1 and out["clone_check"]["state"] == "failed" and "clone check failed" in err


def test_without_csca_trust_passive_authentication_fails_at_the_chain(virtual_reader, capsys, tmp_path):
    insert(virtual_reader, content())
    code, out, err = run(capsys, "--json", "--reader", virtual_reader.name, "--mrz", MRZ, "--home", str(tmp_path))
    assert code == 1 and out["passive_authentication"]["failed_step"] == "dsc_chains_to_csca"
    assert "no CSCA list installed" in err


def test_a_csca_certificate_without_crl(virtual_reader, capsys, tmp_path):
    from cryptography.hazmat.primitives import serialization

    pem = tmp_path / "csca.pem"
    pem.write_bytes(pki().csca.certificate.public_bytes(serialization.Encoding.PEM))
    insert(virtual_reader, content())
    code, out, err = run(capsys, "--json", "--reader", virtual_reader.name, "--mrz", MRZ, "--csca", str(pem),
                         "--home", str(tmp_path))
    assert code == 0, err
    pa = out["passive_authentication"]
    assert pa["passed"] and [s["status"] for s in pa["steps"]].count("not run") == 1  # revocation: no CRL
    assert "no CRL" in pa["warnings"][0]


@pytest.mark.parametrize("case,argv,behaviour,code,words", [
    ("wrong MRZ", ["--mrz", MRZ.replace("1204159", "1204168")], {}, 5, "access denied: the chip refused the MRZ"),
    ("chip pulled away", ["--mrz", MRZ], {"stop_after_bytes": 2000}, 6, "left the reader"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_failures_exit_with_their_code(virtual_reader, capsys, trust, case, argv, behaviour, code, words):
    insert(virtual_reader, content(), **behaviour)
    got, out, err = run(capsys, "--json", "--reader", virtual_reader.name, *argv, *trust)
    assert got == code, err
    assert words in err and out["state"] in ("access_denied", "read_failed")


def test_no_chip_and_no_reader(virtual_reader, capsys, trust):
    code, _, err = run(capsys, "--reader", virtual_reader.name, "--mrz", MRZ, "--wait", "0.3", *trust)
    assert code == 4 and "no chip: no chip on" in err
    code, _, err = run(capsys, "--reader", "Nonexistent Reader 00 00", "--mrz", MRZ, "--wait", "0.3", *trust)
    assert code == 3 and "no reader" in err


def test_bad_arguments(capsys, tmp_path):
    assert main(["chip", "read", "--home", str(tmp_path)]) == 2
    assert "give the printed MRZ" in capsys.readouterr().err
    assert main(["chip", "read", "--mrz", "NOT AN MRZ", "--home", str(tmp_path)]) == 2
    assert "--mrz is not a printed MRZ" in capsys.readouterr().err
