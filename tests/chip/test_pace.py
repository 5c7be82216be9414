"""PACE Generic Mapping: the ICAO 9303-11 Appendix G worked examples, round trips, refusals.

Appendix G values (G.1 ECDH-GM on brainpoolP256r1, G.2 DH-GM on the RFC 5114 1024-bit group, both
AES-128, password = the MRZ of the specimen T22000129) as reproduced byte for byte by the
published test suites of dmrtd (ZeroPass) and other eMRTD readers; every value below appears there.
"""
from __future__ import annotations

import os

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.chip import pace_groups
from inspector_app.chip.keys import AccessDenied, ChipProtocolError, Cipher, PasswordRef, pace_password_key
from inspector_app.chip.pace import PaceChip, PaceParams, PaceTerminal, UnsupportedPace, token_input
from inspector_app.chip.secure_messaging import AesSecureMessaging, DesSecureMessaging

H = bytes.fromhex
MRZ = b"T22000129364081251010318"


def hx(*parts: str) -> bytes:
    return H("".join(parts))


class Script:
    """Injected randomness: hands out the worked example's values in order, checking each length."""

    def __init__(self, *values: bytes):
        self.values = list(values)

    def __call__(self, n: int) -> bytes:
        value = self.values.pop(0)
        assert len(value) == n, f"asked for {n} random bytes, the example has {len(value)}"
        return value


# --- G.1 ECDH-GM, brainpoolP256r1, AES-128 -----------------------------------------------------
EC = dict(
    oid="0.4.0.127.0.7.2.2.4.2.2",
    parameter_id=13,
    s=H("3F00C4D39D153F2B2A214A078D899B22"),
    z=H("95A3A016522EE98D01E76CB6B98B42C3"),
    sk_map_pcd=H("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99"),
    pk_map_pcd=hx("04", "7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E",
                  "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"),
    sk_map_ic=H("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560"),
    pk_map_ic=hx("04", "824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57",
                 "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54"),
    h=hx("04", "60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5",
         "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181"),
    mapped=hx("04", "8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2",
              "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"),
    sk_pcd=H("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"),
    pk_pcd=hx("04", "2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C",
              "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"),
    sk_ic=H("107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A"),
    pk_ic=hx("04", "9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB",
             "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094"),
    shared=H("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925"),
    ks_enc=H("F5F0E35C0D7161EE6724EE513A0D9A7F"),
    ks_mac=H("FE251C7858B356B24514B3BD5F4297D1"),
    t_pcd=H("C2B0BD78D94BA866"),
    t_ic=H("3ABB9674BCE93C08"),
    mse=H("800A04007F00070202040202830101"),
    chip_final=H("7C0A86083ABB9674BCE93C08"),
)

