"""The eMRTD applet's answers, command by command, without PC/SC (test_pcsc.py runs it through pcscd)."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.chip.apdu import SW, CommandApdu, ResponseApdu
from inspector_app.chip.applet import DEFAULT_ATR, EMRTD_AID, EmrtdApplet, Stop
from inspector_app.chip.vpcd import CardLeftField, CardMute
from tests.chip.fake_access import ToyAccess, authenticate

DG1 = bytes.fromhex("615B5F1F58") + b"P<UTOERIKSSON<<ANNA<MARIA" + b"<" * 19 + b"L898902C36UTO7408122F1204159ZE184226B<<<<<10"
FILES = {
    0x011C: bytes.fromhex("3114300F060A04007F00070202040202020102"),  # EF.CardAccess: one PACEInfo
    0x011E: bytes.fromhex("60165F0104303130375F36063034303030305C046175"),  # EF.COM (shortened tag list)
    0x011D: bytes(range(256)) * 6,  # EF.SOD stand-in
    0x0101: DG1,
    0x0102: bytes((i * 7) & 0xFF for i in range(40_000)),  # past 32767: only INS B1 reaches the tail
    0x0103: b"fingerprints",
}
SELECT_APP = bytes.fromhex("00A4040C07") + EMRTD_AID


def select(fid: int, p1: int = 0x02) -> bytes:
    return CommandApdu(0x00, 0xA4, p1, 0x0C, fid.to_bytes(2, "big")).encode()


def read(offset: int, ne: int) -> bytes:
    return CommandApdu(0x00, 0xB0, offset >> 8, offset & 0xFF, ne=ne).encode()


def read_odd(offset: int, ne: int, fid: int = 0) -> bytes:
    off = offset.to_bytes(3 if offset > 0xFFFF else 2 if offset > 0xFF else 1, "big")
    return CommandApdu(0x00, 0xB1, fid >> 8, fid & 0xFF, b"\x54" + bytes((len(off),)) + off, ne).encode()


def sw(resp: bytes) -> int:
    return ResponseApdu.decode(resp).sw


@pytest.fixture
def plain():
    """A chip without access control (as early passports): everything readable once selected."""
    return EmrtdApplet(FILES, None)


@pytest.mark.parametrize(("commands", "expected"), [
    ([SELECT_APP], SW.OK),
    ([bytes.fromhex("00A4040C07A0000002471002")], SW.FILE_NOT_FOUND),     # another application
    ([select(0x0101)], SW.FILE_NOT_FOUND),                               # DG1 outside the application
    ([select(0x011C)], SW.OK),                                           # EF.CardAccess lives in the MF
    ([SELECT_APP, select(0x0101)], SW.OK),
    ([SELECT_APP, select(0x010B)], SW.FILE_NOT_FOUND),                   # DG11 not on this chip
    ([SELECT_APP, select(0x3F00, p1=0x00), select(0x0101)], SW.FILE_NOT_FOUND),  # back in the MF
    ([SELECT_APP, read(0, 4)], SW.NO_CURRENT_EF),
    ([SELECT_APP, select(0x0101), read(len(DG1), 4)], SW.WRONG_PARAMETERS),
    ([SELECT_APP, select(0x0101), read(0x7000, 4)], SW.WRONG_PARAMETERS),
    ([SELECT_APP, select(0x0101), bytes.fromhex("00B00000")], SW.WRONG_LENGTH),  # no Le
    ([SELECT_APP, bytes.fromhex("00B1000003540100" "00")], SW.NO_CURRENT_EF),
    ([SELECT_APP, select(0x0101), bytes.fromhex("00B1000003530100" "00")], SW.WRONG_DATA),  # not DO 54
    ([bytes.fromhex("00CA010100")], SW.INS_NOT_SUPPORTED),
    ([bytes.fromhex("80B0000000")], SW.CLA_NOT_SUPPORTED),
    ([bytes.fromhex("00A4040C07A000")], SW.WRONG_LENGTH),                # Lc longer than the data
    ([bytes.fromhex("00A401")], SW.WRONG_LENGTH),
    ([bytes.fromhex("0CB0000000")], SW.SECURE_MESSAGING_NOT_SUPPORTED),  # SM before any session
    ([bytes.fromhex("0088000008" "0102030405060708" "00")], SW.INS_NOT_SUPPORTED),  # no access control: no AA
    ([bytes.fromhex("0022C1A40F800A04007F00070202040202830101")], SW.INS_NOT_SUPPORTED),
])
def test_status_words(plain, commands, expected):
    for command in commands:
        resp = plain.process(command)
    assert sw(resp) == expected, ResponseApdu.decode(resp).meaning


def test_read_in_chunks_then_end_of_file(plain):
    plain.process(SELECT_APP)
    plain.process(select(0x0101))
    head = plain.process(read(0, 0x20))
    assert head == DG1[:0x20] + b"\x90\x00"
    tail = plain.process(read(0x20, 0xFF))  # asks for more than is left: the rest, with 6282
    assert tail == DG1[0x20:] + b"\x62\x82"


def test_short_file_identifier_selects_and_reads(plain):
    plain.process(SELECT_APP)
    assert plain.process(bytes.fromhex("00B0810004")) == DG1[:4] + b"\x90\x00"  # SFI 01 = DG1
    assert plain.process(read(4, 4)) == DG1[4:8] + b"\x90\x00"                     # and DG1 is now current
    assert sw(plain.process(bytes.fromhex("00B0850004"))) == SW.FILE_NOT_FOUND      # SFI 05: no DG5


def test_extended_length_read_and_odd_ins_past_32767(plain):
    dg2 = FILES[0x0102]
    plain.process(SELECT_APP)
    plain.process(select(0x0102))
    whole = ResponseApdu.decode(plain.process(read(0, 65536)))  # extended Le 0000: the whole file at once
    assert whole.sw == SW.END_OF_FILE and whole.data == dg2
    resp = ResponseApdu.decode(plain.process(read_odd(0x8100, 0x1000)))
    assert resp.ok and resp.data[:4] == bytes.fromhex("53820FFC")  # DO 53 with 4092 bytes fills Ne 4096
    assert resp.data[4:] == dg2[0x8100:0x8100 + 0xFFC]
    last = ResponseApdu.decode(plain.process(read_odd(39_990, 0x100, fid=0x0102)))
    assert last.sw == SW.END_OF_FILE and last.data == b"\x53\x0a" + dg2[39_990:]


@settings(max_examples=30, deadline=None)
@given(content=st.binary(min_size=1, max_size=3000), chunks=st.lists(st.integers(1, 700), min_size=1, max_size=50),
       odd=st.booleans())
def test_any_file_reads_back_whole_in_any_chunks(content, chunks, odd):
    chip = EmrtdApplet({0x0101: content}, None)
    chip.process(SELECT_APP)
    assert sw(chip.process(select(0x0101))) == SW.OK
    got = b""
    for i in range(10_000):
        ne = chunks[i % len(chunks)]
        if odd:
            resp = ResponseApdu.decode(chip.process(read_odd(len(got), ne + 4)))
            assert resp.data[0] == 0x53
            piece = resp.data[2 + (resp.data[1] > 0x80) * (resp.data[1] & 0x7F):]
        else:
            resp = ResponseApdu.decode(chip.process(read(len(got), ne)))
            piece = resp.data
        assert resp.sw in (SW.OK, SW.END_OF_FILE)
        got += piece
        if resp.sw == SW.END_OF_FILE or len(got) == len(content):
            break
    assert got == content


def test_access_control_guards_the_data_groups_but_not_card_access():
    chip = EmrtdApplet(FILES, ToyAccess())
    assert chip.process(select(0x011C)) == b"\x90\x00"
    assert chip.process(read(0, 256)) == FILES[0x011C] + b"\x62\x82"  # readable before access control
    chip.process(SELECT_APP)
    chip.process(select(0x0101))
    assert sw(chip.process(read(0, 4))) == SW.SECURITY_STATUS_NOT_SATISFIED
    for fid in (0x011E, 0x011D):
        assert sw(chip.process(select(fid))) == SW.OK  # selecting is allowed; reading is not
        assert sw(chip.process(read(0, 4))) == SW.SECURITY_STATUS_NOT_SATISFIED

    terminal = authenticate(chip.process)
    assert terminal.unwrap_response(chip.process(terminal.wrap_command(select(0x0101)))) == b"\x90\x00"
    assert terminal.unwrap_response(chip.process(terminal.wrap_command(read(0, 8)))) == DG1[:8] + b"\x90\x00"
    # DG3 needs EAC terminal authentication, which this project does not do
    terminal.unwrap_response(chip.process(terminal.wrap_command(select(0x0103))))
    denied = terminal.unwrap_response(chip.process(terminal.wrap_command(read(0, 4))))
    assert sw(denied) == SW.SECURITY_STATUS_NOT_SATISFIED


def test_a_bad_tag_or_a_plain_command_ends_the_session():
    chip = EmrtdApplet(FILES, ToyAccess())
    chip.process(SELECT_APP)
    terminal = authenticate(chip.process)
    forged = bytearray(terminal.wrap_command(select(0x0101)))
    forged[-2] ^= 1
    assert sw(chip.process(bytes(forged))) == SW.SM_DATA_INCORRECT
    assert sw(chip.process(terminal.wrap_command(select(0x0101)))) == SW.SECURE_MESSAGING_NOT_SUPPORTED

    terminal = authenticate(chip.process)
    chip.process(select(0x0101))  # plain: leaves the secure session
    assert sw(chip.process(read(0, 4))) == SW.SECURITY_STATUS_NOT_SATISFIED


def test_wrong_cryptogram_and_out_of_sequence_are_refused():
    chip = EmrtdApplet(FILES, ToyAccess())
    assert sw(chip.process(bytes.fromhex("0082000004" "01020304" "00"))) == SW.CONDITIONS_NOT_SATISFIED
    chip.process(bytes.fromhex("0084000008"))
    assert sw(chip.process(bytes.fromhex("0082000004" "01020304" "00"))) == SW.AUTHENTICATION_FAILED


def test_pace_and_aa_commands_reach_the_access_control():
    access = ToyAccess()
    chip = EmrtdApplet(FILES, access)
    assert chip.process(bytes.fromhex("0022C1A4" "03" "830101")) == b"\x90\x00"
    assert chip.process(bytes.fromhex("10860000" "02" "7C00" "00")) == b"\x7c\x00\x90\x00"  # chained
    assert chip.process(bytes.fromhex("00860000" "02" "7C00" "00")) == b"\x7c\x00\x90\x00"  # last
    assert access.calls == [("mse", 0xC1, 0xA4, b"\x83\x01\x01"), ("ga", b"\x7c\x00", False), ("ga", b"\x7c\x00", True)]
    challenge = bytes(range(8))
    assert chip.process(bytes.fromhex("0088000008") + challenge + b"\x00") == hashlib.sha256(challenge).digest() + b"\x90\x00"
    no_aa = EmrtdApplet(FILES, ToyAccess(with_aa=False))
    assert sw(no_aa.process(bytes.fromhex("0088000008") + challenge + b"\x00")) == SW.INS_NOT_SUPPORTED


def test_get_challenge_is_fresh_and_sized(plain):
    a, b = plain.process(bytes.fromhex("0084000008")), plain.process(bytes.fromhex("0084000008"))
    assert len(a) == len(b) == 10 and a[-2:] == b[-2:] == b"\x90\x00" and a != b
    assert sw(plain.process(bytes.fromhex("0084000100"))) == SW.INCORRECT_P1P2


def test_reset_forgets_the_selection_and_the_session():
    chip = EmrtdApplet(FILES, ToyAccess())
    chip.process(SELECT_APP)
    terminal = authenticate(chip.process)
    chip.reset()
    assert sw(chip.process(terminal.wrap_command(select(0x0101)))) == SW.SECURE_MESSAGING_NOT_SUPPORTED
    assert sw(chip.process(select(0x0101))) == SW.FILE_NOT_FOUND


@pytest.mark.parametrize(("stop", "raised"), [(Stop.LEAVE_FIELD, CardLeftField), (Stop.MUTE, CardMute)])
def test_stops_after_the_given_bytes(stop, raised):
    chip = EmrtdApplet(FILES, None, stop_after_bytes=600, stop=stop)
    chip.process(SELECT_APP)
    chip.process(select(0x011D))
    for offset in (0, 256, 512):  # 768 bytes served: the limit passed during the third read
        assert sw(chip.process(read(offset, 256))) == SW.OK
    with pytest.raises(raised):
        chip.process(read(768, 256))
    assert chip.process(bytes.fromhex("0084000008"))[-2:] == b"\x90\x00"  # only reads are cut


def test_atr_offers_t1_and_has_a_valid_check_byte():
    assert DEFAULT_ATR[0] == 0x3B and DEFAULT_ATR[3] & 0x0F == 1  # TD2: T=1
    x = 0
    for b in DEFAULT_ATR[1:]:
        x ^= b
    assert x == 0
