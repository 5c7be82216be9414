"""Reading whole passports through pcscd + vpcd + the project's applet, as a booth reads them.

Every chip here is issued by the test PKI and put on vpcd's virtual reader; the reader code is
the booth's own (session.PcscChipReader over pyscard). Each bad chip must end in the right state
(access denied, read failed) or be refused by the right check (a passive-authentication step, the
clone check), and a genuine one must pass everything, well within the booth's time.
"""
from __future__ import annotations

import functools
import time

import pytest

from inspector_app.chip import lds, personalise
from inspector_app.chip.applet import Stop
from inspector_app.chip.passive_auth import Status, Step
from inspector_app.chip.personalise import ChipContent, KeyKind, Tamper
from inspector_app.chip.reading import (
    AccessControl,
    ChipNotRead,
    ChipRead,
    CloneMethod,
    NotReadState,
    StepState,
)
from inspector_app.chip.session import PcscChipReader
from inspector_app.chip.simulated import (
    VPCD_READERS,
    ChipBehaviour,
    SimulatedChipReader,
    SimulatedDesk,
    VirtualPcsc,
    vpcd_readers,
)
from tests.chip.chip_fixtures import NOW, TD1, TD3, aa_key, face, pki


@functools.cache
def rsa_aa_key():
    return personalise.new_key(KeyKind.RSA_2048)


@functools.cache
def ca_key():
    from cryptography.hazmat.primitives.asymmetric import ec

    return ec.generate_private_key(ec.BrainpoolP256R1())


def chip(signer: str = "dsc", *, lines=TD3, **kw) -> ChipContent:
    kw.setdefault("aa_key", aa_key())
    if kw.get("with_ca"):
        kw.setdefault("ca_key", ca_key())
    return personalise.make_chip(lines, face(), getattr(pki(), signer), **kw)


def without_ca_key(content: ChipContent) -> ChipContent:
    """A clone of a CA chip: every file copied, the Chip Authentication private key not."""
    return ChipContent(content.files, content.mrz_information, content.can, content.aa_private_key, None)


def read(virtual_reader, content: ChipContent, *, mrz=None, can=None, behaviour=None, progress=None,
         **reader_options):
    reader = SimulatedChipReader(content, trust=pki().store(), reader=virtual_reader.name, port=virtual_reader.port,
                                 behaviour=behaviour or ChipBehaviour(), **reader_options)
    result = reader.read_detailed(mrz or content.mrz_information, can, progress)
    return result, reader


def assert_genuine(result, access: AccessControl, clone_method: CloneMethod):
    assert result.not_read is None, result.reason
    assert result.access is access
    assert result.passive_auth is not None and result.passive_auth.passed, result.passive_auth.reason
    assert [s.status for s in result.passive_auth.steps] == [Status.PASSED] * len(Step)
    assert result.clone_check.method is clone_method
    assert result.clone_check.state is StepState.passed, result.clone_check.reason


# -- genuine chips ------------------------------------------------------------------------------

def test_genuine_pace_chip_with_active_authentication(virtual_reader):
    content = chip(aa_key=rsa_aa_key())  # RSA: ISO/IEC 9796-2, what most AA chips do
    seen: list[tuple[str, float]] = []
    started = time.monotonic()
    result, reader = read(virtual_reader, content, progress=lambda text, fraction: seen.append((text, fraction)))
    elapsed = time.monotonic() - started
    assert_genuine(result, AccessControl.pace_mrz, CloneMethod.active_authentication)
    assert result.reader == virtual_reader.name
    assert "PACE ECDH-GM AES-128, brainpoolP256r1" in result.access_detail
    assert result.files == content.files  # every file, byte for byte, EF.CardAccess included
    assert result.dg1.lines == TD3 and result.dg1.document_number == "L898902C3"
    assert [(f.mime, f.image_bytes) for f in result.faces] == [("image/jpeg", face())]
    # progress: one total from the TLV headers, rising to it, covering EF.COM, EF.SOD and the DGs
    expected_total = sum(len(d) for fid, d in content.files.items() if fid != lds.EF_CARD_ACCESS)
    fractions = [f for _, f in seen]
    assert seen[0] == ("opening the chip with PACE", 0.0) and fractions == sorted(fractions) and fractions[-1] == 1.0
    byte_texts = [t for t, _ in seen if t.startswith("reading the chip: ")]
    assert len(byte_texts) > 5 and byte_texts[-1] == f"reading the chip: {expected_total} of {expected_total} bytes"
    assert {t.rsplit(" of ", 1)[1] for t in byte_texts} == {f"{expected_total} bytes"}
    assert elapsed < 5, f"a typical read took {elapsed:.2f} s"
    assert reader.last_applet.bytes_served >= expected_total


def test_genuine_bac_chip_with_chip_authentication(virtual_reader):
    content = chip(with_pace=False, with_ca=True, lines=TD1)
    result, _ = read(virtual_reader, content)
    assert_genuine(result, AccessControl.bac, CloneMethod.chip_authentication)
    assert result.dg1.lines == TD1
    assert "Chip Authentication (AES-128)" in result.access_detail
    assert 0x010E in result.files and 0x010F in result.files