# --- G.2 DH-GM, RFC 5114 1024-bit MODP group (parameterId 0), AES-128 -----------------------------
DH = dict(
    oid="0.4.0.127.0.7.2.2.4.1.2",
    parameter_id=0,
    s=H("FA5B7E3E49753A0DB9178B7B9BD898C8"),
    z=H("854D8DF5827FA6852D1A4FA701CDDDCA"),
    sk_map_pcd=H("5265030F751F4AD18B08AC565FC7AC952E41618D"),
    pk_map_pcd=hx("23FB3749EA030D2A25B278D2A562047ADE3F01B74F17A15402CB7352CA7D2B3E",
                  "B71C343DB13D1DEBCE9A3666DBCFC920B49174A602CB47965CAA73DC702489A4",
                  "4D41DB914DE9613DC5E98C94160551C0DF86274B9359BC0490D01B03AD54022D",
                  "CB4F57FAD6322497D7A1E28D46710F461AFE710FBBBC5F8BA166F4311975EC6C"),
    sk_map_ic=H("66DDAFEAC1609CB5B963BB0CB3FF8B3E047F336C"),
    pk_map_ic=hx("78879F57225AA8080D52ED0FC890A4B25336F699AA89A2D3A189654AF70729E6",
                 "23EA5738B26381E4DA19E004706FACE7B235C2DBF2F38748312F3C98C2DD4882",
                 "A41947B324AA1259AC22579DB93F7085655AF30889DBB845D9E6783FE42C9F24",
                 "49400306254C8AE8EE9DD812A804C0B66E8CAFC14F84D8258950A91B44126EE6"),
    h=hx("5BABEBEF5B74E5BA94B5C063FDA15F1F1CDE94873EE0A5D3A2FCAB49F258D07F",
         "544F13CB66658C3AFEE9E727389BE3F6CBBBD32128A8C21DD6EEA3CF7091CDDF",
         "B08B8D007D40318DCCA4FFBF51208790FB4BD111E5A968ED6B6F08B26CA87C41",
         "0B3CE0C310CE104EABD16629AA48620C1279270CB0750C0D37C57FFFE302AE7F"),
    mapped=hx("7C9CBFE98F9FBDDA8D143506FA7D9306F4CB17E3C71707AFF5E1C1A123702496",
              "84D64EE37AF44B8DBD9D45BF6023919CBAA027AB97ACC771666C8E98FF483301",
              "BFA4872DEDE9034EDFACB70814166B7F360676829B826BEA57291B5AD69FBC84",
              "EF1E779032A305803F74341793E869742D401325B37EE8565FFCDEE618342DC5"),
    sk_pcd=H("89CCD99B0E8D3B1F11E1296DCA68EC53411CF2CA"),
    pk_pcd=hx("907D89E2D425A178AA81AF4A7774EC8E388C115CAE67031E85EECE520BD91155",
              "1B9AE4D04369F29A02626C86FBC6747CC7BC352645B6161A2A42D44EDA80A08F",
              "A8D61B76D3A154AD8A5A51786B0BC07147057871A922212C5F67F43173172236",
              "B7747D1671E6D692A3C7D40A0C3C5CE397545D015C175EB5130551EDBC2EE5D4"),
    sk_ic=H("A5B780126B7C980E9FCEA1D4539DA1D27C342DFA"),
    pk_ic=hx("075693D9AE941877573E634B6E644F8E60AF17A0076B8B123D9201074D36152B",
             "D8B3A213F53820C42ADC79AB5D0AEEC3AEFB91394DA476BD97B9B14D0A65C1FC",
             "71A0E019CB08AF55E1F729005FBA7E3FA5DC41899238A250767A6D46DB974064",
             "386CD456743585F8E5D90CC8B4004B1F6D866C79CE0584E49687FF61BC29AEA1"),
    shared=hx("6BABC7B3A72BCD7EA385E4C62DB2625BD8613B24149E146A629311C4CA6698E3",
              "8B834B6A9E9CD7184BA8834AFF5043D436950C4C1E7832367C10CB8C314D40E5",
              "990B0DF7013E64B4549E2270923D06F08CFF6BD3E977DDE6ABE4C31D55C0FA2E",
              "465E553E77BDF75E3193D3834FC26E8EB1EE2FA1E4FC97C18C3F6CFFFE2607FD"),
    ks_enc=H("2F7F46ADCC9E7E521B45D192FAFA9126"),
    ks_mac=H("805A1D27D45A5116F73C54469462B7D8"),
    t_pcd=H("B46DD9BD4D98381F"),
    t_ic=H("917F37B5C0E6D8D1"),
    mse=H("800A04007F00070202040102830101"),
    # the example's chip also returns its CVCA reference (87) with the token
    chip_final=H("7C1B8608917F37B5C0E6D8D1870F444554455354435643413030303033"),
)
EXAMPLES = pytest.mark.parametrize("ex", [EC, DH], ids=["G1-ECDH-GM", "G2-DH-GM"])


def _ber(tag: int, value: bytes) -> bytes:
    n = len(value)
    length = bytes([n]) if n < 0x80 else bytes([0x81, n])
    return bytes([tag]) + length + value


def ga(tag: int, value: bytes) -> bytes:
    return _ber(0x7C, _ber(tag, value))


def test_password_key_from_the_mrz():
    assert pace_password_key(MRZ, PasswordRef.MRZ, Cipher.AES128) == H("89DED1B26624EC1E634C1989302849DD")


