"""BAC mutual authentication, both halves, against ICAO 9303-11 Appendix D.3 and refusals."""
from __future__ import annotations

import pytest

from inspector_app.chip.bac import BacChip, BacTerminal, bac_keys
from inspector_app.chip.keys import AccessDenied, ChipProtocolError
from inspector_app.chip.secure_messaging import DesSecureMessaging

H = bytes.fromhex
MRZ_INFO = "L898902C<369080619406236"
RND_IC = H("4608F91988702212")
RND_IFD = H("781723860C06C226")
K_IFD = H("0B795240CB7049B01C19B33E32804F0B")
K_IC = H("0B4F80323EB3191CB04970CB4052790B")
CMD_DATA = H("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7")
RESP_DATA = H("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449")
KS_ENC = H("979EC13B1CBFE9DCD01AB0FED307EAE5")
KS_MAC = H("F1CB1F1FB5ADF208806B89DC579DC1F8")
SSC = H("887022120C06C226")


class Script:
    def __init__(self, *values: bytes):
        self.values = list(values)

    def __call__(self, n: int) -> bytes:
        value = self.values.pop(0)
        assert len(value) == n
        return value


def test_document_keys():
    assert bac_keys(MRZ_INFO) == (H("AB94FDECF2674FDFB9B391F85D7F76F2"), H("7962D9ECE03D1ACD4C76089DCE131543"))


def test_terminal_half_of_appendix_d3():
    terminal = BacTerminal(MRZ_INFO, rng=Script(RND_IFD, K_IFD))
    assert terminal.external_authenticate_data(RND_IC) == CMD_DATA
    sm = terminal.finish(RESP_DATA)
    assert isinstance(sm, DesSecureMessaging)
    assert (sm.ks_enc, sm.ks_mac, sm.ssc) == (KS_ENC, KS_MAC, SSC)


def test_chip_half_of_appendix_d3():
    chip = BacChip(MRZ_INFO, rng=Script(RND_IC, K_IC))
    assert chip.get_challenge() == RND_IC
    response, sm = chip.mutual_authenticate(CMD_DATA)
    assert response == RESP_DATA
    assert (sm.ks_enc, sm.ks_mac, sm.ssc) == (KS_ENC, KS_MAC, SSC)


def test_sessions_of_both_halves_carry_the_appendix_d4_exchange():
    terminal = BacTerminal(MRZ_INFO, rng=Script(RND_IFD, K_IFD))
    chip = BacChip(MRZ_INFO, rng=Script(RND_IC, K_IC))
    response, chip_sm = chip.mutual_authenticate(terminal.external_authenticate_data(chip.get_challenge()))
    terminal_sm = terminal.finish(response)
    protected = terminal_sm.wrap_command(H("00A4020C02011E"))
    assert protected == H("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800")
    assert chip_sm.unwrap_command(protected) == H("00A4020C02011E")
    assert chip_sm.wrap_response(H("9000")) == H("990290008E08FA855A5D4C50A8ED9000")


def test_random_sessions_differ_and_agree():
    terminal, chip = BacTerminal(MRZ_INFO), BacChip(MRZ_INFO)
    response, chip_sm = chip.mutual_authenticate(terminal.external_authenticate_data(chip.get_challenge()))
    terminal_sm = terminal.finish(response)
    assert (terminal_sm.ks_enc, terminal_sm.ks_mac, terminal_sm.ssc) == (chip_sm.ks_enc, chip_sm.ks_mac, chip_sm.ssc)
    assert terminal_sm.ks_enc != KS_ENC


def test_chip_refuses_a_terminal_with_the_wrong_mrz():
    chip = BacChip(MRZ_INFO)
    terminal = BacTerminal("L898902C<369080619406244")  # another expiry date
    with pytest.raises(AccessDenied):
        chip.mutual_authenticate(terminal.external_authenticate_data(chip.get_challenge()))


def test_chip_refuses_a_replayed_cryptogram():
    chip = BacChip(MRZ_INFO)  # a fresh random challenge: the recorded CMD_DATA answered RND_IC
    chip.get_challenge()
    with pytest.raises(AccessDenied):
        chip.mutual_authenticate(CMD_DATA)


def test_a_challenge_is_good_for_one_attempt():
    chip = BacChip(MRZ_INFO, rng=Script(RND_IC, K_IC))
    chip.get_challenge()
    chip.mutual_authenticate(CMD_DATA)
    with pytest.raises(ChipProtocolError):
        chip.mutual_authenticate(CMD_DATA)


@pytest.mark.parametrize("position", [0, 31, 32, 39])
def test_terminal_refuses_a_tampered_chip_answer(position):
    terminal = BacTerminal(MRZ_INFO, rng=Script(RND_IFD, K_IFD))
    terminal.external_authenticate_data(RND_IC)
    tampered = bytearray(RESP_DATA)
    tampered[position] ^= 0x01
    with pytest.raises(AccessDenied):
        terminal.finish(bytes(tampered))


def test_terminal_refuses_an_answer_to_another_challenge():
    terminal = BacTerminal(MRZ_INFO, rng=Script(RND_IFD, K_IFD))
    terminal.external_authenticate_data(H("0000000000000001"))
    with pytest.raises(AccessDenied):
        terminal.finish(RESP_DATA)


def test_apdus():
    from inspector_app.chip.bac import GET_CHALLENGE, external_authenticate_apdu

    assert GET_CHALLENGE == H("0084000008")
    assert external_authenticate_apdu(CMD_DATA) == H("0082000028") + CMD_DATA + H("28")