def test_pace_with_the_can(virtual_reader):
    content = chip(can="123456")
    result, _ = read(virtual_reader, content, mrz="not used", can="123456")
    assert_genuine(result, AccessControl.pace_can, CloneMethod.active_authentication)


def test_eac_protected_data_groups_are_skipped_not_fatal(virtual_reader):
    content = chip()
    files = dict(content.files)
    files[0x0103] = b"\x63\x03\x02\x01\x00"  # DG3 (fingerprints): needs terminal authentication
    dgs = {n: files[lds.dg_file_id(n)] for n in (1, 2, 3, 15)}
    files[lds.EF_COM] = lds.encode_com(dgs)
    result, reader = read(virtual_reader, ChipContent(files, content.mrz_information, content.can,
                                                      content.aa_private_key, None))
    assert result.not_read is None, result.reason
    assert result.skipped == (3,) and 0x0103 not in result.files


# -- bad chips: each refused by its own check ----------------------------------------------------

# (case, chip options, the passive-authentication step that must refuse it)
ALTERED = [
    ("DG1 changed", dict(tamper=Tamper.DG1_CHANGED), Step.DATA_GROUP_HASHES),
    ("DG2 swapped", dict(tamper=Tamper.DG2_SWAPPED), Step.DATA_GROUP_HASHES),
    ("untrusted DSC", dict(signer="untrusted_dsc"), Step.DSC_CHAINS_TO_CSCA),
    ("expired DSC", dict(signer="expired_dsc"), Step.DSC_CHAINS_TO_CSCA),
]


@pytest.mark.parametrize("options,step", [a[1:] for a in ALTERED], ids=[a[0] for a in ALTERED])
def test_altered_chip_is_read_and_refused_by_passive_authentication(virtual_reader, options, step):
    content = chip(**options)
    result, _ = read(virtual_reader, content)
    assert result.not_read is None, result.reason  # the chip is read; its data is not as signed
    assert result.clone_check.state is StepState.passed  # the chip itself is the issued one
    assert not result.passive_auth.passed
    assert result.passive_auth.failed_step.step is step, result.passive_auth.reason
    if options.get("tamper") is Tamper.DG1_CHANGED:
        assert "DG1" in result.passive_auth.failed_step.reason and result.dg1.surname != "ERIKSSON"


CLONES = [
    ("clone without the AA key", lambda: chip().without_aa_key(), CloneMethod.active_authentication,
     "could not sign"),
    ("clone without the AA key, RSA", lambda: chip(aa_key=rsa_aa_key()).without_aa_key(),
     CloneMethod.active_authentication, "signature does not verify"),
    ("clone without the CA key", lambda: without_ca_key(chip(with_ca=True)), CloneMethod.chip_authentication,
     "does not hold the private key of DG14"),
]


@pytest.mark.parametrize("make,method,words", [c[1:] for c in CLONES], ids=[c[0] for c in CLONES])
def test_a_clone_passes_passive_authentication_but_fails_the_clone_check(virtual_reader, make, method, words):
    content = make()
    result, _ = read(virtual_reader, content)
    assert result.not_read is None, result.reason
    assert result.passive_auth.passed  # a perfect copy of signed data ...
    assert result.clone_check.method is method
    assert result.clone_check.state is StepState.failed  # ... on a chip that is not the original
    assert words in result.clone_check.reason
    assert result.files == content.files  # read on after CA failed, in a fresh session


@pytest.mark.parametrize("with_pace,access", [(True, "PACE"), (False, "BAC")])
def test_wrong_mrz_is_access_denied(virtual_reader, with_pace, access):
    content = chip(with_pace=with_pace)
    wrong = "L898902C<369080619406237"  # one digit of the expiry off
    result, _ = read(virtual_reader, content, mrz=wrong)
    assert result.not_read is NotReadState.access_denied
    assert f"refused the MRZ ({access})" in result.reason
    assert not set(result.files) - {lds.EF_CARD_ACCESS}  # nothing of the LDS was read


def test_wrong_can_is_access_denied(virtual_reader):
    result, _ = read(virtual_reader, chip(can="123456"), can="654321")
    assert result.not_read is NotReadState.access_denied and "refused the CAN (PACE)" in result.reason


def test_a_chip_pulled_away_mid_read(virtual_reader):
    result, reader = read(virtual_reader, chip(), behaviour=ChipBehaviour(stop_after_bytes=1500))
    assert result.not_read is NotReadState.read_failed
    assert "left the reader" in result.reason
    assert result.passive_auth is None and result.clone_check.state is StepState.not_run


def test_a_chip_that_stops_answering(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(stop_after_bytes=1500, stop=Stop.MUTE),
                     transmit_timeout_s=0.5)
    assert result.not_read is NotReadState.read_failed
    assert "stopped answering" in result.reason and "did not answer within 0.5 s" in result.reason
    assert result.duration_s < 5


def test_a_chip_slower_than_the_booth_waits(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(delay_s=0.05), budget_s=0.5)
    assert result.not_read is NotReadState.read_failed
    assert "too slowly" in result.reason


