"""Spelling-variant knowledge for names: equivalence groups and romanisation rules.

Each function maps a token (ICAO form, A-Z) to a canonical key plus the name of the rule, so a
hit can say *why* two spellings were taken as the same name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from inspector_app.domain.messages import msg
from inspector_app.screening import arabic as ar
from inspector_app.screening import folds
from inspector_app.screening import syllables as sy

# Spellings of one name seen on travel documents (transliterated from Arabic, Cyrillic, Korean
# and others). Cross-language equivalents (ALEXANDER/ALEJANDRO) are deliberately absent: they
# are different names to an officer.
GROUPS: dict[str, list[str]] = {
    "MUHAMMAD": ["MOHAMMED", "MOHAMMAD", "MUHAMMAD", "MUHAMMED", "MOHAMED", "MOHAMAD", "MUHAMED",
                 "MUHAMAD", "MOHAMMET", "MEHMET", "MEHMED", "MAHOMED", "MOHD", "MD", "MHD", "MOUHAMED", "MOHAMMEDE"],
    "AHMAD": ["AHMED", "AHMAD", "AHMET", "AHMADI", "AHMEED"],
    "ALI": ["ALI", "ALY", "ALIY"],
    "HUSSAIN": ["HUSSEIN", "HUSSAIN", "HUSAIN", "HUSEIN", "HOSSEIN", "HOSEIN", "HUSEYIN", "HUSSEYN"],
    "HASAN": ["HASSAN", "HASAN", "HASSANE"],
    "ABDULLAH": ["ABDULLAH", "ABDALLAH", "ABDULLA", "ABDULA", "ABDOULLAH"],
    "ABDUL": ["ABDUL", "ABDEL", "ABDOUL", "ABDAL"],
    "YUSUF": ["YUSUF", "YOUSSEF", "YOUSEF", "YOUSUF", "YUSSUF", "JUSUF", "YOUSSOUF"],
    "IBRAHIM": ["IBRAHIM", "EBRAHIM", "IBRAHEEM", "IBRAGIM"],
    "MUSTAFA": ["MUSTAFA", "MUSTAPHA", "MOUSTAFA", "MOSTAFA", "MUSTAFFA"],
    "UMAR": ["OMAR", "UMAR", "OMER", "OUMAR"],
    "USAMA": ["OSAMA", "USAMA", "OUSSAMA", "USSAMA"],
    "KHALID": ["KHALID", "KHALED", "CHALID", "HALID"],
    "MAHMUD": ["MAHMOUD", "MAHMUD", "MAHMOOD", "MEHMOOD"],
    "YASIR": ["YASSER", "YASIR", "YASER"],
    "SAID": ["SAID", "SAEED", "SAYED", "SAYYID", "SAYEED"],
    "ABU BAKR": ["ABUBAKAR", "ABUBAKR", "ABOUBAKAR", "ABUBAKER"],
    "AISHA": ["AISHA", "AYESHA", "AICHA", "AISHAH", "AYSHA"],
    "FATIMA": ["FATIMA", "FATIMAH", "FATMA", "FATEMEH"],
    "SERGEY": ["SERGEI", "SERGEY", "SERGEJ", "SERGII", "SERHII", "SERGIY"],
    "YURY": ["YURI", "YURIY", "YURY", "IURII", "JURIJ", "IOURI", "YURIJ"],
    "DMITRY": ["DMITRI", "DMITRY", "DMITRII", "DMITRIJ", "DMYTRO"],
    "ANDREY": ["ANDREI", "ANDREY", "ANDREJ", "ANDRII", "ANDRIY"],
    "ALEKSEY": ["ALEKSEI", "ALEXEI", "ALEKSEY", "ALEXEY", "ALEKSEJ", "OLEKSII"],
    "NIKOLAY": ["NIKOLAI", "NIKOLAY", "NIKOLAJ", "MYKOLA"],
    "EVGENY": ["EVGENY", "EVGENII", "YEVGENY", "YEVGENIY", "JEVGENIJ", "EVGENIY"],
    "MIKHAIL": ["MIKHAIL", "MIHAIL", "MICHAIL", "MYKHAILO"],
    "TATYANA": ["TATIANA", "TATYANA", "TATJANA"],
    "NATALYA": ["NATALIA", "NATALYA", "NATALJA", "NATALIIA"],
    "YULIYA": ["YULIA", "YULIYA", "IULIIA", "JULIJA", "IOULIA"],
    "ALEKSANDR": ["ALEKSANDR", "ALEXANDR", "OLEKSANDR", "ALIAKSANDR"],
    "KHRUSHCHEV": ["KHRUSHCHEV", "KHRUSCHEV", "CHRUSCHTSCHOW", "KHROUCHTCHEV"],
    "TCHAIKOVSKY": ["TCHAIKOVSKY", "CHAIKOVSKII", "TSCHAIKOWSKI"],
    "LEE": ["LEE", "YI", "RHEE", "RI", "LI"],
    "PARK": ["PARK", "PAK", "BAK", "BAHK"],
    "KIM": ["KIM", "GIM"],
    "CHOI": ["CHOI", "CHOE", "CHOY"],
    "JUNG": ["JUNG", "JEONG", "CHUNG", "CHEONG"],
    "NGUYEN": ["NGUYEN", "NGUYEN", "NGUEN", "NGUYN"],
}

# Wade-Giles (Taiwan, older documents) -> Hanyu Pinyin. A Wade-Giles spelling may also be a
# different pinyin syllable (CHANG is Wade-Giles ZHANG but also pinyin CHANG), so each maps to a
# set and a name matches if the sets meet.
WADE_GILES: dict[str, set[str]] = {
    "CHANG": {"ZHANG", "CHANG"}, "HSU": {"XU"}, "CHOU": {"ZHOU", "CHOU"}, "CHAO": {"ZHAO", "CHAO"},
    "CHENG": {"ZHENG", "CHENG"}, "HSIEH": {"XIE"}, "KUO": {"GUO"}, "CHU": {"ZHU", "CHU"},
    "HSIAO": {"XIAO"}, "TSAI": {"CAI", "ZAI"}, "CHIANG": {"JIANG", "QIANG"}, "CHIU": {"QIU", "JIU"},
    "TENG": {"DENG"}, "KAO": {"GAO"}, "TSENG": {"ZENG", "CENG"}, "TAI": {"DAI"}, "CHIN": {"JIN", "QIN"},
    "HO": {"HE"}, "LO": {"LUO"}, "SUNG": {"SONG"}, "TSAO": {"CAO"}, "TSUI": {"CUI"}, "KU": {"GU"},
    "KUNG": {"GONG"}, "CHUNG": {"ZHONG", "CHONG"}, "TU": {"DU"}, "TIEN": {"TIAN"},
    "HSIUNG": {"XIONG"}, "CHI": {"JI", "QI"}, "YEH": {"YE"}, "KO": {"KE", "GE"},
    "CHIEN": {"JIAN", "QIAN"}, "HSIANG": {"XIANG"}, "CHUANG": {"ZHUANG", "CHUANG"}, "SHIH": {"SHI"},
    "SZU": {"SI"}, "SSU": {"SI"}, "TZU": {"ZI"}, "JEN": {"REN"}, "JUAN": {"RUAN"}, "JAO": {"RAO"},
    "HSIN": {"XIN"}, "CHIH": {"ZHI", "CHI"}, "CHING": {"JING", "QING"}, "KUANG": {"GUANG", "KUANG"},
    "TE": {"DE"}, "HSI": {"XI"}, "HSUEH": {"XUE"}, "CHUN": {"ZHUN", "CHUN", "JUN"}, "TAO": {"DAO", "TAO"},
    "PAO": {"BAO"}, "PEI": {"BEI", "PEI"}, "PO": {"BO"}, "TSUNG": {"ZONG", "CONG"}, "TUNG": {"DONG"},
    "KANG": {"GANG", "KANG"}, "TING": {"DING"}, "HSIA": {"XIA"}, "CHIA": {"JIA", "QIA"},
    "LIEN": {"LIAN"}, "MIEN": {"MIAN"}, "YUNG": {"YONG"}, "JUNG": {"RONG"}, "HUNG": {"HONG"},
    "LEE": {"LI"}, "WONG": {"WANG"}, "CHAN": {"CHEN"},
    "HWANG": {"HUANG"}, "WOO": {"WU"}, "LAU": {"LIU"}, "TSE": {"XIE"}, "YEUNG": {"YANG"},
}

# Common pinyin surnames and given-name syllables (so ZHANG is known to be Chinese).
PINYIN_COMMON = set("""WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE GAO LIN LUO
ZHENG LIANG XIE SONG TANG HAN FENG DENG CAO PENG ZENG XIAO TIAN DONG PAN YUAN CAI JIANG YU DU YE
CHENG WEI SU LU DING REN SHEN YAO JIN CUI ZHONG TAN FAN QIU XIONG MENG QIN BAI JIA XUE MING HUA
JUN YAN JING HONG QING XIN YING ZHI JIE GANG TAO BO LEI HAO BIN XIA QIANG GUANG DE KANG LONG
XIANG JIAN QIAN ZHUANG SHI ZI RUAN RAO YONG RONG HUI FANG PING""".split())

_KANA = re.compile(
    r"(?:(?:KY|GY|SH|SY|CH|TY|NY|HY|BY|PY|MY|RY|JY|ZY|DY|TS|[KGSZJTDNHFBPMYRW])?[AIUEO]|"
    r"N(?![AIUEOY])|M(?=[BMP])|(?<=O)H(?![AIUEO])|([KSTPCG])(?=\1|CH))+"
)
_JP_RULES = [
    (re.compile(r"SHI"), "SI"), (re.compile(r"SH([AUEO])"), r"SY\1"),
    (re.compile(r"CHI"), "TI"), (re.compile(r"CH([AUEO])"), r"TY\1"),
    (re.compile(r"TSU"), "TU"), (re.compile(r"FU"), "HU"),
    (re.compile(r"JI|DI"), "ZI"), (re.compile(r"J([AUEO])"), r"ZY\1"), (re.compile(r"DU"), "ZU"),
    (re.compile(r"M([BPM])"), r"N\1"),
    (re.compile(r"OU|OO|OH(?![AIUEO])"), "O"), (re.compile(r"UU"), "U"),
]
_DIGRAPH_FOLD = [(re.compile(r"([AOU])E"), r"\1"), (re.compile(r"AA"), "A"), (re.compile(r"(.)\1"), r"\1")]

GROUP_OF = {spelling: key for key, spellings in GROUPS.items() for spelling in spellings}
# The groups above that are Arabic names: one of them in a name lets Arabic vowel folds apply.
ARABIC_GROUPS = {"MUHAMMAD", "AHMAD", "ALI", "HUSSAIN", "HASAN", "ABDULLAH", "ABDUL", "YUSUF", "IBRAHIM", "MUSTAFA",
                 "UMAR", "USAMA", "KHALID", "MAHMUD", "YASIR", "SAID", "ABU BAKR", "AISHA", "FATIMA"}


_PY_INITIALS = [("ZH", "CH"), ("CH", "CH"), ("Q", "CH"), ("J", "CH"), ("X", "HS"), ("Z", "TS"),
                ("C", "TS"), ("G", "K"), ("D", "T"), ("B", "P"), ("R", "J")]


def _coarse(pinyin: str) -> str:
    """Fold a pinyin syllable's initial the way Wade-Giles writes it without apostrophes
    (ZH/CH/J/Q -> CH, X -> HS, Z/C -> TS, G -> K, D -> T, B -> P, R -> J)."""
    for src, dst in _PY_INITIALS:
        if pinyin.startswith(src):
            return dst + pinyin[len(src):]
    return pinyin


def chinese_keys(token: str) -> list[str]:
    """ZHANG/CHANG, XU/HSU, ZHOU/CHOU, GUO/KUO, JIANG/CHIANG share a key; [] if not Chinese."""
    readings = WADE_GILES.get(token) or ({token} if token in PINYIN_COMMON or token in _PINYIN else set())
    return sorted({_coarse(r) for r in readings})


def looks_japanese(token: str) -> bool:
    return len(token) >= 2 and _KANA.fullmatch(token) is not None


@lru_cache(maxsize=200_000)
def japanese_key(token: str) -> str | None:
    """Hepburn, Kunrei and long-vowel spellings of one Japanese name share a key:
    SHIMIZU/SIMIZU, CHIKA/TIKA, TSUCHIYA/TUTIYA, FUJITA/HUZITA, OHNO/ONO/OONO/OUNO."""
    if not looks_japanese(token):
        return None
    for pattern, repl in _JP_RULES:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Lossy fold for spellings a list may hold without the ICAO digraphs or doubled letters:
    MUELLER/MULLER, OESTERGAARD/OSTERGARD, SCHMITT/SCHMIT."""
    for pattern, repl in _DIGRAPH_FOLD:
        token = pattern.sub(repl, token)
    return token


