"""Spelling folds for names transliterated without a fixed system (Cyrillic, Arabic).

Russian names reach lists through a dozen systems (ICAO, BGN/PCGN, GOST, ALA-LC, the passport
office's own): Щ as SHCH/SCH/S, Х as KH/H/X, Ц as TS/C, Я as YA/IA/JA, Ё as E/YO, -ИЙ as
-II/-IY/-IJ/-Y. Arabic vowels have no fixed Latin letter (HUDA/HOODA, RASHID/RASHED,
LAYLA/LEILA, HAMZA/HAMZEH, TARIQ/TAREK, JAMAL/GAMAL). :func:`cyrillic` and :func:`arabic_vowels` undo those choices while
keeping the vowels that tell names apart (KULAKOV is not KULIKOV); :func:`consonants` keeps only
the consonant frame and serves candidate retrieval alone, where a wider net costs only time.
"""
from __future__ import annotations

import re
from functools import lru_cache

_CYR = [(re.compile(p), r) for p, r in [
    (r"SHCH|SCH|SZCZ|SC", "S"), (r"TCH|CH|TSCH", "C"), (r"SH|SZ", "S"), (r"ZH", "Z"), (r"KH|X", "H"), (r"TS|TZ", "C"),
    (r"[YJ]", "I"), (r"II+", "I"), (r"^IE|(?<=[AEIOU])IE", "E"), (r"IO", "E"), (r"(.)\1", r"\1"),
]]
_AR = [(re.compile(p), r) for p, r in [
    (r"[AE]H$", "A"), (r"[AE][IY](?![AEIOU])", "AI"), (r"OU|OO|O", "U"), (r"EE|E", "I"), (r"Q", "K"),
    (r"G(?!H)", "J"), (r"(.)\1", r"\1"),
]]
_CONS = [(re.compile(p), r) for p, r in [
    (r"SHCH|SCH", "S"), (r"TCH|CH", "C"), (r"SH", "S"), (r"ZH", "Z"), (r"KH|X", "H"), (r"TS", "C"), (r"PH", "F"),
    (r"(?<=[AEIOU])H$", ""), (r"Q", "K"), (r"G(?!H)", "J"), (r"[AEIOUYJW]", ""), (r"(.)\1", r"\1"),
]]


def _apply(rules, token: str) -> str:
    for pattern, repl in rules:
        token = pattern.sub(repl, token)
    return token


@lru_cache(maxsize=200_000)
def cyrillic(token: str) -> str:
    """SHCHERBAKOV/SCERBAKOV, YULIYA/IULIIA, DMITRIY/DMITRII/DMITRY, ALYOSHIN/ALESHIN share a key."""
    return _apply(_CYR, token)


@lru_cache(maxsize=200_000)
def arabic_vowels(token: str) -> str:
    """HUDA/HOODA, RASHID/RASHED, LAYLA/LEILA, HAMZA/HAMZEH share a key."""
    return _apply(_AR, token)


@lru_cache(maxsize=200_000)
def consonants(token: str) -> str:
    """KHARITONOV/XARITONOV/HARITONOV -> HRTNV: the consonant frame, for retrieval only. It
    must not tell apart what any fold above joins (retrieval would then drop a pair the
    scorer accepts): so Q is K and G (not GH) goes with J, which drops like a vowel."""
    return _apply(_CONS, token)
