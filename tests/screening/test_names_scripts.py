"""Names across scripts: the readings and folds, near-name discipline, and quality on the
generated labelled set (benchmarks/data/names_labelled.json, made by romanisation libraries
from native-script names, independent of the matcher's rules)."""
from __future__ import annotations

from datetime import date

import pytest

from benchmarks.names_scripts import load, person, watchlist_rows
from inspector_app.screening import arabic, folds, names, scripts, syllables, watchlist


@pytest.mark.parametrize("raw,latin", [
    ("박서연", "BAKSEOYEON"), ("이지훈", "IJIHUN"), ("최민준", "CHOEMINJUN"), ("강", "GANG"),
    ("さとう", "SATOU"), ("ショウタ", "SHOUTA"), ("じゅんいち", "JUNICHI"), ("いっぺい", "IPPEI"), ("まっちゃ", "MATCHA"),
    ("コーイチ", "KOOICHI"), ("Smith", "Smith"),
])
def test_hangul_and_kana_read_as_latin(raw, latin):
    assert scripts.read(raw) == latin


@pytest.mark.parametrize("a,b,same", [
    ("LEE", "YI", True), ("LEE", "RHEE", True), ("PARK", "BAK", True), ("CHOI", "CHOE", True),
    ("SEOYEON", "SUHYUN", False), ("SEOYEON", "SEOYUN", True), ("YOUNGHEE", "YEONGHUI", True), ("JOOWON", "JUWON", True),
    ("SANGCHEOL", "SANGCHUL", True), ("HYUNWOO", "HYEONU", True), ("NOH", "ROH", True),
    ("SONG", "SUNG", False), ("SEONG", "SONG", True), ("SEONG", "SUNG", True), ("SEONGMIN", "SEUNGMIN", False),
])
def test_korean_romanisations_share_a_key(a, b, same):
    assert bool(set(syllables.korean_keys(a)) & set(syllables.korean_keys(b))) is same


@pytest.mark.parametrize("pinyin,wade_giles", [
    ("ZHANG", "CHANG"), ("XIAOMING", "HSIAOMING"), ("ZHIQIANG", "CHIHCHIANG"), ("XU", "HSU"), ("RONG", "JUNG"),
    ("ZI", "TZU"), ("SI", "SSU"), ("GUO", "KUO"), ("LUO", "LO"), ("XUE", "HSUEH"), ("YE", "YEH"), ("XIUYING", "HSIUYING"),
    ("GUI", "KUEI"), ("YAN", "YEN"),
])
def test_pinyin_read_as_wade_giles(pinyin, wade_giles):
    assert wade_giles in syllables.chinese_keys(pinyin) and wade_giles in syllables.chinese_keys(wade_giles)


def test_a_syllabic_reading_needs_a_surname_of_that_system():
    assert syllables.is_korean_surname("PARK") and not syllables.is_korean_surname("SMITH")
    assert syllables.is_chinese_surname("HSU") and not syllables.chinese_keys("JOHN")
    assert names.name_tokens("SMITH", "JOHN")[0].system == ""
    assert "K" in names.name_tokens("KIM", "MIN JUN")[0].system


@pytest.mark.parametrize("tokens,folded", [
    (("AL", "RASHID"), ("RASHID",)), (("ASH", "SHAMI"), ("SHAMI",)), (("AN", "NAJJAR"), ("NAJJAR",)),
    (("AN", "MARIE"), ("AN", "MARIE")), (("IBN", "LADEN"), ("BIN", "LADEN")), (("B", "SAID"), ("BIN", "SAID")),
    (("ABOU", "BAKR"), ("ABU", "BAKR")), (("ABUBAKR",), ("ABU", "BAKR")), (("ABD", "UL", "RAHMAN"), ("ABD", "RAHMAN")),
    (("ABDUL", "RAHMAN"), ("ABD", "RAHMAN")), (("ABDERRAHMAN",), ("ABD", "RAHMAN")), (("ABDULLAH",), ("ABDULLAH",)),
    (("ZIAUL", "HAQ"), ("ZIA", "HAQ")), (("SHAMSUD", "DIN"), ("SHAMS", "DIN")), (("PAUL", "SMITH"), ("PAUL", "SMITH")),
])
def test_arabic_articles_and_particles(tokens, folded):
    assert arabic.fold(tokens) == folded


@pytest.mark.parametrize("token,stem", [("ALRASHID", "RASHID"), ("ARRASHID", "RASHID"), ("ASHSHAMI", "SHAMI"),
                                        ("ALOTAIBI", "OTAIBI"), ("ALAN", None), ("ELENA", None)])
def test_joined_article_stem(token, stem):
    assert arabic.stem(token) == stem


