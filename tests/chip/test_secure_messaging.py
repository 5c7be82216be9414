"""Secure messaging: ICAO 9303-11 Appendix D.4 on both sides, AES per §9.8, round trips, refusals."""
from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.chip.secure_messaging import (
    AesSecureMessaging,
    DesSecureMessaging,
    SecureMessagingError,
    pad,
    retail_mac,
)

H = bytes.fromhex
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")

# Appendix D.4: (plain command, protected command, plain response, protected response)
D4 = [
    ("00A4020C02011E", "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800",
     "9000", "990290008E08FA855A5D4C50A8ED9000"),
    ("00B0000004", "0CB000000D9701048E08ED6705417E96BA5500",
     "60145F019000", "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"),
    ("00B0000412", "0CB000040D9701128E082EA28A70F3C7B53500",
     "04303130365F36063034303030305C0261759000",
     "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000"),
]


def des_pair(ssc: bytes = SSC):
    return DesSecureMessaging(KS_ENC, KS_MAC, ssc), DesSecureMessaging(KS_ENC, KS_MAC, ssc)


def test_retail_mac_of_appendix_d3():
    eifd = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2")
    assert retail_mac(H("7962D9ECE03D1ACD4C76089DCE131543"), pad(eifd, 8)) == H("5F1448EEA8AD90A7")


def test_terminal_side_of_appendix_d4():
    terminal, _ = des_pair()
    for plain_cmd, protected_cmd, plain_resp, protected_resp in D4:
        assert terminal.wrap_command(H(plain_cmd)) == H(protected_cmd)
        assert terminal.unwrap_response(H(protected_resp)) == H(plain_resp)
    assert terminal.ssc == H("887022120C06C22C")


def test_chip_side_of_appendix_d4():
    _, chip = des_pair()
    for plain_cmd, protected_cmd, plain_resp, protected_resp in D4:
        assert chip.unwrap_command(H(protected_cmd)) == H(plain_cmd)
        assert chip.wrap_response(H(plain_resp)) == H(protected_resp)
    assert chip.ssc == H("887022120C06C22C")


def _aes_ecb(key: bytes, block: bytes) -> bytes:
    return Cipher(algorithms.AES(key), modes.ECB()).encryptor().update(block)


def _cmac8(key: bytes, data: bytes) -> bytes:
    mac = CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()[:8]


def test_aes_layout_follows_9303_section_9_8():
    """No published AES worked example exists in 9303-11; this rebuilds §9.8 step by step with raw
    AES/CMAC (IV = E(KSenc, SSC), CMAC over the padded SSC || header || DOs, truncated to 8)."""
    ks_enc, ks_mac = H("F5F0E35C0D7161EE6724EE513A0D9A7F"), H("FE251C7858B356B24514B3BD5F4297D1")  # G.1 keys
    sm = AesSecureMessaging(ks_enc, ks_mac, bytes(16))
    ssc = (1).to_bytes(16, "big")
    iv = _aes_ecb(ks_enc, ssc)
    enc = Cipher(algorithms.AES(ks_enc), modes.CBC(iv)).encryptor()
    cryptogram = enc.update(pad(H("011E"), 16)) + enc.finalize()
    do87 = b"\x87\x11\x01" + cryptogram
    header = H("0CA4020C") + b"\x80" + bytes(11)
    mac = _cmac8(ks_mac, pad(ssc + header + do87, 16))
    assert sm.wrap_command(H("00A4020C02011E")) == H("0CA4020C1D") + do87 + b"\x8e\x08" + mac + b"\x00"
    ssc = (2).to_bytes(16, "big")
    iv = _aes_ecb(ks_enc, ssc)
    enc = Cipher(algorithms.AES(ks_enc), modes.CBC(iv)).encryptor()
    body = b"\x87\x11\x01" + enc.update(pad(H("60145F01"), 16)) + enc.finalize() + H("99029000")
    mac = _cmac8(ks_mac, pad(ssc + body, 16))
    assert sm.unwrap_response(body + b"\x8e\x08" + mac + H("9000")) == H("60145F019000")


# --- round trips (hypothesis) -----------------------------------------------------------------

def build_apdu(cla: int, ins: int, p1: int, p2: int, data: bytes, le: int | None) -> bytes:
    """The canonical form: extended only where short cannot hold Lc or Le."""
    header = bytes([cla, ins, p1, p2])
    if len(data) > 255 or (le is not None and le > 256):
        out = header + (len(data).to_bytes(3, "big") + data if data else b"")
        if le is not None:
            out += (b"" if data else b"\x00") + (le % 65536).to_bytes(2, "big")
        return out
    return header + (bytes([len(data)]) + data if data else b"") + (bytes([le % 256]) if le is not None else b"")


commands = st.builds(
    build_apdu,
    st.sampled_from([0x00, 0x80]),
    st.integers(0, 255).filter(lambda i: i not in (0x6C, 0x61) and i >> 4 not in (6, 9)),
    st.integers(0, 255),
    st.integers(0, 255),
    st.one_of(st.binary(max_size=40), st.binary(min_size=250, max_size=600)),
    st.one_of(st.none(), st.integers(1, 256), st.integers(257, 65536)),
)
responses = st.builds(
    lambda data, sw: data + sw,
    st.one_of(st.binary(max_size=40), st.binary(min_size=200, max_size=1500)),
    st.sampled_from([H("9000"), H("6282"), H("6A82")]),
)