@EXAMPLES
def test_group_arithmetic_gives_the_examples_mapped_generator(ex):
    group = PaceParams.from_oid(ex["oid"], ex["parameter_id"]).group
    pub = lambda sk, base=group.generator: group.encode(group.exp(base, int.from_bytes(sk, "big")))  # noqa: E731
    assert pub(ex["sk_map_pcd"]) == ex["pk_map_pcd"]
    assert pub(ex["sk_map_ic"]) == ex["pk_map_ic"]
    h = group.exp(group.decode(ex["pk_map_ic"]), int.from_bytes(ex["sk_map_pcd"], "big"))
    assert group.encode(h) == ex["h"]
    mapped = group.op(group.exp(group.generator, int.from_bytes(ex["s"], "big")), h)
    assert group.encode(mapped) == ex["mapped"]
    assert pub(ex["sk_pcd"], mapped) == ex["pk_pcd"]
    assert pub(ex["sk_ic"], mapped) == ex["pk_ic"]
    shared = group.exp(group.decode(ex["pk_ic"]), int.from_bytes(ex["sk_pcd"], "big"))
    assert group.secret_bytes(shared) == ex["shared"]


@EXAMPLES
def test_terminal_sends_the_examples_commands(ex):
    params = PaceParams.from_oid(ex["oid"], ex["parameter_id"])
    terminal = PaceTerminal(params, MRZ, 1, rng=Script(ex["sk_map_pcd"], ex["sk_pcd"]))
    assert terminal.mse_set_at() == ex["mse"]
    assert terminal.step(b"") == H("7C00")
    assert terminal.step(ga(0x80, ex["z"])) == ga(0x81, ex["pk_map_pcd"])
    assert terminal.step(ga(0x82, ex["pk_map_ic"])) == ga(0x83, ex["pk_pcd"])
    assert not terminal.last_command
    assert terminal.step(ga(0x84, ex["pk_ic"])) == ga(0x85, ex["t_pcd"])
    assert terminal.last_command
    assert terminal.step(ex["chip_final"]) is None
    sm = terminal.secure_messaging()
    assert isinstance(sm, AesSecureMessaging)
    assert (sm.ks_enc, sm.ks_mac, sm.ssc) == (ex["ks_enc"], ex["ks_mac"], bytes(16))


def test_terminal_keeps_the_chips_cvca_reference():
    params = PaceParams.from_oid(DH["oid"], DH["parameter_id"])
    terminal = PaceTerminal(params, MRZ, 1, rng=Script(DH["sk_map_pcd"], DH["sk_pcd"]))
    terminal.mse_set_at()
    for data in (b"", ga(0x80, DH["z"]), ga(0x82, DH["pk_map_ic"]), ga(0x84, DH["pk_ic"]), DH["chip_final"]):
        terminal.step(data)
    assert terminal.chip_authority_reference == b"DETESTCVCA00003"


@EXAMPLES
def test_chip_answers_with_the_examples_responses(ex):
    params = PaceParams.from_oid(ex["oid"], ex["parameter_id"])
    chip = PaceChip(params, {1: MRZ}, rng=Script(ex["s"], ex["sk_map_ic"], ex["sk_ic"]))
    chip.mse_set_at(ex["mse"])
    assert chip.general_authenticate(H("7C00")) == ga(0x80, ex["z"])
    assert chip.general_authenticate(ga(0x81, ex["pk_map_pcd"])) == ga(0x82, ex["pk_map_ic"])
    assert chip.general_authenticate(ga(0x83, ex["pk_pcd"])) == ga(0x84, ex["pk_ic"])
    assert chip.general_authenticate(ga(0x85, ex["t_pcd"])) == ga(0x86, ex["t_ic"])
    sm = chip.secure_messaging()
    assert (sm.ks_enc, sm.ks_mac) == (ex["ks_enc"], ex["ks_mac"])


def test_token_input_layout_of_g1():
    params = PaceParams.from_oid(EC["oid"], EC["parameter_id"])
    assert token_input(params, EC["pk_ic"]) == H("7F494F060A04007F00070202040202864104") + EC["pk_ic"][1:]


def test_token_input_layout_of_g2():
    params = PaceParams.from_oid(DH["oid"], DH["parameter_id"])
    assert token_input(params, DH["pk_ic"]) == H("7F49818F060A04007F00070202040102848180") + DH["pk_ic"]


# --- round trips over every supported combination -------------------------------------------------

