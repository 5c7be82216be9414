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
from inspector_app.chip.session import (
    AccessMethod,
    CloneCheckMethod,
    CloneCheckStatus,
    PcscChipReader,
    ReadState,
)
from inspector_app.chip.simulated import ChipBehaviour, SimulatedChipReader
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
    result = reader.read(mrz or content.mrz_information, can, progress)
    return result, reader


def assert_genuine(result, access: AccessMethod, clone_method: CloneCheckMethod):
    assert result.state is ReadState.READ, result.reason
    assert result.access is access
    assert result.passive_auth is not None and result.passive_auth.passed, result.passive_auth.reason
    assert [s.status for s in result.passive_auth.steps] == [Status.PASSED] * len(Step)
    assert result.clone_check.method is clone_method
    assert result.clone_check.status is CloneCheckStatus.PASSED, result.clone_check.reason


# -- genuine chips ------------------------------------------------------------------------------

def test_genuine_pace_chip_with_active_authentication(virtual_reader):
    content = chip(aa_key=rsa_aa_key())  # RSA: ISO/IEC 9796-2, what most AA chips do
    seen: list[tuple[int, int]] = []
    started = time.monotonic()
    result, reader = read(virtual_reader, content, progress=lambda done, total: seen.append((done, total)))
    elapsed = time.monotonic() - started
    assert_genuine(result, AccessMethod.PACE_MRZ, CloneCheckMethod.ACTIVE_AUTHENTICATION)
    assert result.reader == virtual_reader.name
    assert "PACE ECDH-GM AES-128, brainpoolP256r1" in result.access_detail
    assert result.files == content.files  # every file, byte for byte, EF.CardAccess included
    assert result.dg1.lines == TD3 and result.dg1.document_number == "L898902C3"
    assert [(f.mime, f.image_bytes) for f in result.faces] == [("image/jpeg", face())]
    # progress: one total from the TLV headers, rising to it, covering EF.COM, EF.SOD and the DGs
    totals = {total for _, total in seen}
    expected_total = sum(len(d) for fid, d in content.files.items() if fid != lds.EF_CARD_ACCESS)
    assert totals == {expected_total}
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and seen[-1][0] == expected_total
    assert elapsed < 5, f"a typical read took {elapsed:.2f} s"
    assert reader.last_applet.bytes_served >= expected_total


def test_genuine_bac_chip_with_chip_authentication(virtual_reader):
    content = chip(with_pace=False, with_ca=True, lines=TD1)
    result, _ = read(virtual_reader, content)
    assert_genuine(result, AccessMethod.BAC, CloneCheckMethod.CHIP_AUTHENTICATION)
    assert result.dg1.lines == TD1
    assert "Chip Authentication (AES-128)" in result.access_detail
    assert 0x010E in result.files and 0x010F in result.files


def test_pace_with_the_can(virtual_reader):
    content = chip(can="123456")
    result, _ = read(virtual_reader, content, mrz="not used", can="123456")
    assert_genuine(result, AccessMethod.PACE_CAN, CloneCheckMethod.ACTIVE_AUTHENTICATION)


def test_eac_protected_data_groups_are_skipped_not_fatal(virtual_reader):
    content = chip()
    files = dict(content.files)
    files[0x0103] = b"\x63\x03\x02\x01\x00"  # DG3 (fingerprints): needs terminal authentication
    dgs = {n: files[lds.dg_file_id(n)] for n in (1, 2, 3, 15)}
    files[lds.EF_COM] = lds.encode_com(dgs)
    result, reader = read(virtual_reader, ChipContent(files, content.mrz_information, content.can,
                                                      content.aa_private_key, None))
    assert result.state is ReadState.READ, result.reason
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
    assert result.state is ReadState.READ, result.reason  # the chip is read; its data is not as signed
    assert result.clone_check.status is CloneCheckStatus.PASSED  # the chip itself is the issued one
    assert not result.passive_auth.passed
    assert result.passive_auth.failed_step.step is step, result.passive_auth.reason
    if options.get("tamper") is Tamper.DG1_CHANGED:
        assert "DG1" in result.passive_auth.failed_step.reason and result.dg1.surname != "ERIKSSON"


