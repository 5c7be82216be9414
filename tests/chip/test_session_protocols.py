"""The reader session against the applet directly (no PC/SC): every PACE/CA variant, big files, a
hostile link. The same code runs over pcscd in test_session.py; here the link is a function call
so the variants and the fuzzing stay fast.
"""
from __future__ import annotations

import functools
import io
import random

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from inspector_app.chip import lds, personalise
from inspector_app.chip.access import ChipAccess
from inspector_app.chip.applet import EmrtdApplet
from inspector_app.chip.personalise import ChipContent
from inspector_app.chip.reading import AccessControl, CloneMethod, NotReadState, StepState
from inspector_app.chip.session import read_chip
from tests.chip.chip_fixtures import NOW, TD3, aa_key, face, pki


class Direct:
    """A CardChannel straight into the applet; ``mangle`` may change each response on the way back."""

    def __init__(self, applet: EmrtdApplet, mangle=None) -> None:
        self.applet = applet
        self.mangle = mangle
        self.count = 0

    def transmit(self, apdu: bytes) -> bytes:
        resp = self.applet.process(apdu)
        self.count += 1
        return self.mangle(self.count, resp) if self.mangle else resp


@functools.cache
def base_chip() -> ChipContent:
    return personalise.make_chip(TD3, face(), pki().dsc, aa_key=aa_key())


def with_files(content: ChipContent, files: dict[int, bytes], ca_key=None) -> ChipContent:
    merged = {k: v for k, v in {**content.files, **files}.items() if v is not None}
    dgs = [fid - 0x0100 for fid in merged if 0x0101 <= fid <= 0x0110]
    merged[lds.EF_COM] = lds.encode_com(dgs)
    return ChipContent(merged, content.mrz_information, content.can, content.aa_private_key, ca_key)


def read(content: ChipContent, **kw):
    return read_chip(Direct(EmrtdApplet(content.files, ChipAccess(content))), content.mrz_information,
                     kw.pop("can", None), trust=pki().store(), at=NOW, **kw)


# PACEInfo protocol (9303-11 9.2.1: id-PACE-{DH,ECDH}-GM-{3DES,AES-128,...}) and parameterId
PACE_VARIANTS = [
    ("ECDH-GM AES-128 brainpoolP256r1", lds.ID_PACE + ".2.2", 13, "PACE ECDH-GM AES-128, brainpoolP256r1"),
    ("ECDH-GM AES-128 NIST P-256", lds.ID_PACE + ".2.2", 12, "PACE ECDH-GM AES-128"),
    ("ECDH-GM 3DES NIST P-256", lds.ID_PACE + ".2.1", 12, "PACE ECDH-GM 3DES"),
    ("ECDH-GM AES-256 brainpoolP384r1", lds.ID_PACE + ".2.4", 16, "PACE ECDH-GM AES-256"),
    ("DH-GM AES-128 1024-bit MODP", lds.ID_PACE + ".1.2", 0, "PACE DH-GM AES-128"),
    ("DH-GM 3DES 1024-bit MODP", lds.ID_PACE + ".1.1", 0, "PACE DH-GM 3DES"),
]


@pytest.mark.parametrize("oid,parameter_id,described", [v[1:] for v in PACE_VARIANTS], ids=[v[0] for v in PACE_VARIANTS])
@pytest.mark.parametrize("can", [None, "CAN"])
def test_every_pace_variant_reads_the_chip(oid, parameter_id, described, can):
    card_access = lds.encode_security_infos([lds.PaceInfo(oid, 2, parameter_id)])
    content = with_files(base_chip(), {lds.EF_CARD_ACCESS: card_access})
    result = read(content, can=content.can if can else None)
    assert result.not_read is None, result.reason
    assert result.access is (AccessControl.pace_can if can else AccessControl.pace_mrz)
    assert result.access_detail.startswith(described)
    assert result.passive_auth.passed and result.clone_check.state is StepState.passed


def test_unsupported_pace_falls_back_to_bac():
    """A chip offering only a mapping this reader lacks (Integrated Mapping) is read with BAC."""
    card_access = lds.encode_security_infos([lds.PaceInfo(lds.ID_PACE + ".4.2", 2, 13)])
    content = with_files(base_chip(), {lds.EF_CARD_ACCESS: card_access})
    result = read(content)
    assert result.not_read is None, result.reason
    assert result.access is AccessControl.bac


