"""Korean and Chinese names read syllable by syllable, whatever romanisation wrote them.

Korean: Revised Romanisation, McCune-Reischauer consonants and the customary passport
spellings (LEE, PARK, JOON, YOUNG, SUH, WOO) of one Hangul name fold to one key: voiced/unvoiced
stops, EO/U/OO (SEO/SUH, JEON/JUN), YEO/YU, a silent H after a vowel (OH, AHN), the English
R of PARK, initial R/L/N. EU is kept apart from U although McCune-Reischauer writes it so
once its breve is dropped: that fold would make SEONGMIN and SEUNGMIN one name.
Chinese: a token read as Hanyu Pinyin is rewritten in Wade-Giles without apostrophes (the MRZ
has none), so ZHANG XIAOMING and CHANG HSIAO-MING share a key.

A name is read this way only when one of its tokens is a Korean (or Chinese) surname and every
token splits into syllables of that system: the folds are far too coarse for Western names
(JOHN/CHON). Two distinct well-formed syllable strings are two names (KAZUKO is not KAZUYO,
SEOYEON is not SEOHYUN), so the matcher gives syllabic names no spelling-distance credit.
"""
from __future__ import annotations

import re
from functools import lru_cache

# -------------------------------------------------------------------------------- Korean
_KO_STEPS = [
    (re.compile(r"^RH"), "R"), (re.compile(r"EE"), "I"), (re.compile(r"^[RL](?=I|Y)"), ""), (re.compile(r"^YI"), "I"),
    (re.compile(r"^[RL]"), "N"), (re.compile(r"(?<=[AEIOUY])H(?![AEIOUWY])"), ""), (re.compile(r"(?<=A)R(?![AEIOUY])"), ""),
    (re.compile(r"WOO|OO|OU"), "U"), (re.compile(r"EUI|UI"), "I"), (re.compile(r"EU"), "W"),
    (re.compile(r"AI"), "AE"),
    (re.compile(r"OI"), "OE"), (re.compile(r"NG"), "Q"), (re.compile(r"TCH|CH|JJ|J"), "C"), (re.compile(r"SH"), "S"),
    (re.compile(r"KK|G"), "K"), (re.compile(r"TT|D"), "T"), (re.compile(r"PP|B"), "P"), (re.compile(r"SS"), "S"),
    (re.compile(r"R"), "L"), (re.compile(r"([A-Z])\1"), r"\1"),
]
_KO_SYLLABLES = re.compile(r"(?:[KNTLMPSCH]?W?Y?(?:AE|OE|A|E|I|O|U|W)(?:Q|N|L|M|K|P|T)?)+")

KOREAN_SURNAMES = """KIM GIM LEE YI RHEE RI PARK PAK BAK CHOI CHOE JUNG JEONG CHUNG KANG GANG CHO JO YOON YUN JANG CHANG
LIM IM HAN OH O SEO SUH SHIN SIN KWON GWON HWANG AHN AN SONG RYU YOO YU JEON JUN CHUN HONG KO GO MOON MUN YANG
SON SOHN BAE PAE BAEK BAIK PAEK HEO HUH HO NOH ROH NO NAM SHIM SIM HA KWAK GWAK SUNG SEONG CHA GU KOO WOO MIN JIN
CHIN JI CHI UM EOM CHAE WON BANG KONG GONG HYUN HYEON HAM BYUN BYEON PYUN YEOM YEO CHU JOO DO TO SOK SEOK SEON
SUL SEOL MA GIL KIL YEON WI PYO MYUNG MYEONG KI BAN RA NA WANG GEUM KUM OK YUK IN MAENG JE MO TAK GUK KUK EUN
PYEON YONG""".split()


@lru_cache(maxsize=200_000)
def korean_keys(token: str) -> tuple[str, ...]:
    """Keys for the romanisations of one Korean syllable string; () if the token does not split
    into Korean syllables. EO (ㅓ) gives two: read as McCune-Reischauer writes it without its
    breve (O: SONG for 성) and as passports write it (U: SUNG, SUH, JUN). Two spellings match if
    they share a key, so SEONG meets both SONG and SUNG, but SONG (송) never meets SUNG (성)."""
    t = token
    for pattern, repl in _KO_STEPS:
        t = pattern.sub(repl, t)
    out = tuple(dict.fromkeys(k for k in (t.replace("EO", "O"), t.replace("EO", "U")) if _KO_SYLLABLES.fullmatch(k)))
    return out if t else ()


_KOREAN_SURNAME_KEYS = frozenset(k for s in KOREAN_SURNAMES for k in korean_keys(s))


def is_korean_surname(token: str) -> bool:
    return len(token) <= 6 and any(k in _KOREAN_SURNAME_KEYS for k in korean_keys(token))


# -------------------------------------------------------------------------------- Chinese
_PY_INITIALS = ["ZH", "CH", "SH", "B", "P", "M", "F", "D", "T", "N", "L", "G", "K", "H", "J", "Q", "X", "R", "Z", "C",
                "S", "Y", "W", ""]
_PY_FINALS = ["IANG", "IONG", "UANG", "ENG", "ANG", "ONG", "ING", "IAN", "IAO", "UAI", "UAN", "IA", "IE", "IN", "IU",
              "UA", "UI", "UN", "UO", "AI", "AO", "AN", "EI", "EN", "ER", "OU", "UE", "A", "E", "I", "O", "U"]