CLONES = [
    ("clone without the AA key", lambda: chip().without_aa_key(), CloneCheckMethod.ACTIVE_AUTHENTICATION,
     "could not sign"),
    ("clone without the AA key, RSA", lambda: chip(aa_key=rsa_aa_key()).without_aa_key(),
     CloneCheckMethod.ACTIVE_AUTHENTICATION, "signature does not verify"),
    ("clone without the CA key", lambda: without_ca_key(chip(with_ca=True)), CloneCheckMethod.CHIP_AUTHENTICATION,
     "does not hold the private key of DG14"),
]


@pytest.mark.parametrize("make,method,words", [c[1:] for c in CLONES], ids=[c[0] for c in CLONES])
def test_a_clone_passes_passive_authentication_but_fails_the_clone_check(virtual_reader, make, method, words):
    content = make()
    result, _ = read(virtual_reader, content)
    assert result.state is ReadState.READ, result.reason
    assert result.passive_auth.passed  # a perfect copy of signed data ...
    assert result.clone_check.method is method
    assert result.clone_check.status is CloneCheckStatus.FAILED  # ... on a chip that is not the original
    assert words in result.clone_check.reason
    assert result.files == content.files  # read on after CA failed, in a fresh session


@pytest.mark.parametrize("with_pace,access", [(True, "PACE"), (False, "BAC")])
def test_wrong_mrz_is_access_denied(virtual_reader, with_pace, access):
    content = chip(with_pace=with_pace)
    wrong = "L898902C<369080619406237"  # one digit of the expiry off
    result, _ = read(virtual_reader, content, mrz=wrong)
    assert result.state is ReadState.ACCESS_DENIED
    assert f"refused the MRZ ({access})" in result.reason
    assert not set(result.files) - {lds.EF_CARD_ACCESS}  # nothing of the LDS was read


def test_wrong_can_is_access_denied(virtual_reader):
    result, _ = read(virtual_reader, chip(can="123456"), can="654321")
    assert result.state is ReadState.ACCESS_DENIED and "refused the CAN (PACE)" in result.reason


def test_a_chip_pulled_away_mid_read(virtual_reader):
    result, reader = read(virtual_reader, chip(), behaviour=ChipBehaviour(stop_after_bytes=1500))
    assert result.state is ReadState.READ_FAILED
    assert "left the reader" in result.reason
    assert result.passive_auth is None and result.clone_check.status is CloneCheckStatus.NOT_RUN


def test_a_chip_that_stops_answering(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(stop_after_bytes=1500, stop=Stop.MUTE),
                     transmit_timeout_s=0.5)
    assert result.state is ReadState.READ_FAILED
    assert "stopped answering" in result.reason and "did not answer within 0.5 s" in result.reason
    assert result.duration_s < 5


def test_a_chip_slower_than_the_booth_waits(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(delay_s=0.05), budget_s=0.5)
    assert result.state is ReadState.READ_FAILED
    assert "too slowly" in result.reason


def test_a_slow_chip_within_the_time_is_read(virtual_reader):
    result, _ = read(virtual_reader, chip(), behaviour=ChipBehaviour(delay_s=0.01))
    assert_genuine(result, AccessMethod.PACE_MRZ, CloneCheckMethod.ACTIVE_AUTHENTICATION)


def test_no_chip_on_the_reader(virtual_reader):
    result = PcscChipReader(virtual_reader.name, wait_s=0.3).read("L898902C<369080619406236")
    assert result.state is ReadState.NO_CARD and "no chip on" in result.reason


def test_no_such_reader(pcsc_stack):
    result = PcscChipReader("Nonexistent Reader 00 00", wait_s=0.3).read("L898902C<369080619406236")
    assert result.state is ReadState.NO_READER and "no chip reader" in result.reason


def test_the_result_as_json(virtual_reader):
    content = chip()
    result, _ = read(virtual_reader, content)
    d = result.to_dict()
    assert d["state"] == "read" and d["access_control"] == "PACE with the MRZ"
    assert {f["name"] for f in d["files"]} == {"EF.CardAccess", "EF.COM", "EF.SOD", "DG1", "DG2", "DG14", "DG15"}
    assert d["passive_authentication"]["passed"] and d["clone_check"]["status"] == "passed"
    assert d["dg1"]["surname"] == "ERIKSSON" and d["faces"][0]["mime"] == "image/jpeg"
    assert NOW.year <= int(d["at"][:4])
