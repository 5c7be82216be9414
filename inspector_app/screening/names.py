"""Fuzzy biographic matching that says why: names, partial birth dates, sex, nationality.

A score is the product of a name score (how well the two names' tokens align, and by which
rule), a birth-date factor, a sex factor and a nationality weight. Every factor adds a reason in
plain words, so an officer sees "given name MOHAMED ~ MUHAMMAD: spelling variant of MUHAMMAD;
birth date: year only 1980 matches" rather than a bare number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import jellyfish
from rapidfuzz.distance import JaroWinkler

from inspector_app.domain.messages import msg
from inspector_app.screening import name_variants as nv
from inspector_app.screening import transliterate as tr

DEFAULT_THRESHOLD = 0.80
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


class NameInputError(ValueError):
    """A name or date the matcher cannot read, with the reason."""


@dataclass(frozen=True)
class PartialDate:
    """A birth date known to the year, the month or the day (travel documents and watchlists
    often hold only YYYY or YYYY-MM)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | None) -> PartialDate | None:
        if text is None or not str(text).strip():
            return None
        t = str(text).strip()
        if re.fullmatch(r"[0-9]{8}", t):
            t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
        m = _DATE.match(t)
        if not m:
            raise NameInputError(f"birth date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        y, mo, d = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
        if not 1800 <= y <= 2200 or (mo is not None and not 1 <= mo <= 12) or (d is not None and not 1 <= d <= 31):
            raise NameInputError(f"birth date {text!r} is out of range")
        return cls(y, mo, d)

    def __str__(self) -> str:
        return f"{self.year:04d}" + (f"-{self.month:02d}" if self.month else "") + (f"-{self.day:02d}" if self.day else "")


@dataclass(frozen=True)
class Person:
    surname: str = ""
    given_names: str = ""
    birth: PartialDate | None = None
    sex: str | None = None
    nationality: str | None = None

    @classmethod
    def of(cls, surname=None, given_names=None, birth_date=None, sex=None, nationality=None) -> Person:
        s = (sex or "").strip().upper()[:1] or None
        return cls(surname or "", given_names or "", PartialDate.parse(birth_date), s if s in ("M", "F") else None,
                   (nationality or "").strip().upper().replace("<", "") or None)


#: The name parts and the exact-match rule, in words.
ROLES = {"surname": msg("surname"), "given name": msg("given name")}
EXACT = msg("exact")

@dataclass(frozen=True)
class Tok:
    text: str      # ICAO form
    alt: str       # diacritic-stripped form (MULLER for MÜLLER)
    role: str      # "surname" | "given name"


@lru_cache(maxsize=100_000)
def name_tokens(surname: str, given_names: str) -> tuple[Tok, ...]:
    out = []
    for role, raw in (("surname", surname), ("given name", given_names)):
        icao_t = tr.tokens(raw)
        alt_t = tr.stripped((raw or "").replace("<", " ")).split()
        if len(alt_t) != len(icao_t):
            alt_t = icao_t
        out.extend(Tok(a, b, role) for a, b in zip(icao_t, alt_t))
    return tuple(out)


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    return jellyfish.metaphone(nv.skeleton(token)) or token


@lru_cache(maxsize=500_000)
def _token_sim(a: str, a_alt: str, b: str, b_alt: str) -> tuple[float, str]:
    if a == b:
        return 1.0, EXACT
    if a == b_alt or a_alt == b or a_alt == b_alt:
        return 0.98, msg("ICAO transliteration vs diacritics dropped")
    keys_b = dict(nv.canonical_keys(b))
    for key, rule in nv.canonical_keys(a):
        if key in keys_b:
            return (0.93 if key.startswith("C:") else 0.95), rule
    jw = JaroWinkler.similarity(a, b)
    if phonetic(a) == phonetic(b) and jw >= 0.85:
        return 0.90, msg("sounds alike (Metaphone)")
    if jw >= 0.85 and min(len(a), len(b)) >= 3:
        return round(0.95 * jw, 4), msg("spelling differs (Jaro-Winkler {value})", value=f"{jw:.2f}")
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return 0.80, msg("initial")
    return 0.0, ""


def _merge_compounds(q: list[Tok], e: list[Tok], reasons: list[str]) -> tuple[list[Tok], list[Tok]]:
    """VAN DER BERG / VANDERBERG, GARCIA LOPEZ / GARCIALOPEZ, HSIAO MING / XIAOMING: when the
    tokens of one name part, joined, equal the other side's joined tokens, compare them joined."""
    for role in ("surname", "given name"):
        qs = [t for t in q if t.role == role]
        es = [t for t in e if t.role == role]
        if not qs or not es or len(qs) == len(es):
            continue
        qj, ej = "".join(t.text for t in qs), "".join(t.text for t in es)
        qk = "".join(nv.canonical_keys(t.text)[0][0][2:] for t in qs)
        ek = "".join(nv.canonical_keys(t.text)[0][0][2:] for t in es)
        if nv.skeleton(qj) == nv.skeleton(ej) or qk == ek:
            reasons.append(msg("compound {role} {name} ~ {other} (written as one/several words)", role=ROLES[role],
                               name=" ".join(t.text for t in qs), other=" ".join(t.text for t in es)))
            q = [t for t in q if t.role != role] + [Tok(qj, qj, role)]
            e = [t for t in e if t.role != role] + [Tok(ej, ej, role)]
    return q, e


@dataclass
class NameScore:
    score: float
    reasons: list[str] = field(default_factory=list)


def score_names(q_sur: str, q_given: str, e_sur: str, e_given: str) -> NameScore:
    q, e = list(name_tokens(q_sur, q_given)), list(name_tokens(e_sur, e_given))
    if not q or not e:
        return NameScore(0.0, [msg("no name to compare")])
    reasons: list[str] = []
    q, e = _merge_compounds(q, e, reasons)
    pairs = []
    for i, a in enumerate(q):
        for j, b in enumerate(e):
            s, rule = _token_sim(a.text, a.alt, b.text, b.alt)
            if s > 0:
                pairs.append((s, a.role == b.role, i, j, rule))
    pairs.sort(key=lambda p: (-p[0], not p[1]))  # best first; same-role alignment wins ties
    used_q, used_e, matched = set(), set(), []
    for s, same_role, i, j, rule in pairs:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        matched.append((s, same_role, q[i], e[j], rule))
    short, long_ = min(len(q), len(e)), max(len(q), len(e))
    if not matched:
        return NameScore(0.0, [msg("no name token matches")])
    score = sum(m[0] for m in matched) / short
    for _s, same_role, a, b, rule in matched:
        label = ROLES[a.role] if same_role else msg("{role}/{other}", role=ROLES[a.role], other=ROLES[b.role])
        reasons.append(msg("{role} {name}: {rule}", role=label, name=a.text, rule=rule) if rule == EXACT else
                       msg("{role} {name} ~ {other}: {rule}", role=label, name=a.text, other=b.text, rule=rule))
    crossed = sum(1 for m in matched if not m[1])
    if crossed and crossed * 2 >= len(matched):
        score *= 0.97
        reasons.append(msg("name order swapped (surname/given names)"))
    missing = long_ - len(matched)
    if missing:
        side = q if len(q) > len(e) else e
        used = used_q if side is q else used_e
        names = " ".join(t.text for k, t in enumerate(side) if k not in used)
        score -= min(0.12, 0.04 * missing)
        reasons.append(msg("name(s) present on one side only: {names}", names=names))
    if len(matched) == 1 and long_ >= 2:
        score *= 0.85
        reasons.append(msg("only one name matches"))
    return NameScore(max(0.0, min(1.0, score)), reasons)


def date_factor(q: PartialDate | None, e: PartialDate | None) -> tuple[float, str]:
    if q is None or e is None:
        return 0.90, msg("birth date: not known on one side")
    full = q.day and e.day and q.month and e.month
    if q.year != e.year:
        if full and q.month == e.month and q.day == e.day and abs(q.year - e.year) == 1:
            return 0.80, msg("birth date: year differs by one ({date} vs {other})", date=str(q), other=str(e))
        return 0.45, msg("birth date differs ({date} vs {other})", date=str(q), other=str(e))
    if not q.month or not e.month:
        return 0.95, msg("birth date: year only {year} matches", year=q.year)
    if not q.day or not e.day:
        if q.month == e.month:
            return 0.97, msg("birth date: year and month {month} match", month=f"{q.year}-{q.month:02d}")
        other = q if q.day else e
        part = e if q.day else q
        if other.day == part.month:
            return 0.85, msg("birth date: month of {date} matches the day of {other} (day/month swapped)", date=str(part),
                              other=str(other))
        return 0.50, msg("birth month differs ({date} vs {other})", date=str(q), other=str(e))
    if q == e:
        return 1.0, msg("birth date {date} matches exactly", date=str(q))
    if q.day == e.month and q.month == e.day:
        return 0.92, msg("birth date: day and month swapped ({date} vs {other})", date=str(q), other=str(e))
    if q.month == e.month or q.day == e.day:
        return 0.70, (msg("birth date: same year, day differs ({date} vs {other})", date=str(q), other=str(e))
                      if q.month == e.month else
                      msg("birth date: same year, month differs ({date} vs {other})", date=str(q), other=str(e)))
    return 0.55, msg("birth date: same year only ({date} vs {other})", date=str(q), other=str(e))


def sex_factor(q: str | None, e: str | None) -> tuple[float, str | None]:
    if q and e and q != e:
        return 0.85, msg("sex differs ({sex} vs {other})", sex=q, other=e)
    return 1.0, None


def nationality_factor(q: str | None, e: str | None) -> tuple[float, str]:
    if not q or not e:
        return 0.97, msg("nationality: not known on one side (weight 0.97)")
    if q == e:
        return 1.0, msg("nationality {code} matches (weight 1.0)", code=q)
    return 0.90, msg("nationality differs ({code} vs {other}, weight 0.90)", code=q, other=e)


@dataclass
class Match:
    score: float
    reasons: list[str]


def match(query: Person, entry: Person) -> Match:
    ns = score_names(query.surname, query.given_names, entry.surname, entry.given_names)
    if ns.score <= 0:
        return Match(0.0, ns.reasons)
    d, d_reason = date_factor(query.birth, entry.birth)
    s, s_reason = sex_factor(query.sex, entry.sex)
    n, n_reason = nationality_factor(query.nationality, entry.nationality)
    reasons = [msg("name score {score}", score=f"{ns.score:.2f}")] + ns.reasons + [d_reason] + ([s_reason] if s_reason else []) + [n_reason]
    return Match(round(ns.score * d * s * n, 4), reasons)


# --------------------------------------------------------------------------- candidate keys
def _pairs(keysets: list[tuple[str, ...]], tag: str) -> set[str]:
    out = set()
    for i in range(len(keysets)):
        for j in range(i + 1, len(keysets)):
            for a in keysets[i]:
                for b in keysets[j]:
                    out.add(f"{tag}|{a}|{b}" if a <= b else f"{tag}|{b}|{a}")
    return out


def strong_keys(surname: str, given_names: str, query: bool = False) -> set[str]:
    """Blocking keys: every unordered pair of name tokens by rule key and by sound, so a swapped
    order or a missing middle name still shares a pair. A one-token name is keyed alone; a query
    also asks for one-token entries under each of its tokens."""
    parsed = name_tokens(surname, given_names)
    toks = [t.text for t in parsed]
    if not toks:
        return set()
    rule = [nv.block_keys(t) for t in toks]
    sound = [(phonetic(t),) for t in toks]
    keys = _pairs(rule, "B") | _pairs(sound, "P")
    # Compounds: SEO YEON / SEOYEON, MAC DONALD / MACDONALD. A part with several tokens is also
    # paired as one joined token with each token (and the joined form) of the other part.
    parts = {role: [t.text for t in parsed if t.role == role] for role in ("surname", "given name")}
    joined = {role: "".join(ts) for role, ts in parts.items() if len(ts) >= 2}
    for role, j in joined.items():
        other_role = "given name" if role == "surname" else "surname"
        others = parts[other_role] + ([joined[other_role]] if other_role in joined else [])
        for o in others:
            keys |= _pairs([nv.block_keys(j), nv.block_keys(o)], "B")
            keys |= _pairs([(phonetic(j),), (phonetic(o),)], "P")
    if len(toks) == 1 or query:
        keys |= {f"1|{k}" for ks in rule for k in ks}
    if query and len(toks) > 1:  # compounds: entry VANDERBERG vs query VAN DER BERG
        keys |= {f"1|{k}" for k in nv.block_keys("".join(toks))}
    return keys


def weak_keys(surname: str, given_names: str) -> set[str]:
    """Rule key of one token + initial of another: finds a typo that changes the other token's
    sound. Used only while its posting list stays short (common names make it useless)."""
    toks = [t.text for t in name_tokens(surname, given_names)]
    out = set()
    for i, a in enumerate(toks):
        for j, b in enumerate(toks):
            if i != j:
                out.add(f"W|{nv.block_keys(a)[0]}|{b[0]}")
    return out