def test_a_slow_chip_within_the_time_is_read(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(delay_s=0.01))
    assert_genuine(result, AccessControl.pace_mrz, CloneMethod.active_authentication)


def test_no_chip_on_the_reader(virtual_reader):
    result = PcscChipReader(virtual_reader.name, wait_s=0.3).read_detailed("L898902C<369080619406236")
    assert result.not_read is NotReadState.no_chip and "no chip on" in result.reason


def test_no_such_reader(pcsc_stack):
    result = PcscChipReader("Nonexistent Reader 00 00", wait_s=0.3).read_detailed("L898902C<369080619406236")
    assert result.not_read is NotReadState.no_reader and "no chip reader" in result.reason


def test_the_result_as_json(virtual_reader):
    content = chip()
    result, _ = read(virtual_reader, content)
    d = result.to_dict()
    assert d["state"] == "read" and d["access_control"] == "pace_mrz"
    assert {f["name"] for f in d["files"]} == {"EF.CardAccess", "EF.COM", "EF.SOD", "DG1", "DG2", "DG14", "DG15"}
    assert d["passive_authentication"]["passed"] and d["clone_check"]["state"] == "passed"
    assert d["dg1"]["surname"] == "ERIKSSON" and d["faces"][0]["mime"] == "image/jpeg"
    assert NOW.year <= int(d["at"][:4])


# -- what the examination core receives (reading.ChipReader) --------------------------------------

def test_the_core_gets_a_chip_read(virtual_reader):
    content = chip(tamper=Tamper.DG2_SWAPPED)
    reader = SimulatedChipReader(content, trust=pki().store(), reader=virtual_reader.name, port=virtual_reader.port)
    got = reader.read(content.mrz_information, None, lambda text, fraction: None)
    assert isinstance(got, ChipRead)
    assert got.reader == virtual_reader.name and got.access_control is AccessControl.pace_mrz
    assert got.dg1_lines == tuple(TD3) and got.data_groups == (1, 2, 14, 15)
    assert got.face_image is not None and got.face_image != face()  # the swapped face, as the chip holds it
    assert not got.passive_auth.passed
    assert got.passive_auth.failed_step == Step.DATA_GROUP_HASHES.value
    failed = next(s for s in got.passive_auth.steps if s.state is StepState.failed)
    assert "DG2" in failed.reason and [s.label for s in got.passive_auth.steps] == [s.value for s in Step]
    assert got.clone_check.method is CloneMethod.active_authentication and got.clone_check.state is StepState.passed
    assert 0 < got.read_time_s < 5


def test_the_core_gets_a_chip_not_read(virtual_reader):
    content = chip()
    reader = SimulatedChipReader(content, reader=virtual_reader.name, port=virtual_reader.port)
    got = reader.read("L898902C<369080619406237", None)
    assert isinstance(got, ChipNotRead) and got.state is NotReadState.access_denied
    assert got.reader == virtual_reader.name and "refused the MRZ" in got.reason


def test_without_csca_trust_passive_authentication_fails_at_the_chain(virtual_reader):
    content = chip()
    reader = SimulatedChipReader(content, reader=virtual_reader.name, port=virtual_reader.port)
    got = reader.read(content.mrz_information, None)
    assert isinstance(got, ChipRead) and not got.passive_auth.passed
    assert got.passive_auth.failed_step == Step.DSC_CHAINS_TO_CSCA.value
    failed = next(s for s in got.passive_auth.steps if s.state is StepState.failed)
    assert "no CSCA list installed" in failed.reason


def test_without_a_crl_revocation_is_a_warning_not_a_failure(virtual_reader):
    content = chip()
    reader = SimulatedChipReader(content, trust=pki().store(with_crl=False), reader=virtual_reader.name,
                                 port=virtual_reader.port)
    got = reader.read(content.mrz_information, None)
    assert got.passive_auth.passed and got.passive_auth.failed_step is None
    unchecked, = [s for s in got.passive_auth.steps if s.state is StepState.not_run]
    assert unchecked.label == Step.NOT_REVOKED.value and "no CRL" in unchecked.reason


# -- the demo's desk: one reader, the passport on it changes -----------------------------------------

def test_the_desk_reads_whichever_passport_is_on_it(virtual_reader):
    desk = SimulatedDesk(trust=pki().store(), reader=virtual_reader.name, port=virtual_reader.port, wait_s=0.3)
    genuine, altered = chip(), chip(tamper=Tamper.DG1_CHANGED)
    desk.place(genuine)
    first = desk.read(genuine.mrz_information, None)
    desk.place(altered)
    second = desk.read(altered.mrz_information, None)
    desk.place(None)
    third = desk.read(genuine.mrz_information, None)
    assert isinstance(first, ChipRead) and first.passive_auth.passed
    assert isinstance(second, ChipRead) and second.passive_auth.failed_step == Step.DATA_GROUP_HASHES.value
    assert isinstance(third, ChipNotRead) and third.state is NotReadState.no_chip


def test_virtual_pcsc_uses_the_running_pcscd(pcsc_stack):
    with VirtualPcsc() as pcsc:
        assert pcsc.process is None and set(vpcd_readers()) == set(VPCD_READERS)
