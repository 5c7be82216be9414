"""A labelled set of name variants for measuring the biographic matcher (tests + benchmark).

Spellings come from hand-written lists of how the *same* name appears on real documents and
lists (MÜLLER / MUELLER / MULLER, SATO / SATOU / SATOH, ZHANG / CHANG, ...) written
independently of the matcher's rule tables, plus random typos the rules know nothing about.
True variants: another spelling, swapped order, a dropped middle name, a partial or
day/month-swapped birth date, a typo. Look-alike non-matches: same surname with another given
name and the same birth date; the same name with a birth date years away; same given names with
another surname.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

# (nationality, [surname spellings...], [given-name spellings...]); first spelling = the list's.
POOLS: dict[str, tuple[list[list[str]], list[list[str]]]] = {
    "DEU": ([["MÜLLER", "MUELLER", "MULLER"], ["SCHRÖDER", "SCHROEDER", "SCHRODER"], ["KÖNIG", "KOENIG", "KONIG"],
             ["GÜNTHER", "GUENTHER", "GUNTHER"], ["WEIß", "WEISS"], ["BÄCKER", "BAECKER", "BACKER"], ["FUCHS"],
             ["KRÜGER", "KRUEGER", "KRUGER"], ["BRAUN"], ["HOFFMANN", "HOFMANN"]],
            [["JÜRGEN", "JUERGEN", "JURGEN"], ["HANS PETER", "HANS-PETER", "HANS"], ["KLAUS"], ["UWE"],
             ["BÄRBEL", "BAERBEL", "BARBEL"], ["MONIKA"], ["SABINE"], ["DIETER"], ["GÜNTER", "GUENTER"], ["STEFFEN"]]),
    "NOR": ([["SØRENSEN", "SOERENSEN", "SORENSEN"], ["ØSTERGÅRD", "OESTERGAARD", "OSTERGARD"],
             ["JØRGENSEN", "JOERGENSEN", "JORGENSEN"], ["ÅBERG", "AABERG", "ABERG"], ["LARSEN"], ["HALVORSEN"]],
            [["BJØRN", "BJOERN", "BJORN"], ["SØREN", "SOEREN", "SOREN"], ["ASTRID"], ["LARS"], ["INGRID"], ["KNUT"]]),
    "RUS": ([["ГОРБАЧЁВ", "GORBACHEV"], ["ИВАНОВ", "IVANOV"], ["КУЗНЕЦОВ", "KUZNETSOV"], ["СМИРНОВ", "SMIRNOV"],
             ["ЖУКОВ", "ZHUKOV"], ["ЧЕРНЫХ", "CHERNYKH"], ["ЩЕРБАКОВ", "SHCHERBAKOV"], ["ПОПОВ", "POPOV"]],
            [["СЕРГЕЙ", "SERGEI", "SERGEY"], ["ЮРИЙ", "IURII", "YURI", "YURIY"], ["ДМИТРИЙ", "DMITRII", "DMITRY"],
             ["АНДРЕЙ", "ANDREI", "ANDREY"], ["НАТАЛЬЯ", "NATALIA", "NATALYA"], ["ТАТЬЯНА", "TATIANA", "TATYANA"],
             ["ОЛЬГА", "OLGA"], ["ЮЛИЯ", "IULIIA", "YULIA"]]),
    "EGY": ([["AL-RASHID", "AL RASHID", "ALRASHID"], ["HUSSEIN", "HUSSAIN", "HOSSEIN"], ["HASSAN", "HASAN"],
             ["IBRAHIM", "EBRAHIM"], ["MAHMOUD", "MAHMUD"], ["ABDULLAH", "ABDALLAH"], ["YOUSSEF", "YUSUF", "YOUSEF"],
             ["MANSOUR", "MANSUR"], ["NASSER", "NASIR"], ["SAEED", "SAID"]],
            [["MOHAMMED", "MUHAMMAD", "MOHAMED", "MOHAMMAD"], ["AHMED", "AHMAD"], ["OMAR", "UMAR"], ["ALI", "ALY"],
             ["MUSTAFA", "MUSTAPHA"], ["OSAMA", "USAMA"], ["FATIMA", "FATIMAH"], ["AISHA", "AYESHA"],
             ["YASSER", "YASIR"], ["KHALID", "KHALED"]]),
    "JPN": ([["SATO", "SATOU", "SATOH"], ["SHIMIZU", "SIMIZU"], ["TSUCHIYA", "TUTIYA"], ["FUJITA", "HUZITA"],
             ["ITO", "ITOU", "ITOH"], ["KATO", "KATOU", "KATOH"], ["OHNO", "ONO", "OONO"], ["CHIBA", "TIBA"],
             ["KONDO", "KONDOU", "KONDOH"], ["HONMA", "HOMMA"], ["SAITO", "SAITOU"], ["YOSHIDA", "YOSIDA"]],
            [["SHINJI", "SINZI"], ["CHIKA", "TIKA"], ["YUUKI", "YUKI"], ["JUNICHI", "ZYUNITI"], ["KOUJI", "KOJI", "KOHJI"],
             ["SHOUTA", "SHOTA", "SYOTA"], ["TSUTOMU", "TUTOMU"], ["FUMIKO", "HUMIKO"], ["YOUKO", "YOKO"],
             ["RYOUSUKE", "RYOSUKE"]]),
    "CHN": ([["ZHANG", "CHANG"], ["XU", "HSU"], ["ZHOU", "CHOU"], ["ZHAO", "CHAO"], ["XIE", "HSIEH"], ["GUO", "KUO"],
             ["JIANG", "CHIANG"], ["CAI", "TSAI"], ["ZHENG", "CHENG"], ["DENG", "TENG"]],
            [["XIAO MING", "HSIAO-MING", "XIAOMING"], ["WEI"], ["MEI LING", "MEILING", "MEI-LING"], ["ZHI QIANG", "CHIH-CHIANG"],
             ["JING", "CHING"], ["HONG", "HUNG"], ["JUN", "CHUN"], ["GUANG", "KUANG"]]),
    "KOR": ([["LEE", "YI", "RHEE"], ["PARK", "PAK"], ["CHOI", "CHOE"], ["JUNG", "JEONG"], ["KIM", "GIM"]],
            [["MIN JUN", "MINJUN", "MIN-JUN"], ["SEO YEON", "SEOYEON"], ["JI HOON", "JIHOON"], ["HYUN WOO", "HYUNWOO"]]),
    "ESP": ([["GARCÍA LÓPEZ", "GARCIA LOPEZ", "GARCIALOPEZ"], ["FERNÁNDEZ", "FERNANDEZ"], ["NÚÑEZ", "NUNEZ"],
             ["MARTÍNEZ", "MARTINEZ"], ["RODRÍGUEZ", "RODRIGUEZ"], ["PEÑA", "PENA"], ["DE LA CRUZ", "DELACRUZ"]],
            [["JOSÉ LUIS", "JOSE LUIS", "JOSE"], ["MARÍA JOSÉ", "MARIA JOSE", "MARIA"], ["JUAN CARLOS", "JUAN"],
             ["ANDRÉS", "ANDRES"], ["LUCÍA", "LUCIA"]]),
    "GBR": ([["SMITH"], ["JOHNSON"], ["WILLIAMS"], ["THOMPSON"], ["WRIGHT"], ["ROBINSON"], ["EDWARDS"], ["MACDONALD", "MAC DONALD"]],
            [["JOHN PAUL", "JOHN"], ["ELIZABETH"], ["CHRISTOPHER"], ["MARGARET"], ["RICHARD"], ["CATHERINE"], ["JONATHAN"]]),
}


@dataclass
class Identity:
    subject_id: str
    nationality: str
    surname: list[str]
    given: list[str]
    birth: tuple[int, int, int]
    sex: str

    def entry(self) -> dict:
        y, m, d = self.birth
        return {"subject_id": self.subject_id, "list": "watchlist", "surname": self.surname[0],
                "given_names": self.given[0], "birth_date": f"{y:04d}-{m:02d}-{d:02d}", "sex": self.sex,
                "nationality": self.nationality, "reason": "test", "ban_until": ""}


@dataclass
class LabelledQuery:
    query: dict
    expected: str | None      # subject id a correct matcher reports, None for a look-alike
    variant: str              # what was changed


def identities(n: int, seed: int = 7) -> list[Identity]:
    """Distinct people: no two share nationality + surname + given names (at most
    ``max_identities()``), so every extra hit is a real confusion, not a namesake."""
    n = min(n, max_identities())
    rng = random.Random(seed)
    out, seen = [], set()
    nats = sorted(POOLS)
    while len(out) < n:
        nat = rng.choice(nats)
        surnames, givens = POOLS[nat]
        s, g = rng.randrange(len(surnames)), rng.randrange(len(givens))
        birth = (rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28))
        if (nat, s, g) in seen:
            continue
        seen.add((nat, s, g))
        out.append(Identity(f"S{len(out):06d}", nat, surnames[s], givens[g], birth, rng.choice("MF")))
    return out


def max_identities() -> int:
    return sum(len(s) * len(g) for s, g in POOLS.values())


def _typo(rng: random.Random, name: str) -> str:
    tokens = name.split()
    i = max(range(len(tokens)), key=lambda k: len(tokens[k]))
    t = tokens[i]
    if len(t) < 5:
        return name
    p = rng.randrange(1, len(t) - 1)
    kind = rng.choice(["sub", "swap", "del", "dup"])
    if kind == "sub":
        t = t[:p] + rng.choice("AEIOUNRSTL".replace(t[p], "")) + t[p + 1:]
    elif kind == "swap":
        t = t[:p] + t[p + 1] + t[p] + t[p + 2:]
    elif kind == "del":
        t = t[:p] + t[p + 1:]
    else:
        t = t[:p] + t[p] + t[p:]
    tokens[i] = t
    return " ".join(tokens)


def _date(b: tuple[int, int, int]) -> str:
    return f"{b[0]:04d}-{b[1]:02d}-{b[2]:02d}"


def true_variant(rng: random.Random, ident: Identity) -> LabelledQuery:
    surname = rng.choice(ident.surname)
    given = rng.choice(ident.given)
    birth = _date(ident.birth)
    changed = []
    if surname != ident.surname[0]:
        changed.append("surname spelling")
    if given != ident.given[0]:
        changed.append("given-name spelling")
    op = rng.choice(["none", "swap", "year_only", "year_month", "day_month", "typo", "drop_dob", "typo"])
    if op == "swap":
        surname, given = given, surname
    elif op == "year_only":
        birth = birth[:4]
    elif op == "year_month":
        birth = birth[:7]
    elif op == "day_month" and ident.birth[2] <= 12 and ident.birth[2] != ident.birth[1]:
        birth = _date((ident.birth[0], ident.birth[2], ident.birth[1]))
    elif op == "typo":
        if rng.random() < 0.5:
            surname = _typo(rng, surname)
        else:
            given = _typo(rng, given)
    elif op == "drop_dob":
        birth = ""
    changed.append(op)
    q = {"surname": surname, "given_names": given, "birth_date": birth, "sex": ident.sex,
         "nationality": ident.nationality if rng.random() < 0.8 else ""}
    return LabelledQuery(q, ident.subject_id, "+".join(c for c in changed if c != "none") or "exact")


def look_alike(rng: random.Random, ident: Identity) -> LabelledQuery:
    surnames, givens = POOLS[ident.nationality]
    kind = rng.choice(["other_given", "other_dob", "other_surname"])
    surname, given, birth = ident.surname[0], ident.given[0], ident.birth
    if kind == "other_given":
        given = rng.choice([g for g in givens if g[0] != ident.given[0] and g[0].split()[0] != ident.given[0].split()[0]])[0]
    elif kind == "other_surname":
        surname = rng.choice([s for s in surnames if s[0] != ident.surname[0]])[0]
    else:
        birth = (birth[0] + rng.choice([-1, 1]) * rng.randint(3, 15), birth[1], birth[2])
    q = {"surname": surname, "given_names": given, "birth_date": _date(birth), "sex": ident.sex,
         "nationality": ident.nationality}
    return LabelledQuery(q, None, kind)


def labelled_queries(idents: list[Identity], n_true: int, n_false: int, seed: int = 11) -> list[LabelledQuery]:
    rng = random.Random(seed)
    out = [true_variant(rng, rng.choice(idents)) for _ in range(n_true)]
    out += [look_alike(rng, rng.choice(idents)) for _ in range(n_false)]
    return out


def evaluate(search, queries: list[LabelledQuery]) -> dict:
    """``search(query_dict) -> list of subject ids`` reported as hits. Every reported id other
    than the expected one is a false positive (a look-alike query expects none)."""
    tp = fp = fn = 0
    misses: list[dict] = []
    false_hits: list[dict] = []
    for lq in queries:
        found = search(lq.query)
        if lq.expected is not None:
            if lq.expected in found:
                tp += 1
            else:
                fn += 1
                misses.append({"query": lq.query, "expected": lq.expected, "variant": lq.variant})
        others = [s for s in found if s != lq.expected]
        fp += len(others)
        if others:
            false_hits.append({"query": lq.query, "variant": lq.variant, "hits": others})
    return {"true_positives": tp, "false_positives": fp, "false_negatives": fn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
            "misses": misses[:20], "false_hits": false_hits[:20]}