COMBOS = [
    ("0.4.0.127.0.7.2.2.4.2.2", 13),  # ECDH-GM AES-128 brainpoolP256r1
    ("0.4.0.127.0.7.2.2.4.2.2", 12),  # ECDH-GM AES-128 NIST P-256
    ("0.4.0.127.0.7.2.2.4.2.1", 13),  # ECDH-GM 3DES brainpoolP256r1
    ("0.4.0.127.0.7.2.2.4.2.1", 12),  # ECDH-GM 3DES NIST P-256
    ("0.4.0.127.0.7.2.2.4.2.4", 16),  # ECDH-GM AES-256 brainpoolP384r1
    ("0.4.0.127.0.7.2.2.4.1.2", 0),  # DH-GM AES-128 1024-bit
    ("0.4.0.127.0.7.2.2.4.1.1", 0),  # DH-GM 3DES 1024-bit
]


def run_pace(params: PaceParams, terminal_password: bytes, ref: int, chip_passwords: dict[int, bytes]):
    terminal = PaceTerminal(params, terminal_password, ref)
    chip = PaceChip(params, chip_passwords)
    chip.mse_set_at(terminal.mse_set_at())
    data = terminal.step(b"")
    while data is not None:
        data = terminal.step(chip.general_authenticate(data))
    return terminal.secure_messaging(), chip.secure_messaging()


@pytest.mark.parametrize("oid,parameter_id", COMBOS)
@pytest.mark.parametrize("ref,password", [(1, MRZ), (2, b"123456")], ids=["MRZ", "CAN"])
def test_both_halves_agree_and_talk(oid, parameter_id, ref, password):
    params = PaceParams.from_oid(oid, parameter_id)
    terminal_sm, chip_sm = run_pace(params, password, ref, {1: MRZ, 2: b"123456"})
    expected = DesSecureMessaging if params.cipher is Cipher.DES3 else AesSecureMessaging
    assert isinstance(terminal_sm, expected) and isinstance(chip_sm, expected)
    command = chip_sm.unwrap_command(terminal_sm.wrap_command(H("00B0000004")))
    assert command == H("00B0000004")
    assert terminal_sm.unwrap_response(chip_sm.wrap_response(H("60145F019000"))) == H("60145F019000")


@pytest.mark.parametrize("oid,parameter_id", [COMBOS[0], COMBOS[5]])
def test_wrong_password_is_refused_by_the_chip(oid, parameter_id):
    params = PaceParams.from_oid(oid, parameter_id)
    terminal = PaceTerminal(params, b"654321", 2)
    chip = PaceChip(params, {2: b"123456"})
    chip.mse_set_at(terminal.mse_set_at())
    data = terminal.step(b"")
    with pytest.raises(AccessDenied):
        while data is not None:
            data = terminal.step(chip.general_authenticate(data))
    with pytest.raises(ChipProtocolError):  # a failed run needs a new MSE:Set AT
        chip.general_authenticate(H("7C00"))


def test_forged_chip_token_is_refused_by_the_terminal():
    params = PaceParams.from_oid(EC["oid"], EC["parameter_id"])
    terminal = PaceTerminal(params, MRZ, 1, rng=Script(EC["sk_map_pcd"], EC["sk_pcd"]))
    terminal.mse_set_at()
    for data in (b"", ga(0x80, EC["z"]), ga(0x82, EC["pk_map_ic"]), ga(0x84, EC["pk_ic"])):
        terminal.step(data)
    forged = bytearray(EC["chip_final"])
    forged[-1] ^= 0x01
    with pytest.raises(AccessDenied):
        terminal.step(bytes(forged))


def test_chip_refuses_an_unknown_password_reference():
    params = PaceParams.from_oid(EC["oid"], EC["parameter_id"])
    chip = PaceChip(params, {1: MRZ})
    with pytest.raises(ChipProtocolError):
        chip.mse_set_at(H("800A04007F00070202040202830102"))