@pytest.mark.parametrize("kind,block", [(DesSecureMessaging, 8), (AesSecureMessaging, 16)], ids=["3DES", "AES"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_terminal_and_chip_round_trip(kind, block, data):
    ks_enc = data.draw(st.binary(min_size=16, max_size=16))
    ks_mac = data.draw(st.binary(min_size=16, max_size=16))
    ssc = data.draw(st.binary(min_size=block, max_size=block))
    terminal, chip = kind(ks_enc, ks_mac, ssc), kind(ks_enc, ks_mac, ssc)
    for _ in range(2):
        command, response = data.draw(commands), data.draw(responses)
        assert chip.unwrap_command(terminal.wrap_command(command)) == command
        assert terminal.unwrap_response(chip.wrap_response(response)) == response
    assert terminal.ssc == chip.ssc == ((int.from_bytes(ssc, "big") + 4) % (1 << (8 * block))).to_bytes(block, "big")


def test_long_commands_go_out_extended():
    terminal, chip = des_pair()
    command = build_apdu(0x00, 0xDA, 0x01, 0x02, bytes(range(256)) * 2, 2048)
    protected = terminal.wrap_command(command)
    assert protected[4] == 0x00 and protected[-2:] == b"\x00\x00"
    assert int.from_bytes(protected[5:7], "big") == len(protected) - 9
    assert H("97020800") in protected  # Le 2048 travels as a two-byte DO97
    assert chip.unwrap_command(protected) == command


def test_odd_instructions_use_do85():
    terminal, chip = des_pair()
    protected = terminal.wrap_command(H("00B1000004540200FF00"))
    assert protected[5] == 0x85
    assert chip.unwrap_command(protected) == H("00B1000004540200FF00")
    wrapped = chip.wrap_response(H("53020102") + H("9000"))
    assert wrapped[0] == 0x85
    assert terminal.unwrap_response(wrapped) == H("530201029000")


# --- refusals ---------------------------------------------------------------------------------

@pytest.mark.parametrize("index", [-3, -5, 6])
def test_a_flipped_byte_in_a_response_is_refused(index):
    terminal, _ = des_pair()
    terminal.wrap_command(H(D4[0][0]))
    tampered = bytearray(H(D4[0][3]))
    tampered[index] ^= 0x01
    with pytest.raises(SecureMessagingError):
        terminal.unwrap_response(bytes(tampered))


def test_a_flipped_mac_byte_in_a_command_is_refused():
    _, chip = des_pair()
    tampered = bytearray(H(D4[0][1]))
    tampered[-3] ^= 0x80
    with pytest.raises(SecureMessagingError):
        chip.unwrap_command(bytes(tampered))


@pytest.mark.parametrize("kind,block", [(DesSecureMessaging, 8), (AesSecureMessaging, 16)], ids=["3DES", "AES"])
def test_a_replayed_command_is_refused(kind, block):
    terminal, chip = kind(bytes(16), bytes(range(16)), bytes(block)), kind(bytes(16), bytes(range(16)), bytes(block))
    protected = terminal.wrap_command(H("00B0000004"))
    chip.unwrap_command(protected)
    chip.wrap_response(H("010203049000"))
    with pytest.raises(SecureMessagingError):
        chip.unwrap_command(protected)


def test_a_replayed_response_is_refused():
    terminal, _ = des_pair()
    for plain_cmd, _, _, protected_resp in D4[:2]:
        terminal.wrap_command(H(plain_cmd))
        terminal.unwrap_response(H(protected_resp))
    terminal.wrap_command(H(D4[2][0]))
    with pytest.raises(SecureMessagingError):
        terminal.unwrap_response(H(D4[1][3]))


def test_responses_need_their_mac_and_status():
    terminal, _ = des_pair()
    terminal.wrap_command(H(D4[0][0]))
    with pytest.raises(SecureMessagingError):
        terminal.unwrap_response(H("99029000") + H("9000"))  # no DO8E
    with pytest.raises(SecureMessagingError):
        terminal.unwrap_response(H("9902") + H("9000"))  # truncated data object


def test_an_unprotected_error_status_passes_through():
    terminal, _ = des_pair()
    terminal.wrap_command(H(D4[0][0]))
    assert terminal.unwrap_response(H("6988")) == H("6988")


def test_chip_refuses_plain_commands():
    _, chip = des_pair()
    with pytest.raises(SecureMessagingError):
        chip.unwrap_command(H("00A4020C02011E"))


@pytest.mark.parametrize("status", ["9000", "6282", "6100"])
def test_unprotected_successes_and_warnings_are_refused(status):
    terminal, _ = des_pair()
    terminal.wrap_command(H(D4[0][0]))
    with pytest.raises(SecureMessagingError):
        terminal.unwrap_response(H(status))


@pytest.mark.parametrize("kind,block", [(DesSecureMessaging, 8), (AesSecureMessaging, 16)], ids=["3DES", "AES"])
def test_a_223_byte_read_fits_a_short_response(kind, block):
    """Why readers ask for at most 0xDF bytes per READ BINARY under SM: the protected answer
    (DO87 + DO99 + DO8E) of 223 bytes still fits the 256 bytes of a short response."""
    chip = kind(bytes(16), bytes(16), bytes(block))
    assert len(chip.wrap_response(bytes(223) + H("9000"))) - 2 <= 256
    assert len(chip.wrap_response(bytes(240) + H("9000"))) - 2 > 256


@pytest.mark.parametrize("kind,block", [(DesSecureMessaging, 8), (AesSecureMessaging, 16)], ids=["3DES", "AES"])
@settings(max_examples=200, deadline=None)
@given(garbage=st.binary(max_size=80))
def test_garbage_on_the_link_only_ever_raises_secure_messaging_error(kind, block, garbage):
    sm = kind(bytes(16), bytes(16), bytes(block))
    with pytest.raises(SecureMessagingError):
        sm.unwrap_command(b"\x0c\xb0\x00\x00" + garbage)
    with pytest.raises(SecureMessagingError):
        sm.unwrap_response(garbage + b"\x90\x00")
