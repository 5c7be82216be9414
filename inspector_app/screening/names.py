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
from rapidfuzz.distance import OSA, JaroWinkler

from inspector_app.domain.messages import msg
from inspector_app.screening import arabic as ar
from inspector_app.screening import folds
from inspector_app.screening import name_variants as nv
from inspector_app.screening import syllables as sy
from inspector_app.screening import transliterate as tr

DEFAULT_THRESHOLD = 0.80
SEX_AND_LOOSE_NAME = 0.8
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
    system: str = ""  # syllabic romanisation the whole name reads in: "K" Korean, "C" Chinese, "J" Japanese


def _system(toks: list[str]) -> str:
    """Which syllabic reading fits the whole name: one token must be a surname of that system
    and every token must split into its syllables (the folds are too coarse for other names)."""
    out = ""
    if any(sy.is_chinese_surname(t) for t in toks) and all(sy.chinese_keys(t) for t in toks):
        out += "C"
    if any(sy.is_korean_surname(t) for t in toks) and all(sy.korean_keys(t) for t in toks):
        out += "K"
    if all(nv.looks_japanese(t) for t in toks):
        out += "J"
    return out


def _arabic(raw: list[str]) -> bool:
    """An article, a particle or a known Arabic name among the tokens (before folding)."""
    return any(t in ar.ARTICLES or t in ar.PARTICLES or t.startswith(("ABD", "ABU", "ABOU")) or ar.stem(t)
               or nv.GROUP_OF.get(t) in nv.ARABIC_GROUPS for t in raw)


@lru_cache(maxsize=100_000)
def name_tokens(surname: str, given_names: str) -> tuple[Tok, ...]:
    parts, raw_tokens = [], []
    for role, raw in (("surname", surname), ("given name", given_names)):
        icao_t = tr.tokens(raw)
        raw_tokens += icao_t
        alt_t = tr.stripped((raw or "").replace("<", " ")).split()
        if len(alt_t) != len(icao_t):
            alt_t = icao_t
        folded = ar.fold(tuple(icao_t))
        if len(folded) != len(icao_t) or folded != tuple(icao_t):
            icao_t = alt_t = list(folded)
        parts.extend((a, b, role) for a, b in zip(icao_t, alt_t))
    system = _system([a for a, _, _ in parts]) + ("A" if _arabic(raw_tokens) else "")
    given = [a for a, _, role in parts if role == "given name"]
    if len(given) > 1 and ("C" in system or "K" in system):
        # A Chinese or Korean given name is one name of two syllables however it is spaced:
        # JUN is not JUN JIE, TING is not YA TING.
        joined = "".join(given)
        parts = [p for p in parts if p[2] != "given name"] + [(joined, joined, "given name")]
    return tuple(Tok(a, b, role, system) for a, b, role in parts)


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    return jellyfish.metaphone(nv.skeleton(token)) or token


def _gendered(a: str, b: str) -> bool:
    """PAUL/PAULA, IVANOV/IVANOVA, MARIO/MARIA, ALEKSANDR/ALEKSANDRA: the masculine and feminine
    forms of one name are two people's names, not a misspelling."""
    if len(a) > len(b):
        a, b = b, a
    return (b == a + "A" or (b[:-1] == a[:-1] and {a[-1], b[-1]} == {"O", "A"})
            or (b[:-2] == a[:-1] and b.endswith(("IA", "YA")) and a[-1] in "IYJ"))


@lru_cache(maxsize=200_000)
def _forms(token: str, system: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys([token] + [k[2:] for k, _ in nv.canonical_keys(token, system)]))


