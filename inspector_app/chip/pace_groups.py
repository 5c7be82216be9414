"""The groups PACE and Chip Authentication compute in: elliptic curves over GF(p) and MODP groups.

Generic Mapping (ICAO Doc 9303-11 §9.5.2) needs arithmetic on a generator that is not the curve's
standard one (G' = s*G + H), which key-agreement libraries do not offer, so the group operations
are written here over Python integers. Both kinds of group expose the same small interface
(``exp``, ``op``, ``encode``/``decode``, ``secret_bytes``) so the protocols are written once.
Parameters are the standardized domain parameters of 9303-11 §9.5.1 / BSI TR-03110-3 Table 4,
taken from OpenSSL's built-in definitions (RFC 5639 brainpool, SEC 2 / FIPS 186 NIST, RFC 5114
MODP). Timing is not constant; the keys handled here are ephemeral, and the chip simulator's
static keys are test keys.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec

from inspector_app.chip.keys import ChipProtocolError

Random = Callable[[int], bytes]
Point = tuple[int, int] | None  # None is the point at infinity


def _random_scalar(order: int, rng: Random) -> int:
    """A uniformly drawn integer in [1, order-1]; the draw is as long as the order."""
    size = (order.bit_length() + 7) // 8
    while True:
        k = int.from_bytes(rng(size), "big")
        if 0 < k < order:
            return k


@dataclass(frozen=True)
class EcGroup:
    name: str
    p: int
    a: int
    b: int
    gx: int
    gy: int
    order: int
    cofactor: int

    # PACE/CA encode EC public keys in the token input data object under tag 86.
    public_key_tag = 0x86

    @property
    def size(self) -> int:
        return (self.p.bit_length() + 7) // 8

    @property
    def generator(self) -> Point:
        return (self.gx, self.gy)

    def random_scalar(self, rng: Random) -> int:
        return _random_scalar(self.order, rng)

    def contains(self, pt: Point) -> bool:
        if pt is None:
            return False
        x, y = pt
        return 0 <= x < self.p and 0 <= y < self.p and (y * y - x * x * x - self.a * x - self.b) % self.p == 0

    # Jacobian coordinates: (X, Y, Z) stands for (X/Z^2, Y/Z^3); Z == 0 is infinity.
    def _double(self, P: tuple[int, int, int]) -> tuple[int, int, int]:
        X, Y, Z = P
        p = self.p
        if Z == 0 or Y == 0:
            return (1, 1, 0)
        YY = Y * Y % p
        S = 4 * X * YY % p
        M = (3 * X * X + self.a * pow(Z, 4, p)) % p
        X3 = (M * M - 2 * S) % p
        Y3 = (M * (S - X3) - 8 * YY * YY) % p
        Z3 = 2 * Y * Z % p
        return (X3, Y3, Z3)

    def _add(self, P: tuple[int, int, int], Q: tuple[int, int, int]) -> tuple[int, int, int]:
        if P[2] == 0:
            return Q
        if Q[2] == 0:
            return P
        p = self.p
        X1, Y1, Z1 = P
        X2, Y2, Z2 = Q
        Z1Z1 = Z1 * Z1 % p
        Z2Z2 = Z2 * Z2 % p
        U1 = X1 * Z2Z2 % p
        U2 = X2 * Z1Z1 % p
        S1 = Y1 * Z2 * Z2Z2 % p
        S2 = Y2 * Z1 * Z1Z1 % p
        if U1 == U2:
            return self._double(P) if S1 == S2 else (1, 1, 0)
        H = (U2 - U1) % p
        R = (S2 - S1) % p
        HH = H * H % p
        HHH = H * HH % p
        V = U1 * HH % p
        X3 = (R * R - HHH - 2 * V) % p
        Y3 = (R * (V - X3) - S1 * HHH) % p
        Z3 = H * Z1 * Z2 % p
        return (X3, Y3, Z3)

    def _affine(self, P: tuple[int, int, int]) -> Point:
        X, Y, Z = P
        if Z == 0:
            return None
        zi = pow(Z, -1, self.p)
        zi2 = zi * zi % self.p
        return (X * zi2 % self.p, Y * zi2 * zi % self.p)

    def op(self, P: Point, Q: Point) -> Point:
        """P + Q."""
        if P is None:
            return Q
        if Q is None:
            return P
        return self._affine(self._add((P[0], P[1], 1), (Q[0], Q[1], 1)))

    def exp(self, base: Point, k: int) -> Point:
        """k * base (double-and-add)."""
        if base is None or k % self.order == 0:
            return None
        k %= self.order
        acc = (1, 1, 0)
        addend = (base[0], base[1], 1)
        for bit in bin(k)[2:]:
            acc = self._double(acc)
            if bit == "1":
                acc = self._add(acc, addend)
        return self._affine(acc)

    def encode(self, pt: Point) -> bytes:
        """Uncompressed point 04 || x || y."""
        if pt is None:
            raise ValueError("the point at infinity has no encoding")
        return b"\x04" + pt[0].to_bytes(self.size, "big") + pt[1].to_bytes(self.size, "big")

    def decode(self, data: bytes) -> Point:
        """An uncompressed point from the other side, refused unless it lies on the curve."""
        n = self.size
        if len(data) != 1 + 2 * n or data[0] != 0x04:
            raise ChipProtocolError("public key is not an uncompressed point of this curve")
        pt = (int.from_bytes(data[1:1 + n], "big"), int.from_bytes(data[1 + n:], "big"))
        if not self.contains(pt):
            raise ChipProtocolError("public key is not a point of the curve")
        return pt

    def secret_bytes(self, shared: Point) -> bytes:
        """The KDF input of an ECDH agreement: the x-coordinate (9303-11 §9.7.1, TR-03111)."""
        if shared is None:
            raise ChipProtocolError("key agreement gave the point at infinity")
        return shared[0].to_bytes(self.size, "big")


@dataclass(frozen=True)
class DhGroup:
    name: str
    p: int
    g: int
    q: int

    # PACE/CA encode DH public keys in the token input data object under tag 84.
    public_key_tag = 0x84

    @property
    def size(self) -> int:
        return (self.p.bit_length() + 7) // 8

    @property
    def generator(self) -> int:
        return self.g

    @property
    def order(self) -> int:
        return self.q

    def random_scalar(self, rng: Random) -> int:
        return _random_scalar(self.q, rng)

    def op(self, a: int, b: int) -> int:
        return a * b % self.p

    def exp(self, base: int, k: int) -> int:
        return pow(base, k, self.p)

    def encode(self, y: int) -> bytes:
        return y.to_bytes(self.size, "big")

    def decode(self, data: bytes) -> int:
        """A public value from the other side, refused unless it is in the order-q subgroup."""
        if not data or len(data) > self.size:
            raise ChipProtocolError("public value has the wrong length")
        y = int.from_bytes(data, "big")
        if not 1 < y < self.p - 1 or pow(y, self.q, self.p) != 1:
            raise ChipProtocolError("public value is not in the prime-order subgroup")
        return y

    def secret_bytes(self, shared: int) -> bytes:
        """The KDF input of a DH agreement: the value as long as p (leading zeros kept)."""
        return shared.to_bytes(self.size, "big")


Group = EcGroup | DhGroup

BRAINPOOL_P192R1 = EcGroup(
    "brainpoolP192r1",
    0xC302F41D932A36CDA7A3463093D18DB78FCE476DE1A86297,
    0x6A91174076B1E0E19C39C031FE8685C1CAE040E5C69A28EF,
    0x469A28EF7C28CCA3DC721D044F4496BCCA7EF4146FBF25C9,
    0xC0A0647EAAB6A48753B033C56CB0F0900A2F5C4853375FD6,
    0x14B690866ABD5BB88B5F4828C1490002E6773FA2FA299B8F,
    0xC302F41D932A36CDA7A3462F9E9E916B5BE8F1029AC4ACC1,
    1,
)
BRAINPOOL_P224R1 = EcGroup(
    "brainpoolP224r1",
    0xD7C134AA264366862A18302575D1D787B09F075797DA89F57EC8C0FF,
    0x68A5E62CA9CE6C1C299803A6C1530B514E182AD8B0042A59CAD29F43,
    0x2580F63CCFE44138870713B1A92369E33E2135D266DBB372386C400B,
    0x0D9029AD2C7E5CF4340823B2A87DC68C9E4CE3174C1E6EFDEE12C07D,
    0x58AA56F772C0726F24C6B89E4ECDAC24354B9E99CAA3F6D3761402CD,
    0xD7C134AA264366862A18302575D0FB98D116BC4B6DDEBCA3A5A7939F,
    1,
)
BRAINPOOL_P320R1 = EcGroup(
    "brainpoolP320r1",
    0xD35E472036BC4FB7E13C785ED201E065F98FCFA6F6F40DEF4F92B9EC7893EC28FCD412B1F1B32E27,
    0x3EE30B568FBAB0F883CCEBD46D3F3BB8A2A73513F5EB79DA66190EB085FFA9F492F375A97D860EB4,
    0x520883949DFDBC42D3AD198640688A6FE13F41349554B49ACC31DCCD884539816F5EB4AC8FB1F1A6,
    0x43BD7E9AFB53D8B85289BCC48EE5BFE6F20137D10A087EB6E7871E2A10A599C710AF8D0D39E20611,
    0x14FDD05545EC1CC8AB4093247F77275E0743FFED117182EAA9C77877AAAC6AC7D35245D1692E8EE1,
    0xD35E472036BC4FB7E13C785ED201E065F98FCFA5B68F12A32D482EC7EE8658E98691555B44C59311,
    1,
)
BRAINPOOL_P256R1 = EcGroup(
    "brainpoolP256r1",
    0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377,
    0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9,
    0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6,
    0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262,
    0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997,
    0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7,
    1,
)
NIST_P256 = EcGroup(
    "secp256r1",
    0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC,
    0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    1,
)
NIST_P384 = EcGroup(
    "secp384r1",
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFF,
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFF0000000000000000FFFFFFFC,
    0xB3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF,
    0xAA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7,
    0x3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F,
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
    1,
)
BRAINPOOL_P384R1 = EcGroup(
    "brainpoolP384r1",
    0x8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B412B1DA197FB71123ACD3A729901D1A71874700133107EC53,
    0x7BC382C63D8C150C3C72080ACE05AFA0C2BEA28E4FB22787139165EFBA91F90F8AA5814A503AD4EB04A8C7DD22CE2826,
    0x04A8C7DD22CE28268B39B55416F0447C2FB77DE107DCD2A62E880EA53EEB62D57CB4390295DBC9943AB78696FA504C11,
    0x1D1C64F068CF45FFA2A63A81B7C13F6B8847A3E77EF14FE3DB7FCAFE0CBD10E8E826E03436D646AAEF87B2E247D4AF1E,
    0x8ABE1D7520F9C2A45CB1EB8E95CFD55262B70B29FEEC5864E19C054FF99129280E4646217791811142820341263C5315,
    0x8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565,
    1,
)
BRAINPOOL_P512R1 = EcGroup(
    "brainpoolP512r1",
    0xAADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F3,
    0x7830A3318B603B89E2327145AC234CC594CBDD8D3DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D77FC94CA,
    0x3DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D77FC94CADC083E67984050B75EBAE5DD2809BD638016F723,
    0x81AEE4BDD82ED9645A21322E9C4C6A9385ED9F70B5D916C1B43B62EEF4D0098EFF3B1F78E2D0D48D50D1687B93B97D5F7C6D5047406A5E688B352209BCB9F822,
    0x7DDE385D566332ECC0EABFA9CF7822FDF209F70024A57B1AA000C55B881F8111B2DCDE494A5F485E5BCA4BD88A2763AED1CA2B2FA8F0540678CD1E0F3AD80892,
    0xAADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471DB1D381085DDADDB58796829CA90069,
    1,
)
NIST_P521 = EcGroup(
    "secp521r1",
    0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF,
    0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC,
    0x0051953EB9618E1C9A1F929A21A0B68540EEA2DA725B99B315F3B8B489918EF109E156193951EC7E937B1652C0BD3BB1BF073573DF883D2C34F1EF451FD46B503F00,
    0x00C6858E06B70404E9CD9E3ECB662395B4429C648139053FB521F828AF606B4D3DBAA14B5E77EFE75928FE1DC127A2FFA8DE3348B3C1856A429BF97E7E31C2E5BD66,
    0x011839296A789A3BC0045C8A5FB42C7D1BD998F54449579B446817AFBD17273E662C97EE72995EF42640C550B9013FAD0761353C7086A272C24088BE94769FD16650,
    0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409,
    1,
)
NIST_P224 = EcGroup(
    "secp224r1",
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF000000000000000000000001,
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFE,
    0xB4050A850C04B3ABF54132565044B0B7D7BFD8BA270B39432355FFB4,
    0xB70E0CBD6BB4BF7F321390B94A03C1D356C21122343280D6115C1D21,
    0xBD376388B5F723FB4C22DFE6CD4375A05A07476444D5819985007E34,
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF16A2E0B8F03E13DD29455C5C2A3D,
    1,
)
NIST_P192 = EcGroup(
    "secp192r1",
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFFFFFFFFFF,
    0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFFFFFFFFFFFC,
    0x64210519E59C80E70FA7E9AB72243049FEB8DEECC146B9B1,
    0x188DA80EB03090F67CBF20EB43A18800F4FF0AFD82FF1012,
    0x07192B95FFC8DA78631011ED6B24CDD573F977A11E794811,
    0xFFFFFFFFFFFFFFFFFFFFFFFF99DEF836146BC9B1B4D22831,
    1,
)

# RFC 5114 §2.1-2.3: MODP groups with prime-order subgroups.
DH_1024_160 = DhGroup(
    "RFC 5114 1024-bit MODP, 160-bit subgroup",
    0xB10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA52D23B616073E28675A23D189838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A73724EFFD6FAE5644738FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA76D4DA708DF1FB2BC2E4A4371,
    0xA4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF14266D31266FEA1E5C41564B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263F80A76A6A24C087A091F531DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4DCEF97C2A24855E6EEB22B3B2E5,
    0xF518AA8781A8DF278ABA4E7D64B7CB9D49462353,
)
DH_2048_224 = DhGroup(
    "RFC 5114 2048-bit MODP, 224-bit subgroup",
    0xAD107E1E9123A9D0D660FAA79559C51FA20D64E5683B9FD1B54B1597B61D0A75E6FA141DF95A56DBAF9A3C407BA1DF15EB3D688A309C180E1DE6B85A1274A0A66D3F8152AD6AC2129037C9EDEFDA4DF8D91E8FEF55B7394B7AD5B7D0B6C12207C9F98D11ED34DBF6C6BA0B2C8BBC27BE6A00E0A0B9C49708B3BF8A317091883681286130BC8985DB1602E714415D9330278273C7DE31EFDC7310F7121FD5A07415987D9ADC0A486DCDF93ACC44328387315D75E198C641A480CD86A1B9E587E8BE60E69CC928B2B9C52172E413042E9B23F10B0E16E79763C9B53DCF4BA80A29E3FB73C16B8E75B97EF363E2FFA31F71CF9DE5384E71B81C0AC4DFFE0C10E64F,
    0xAC4032EF4F2D9AE39DF30B5C8FFDAC506CDEBE7B89998CAF74866A08CFE4FFE3A6824A4E10B9A6F0DD921F01A70C4AFAAB739D7700C29F52C57DB17C620A8652BE5E9001A8D66AD7C17669101999024AF4D027275AC1348BB8A762D0521BC98AE247150422EA1ED409939D54DA7460CDB5F6C6B250717CBEF180EB34118E98D119529A45D6F834566E3025E316A330EFBB77A86F0C1AB15B051AE3D428C8F8ACB70A8137150B8EEB10E183EDD19963DDD9E263E4770589EF6AA21E7F5F2FF381B539CCE3409D13CD566AFBB48D6C019181E1BCFE94B30269EDFE72FE9B6AA4BD7B5A0F1C71CFFF4C19C418E1F6EC017981BC087F2A7065B384B890D3191F2BFA,
    0x801C0D34C58D93FE997177101F80535A4738CEBCBF389A99B36371EB,
)
DH_2048_256 = DhGroup(
    "RFC 5114 2048-bit MODP, 256-bit subgroup",
    0x87A8E61DB4B6663CFFBBD19C651959998CEEF608660DD0F25D2CEED4435E3B00E00DF8F1D61957D4FAF7DF4561B2AA3016C3D91134096FAA3BF4296D830E9A7C209E0C6497517ABD5A8A9D306BCF67ED91F9E6725B4758C022E0B1EF4275BF7B6C5BFC11D45F9088B941F54EB1E59BB8BC39A0BF12307F5C4FDB70C581B23F76B63ACAE1CAA6B7902D52526735488A0EF13C6D9A51BFA4AB3AD8347796524D8EF6A167B5A41825D967E144E5140564251CCACB83E6B486F6B3CA3F7971506026C0B857F689962856DED4010ABD0BE621C3A3960A54E710C375F26375D7014103A4B54330C198AF126116D2276E11715F693877FAD7EF09CADB094AE91E1A1597,
    0x3FB32C9B73134D0B2E77506660EDBD484CA7B18F21EF205407F4793A1A0BA12510DBC15077BE463FFF4FED4AAC0BB555BE3A6C1B0C6B47B1BC3773BF7E8C6F62901228F8C28CBB18A55AE31341000A650196F931C77A57F2DDF463E5E9EC144B777DE62AAAB8A8628AC376D282D6ED3864E67982428EBC831D14348F6F2F9193B5045AF2767164E1DFC967C1FB3F2E55A4BD1BFFE83B9C80D052B985D182EA0ADB2A3B7313D3FE14C8484B1E052588B9B7D2BBD2DF016199ECD06E1557CD0915B3353BBB64E0EC377FD028370DF92B52C7891428CDC67EB6184B523D1DB246C32F63078490F00EF8D647D148D47954515E2327CFEF98C582664B4C0F6CC41659,
    0x8CF83642A709A097B447997640129DA299B1A47D1EB3750BA308B0FE64F5FBD3,
)

# 9303-11 §9.5.1 standardized domain parameters, by PACEInfo parameterId.
STANDARD_GROUPS: dict[int, Group] = {
    0: DH_1024_160,
    1: DH_2048_224,
    2: DH_2048_256,
    8: NIST_P192,
    9: BRAINPOOL_P192R1,
    10: NIST_P224,
    11: BRAINPOOL_P224R1,
    12: NIST_P256,
    13: BRAINPOOL_P256R1,
    14: BRAINPOOL_P320R1,
    15: NIST_P384,
    16: BRAINPOOL_P384R1,
    17: BRAINPOOL_P512R1,
    18: NIST_P521,
}

# `cryptography`'s curve names, to use its keys (the simulator's CA/AA keys) with these groups.
CURVES_BY_NAME: dict[str, EcGroup] = {
    "secp192r1": NIST_P192,
    "prime192v1": NIST_P192,
    "secp224r1": NIST_P224,
    "secp256r1": NIST_P256,
    "prime256v1": NIST_P256,
    "secp384r1": NIST_P384,
    "secp521r1": NIST_P521,
    "brainpoolP192r1": BRAINPOOL_P192R1,
    "brainpoolP224r1": BRAINPOOL_P224R1,
    "brainpoolP256r1": BRAINPOOL_P256R1,
    "brainpoolP320r1": BRAINPOOL_P320R1,
    "brainpoolP384r1": BRAINPOOL_P384R1,
    "brainpoolP512r1": BRAINPOOL_P512R1,
}


# --- OIDs and the public keys of DG14 (CA) and DG15 (AA) ----------------------------------------

_CURVE_OIDS: dict[str, EcGroup] = {
    "1.2.840.10045.3.1.1": NIST_P192,
    "1.3.132.0.33": NIST_P224,
    "1.2.840.10045.3.1.7": NIST_P256,
    "1.3.132.0.34": NIST_P384,
    "1.3.132.0.35": NIST_P521,
    "1.3.36.3.3.2.8.1.1.3": BRAINPOOL_P192R1,
    "1.3.36.3.3.2.8.1.1.5": BRAINPOOL_P224R1,
    "1.3.36.3.3.2.8.1.1.7": BRAINPOOL_P256R1,
    "1.3.36.3.3.2.8.1.1.9": BRAINPOOL_P320R1,
    "1.3.36.3.3.2.8.1.1.11": BRAINPOOL_P384R1,
    "1.3.36.3.3.2.8.1.1.13": BRAINPOOL_P512R1,
}
OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
OID_DH_PUBLIC_NUMBER = "1.2.840.10046.2.1"  # ANSI X9.42, with q
OID_DH_PKCS3 = "1.2.840.113549.1.3.1"  # PKCS #3, without q


def encode_oid(dotted: str) -> bytes:
    """The content octets of an OBJECT IDENTIFIER (what PACE's and CA's tag 80 carries)."""
    arcs = [int(a) for a in dotted.split(".")]
    if len(arcs) < 2:
        raise ValueError(f"not an OID: {dotted!r}")
    out = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out += bytes(reversed(chunk))
    return bytes(out)


def decode_oid(content: bytes) -> str:
    arcs: list[int] = []
    value = 0
    for b in content:
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            arcs.append(value)
            value = 0
    if not arcs:
        raise ChipProtocolError("empty OID")
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def der_read(data: bytes) -> tuple[int, bytes, bytes]:
    """(tag, value, rest) of the first DER object; tags here are one byte."""
    if len(data) < 2:
        raise ChipProtocolError("truncated DER")
    tag, first = data[0], data[1]
    i = 2
    if first < 0x80:
        length = first
    else:
        width = first & 0x7F
        if not 1 <= width <= 3 or i + width > len(data):
            raise ChipProtocolError("bad DER length")
        length = int.from_bytes(data[i:i + width], "big")
        i += width
    if i + length > len(data):
        raise ChipProtocolError("DER object runs past the end")
    return tag, data[i:i + length], data[i + length:]


def der_items(data: bytes) -> list[tuple[int, bytes]]:
    items = []
    while data:
        tag, value, data = der_read(data)
        items.append((tag, value))
    return items


def _int(value: bytes) -> int:
    return int.from_bytes(value, "big", signed=False)


def _explicit_curve(params: bytes) -> EcGroup:
    items = der_items(params)
    if len(items) < 5:
        raise ChipProtocolError("explicit EC parameters are incomplete")
    field = der_items(items[1][1])
    if decode_oid(field[0][1]) != "1.2.840.10045.1.1":
        raise ChipProtocolError("only prime-field curves are supported")
    p = _int(field[1][1])
    curve = der_items(items[2][1])
    a, b = _int(curve[0][1]), _int(curve[1][1])
    base = items[3][1]
    size = (p.bit_length() + 7) // 8
    if len(base) != 1 + 2 * size or base[0] != 4:
        raise ChipProtocolError("explicit EC base point is not uncompressed")
    order = _int(items[4][1])
    cofactor = _int(items[5][1]) if len(items) > 5 and items[5][0] == 0x02 else 1
    group = EcGroup("explicit", p, a, b, _int(base[1:1 + size]), _int(base[1 + size:]), order, cofactor)
    for known in STANDARD_GROUPS.values():
        if isinstance(known, EcGroup) and (known.p, known.a, known.b, known.generator, known.order) == (
            p, a, b, group.generator, order
        ):
            return known
    if not group.contains(group.generator) or group.exp(group.generator, order - 1) != (
        group.gx, (-group.gy) % p
    ):
        raise ChipProtocolError("explicit EC parameters are inconsistent")
    return group


def parse_public_key_info(spki_der: bytes) -> tuple[Group, object]:
    """(group, public element) of an EC or DH SubjectPublicKeyInfo, the form DG14 and DG15 use.

    Explicit EC parameters (common in passports) are matched against the standard curves.
    """
    tag, body, _ = der_read(spki_der)
    if tag != 0x30:
        raise ChipProtocolError("not a SubjectPublicKeyInfo")
    (alg_tag, alg), (key_tag, key_bits) = der_items(body)[:2]
    if alg_tag != 0x30 or key_tag != 0x03 or not key_bits or key_bits[0] != 0:
        raise ChipProtocolError("malformed SubjectPublicKeyInfo")
    key = key_bits[1:]
    alg_items = der_items(alg)
    oid = decode_oid(alg_items[0][1])
    params_tag, params = alg_items[1] if len(alg_items) > 1 else (0x05, b"")
    if oid == OID_EC_PUBLIC_KEY:
        if params_tag == 0x06:
            group = _CURVE_OIDS.get(decode_oid(params))
            if group is None:
                raise ChipProtocolError(f"unsupported named curve {decode_oid(params)}")
        elif params_tag == 0x30:
            group = _explicit_curve(params)
        else:
            raise ChipProtocolError("EC public key without domain parameters")
        return group, group.decode(key)
    if oid in (OID_DH_PUBLIC_NUMBER, OID_DH_PKCS3):
        values = [_int(v) for t, v in der_items(params) if t == 0x02]
        p, g = values[0], values[1]
        q = values[2] if oid == OID_DH_PUBLIC_NUMBER else None
        dh: DhGroup | None = None
        for known in STANDARD_GROUPS.values():
            if isinstance(known, DhGroup) and known.p == p and known.g == g and q in (None, known.q):
                dh = known
        if dh is None:
            if q is None:
                raise ChipProtocolError("PKCS #3 DH parameters without a known subgroup order")
            dh = DhGroup("explicit", p, g, q)
        y_tag, y, _ = der_read(key)
        if y_tag != 0x02:
            raise ChipProtocolError("DH public key is not an INTEGER")
        return dh, dh.decode(y.lstrip(b"\x00") or b"\x00")
    raise ChipProtocolError(f"unsupported public key algorithm {oid}")


def group_of_private_key(private_key) -> tuple[Group, int]:
    """(group, private scalar) of a `cryptography` EC or DH private key (the simulator's keys)."""
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        group = CURVES_BY_NAME.get(private_key.curve.name)
        if group is None:
            raise ValueError(f"unsupported curve {private_key.curve.name}")
        return group, private_key.private_numbers().private_value
    # DH keys are recognised by their numbers: `cryptography` warns on any use of its DH classes.
    numbers = private_key.private_numbers() if hasattr(private_key, "private_numbers") else None
    pn = getattr(getattr(numbers, "public_numbers", None), "parameter_numbers", None)
    if pn is not None:
        if pn.q is None:
            raise ValueError("DH keys for CA need the subgroup order q")
        for known in STANDARD_GROUPS.values():
            if isinstance(known, DhGroup) and (known.p, known.g, known.q) == (pn.p, pn.g, pn.q):
                return known, numbers.x
        return DhGroup("explicit", pn.p, pn.g, pn.q), numbers.x
    raise ValueError(f"not an EC or DH private key: {type(private_key).__name__}")
