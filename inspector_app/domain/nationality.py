"""Nationality and issuing-state codes of ICAO Doc 9303 Part 3.

ICRRA Art. 2(v)(b) and Enforcement Order Art. 1 make "country of nationality" include two
*regions*: Taiwan and the West Bank and the Gaza Strip. They must be shown as regions, never
as countries, so `kind_of` reports them as ``"region"`` and `display_name` labels them.

ISO 3166-1 alpha-3 names come from Debian's iso-codes (data/iso3166_alpha3.json, and
data/iso3166_alpha3_ja.json for Japanese: iso-codes' Japanese catalogue with the short names of
the Ministry of Foreign Affairs where they differ); the ICAO-only codes (Doc 9303 Part 3,
section 5) are listed here in both languages.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

KINDS = ("country", "region", "stateless", "refugee", "organization", "unspecified", "unknown")

#: Enforcement Order Art. 1: the regions specified by Cabinet Order (ICRRA Art. 2(v)(b)).
REGIONS = {
    "TWN": "Taiwan (region)",
    "PSE": "The West Bank and the Gaza Strip (region)",
}

REGIONS_JA = {
    "TWN": "台湾（地域）",
    "PSE": "ヨルダン川西岸及びガザ地区（地域）",
}

#: Codes ICAO Doc 9303 Part 3 uses that are not ISO 3166-1 alpha-3, with their kind.
ICAO_ONLY = {
    "D": ("country", "Germany"),
    "GBD": ("country", "United Kingdom (British Overseas Territories Citizen)"),
    "GBN": ("country", "United Kingdom (British National (Overseas))"),
    "GBO": ("country", "United Kingdom (British Overseas Citizen)"),
    "GBP": ("country", "United Kingdom (British Protected Person)"),
    "GBS": ("country", "United Kingdom (British Subject)"),
    "RKS": ("country", "Kosovo"),  # used in Kosovo's own passports (not ISO 3166)
    "EUE": ("organization", "European Union"),
    "UNO": ("organization", "United Nations Organization"),
    "UNA": ("organization", "United Nations specialized agency"),
    "UNK": ("organization", "Resident of Kosovo (document issued by UNMIK)"),
    "XBA": ("organization", "African Development Bank"),
    "XIM": ("organization", "African Export-Import Bank"),
    "XCC": ("organization", "Caribbean Community (CARICOM)"),
    "XCE": ("organization", "Council of Europe"),
    "XCO": ("organization", "Common Market for Eastern and Southern Africa"),
    "XEC": ("organization", "Economic Community of West African States"),
    "XES": ("organization", "Organisation of Eastern Caribbean States"),
    "XOM": ("organization", "Sovereign Military Order of Malta"),
    "XPO": ("organization", "International Criminal Police Organization (INTERPOL)"),
    "XDC": ("organization", "Southern African Development Community"),
    "XXA": ("stateless", "Stateless person"),
    "XXB": ("refugee", "Refugee (1951 Convention)"),
    "XXC": ("refugee", "Refugee (other than 1951 Convention)"),
    "XXX": ("unspecified", "Unspecified nationality"),
    "UTO": ("country", "Utopia (ICAO specimen state)"),
}

#: The ICAO-only codes in Japanese.
ICAO_ONLY_JA = {
    "D": "ドイツ",
    "GBD": "英国（英国海外領土市民）",
    "GBN": "英国（英国海外国民）",
    "GBO": "英国（英国海外市民）",
    "GBP": "英国（英国保護民）",
    "GBS": "英国（英国臣民）",
    "RKS": "コソボ",
    "EUE": "欧州連合",
    "UNO": "国際連合",
    "UNA": "国際連合の専門機関",
    "UNK": "コソボ居住者（国連コソボ暫定行政ミッション発行）",
    "XBA": "アフリカ開発銀行",
    "XIM": "アフリカ輸出入銀行",
    "XCC": "カリブ共同体（CARICOM）",
    "XCE": "欧州評議会",
    "XCO": "東南部アフリカ市場共同体",
    "XEC": "西アフリカ諸国経済共同体",
    "XES": "東カリブ諸国機構",
    "XOM": "マルタ騎士団",
    "XPO": "国際刑事警察機構（ICPO）",
    "XDC": "南部アフリカ開発共同体",
    "XXA": "無国籍",
    "XXB": "難民（1951年難民条約）",
    "XXC": "難民（1951年難民条約以外）",
    "XXX": "国籍不明",
    "UTO": "ユートピア（ICAO見本国）",
}

#: Fictional states of ICAO specimens: understood (so specimens parse) but flagged.
SPECIMEN_CODES = frozenset({"UTO"})


@lru_cache(maxsize=2)
def _iso_names(language: str = "en") -> dict[str, str]:
    name = "iso3166_alpha3.json" if language == "en" else f"iso3166_alpha3_{language}.json"
    path = Path(__file__).with_name("data") / name
    return json.loads(path.read_text(encoding="utf-8"))["countries"]


def normalize(code: str) -> str:
    """MRZ codes are padded with '<' (``D<<``); strip padding and spaces, upper-case."""
    return (code or "").replace("<", "").strip().upper()


def kind_of(code: str) -> str:
    """One of KINDS for an MRZ nationality or issuing-state code."""
    c = normalize(code)
    if c in REGIONS:
        return "region"
    if c in ICAO_ONLY:
        return ICAO_ONLY[c][0]
    if c in _iso_names():
        return "country"
    return "unknown"


def display_name(code: str, language: str = "en") -> str:
    """The name for the inspector's screen in ``language`` ("en" or "ja"); regions say so (the
    name carries "(region)"); unknown codes say that."""
    c = normalize(code)
    ja = language == "ja"
    if c in REGIONS:
        return REGIONS_JA[c] if ja else REGIONS[c]
    if c in ICAO_ONLY:
        return ICAO_ONLY_JA[c] if ja else ICAO_ONLY[c][1]
    name = _iso_names(language).get(c)
    if name:
        return name
    if ja:
        return f"不明なコード {c!r}" if c else "コードなし"
    return f"Unknown code {c!r}" if c else "No code"


def is_known(code: str) -> bool:
    return kind_of(code) != "unknown"


def all_codes() -> list[str]:
    """Every code this module understands (for pickers and for tests)."""
    return sorted(set(_iso_names()) | set(ICAO_ONLY) | set(REGIONS))