def test_points_off_the_curve_and_values_outside_the_subgroup_are_refused():
    params = PaceParams.from_oid(EC["oid"], EC["parameter_id"])
    chip = PaceChip(params, {1: MRZ})
    chip.mse_set_at(EC["mse"])
    chip.general_authenticate(H("7C00"))
    off_curve = bytearray(EC["pk_map_pcd"])
    off_curve[-1] ^= 0x01
    with pytest.raises(ChipProtocolError):
        chip.general_authenticate(ga(0x81, bytes(off_curve)))
    dh = pace_groups.DH_1024_160
    for bad in (bytes(127) + b"\x01", bytes(127) + b"\x02", dh.encode(dh.p - 1)):
        with pytest.raises(ChipProtocolError):
            dh.decode(bad)


@pytest.mark.parametrize(
    "oid,parameter_id",
    [
        ("0.4.0.127.0.7.2.2.4.4.2", 13),  # ECDH-IM
        ("0.4.0.127.0.7.2.2.4.6.2", 13),  # ECDH-CAM
        ("0.4.0.127.0.7.2.2.4.2.2", 0),  # ECDH with a DH group
        ("0.4.0.127.0.7.2.2.4.1.2", 13),  # DH with a curve
        ("0.4.0.127.0.7.2.2.4.2.2", 5),  # reserved parameterId
        ("0.4.0.127.0.7.2.2.3.2.2", 13),  # a CA OID
    ],
)
def test_unsupported_pace_variants_are_named(oid, parameter_id):
    with pytest.raises(UnsupportedPace):
        PaceParams.from_oid(oid, parameter_id)


# --- the curve and group constants -------------------------------------------------------------

CRYPTOGRAPHY_CURVES = {
    "secp224r1": ec.SECP224R1(),
    "secp256r1": ec.SECP256R1(),
    "secp384r1": ec.SECP384R1(),
    "secp521r1": ec.SECP521R1(),
    "brainpoolP256r1": ec.BrainpoolP256R1(),
    "brainpoolP384r1": ec.BrainpoolP384R1(),
    "brainpoolP512r1": ec.BrainpoolP512R1(),
}


@pytest.mark.parametrize("name", sorted(CRYPTOGRAPHY_CURVES))
def test_curve_arithmetic_matches_cryptography(name):
    group = pace_groups.CURVES_BY_NAME[name]
    key = ec.generate_private_key(CRYPTOGRAPHY_CURVES[name])
    numbers = key.public_key().public_numbers()
    assert group.exp(group.generator, key.private_numbers().private_value) == (numbers.x, numbers.y)


@pytest.mark.parametrize("parameter_id", sorted(pace_groups.STANDARD_GROUPS))
def test_standard_groups_have_the_stated_order(parameter_id):
    group = pace_groups.STANDARD_GROUPS[parameter_id]
    if isinstance(group, pace_groups.EcGroup):
        assert group.contains(group.generator)
        assert group.exp(group.generator, group.order - 1) == (group.gx, (-group.gy) % group.p)
    else:
        assert pow(group.g, group.q, group.p) == 1 and group.g != 1


def test_random_scalars_come_from_the_injected_source():
    group = pace_groups.BRAINPOOL_P256R1
    too_big = group.order.to_bytes(32, "big")
    assert group.random_scalar(Script(too_big, bytes(31) + b"\x05")) == 5
    assert 0 < group.random_scalar(os.urandom) < group.order


@given(st.lists(st.integers(0, 2**40), min_size=1, max_size=8), st.integers(0, 2), st.integers(0, 39))
def test_oid_encoding_round_trips(arcs, first, second):
    dotted = ".".join(str(a) for a in [first, second if first < 2 else second + 40, *arcs])
    assert pace_groups.decode_oid(pace_groups.encode_oid(dotted)) == dotted


def test_oid_encoding_of_pace():
    assert pace_groups.encode_oid("0.4.0.127.0.7.2.2.4.2.2") == H("04007F00070202040202")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=90))
def test_chip_meets_garbage_with_protocol_errors_only(garbage):
    params = PaceParams.from_oid(EC["oid"], EC["parameter_id"])
    chip = PaceChip(params, {1: MRZ})
    with pytest.raises(ChipProtocolError):
        chip.mse_set_at(garbage)
    chip.mse_set_at(EC["mse"])
    chip.general_authenticate(H("7C00"))
    with pytest.raises((ChipProtocolError, AccessDenied)):
        chip.general_authenticate(garbage)