@pytest.mark.parametrize("ca_oid,curve", [
    (lds.ID_CA + ".2.2", ec.BrainpoolP256R1()),   # AES-128: MSE:Set AT + GENERAL AUTHENTICATE
    (lds.ID_CA + ".2.1", ec.SECP256R1()),         # 3DES: MSE:Set KAT
    (lds.ID_CA + ".2.4", ec.SECP384R1()),         # AES-256
], ids=["AES-128", "3DES", "AES-256"])
@pytest.mark.parametrize("with_pace", [True, False], ids=["PACE", "BAC"])
@pytest.mark.parametrize("clone", [False, True], ids=["genuine", "clone"])
def test_chip_authentication_variants(ca_oid, curve, with_pace, clone):
    key = ec.generate_private_key(curve)
    spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    dg14 = lds.encode_dg14([lds.ChipAuthenticationInfo(ca_oid, 1, None),
                            lds.ChipAuthenticationPublicKeyInfo(lds.ID_PK_ECDH, spki, None)])
    files = {lds.dg_file_id(14): dg14}
    if not with_pace:
        files[lds.EF_CARD_ACCESS] = None
    content = with_files(base_chip(), files, None if clone else key)
    result = read(content)
    assert result.not_read is None, result.reason
    assert result.access is (AccessControl.pace_mrz if with_pace else AccessControl.bac)
    assert result.clone_check.method is CloneMethod.chip_authentication
    assert result.clone_check.state is (StepState.failed if clone else StepState.passed)
    assert result.files == content.files  # all of it, after CA or after authenticating again
    assert not result.passive_auth.passed  # DG14 was not in the SOD: it is refused, not trusted


def _noise_jpeg(width: int, height: int) -> bytes:
    rnd = random.Random(7)
    im = Image.frombytes("RGB", (width, height), bytes(rnd.randrange(256) for _ in range(width * height * 3)))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=95)
    return out.getvalue()


def test_files_beyond_32_kb_are_read_with_odd_read_binary():
    big = _noise_jpeg(220, 200)
    assert len(big) > 0x8000
    content = personalise.make_chip(TD3, big, pki().dsc, aa_key=aa_key())
    seen = []
    result = read(content, progress=lambda text, fraction: seen.append(text))
    assert result.not_read is None, result.reason
    assert result.files[0x0102] == content.files[0x0102] and result.faces[0].image_bytes == big
    assert result.passive_auth.passed
    total = sum(len(v) for k, v in content.files.items() if k != lds.EF_CARD_ACCESS)
    assert f"reading the chip: {total} of {total} bytes" in seen


def test_jpeg2000_face():
    content = personalise.make_chip(TD3, face(), pki().dsc, aa_key=aa_key(), face_jp2=True)
    result = read(content)
    assert result.not_read is None and result.faces[0].mime == "image/jp2"


def test_the_session_after_the_read_is_closed_and_reads_again():
    content = base_chip()
    applet = EmrtdApplet(content.files, ChipAccess(content))
    for _ in range(2):  # a second read on the same chip starts from the plain state again
        result = read_chip(Direct(applet), content.mrz_information, trust=pki().store(), at=NOW)
        assert result.not_read is None, result.reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=70), st.integers(min_value=0, max_value=400), st.integers(1, 255),
       st.booleans())
def test_a_damaged_link_never_raises_and_never_passes_changed_data(nth, position, xor, cut):
    """Any one response changed (a byte flipped, or cut short): a result, never an exception; and
    a read that completes returned exactly the chip's files — secure messaging guarantees it."""
    content = base_chip()

    def mangle(count: int, resp: bytes) -> bytes:
        if count != nth:
            return resp
        if cut:
            return resp[: position % len(resp)]
        i = position % len(resp)
        return resp[:i] + bytes((resp[i] ^ xor,)) + resp[i + 1:]

    result = read_chip(Direct(EmrtdApplet(content.files, ChipAccess(content)), mangle), content.mrz_information,
                       trust=pki().store(), at=NOW)
    assert result.not_read in (None, NotReadState.read_failed, NotReadState.access_denied), result.reason
    if result.not_read is None:
        protected = {k: v for k, v in result.files.items() if k != lds.EF_CARD_ACCESS}
        assert protected == {k: v for k, v in content.files.items() if k in protected}
        assert set(protected) == set(content.files) - {lds.EF_CARD_ACCESS}


def test_a_chip_without_sod_is_read_and_nothing_is_proven():
    content = base_chip()
    files = {k: v for k, v in content.files.items() if k != lds.EF_SOD}
    result = read(ChipContent(files, content.mrz_information, content.can, content.aa_private_key, None))
    assert result.not_read is None and result.passive_auth is None and result.skipped == ()
    outcome = result.read_result().passive_auth
    assert not outcome.passed and {s.state for s in outcome.steps} == {StepState.not_run}


def test_a_chip_declaring_a_50_mb_file_is_refused_at_once():
    """A hostile chip says its DG2 holds 50 MB: refused by name after the first chunk, not read
    223 bytes at a time until the booth's time runs out."""
    declared = 50 * 1024 * 1024
    huge = b"\x75\x84" + declared.to_bytes(4, "big") + bytes(200)
    content = with_files(base_chip(), {0x0102: huge})
    channel = Direct(EmrtdApplet(content.files, ChipAccess(content)))
    result = read_chip(channel, content.mrz_information, trust=pki().store(), at=NOW)
    assert result.not_read == NotReadState.read_failed
    assert "DG2" in result.reason and f"{declared + 6:,} bytes" in result.reason
    assert channel.count < 40
