"""Hangul and kana on a list, read as the Latin an MRZ would carry.

A list may hold a Korean or Japanese name in its own script while the traveller's MRZ holds a
romanisation. Both scripts are phonetic, so they are read syllable by syllable into one
romanisation (Revised Romanisation for Hangul, Hepburn for kana); the romanisation keys of
:mod:`syllables` and :mod:`name_variants` then meet whatever system the passport used. Kanji and
Hanzi are not phonetic (a character has several readings) and stay unread.
"""
from __future__ import annotations

import re

_RR_INITIAL = ["G", "KK", "N", "D", "TT", "R", "M", "B", "PP", "S", "SS", "", "J", "JJ", "CH", "K", "T", "P", "H"]
_RR_VOWEL = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WO", "WE", "WI", "YU",
             "EU", "UI", "I"]
_RR_FINAL = ["", "K", "K", "K", "N", "N", "N", "T", "L", "K", "M", "L", "L", "L", "P", "L", "M", "P", "P", "T", "T", "NG",
             "T", "T", "K", "T", "P", "T"]


def hangul(text: str) -> str:
    """Hangul syllables in Revised Romanisation, syllable by syllable (no sound changes across
    syllables: names are written that way on passports); other characters pass through."""
    out = []
    for ch in text:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_RR_INITIAL[code // 588] + _RR_VOWEL[(code % 588) // 28] + _RR_FINAL[code % 28])
        else:
            out.append(ch)
    return "".join(out)


_GOJUON = {
    "あ": "A", "い": "I", "う": "U", "え": "E", "お": "O", "か": "KA", "き": "KI", "く": "KU", "け": "KE", "こ": "KO",
    "さ": "SA", "し": "SHI", "す": "SU", "せ": "SE", "そ": "SO", "た": "TA", "ち": "CHI", "つ": "TSU", "て": "TE", "と": "TO",
    "な": "NA", "に": "NI", "ぬ": "NU", "ね": "NE", "の": "NO", "は": "HA", "ひ": "HI", "ふ": "FU", "へ": "HE", "ほ": "HO",
    "ま": "MA", "み": "MI", "む": "MU", "め": "ME", "も": "MO", "や": "YA", "ゆ": "YU", "よ": "YO", "ら": "RA", "り": "RI",
    "る": "RU", "れ": "RE", "ろ": "RO", "わ": "WA", "ゐ": "I", "ゑ": "E", "を": "O", "ん": "N", "が": "GA", "ぎ": "GI",
    "ぐ": "GU", "げ": "GE", "ご": "GO", "ざ": "ZA", "じ": "JI", "ず": "ZU", "ぜ": "ZE", "ぞ": "ZO", "だ": "DA", "ぢ": "JI",
    "づ": "ZU", "で": "DE", "ど": "DO", "ば": "BA", "び": "BI", "ぶ": "BU", "べ": "BE", "ぼ": "BO", "ぱ": "PA", "ぴ": "PI",
    "ぷ": "PU", "ぺ": "PE", "ぽ": "PO", "ゔ": "VU", "ぁ": "A", "ぃ": "I", "ぅ": "U", "ぇ": "E", "ぉ": "O",
}
_SMALL_Y = {"ゃ": "A", "ゅ": "U", "ょ": "O"}
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc]")


def _hira(ch: str) -> str:
    return chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch


def kana(text: str) -> str:
    """Hiragana and katakana in Hepburn as a passport writes it before long vowels are dropped
    (SHOUTA, JUNICHI); the long-vowel mark repeats the vowel."""
    if not _KANA.search(text):
        return text
    chars = [_hira(c) for c in text]
    out: list[str] = []
    geminate = False
    for ch in chars:
        if ch == "っ":
            geminate = True
            continue
        if ch in _SMALL_Y and out and out[-1].endswith("I") and len(out[-1]) >= 2:
            stem = out.pop()[:-1]
            roman = (stem if stem.endswith(("SH", "CH", "J")) else stem + "Y") + _SMALL_Y[ch]
        elif ch == "ー":
            roman = out[-1][-1] if out and out[-1][-1] in "AIUEO" else ""
        elif ch in _GOJUON:
            roman = _GOJUON[ch]
        else:
            roman = ch
        if geminate and roman and roman[0] not in "AIUEO":
            roman = ("T" if roman.startswith("CH") else roman[0]) + roman
        geminate = False
        out.append(roman)
    return "".join(out)


def read(text: str) -> str:
    """Hangul and kana read as Latin; anything else returned unchanged."""
    return text if text.isascii() else kana(hangul(text))
