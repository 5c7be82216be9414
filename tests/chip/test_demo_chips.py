"""The booth's configured PC/SC reader and the demo's chips, over pcscd + vpcd + pyscard.

A booth whose ``devices.chip.reader`` names a reader reads through ``session.PcscChipReader``,
trusting the CSCA list of its signed bundle; the demo home's bundle carries the demo state's CSCA,
so the demo's genuine chip reads clear (its photo the traveller's live face) and the altered one
is refused by passive authentication and the DG1 comparison. The demo home is the session's
(tests/conftest.py ``demo_template``, copied per test by tests/booth/conftest.py)."""
from __future__ import annotations

from inspector_app.app.demo import ALTERED_CHIP, DemoServices, chip_signer
from inspector_app.booth.context import CHIP_READER
from inspector_app.booth.examination import Examination
from inspector_app.chip import personalise
from inspector_app.chip.access import ChipAccess
from inspector_app.chip.applet import EmrtdApplet
from inspector_app.screening import liststate
from tests.booth.chip_fake import chip_photo
from tests.booth.conftest import LANDING, ctx, home, inspector, media, watson  # noqa: F401 - fixtures
from tests.chip.chip_fixtures import aa_key


def read(ctx, inspector, media, mrz: str) -> Examination:  # noqa: F811
    exam = Examination(ctx, inspector)
    exam.read_document(mrz)
    exam.screen_document()
    exam.read_chip()
    exam.add_face(media.face("clean"), True)
    return exam


def chip_check(exam: Examination, aspect: str) -> dict:
    check, = [c for c in exam.checks if c["kind"] == "chip" and c["aspect"] == aspect]
    return check


def rules(check: dict) -> list[str]:
    return sorted(f["rule"] for f in check["findings"])


def test_a_booth_reads_through_its_configured_reader_trusting_its_bundles_csca(ctx, inspector, media,  # noqa: F811
                                                                               virtual_reader):
    ctx.settings.set(CHIP_READER, virtual_reader.name)
    content = personalise.make_chip(watson().split("\n"), chip_photo("clean.jpg"), chip_signer(ctx.home),
                                    aa_key=aa_key())
    virtual_reader.insert(EmrtdApplet(content.files, ChipAccess(content)))
    check = chip_check(read(ctx, inspector, media, watson()), "read")
    assert (check["state"], check["outcome"], check["reader"]) == ("read", "clear", virtual_reader.name), check["reasons"]
    assert check["passive_auth"]["passed"]


def test_a_refused_csca_list_is_a_chip_not_read_with_the_reason_not_an_exception(ctx, inspector, media):  # noqa: F811
    ctx.settings.set(CHIP_READER, "Some Reader 00 00")
    csca_dir = liststate.current(ctx.home).directory / "csca"
    ml = next(csca_dir.glob("masterlist-*.der"))
    ml.write_bytes(ml.read_bytes() + b"\0")
    check = chip_check(read(ctx, inspector, media, watson()), "read")
    assert (check["state"], check["outcome"]) == ("no_reader", "error")
    assert any("CSCA list is refused" in r for r in check["reasons"]), check["reasons"]


def test_the_demo_genuine_chip_is_clear_and_the_altered_one_refused(ctx, inspector, media, virtual_reader):  # noqa: F811
    services = DemoServices(ctx.home)
    assert services.start_chips(reader=virtual_reader.name, port=virtual_reader.port) is None
    try:
        ctx.use_chip_reader(services.chip_reader)
        exams = {}
        for key in ("clean", ALTERED_CHIP):
            t = services.select(key, ctx.settings)
            exams[key] = read(ctx, inspector, media, t["mrz"])
        genuine, altered = exams["clean"], exams[ALTERED_CHIP]
        assert (chip_check(genuine, "read")["outcome"], chip_check(genuine, "face")["outcome"]) == ("clear", "clear")
        assert rules(chip_check(altered, "read")) == ["chip.dg1_mismatch", "chip.passive_auth_failed"]
        assert chip_check(altered, "face")["outcome"] == "clear"   # the photo is hers: only the name was changed
        refused = altered.evaluate(LANDING).refused   # (no fingers were taken here: that rule refuses too)
        assert sorted(f.rule for f in refused if f.rule.startswith("chip.")) == ["chip.dg1_mismatch",
                                                                                 "chip.passive_auth_failed"]
    finally:
        services.stop()
    assert services.pcsc is None and services.desk is None


def test_where_pcsc_cannot_start_the_demo_runs_on_and_records_no_reader_with_the_reason(ctx, inspector, media,  # noqa: F811
                                                                                        monkeypatch):
    from inspector_app.chip import simulated

    def unavailable(self):
        raise simulated.PcscUnavailable("pcscd or vpcd is missing")

    monkeypatch.setattr(simulated.VirtualPcsc, "__enter__", unavailable)
    services = DemoServices(ctx.home)
    assert "pcscd or vpcd is missing" in services.start_chips()
    ctx.use_chip_reader(services.chip_reader)
    check = chip_check(read(ctx, inspector, media, services.select("clean", ctx.settings)["mrz"]), "read")
    assert (check["state"], check["outcome"]) == ("no_reader", "error")
    assert any("pcscd or vpcd is missing" in r for r in check["reasons"]), check["reasons"]
    services.stop()