@pytest.mark.parametrize("fold,a,b,same", [
    (folds.cyrillic, "SHCHERBAKOV", "SCERBAKOV", True), (folds.cyrillic, "YULIYA", "IULIIA", True),
    (folds.cyrillic, "DMITRIY", "DMITRY", True), (folds.cyrillic, "ALYOSHINA", "ALESHINA", True),
    (folds.cyrillic, "KULAKOV", "KULIKOV", False),
    (folds.arabic_vowels, "HUDA", "HOODA", True), (folds.arabic_vowels, "LAYLA", "LEILA", True),
    (folds.arabic_vowels, "HAMZA", "HAMZEH", True), (folds.arabic_vowels, "TARIQ", "TAREK", True),
    (folds.consonants, "KHARITONOV", "XARITONOV", True), (folds.consonants, "GAMAL", "JAMAL", True),
])
def test_spelling_folds(fold, a, b, same):
    assert (fold(a) == fold(b)) is same


def score(q_sur, q_given, q_sex, e_sur, e_given, e_sex) -> float:
    birth = "1980-03-04"
    return names.match(names.Person.of(q_sur, q_given, birth, q_sex, "XXX"),
                       names.Person.of(e_sur, e_given, birth, e_sex, "XXX")).score


@pytest.mark.parametrize("query,entry,hit", [
    (("SATO", "KAZUYO", "F"), ("SATO", "KAZUKO", "F"), False),          # two Japanese names, one mora apart
    (("SATO", "KAZUO", "M"), ("SATO", "KAZUKO", "F"), False),
    (("SMITH", "PAULA", "F"), ("SMITH", "PAUL", "M"), False),            # gendered forms, other sex
    (("IVANOVA", "ALEKSANDRA", "F"), ("IVANOV", "ALEKSANDR", "M"), False),
    (("ISAEV", "ALEKSANDR", "M"), ("ISAEV", "ALEKSEI", "M"), False),    # looks alike, four letters apart
    (("NAZAROVA", "INNA", "F"), ("NAZAROVA", "NINA", "F"), False),      # first letter differs
    (("LU", "CHUN", "M"), ("LU", "CHUN CHIEH", "M"), False),           # JUN is not JUN JIE
    (("SMITH", "JONATHAN", "M"), ("SMITH", "JONATHNA", "M"), True),     # a slip of the pen still hits
    (("PARK", "SEO YEON", "F"), ("박", "서연", "F"), True),
    (("CHANG", "HSIAO MING", "M"), ("ZHANG", "XIAOMING", "M"), True),
    (("ELSHEHRI", "GAMAL", "M"), ("AL-SHEHRI", "JAMAL", "M"), True),
    (("SCERBAKOVA", "JULIJA", "F"), ("SHCHERBAKOVA", "YULIYA", "F"), True),
])
def test_near_names_and_true_variants(query, entry, hit):
    assert (score(*query, *entry) >= names.DEFAULT_THRESHOLD) is hit


@pytest.fixture(scope="module")
def labelled(tmp_path_factory):
    entries, queries, provenance = load()
    d = tmp_path_factory.mktemp("wl")
    watchlist.build(d, watchlist_rows(entries))
    return entries, queries, provenance, watchlist.Watchlist(d)


def test_labelled_set_is_large_enough_and_says_where_it_came_from(labelled):
    entries, queries, provenance, _ = labelled
    assert sum(q["kind"] == "variant" for q in queries) >= 500 and sum(q["kind"] == "decoy" for q in queries) >= 500
    assert {"pypinyin", "iuliia", "pykakasi", "korean-romanizer"} <= set(provenance["libraries"])
    assert {q["split"] for q in queries} == {"tune", "heldout"}


def test_quality_on_the_generated_set(labelled):
    """Measured 2026-11-30 without filler: recall ~0.975 / decoy false hits ~0.025 (held-out
    ~0.97 / ~0.035); the bounds are the issue's targets."""
    entries, queries, _, wl = labelled
    ids = {r[0]: r[1] for r in wl._db.execute("SELECT subject_id, id FROM entries")}
    by_id = {e["subject_id"]: e for e in entries}
    tally = {s: [0, 0, 0, 0] for s in ("tune", "heldout")}  # found, variants, false hits, decoys
    lost = []
    for q in queries:
        p = person(q)
        hits = [h.subject_id for h in wl.search(p, today=date(2026, 1, 1))]
        t = tally[q["split"]]
        if q["kind"] == "variant":
            t[0] += q["expected"] in hits
            t[1] += 1
            e = by_id[q["expected"]]
            if (names.match(p, person(e)).score >= names.DEFAULT_THRESHOLD
                    and ids[e["subject_id"]] not in set(wl.candidates(p).tolist())):
                lost.append(q)
        else:
            t[2] += bool(hits)
            t[3] += 1
    assert not lost, f"retrieval dropped pairs the scorer accepts: {lost[:5]}"
    for split, (found, n, false_hits, decoys) in tally.items():
        assert found / n >= 0.95, (split, found / n)
        assert false_hits / decoys <= 0.05, (split, false_hits / decoys)
