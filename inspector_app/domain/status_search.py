"""Finding a status of residence by what an inspector types, in either language.

Every status answers to its English name, its Japanese name, the kana reading of the Japanese
name and that reading in romaji (Hepburn, with and without long vowels written out): "tan",
"tanki", "たん", "タン" and "短期" all find 短期滞在 / Temporary Visitor. Pure data and text rules.
"""
from __future__ import annotations

import unicodedata

#: The hiragana reading of each status's Japanese name, and its romaji.
READINGS: dict[str, tuple[str, str]] = {
    "diplomat": ("がいこう", "gaikou"),
    "official": ("こうよう", "kouyou"),
    "professor": ("きょうじゅ", "kyouju"),
    "artist": ("げいじゅつ", "geijutsu"),
    "religious_activities": ("しゅうきょう", "shuukyou"),
    "journalist": ("ほうどう", "houdou"),
    "highly_skilled_professional_i_a": ("こうどせんもんしょくいちごうい", "koudo senmonshoku ichigou i"),
    "highly_skilled_professional_i_b": ("こうどせんもんしょくいちごうろ", "koudo senmonshoku ichigou ro"),
    "highly_skilled_professional_i_c": ("こうどせんもんしょくいちごうは", "koudo senmonshoku ichigou ha"),
    "highly_skilled_professional_ii": ("こうどせんもんしょくにごう", "koudo senmonshoku nigou"),
    "business_manager": ("けいえい・かんり", "keiei kanri"),
    "legal_accounting_services": ("ほうりつ・かいけいぎょうむ", "houritsu kaikei gyoumu"),
    "medical_services": ("いりょう", "iryou"),
    "researcher": ("けんきゅう", "kenkyuu"),
    "instructor": ("きょういく", "kyouiku"),
    "engineer_specialist_in_humanities_international_services": (
        "ぎじゅつ・じんぶんちしき・こくさいぎょうむ", "gijutsu jinbun chishiki kokusai gyoumu"),
    "intra_company_transferee": ("きぎょうないてんきん", "kigyounai tenkin"),
    "nursing_care": ("かいご", "kaigo"),
    "entertainer": ("こうぎょう", "kougyou"),
    "skilled_labor": ("ぎのう", "ginou"),
    "specified_skilled_worker_i": ("とくていぎのういちごう", "tokutei ginou ichigou"),
    "specified_skilled_worker_ii": ("とくていぎのうにごう", "tokutei ginou nigou"),
    "technical_intern_training_i_a": ("ぎのうじっしゅういちごうい", "ginou jisshuu ichigou i"),
    "technical_intern_training_i_b": ("ぎのうじっしゅういちごうろ", "ginou jisshuu ichigou ro"),
    "technical_intern_training_ii_a": ("ぎのうじっしゅうにごうい", "ginou jisshuu nigou i"),
    "technical_intern_training_ii_b": ("ぎのうじっしゅうにごうろ", "ginou jisshuu nigou ro"),
    "technical_intern_training_iii_a": ("ぎのうじっしゅうさんごうい", "ginou jisshuu sangou i"),
    "technical_intern_training_iii_b": ("ぎのうじっしゅうさんごうろ", "ginou jisshuu sangou ro"),
    "cultural_activities": ("ぶんかかつどう", "bunka katsudou"),
    "temporary_visitor": ("たんきたいざい", "tanki taizai"),
    "student": ("りゅうがく", "ryuugaku"),
    "trainee": ("けんしゅう", "kenshuu"),
    "dependent": ("かぞくたいざい", "kazoku taizai"),
    "designated_activities": ("とくていかつどう", "tokutei katsudou"),
    "spouse_or_child_of_japanese_national": ("にほんじんのはいぐうしゃとう", "nihonjin no haiguusha tou"),
    "spouse_or_child_of_permanent_resident": ("えいじゅうしゃのはいぐうしゃとう", "eijuusha no haiguusha tou"),
    "long_term_resident": ("ていじゅうしゃ", "teijuusha"),
    "permanent_resident": ("えいじゅうしゃ", "eijuusha"),
}


def normalise(text: str) -> str:
    """Typed or listed text, made comparable: width-folded (NFKC), lower case, katakana as
    hiragana, without spaces and separators."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    out = []
    for ch in text:
        if "ァ" <= ch <= "ヶ":
            ch = chr(ord(ch) - 0x60)   # katakana -> hiragana
        if ch.isspace() or ch in "・-_/()（）":
            continue
        out.append(ch)
    return "".join(out)


def short_vowels(romaji: str) -> str:
    """The same romaji as people often type it: "ryuugaku" -> "ryugaku", "kyouju" -> "kyoju"."""
    for long, short in (("ou", "o"), ("uu", "u"), ("oo", "o")):
        romaji = romaji.replace(long, short)
    return romaji


def search_text(code: str, name_en: str, name_ja: str) -> str:
    """Everything a status answers to, as one text (separated by "|" so that a match never
    spans two of the names)."""
    kana, romaji = READINGS.get(code, ("", ""))
    parts = [name_en, name_ja, kana, romaji, short_vowels(romaji)]
    return "|".join(normalise(p) for p in parts if p)


def find(query: str, statuses) -> list:
    """The statuses (objects with code, name_en, name_ja) whose names or readings contain the
    query, in the given order."""
    q = normalise(query)
    return [s for s in statuses if q and q in search_text(s.code, s.name_en, s.name_ja)]
