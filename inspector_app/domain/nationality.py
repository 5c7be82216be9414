"""Nationality and issuing-state codes of ICAO Doc 9303 Part 3.

ICRRA Art. 2(v)(b) and Enforcement Order Art. 1 make "country of nationality" include two
*regions*: Taiwan and the West Bank and the Gaza Strip. They must be shown as regions, never
as countries, so `kind_of` reports them as ``"region"`` and `display_name` labels them.

ISO 3166-1 alpha-3 names come from Debian's iso-codes (data/iso3166_alpha3.json); the
ICAO-only codes (Doc 9303 Part 3, section 5) are listed here.
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

#: Fictional states of ICAO specimens: understood (so specimens parse) but flagged.
SPECIMEN_CODES = frozenset({"UTO"})


@lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    path = Path(__file__).with_name("data") / "iso3166_alpha3.json"
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


def display_name(code: str) -> str:
    """English name for the inspector's screen; regions say so; unknown codes say that."""
    c = normalize(code)
    if c in REGIONS:
        return REGIONS[c]
    if c in ICAO_ONLY:
        return ICAO_ONLY[c][1]
    name = _iso_names().get(c)
    if name:
        return name
    return f"Unknown code {c!r}" if c else "No code"


def is_known(code: str) -> bool:
    return kind_of(code) != "unknown"


def all_codes() -> list[str]:
    """Every code this module understands (for pickers and for tests)."""
    return sorted(set(_iso_names()) | set(ICAO_ONLY) | set(REGIONS))
