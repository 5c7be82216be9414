"""Issue 16's proof end to end: the examination core reads simulated passports through pcscd +
vpcd + pyscard (the booth's own PcscChipReader, the project's applet), and each bad chip is
refused by its own rule; the genuine one is clear and its photo matches the live face of the
same person. The booth fixtures are the examination core's (tests/booth/conftest.py)."""
from __future__ import annotations

import pytest

from inspector_app.booth.examination import Examination
from inspector_app.chip import personalise
from inspector_app.chip.personalise import Tamper
from inspector_app.chip.simulated import ChipBehaviour, SimulatedChipReader
from tests.booth.chip_fake import chip_photo
from tests.booth.conftest import LANDING, ctx, home, inspector, media, watson  # noqa: F401 - fixtures
from tests.chip.chip_fixtures import aa_key, pki


def chip_checks(exam: Examination, aspect: str) -> list[dict]:
    return [c for c in exam.checks if c["kind"] == "chip" and c["aspect"] == aspect]


def rules(findings) -> list[str]:
    return sorted(f.rule if hasattr(f, "rule") else f["rule"] for f in findings)


def examine(ctx, inspector, media, virtual_reader, content, behaviour=None) -> Examination:  # noqa: F811
    ctx.use_chip_reader(SimulatedChipReader(content, trust=pki().store(), reader=virtual_reader.name,
                                            port=virtual_reader.port, behaviour=behaviour or ChipBehaviour()))
    exam = Examination(ctx, inspector)
    exam.read_document(watson())
    exam.screen_document()
    exam.read_chip()
    exam.add_face(media.face("clean"), True)  # the live capture: the same person as the chip photo
    exam.add_finger_files(media.fingers("105"))
    return exam


def watson_chip(signer: str = "dsc", **options) -> personalise.ChipContent:
    return personalise.make_chip(watson().split("\n"), chip_photo("clean.jpg"), getattr(pki(), signer),
                                 aa_key=aa_key(), **options)


def test_a_genuine_chip_lands_and_its_photo_matches(ctx, inspector, media, virtual_reader):  # noqa: F811
    exam = examine(ctx, inspector, media, virtual_reader, watson_chip())
    read, = chip_checks(exam, "read")
    assert (read["state"], read["outcome"], read["findings"]) == ("read", "clear", []), read["reasons"]
    assert read["reader"] == virtual_reader.name and read["access_control"] == "pace_mrz"
    assert read["passive_auth"]["passed"] and read["clone_check"]["state"] == "passed"
    face, = chip_checks(exam, "face")
    assert face["outcome"] == "clear" and face["score"] >= face["threshold"] == 50
    assert exam.evaluate(LANDING).to_dict() == {"refused": [], "flags": [], "overridden": []}


# (case, chip, reader behaviour, the rules that refuse the landing)
BAD = [
    ("DG1 changed", dict(tamper=Tamper.DG1_CHANGED), {}, ["chip.dg1_mismatch", "chip.passive_auth_failed"]),
    ("DG2 swapped", dict(tamper=Tamper.DG2_SWAPPED), {}, ["chip.face_mismatch", "chip.passive_auth_failed"]),
    ("untrusted DSC", dict(signer="untrusted_dsc"), {}, ["chip.passive_auth_failed"]),
    ("expired DSC", dict(signer="expired_dsc"), {}, ["chip.passive_auth_failed"]),
    ("clone without the AA key", dict(clone=True), {}, ["chip.clone_check_failed"]),
]


@pytest.mark.parametrize("options,behaviour,expected", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_each_bad_chip_is_refused_by_its_rule(ctx, inspector, media, virtual_reader, options, behaviour,  # noqa: F811
                                              expected):
    clone = options.pop("clone", False)
    content = watson_chip(**options)
    exam = examine(ctx, inspector, media, virtual_reader, content.without_aa_key() if clone else content,
                   ChipBehaviour(**behaviour))
    read, = chip_checks(exam, "read")
    assert read["state"] == "read"
    found = rules(read["findings"]) + [r for c in chip_checks(exam, "face") for r in rules(c["findings"])]
    assert sorted(found) == expected
    assert rules(exam.evaluate(LANDING).refused) == expected


@pytest.mark.parametrize("case,content,behaviour,state", [
    ("another passport's chip", lambda: personalise.make_chip(watson(document_number="533401873").split("\n"),
                                                              chip_photo("clean.jpg"), pki().dsc, aa_key=aa_key()),
     ChipBehaviour(), "access_denied"),
    ("chip pulled away mid-read", watson_chip, ChipBehaviour(stop_after_bytes=3000), "read_failed"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_chip_not_read_is_recorded_and_flagged_not_passed(ctx, inspector, media, virtual_reader, case,  # noqa: F811
                                                            content, behaviour, state):
    exam = examine(ctx, inspector, media, virtual_reader, content(), behaviour)
    read, = chip_checks(exam, "read")
    assert read["state"] == state and read["outcome"] == "error"
    assert chip_checks(exam, "face") == []
    assert "flag.chip_not_verified" in rules(exam.evaluate(LANDING).flags)