@lru_cache(maxsize=500_000)
def _token_sim(a: str, a_alt: str, b: str, b_alt: str, system: str = "") -> tuple[float, str]:
    if a == b:
        return 1.0, EXACT
    if a == b_alt or a_alt == b or a_alt == b_alt:
        return 0.98, msg("ICAO transliteration vs diacritics dropped")
    keys_b = dict(nv.canonical_keys(b, system))
    for key, rule in nv.canonical_keys(a, system):
        if key in keys_b:
            return (0.95 if key[:2] in ("G:", "J:", "S:") else 0.93), rule
    sa, sb = ar.stem(a) or a, ar.stem(b) or b
    if (sa, sb) != (a, b) and (sa == sb or nv.skeleton(sa) == nv.skeleton(sb)):
        return 0.95, msg("Arabic article al- joined or dropped")
    if system.strip("A") or _gendered(a, b):
        # Two well-formed syllable strings that differ are two names (KAZUKO/KAZUYO), and so
        # are a masculine and a feminine form: no credit for looking alike.
        return 0.0, ""
    # A slip may sit on top of another spelling of the name (MAHUD for MAHMOUD via MAHMUD,
    # KNANG for GUANG via KUANG): compare every written form of one with every form of the other.
    fa, fb = _forms(a, system), _forms(b, system)
    jw = max(JaroWinkler.similarity(x, y) for x in fa for y in fb)
    if not any(x[0] == y[0] for x in fa for y in fb):
        # a slip of the pen rarely hits the first letter: INNA/NINA, KHALID/WALID are two names
        return 0.0, ""
    slips = min(OSA.distance(x, y) for x in fa for y in fb)
    if slips > 2 or (slips == 2 and (min(len(a), len(b)) < 6 or jw < 0.88)):
        # Looking alike earns credit only as a slip of a letter or two: ALEKSEI/ALEKSANDR,
        # VASILII/VITALII, MIRONOVA/MITROFANOVA are other people's names.
        return 0.0, ""
    if phonetic(a) == phonetic(b) and jw >= 0.85:
        return 0.90, msg("sounds alike (Metaphone)")
    if jw >= 0.85 and min(len(a), len(b)) >= 3:
        return round(0.95 * jw, 4), msg("spelling differs (Jaro-Winkler {value})", value=f"{jw:.2f}")
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return 0.80, msg("initial")
    return 0.0, ""


def _common_system(q: list[Tok], e: list[Tok]) -> str:
    """Syllabic readings both names allow; Arabic folds when either name is Arabic (the
    other side may have lost its article: AL-MASRI HAMZA / MASRI HAMZEH)."""
    qs, es = (q[0].system if q else ""), (e[0].system if e else "")
    return "".join(c for c in qs if c in es and c != "A") + ("A" if "A" in qs + es else "")


def _joined_keys(toks: list[Tok], system: str) -> set[str]:
    """Keys of one name part written as one word (SEO YEON / SEOYEON, HSIAO-MING / XIAOMING)."""
    joined = "".join(t.text for t in toks)
    out = {"S:" + nv.skeleton(joined), "F:" + "".join(nv.canonical_keys(t.text, system)[0][0][2:] for t in toks)}
    if "A" in system:
        out.add("A:" + folds.arabic_vowels(ar.without_inner_article(joined)))
    out |= {k for k, _ in nv.canonical_keys(joined, system) if k[:2] in ("C:", "K:", "J:")}
    if "C" in system:
        firsts = [sy.chinese_keys(t.text) for t in toks]
        if all(firsts):
            out.add("C:" + "".join(f[0] for f in firsts))
    return out


def _merge_compounds(q: list[Tok], e: list[Tok], reasons: list[str]) -> tuple[list[Tok], list[Tok]]:
    """VAN DER BERG / VANDERBERG, GARCIA LOPEZ / GARCIALOPEZ, HSIAO MING / XIAOMING: when the
    tokens of one name part, joined, equal the other side's joined tokens, compare them joined.
    The parts may be swapped (surname written in the given-name field)."""
    system = _common_system(q, e)
    for q_role, e_role in (("surname", "surname"), ("given name", "given name"), ("surname", "given name"),
                           ("given name", "surname")):
        qs = [t for t in q if t.role == q_role]
        es = [t for t in e if t.role == e_role]
        if not qs or not es or len(qs) == len(es):
            continue
        if _joined_keys(qs, system) & _joined_keys(es, system):
            qj, ej = "".join(t.text for t in qs), "".join(t.text for t in es)
            reasons.append(msg("compound {role} {name} ~ {other} (written as one/several words)", role=ROLES[e_role],
                               name=" ".join(t.text for t in qs), other=" ".join(t.text for t in es)))
            q = [t for t in q if t.role != q_role] + [Tok(qj, qj, q_role, qs[0].system)]
            e = [t for t in e if t.role != e_role] + [Tok(ej, ej, e_role, es[0].system)]
    return q, e


