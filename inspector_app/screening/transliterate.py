"""ICAO Doc 9303 Part 3 transliteration of names into the MRZ's A-Z alphabet.

Passports print names in the national script but the MRZ (and most watchlists) carry the ICAO
transliteration: MÜLLER becomes MUELLER, ØSTERGÅRD becomes OESTERGAARD, ГОРБАЧЁВ becomes GORBACHEV.
Lists fed from other sources often strip the diacritic instead (MULLER), so callers compare both
forms (:func:`icao` and :func:`stripped`).
"""
from __future__ import annotations

import re
import unicodedata

from inspector_app.screening import scripts

# Latin characters whose ICAO transliteration is not "drop the diacritic" (Doc 9303 Part 3, 6.A).
LATIN_SPECIAL = {
    "Ä": "AE", "Å": "AA", "Æ": "AE", "Ö": "OE", "Ø": "OE", "Ü": "UE", "ß": "SS", "Þ": "TH",
    "Ð": "D", "Đ": "D", "Œ": "OE", "Ĳ": "IJ", "Ħ": "H", "Ł": "L", "Ŀ": "L", "Ŋ": "N",
    "ı": "I", "ĸ": "K",
}
# Cyrillic (Doc 9303 Part 3, 6.B), including the Ukrainian, Belarusian and Serbian letters.
CYRILLIC = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH", "З": "Z",
    "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R",
    "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH",
    "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU", "Я": "IA",
    "Ґ": "G", "Є": "IE", "І": "I", "Ї": "I", "Ў": "U", "Ђ": "D", "Ј": "J", "Љ": "LJ",
    "Њ": "NJ", "Ћ": "C", "Џ": "DZ", "Ѕ": "DZ", "Ѓ": "G", "Ќ": "K",
}
_TABLE = {**LATIN_SPECIAL, **CYRILLIC}
_NON_ALPHA = re.compile(r"[^A-Z]+")
# Doc 9303 omits apostrophes (O'NEIL -> ONEIL); lists carry them in transliterations
# (NATAL'YA, CH'IANG), so they join rather than split.
_APOSTROPHES = re.compile(r"['’‘ʹʼ`´]")


def _fold(text: str, table: dict[str, str]) -> str:
    if text.isascii():  # most list and MRZ names: nothing to transliterate
        return _APOSTROPHES.sub("", text).upper()
    out = []
    for ch in _APOSTROPHES.sub("", scripts.read(text)).upper():
        if ch in table:
            out.append(table[ch])
            continue
        # Everything else: decompose and keep the base letter (É -> E, Ç -> C, Ñ -> N).
        base = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in base if not unicodedata.combining(c)))
    return "".join(out)


def icao(text: str) -> str:
    """ICAO transliteration, upper case; apostrophes are dropped and anything else that is not
    A-Z (hyphen, MRZ filler '<') becomes a single space. Hangul and kana are read first
    (:mod:`scripts`)."""
    return _NON_ALPHA.sub(" ", _fold(text, _TABLE)).strip()


def stripped(text: str) -> str:
    """The naive form many lists use: drop diacritics only (MÜLLER -> MULLER, ØSTERGÅRD ->
    OSTERGARD); Cyrillic still goes through the ICAO table because it has no base letter."""
    table = {**CYRILLIC, "Ø": "O", "Æ": "AE", "ß": "SS", "Þ": "TH", "Œ": "OE", "Ł": "L", "Đ": "D", "Ð": "D"}
    return _NON_ALPHA.sub(" ", _fold(text, table)).strip()


def tokens(text: str | None) -> list[str]:
    """Name tokens in ICAO form ('<<' and '<' in MRZ names are separators too)."""
    if not text:
        return []
    return icao(text.replace("<", " ")).split()