_WG_INITIALS = ["CH", "HS", "TS", "TZ", "SH", "SS", "SZ", "P", "T", "K", "M", "F", "N", "L", "J", "H", "Y", "W", "S", ""]
_WG_FINALS = ["IANG", "IUNG", "UANG", "ENG", "ANG", "UNG", "ING", "IEN", "IAO", "UAI", "UAN", "IEH", "UEH", "UEI", "ERH", "EH",
              "IA", "IN", "IU", "UA", "UI", "UN", "UO", "AI", "AO", "AN", "EI", "EN", "OU", "IH", "A", "E", "I", "O", "U"]
_PY_TO_WG_INITIAL = {"B": "P", "D": "T", "G": "K", "J": "CH", "Q": "CH", "X": "HS", "ZH": "CH", "R": "J", "Z": "TS",
                     "C": "TS"}


def _pinyin_to_wg(ini: str, fin: str) -> str:
    """One pinyin syllable in Wade-Giles without apostrophes or umlauts."""
    if fin == "I" and ini in ("ZH", "CH", "SH", "R"):
        fin = "IH"
    elif fin == "I" and ini in ("Z", "C", "S"):
        return {"Z": "TZU", "C": "TZU", "S": "SSU"}[ini]
    elif fin == "ONG":
        fin = "UNG"
    elif fin == "IONG":
        fin = "IUNG"
    elif fin == "IAN" or (fin == "AN" and ini == "Y"):
        fin = "IEN" if ini != "Y" else "EN"
    elif fin == "IE" or (fin == "E" and ini == "Y"):
        fin = "IEH" if ini != "Y" else "EH"
    elif fin == "UE":
        fin = "UEH"
    elif fin == "UO" and ini not in ("G", "K", "H", "SH"):
        fin = "O"
    elif fin == "E" and ini in ("G", "K", "H"):
        fin = "O"
    elif fin == "ER" and not ini:
        fin = "ERH"
    elif fin == "UI" and ini in ("G", "K"):
        fin = "UEI"
    elif fin == "OU" and ini == "Y":
        fin = "U"
    if ini == "Y" and fin == "I":
        ini = ""
    return _PY_TO_WG_INITIAL.get(ini, ini) + fin


# Finals that stand without an initial in both systems (others take Y- or W-: YONG, WU).
_BARE = {"A", "AI", "AN", "ANG", "AO", "E", "EI", "EN", "ENG", "ER", "ERH", "O", "OU", "I"}


def _syllables(initials: list[str], finals: list[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for ini in initials:
        for fin in finals:
            if ini or fin in _BARE:
                out.setdefault(ini + fin, (ini, fin))
    return out


_PY_SYLLABLES = _syllables(_PY_INITIALS, _PY_FINALS)
_WG_SYLLABLES = _syllables(_WG_INITIALS, _WG_FINALS)


def _split(token: str, table: dict[str, tuple[str, str]], limit: int = 4) -> list[tuple[str, str]] | None:
    """The token as (initial, final) syllables, longest syllables first; None if it does not
    split into at most ``limit`` of them."""
    n = len(token)
    failed: set[tuple[int, int]] = set()

    def go(i: int, left: int) -> list | None:
        if i == n:
            return []
        if left == 0 or (i, left) in failed:
            return None
        for end in range(min(n, i + 6), i, -1):
            syllable = table.get(token[i:end])
            if syllable is not None:
                rest = go(end, left - 1)
                if rest is not None:
                    return [syllable] + rest
        failed.add((i, left))
        return None

    return go(0, limit)


@lru_cache(maxsize=200_000)
def chinese_keys(token: str) -> tuple[str, ...]:
    """Wade-Giles spellings (no apostrophes) the token may stand for: itself read as Wade-Giles,
    and its pinyin reading rewritten. Empty if neither reading splits into syllables."""
    out = []
    py = _split(token, _PY_SYLLABLES)
    if py is not None:
        out.append("".join(_pinyin_to_wg(i, f) for i, f in py))
    wg = _split(token, _WG_SYLLABLES)
    if wg is not None:
        out.append(token.replace("SZU", "SSU"))
    return tuple(dict.fromkeys(out))


CHINESE_SURNAMES = """WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO ZHENG LIANG XIE
SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG PAN YUAN CAI JIANG YU DU YE CHENG WEI SU LU DING REN SHEN YAO
LU JIANG CUI ZHONG TAN LU FAN WANG LIAO SHI JIN WEI JIA XIA FU FANG ZOU XIONG BAI MENG QIN QIU HOU JIANG YIN XUE
YAN DUAN LEI LONG LI SHI TAO HE MAO HAO GU GONG SHAO WAN QIN WU QIAN DAI YAN OUYANG MO KONG XIANG CHANG HOU KANG
TAN NIU QI GE YI ZHUANG TIAN""".split()
# each surname in pinyin and in Wade-Giles (ZHANG, CHANG; CAI, TSAI)
_CHINESE_SURNAME_SPELLINGS = frozenset(CHINESE_SURNAMES) | {k for s in CHINESE_SURNAMES for k in chinese_keys(s)[:1]}


def is_chinese_surname(token: str) -> bool:
    """A surname in pinyin or Wade-Giles, or another pinyin reading of one (CENG for ZENG)."""
    return token in _CHINESE_SURNAME_SPELLINGS or (
        len(token) <= 6 and any(k in _CHINESE_SURNAME_SPELLINGS for k in chinese_keys(token)))