@dataclass
class NameScore:
    score: float
    reasons: list[str] = field(default_factory=list)
    loose: bool = False  # some token matched only by looking alike, or is on one side only


def score_names(q_sur: str, q_given: str, e_sur: str, e_given: str) -> NameScore:
    q, e = list(name_tokens(q_sur, q_given)), list(name_tokens(e_sur, e_given))
    if not q or not e:
        return NameScore(0.0, [msg("no name to compare")])
    reasons: list[str] = []
    q, e = _merge_compounds(q, e, reasons)
    system = _common_system(q, e)
    pairs = []
    for i, a in enumerate(q):
        for j, b in enumerate(e):
            s, rule = _token_sim(a.text, a.alt, b.text, b.alt, system)
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
    side, used = (q, used_q) if len(q) >= len(e) else (e, used_e)
    # BIN ("son of") left out on one side says nothing against the match
    unmatched = [t.text for k, t in enumerate(side) if k not in used and t.text not in ar.OPTIONAL]
    missing = len(unmatched)
    if missing:
        score -= min(0.12, 0.04 * missing)
        reasons.append(msg("name(s) present on one side only: {names}", names=" ".join(unmatched)))
    if len(matched) == 1 and long_ >= 2:
        score *= 0.85
        reasons.append(msg("only one name matches"))
    loose = bool(missing) or any(m[0] < 0.93 for m in matched)
    return NameScore(max(0.0, min(1.0, score)), reasons, loose)


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
    if s < 1.0 and ns.loose:
        # Another sex AND a name that only looks alike (PAUL/PAULA's family, KAZUO/KAZUKO):
        # two people, unless the date says otherwise.
        s *= SEX_AND_LOOSE_NAME
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


def forget_bulk_tokens() -> None:
    """Empty the token caches after keying a whole list. Keying 100,000 entries leaves about
    870,000 cached objects that no screening will ask for again, and the garbage collector walks
    every one of them at each full collection: 2.7 s, landing on whatever screens next (the first
    manifest after a bundle took 2.3 s instead of 0.16 s, benchmarks/paxlst_screening.py)."""
    for cached in (name_tokens, phonetic, _forms, _token_sim, nv.japanese_key, nv.skeleton, nv.canonical_keys,
                   nv.block_keys, folds.cyrillic, folds.arabic_vowels, folds.consonants, ar.fold, ar.stem,
                   sy.korean_keys, sy.chinese_keys):
        cached.cache_clear()


def strong_keys(surname: str, given_names: str, query: bool = False) -> set[str]:
    """Blocking keys: every unordered pair of name tokens by rule key and by sound, so a swapped
    order or a missing middle name still shares a pair. A one-token name is keyed alone; a query
    also asks for one-token entries under each of its tokens."""
    parsed = name_tokens(surname, given_names)
    toks = [t.text for t in parsed]
    if not toks:
        return set()
    system = parsed[0].system
    rule = [nv.block_keys(t, system) for t in toks]
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
            keys |= _pairs([nv.block_keys(j, system), nv.block_keys(o, system)], "B")
            keys |= _pairs([(phonetic(j),), (phonetic(o),)], "P")
    if len(toks) == 1 or query:
        keys |= {f"1|{k}" for ks in rule for k in ks}
    if query and len(toks) > 1:  # compounds: entry VANDERBERG vs query VAN DER BERG
        keys |= {f"1|{k}" for k in nv.block_keys("".join(toks), system)}
    return keys


def weak_keys(surname: str, given_names: str) -> set[str]:
    """Rule key of one token + initial of another: finds a typo that changes the other token's
    sound. Used only while its posting list stays short (common names make it useless)."""
    parsed = name_tokens(surname, given_names)
    out = set()
    for i, a in enumerate(parsed):
        for j, b in enumerate(parsed):
            if i != j:
                out.add(f"W|{nv.block_keys(a.text, a.system)[0]}|{b.text[0]}")
    return out