RULE_GROUP = msg("spelling variant")
RULE_CHINESE = msg("Wade-Giles/pinyin romanisation")
RULE_JAPANESE = msg("Hepburn/Kunrei romanisation")
RULE_CYRILLIC = msg("Cyrillic transliteration variant")
RULE_ARABIC = msg("Arabic vowel spelling variant")
RULE_KOREAN = msg("Korean romanisation (RR, McCune-Reischauer, passport spelling)")
RULE_FOLD = msg("transliteration fold (UE/U, OE/O, AA/A, double letters)")


@lru_cache(maxsize=200_000)
def canonical_keys(token: str, system: str = "") -> tuple[tuple[str, str], ...]:
    """(key, rule) pairs under which a token may equal another spelling of the same name.
    ``system`` names the syllabic readings the whole name allows (see ``names._system``)."""
    out: list[tuple[str, str]] = []
    if token in GROUP_OF:
        out.append(("G:" + GROUP_OF[token], msg("spelling variant of {name}", name=GROUP_OF[token])))
    if "C" in system:
        out.extend(("C:" + key, RULE_CHINESE) for key in sy.chinese_keys(token))
    for key in chinese_keys(token):
        out.append(("C:" + key, RULE_CHINESE))
    if "K" in system:
        out.extend(("K:" + key, RULE_KOREAN) for key in sy.korean_keys(token))
    jp = None if out else japanese_key(token)
    if jp is not None:
        out.append(("J:" + jp, RULE_JAPANESE))
    if not system.strip("A"):
        out.append(("R:" + folds.cyrillic(token), RULE_CYRILLIC))
    if "A" in system:
        out.append(("V:" + folds.arabic_vowels(token), RULE_ARABIC))
    out.append(("S:" + skeleton(token), RULE_FOLD))
    return tuple(dict.fromkeys(out))


_PINYIN = {py for values in WADE_GILES.values() for py in values}


@lru_cache(maxsize=200_000)
def block_keys(token: str, system: str = "") -> tuple[str, ...]:
    """Keys for candidate generation: the knowledge-based keys when a rule knows the token
    (group, Chinese, Korean, Japanese), else the spelling fold; a token with a joined Arabic
    article (ALRASHID, SHAMSULDIN) also under the keys of its form without it."""
    keys = canonical_keys(token, system)
    strong = tuple(k for k, _ in keys if k[:2] in ("G:", "C:", "K:", "J:"))
    # Without a knowledge key: the spelling fold; always: the consonant frame, so a pair the
    # scorer accepts on looks alone (one letter apart) is still proposed.
    out = strong or tuple(k for k, _ in keys if k[:2] == ("V:" if "A" in system else "R:"))[:1] or (keys[-1][0],)
    frame = folds.consonants(token)
    if frame:
        out += ("X:" + frame,)
    for other in (ar.stem(token), ar.without_inner_article(token)):
        if other and other != token:
            out += block_keys(other, system)
    return tuple(dict.fromkeys(out))
