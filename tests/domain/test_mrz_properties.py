"""Property tests: generated MRZs of every format round-trip; no text makes the parser crash."""
from __future__ import annotations

import string
from datetime import date, timedelta

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from inspector_app.domain import nationality
from inspector_app.domain.mrz import NotAnMrz, live_feedback, parse_mrz
from inspector_app.domain.mrz_build import BUILDERS, name_field
from inspector_app.domain.mrz_layout import CHARSET, LAYOUTS, char_value

DAY = date(2026, 11, 22)
ALNUM = string.ascii_uppercase + string.digits
CODES = {
    "TD3": ["P", "PD", "PO", "PS"], "TD2": ["I", "ID", "A", "AC", "C"], "TD1": ["I", "ID", "A", "AC", "IR"],
    "MRVA": ["V", "VB", "VN", "VI"], "MRVB": ["V", "VB", "VC"],
}
word = st.text(alphabet=string.ascii_uppercase, min_size=1, max_size=12)
names = st.lists(word, min_size=0, max_size=3).map(" ".join)
code = st.sampled_from(nationality.all_codes())
sex = st.sampled_from(["M", "F", "X"])
births = st.integers(0, 36000).map(lambda n: DAY - timedelta(days=n))
expiries = st.integers(-17500, 17500).map(lambda n: DAY + timedelta(days=n))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


@st.composite
def mrz_fields(draw, fmt: str):
    lay = LAYOUTS[fmt]
    opt_width = lay.fields["optional_data"][2] - lay.fields["optional_data"][1]
    long_ok = lay.long_document_number
    max_number = 9 + (opt_width - 1 if long_ok else 0)
    number = draw(st.text(alphabet=ALNUM, min_size=1, max_size=max_number))
    room = opt_width - (len(number) - 9 + 2 if len(number) > 9 else 0)
    optional = draw(st.text(alphabet=ALNUM, max_size=max(room, 0))) if room > 0 else ""
    fields = dict(
        document_code=draw(st.sampled_from(CODES[fmt])), issuing_state=draw(code),
        surname=draw(word.flatmap(lambda w: names.map(lambda more: (w + " " + more).strip()))),
        given_names=draw(names), document_number=number, nationality=draw(code),
        birth_date=draw(births), sex=draw(sex), expiry_date=draw(expiries), optional_data=optional,
    )
    if "optional_data_2" in lay.fields:
        fields["optional_data_2"] = draw(st.text(alphabet=ALNUM, max_size=11))
    width = lay.fields["names"][2] - lay.fields["names"][1]
    assume(len(name_field(fields["surname"], fields["given_names"], 99).rstrip("<")) <= width)
    return fields


any_format = st.sampled_from(sorted(BUILDERS)).flatmap(lambda f: st.tuples(st.just(f), mrz_fields(f)))


@SETTINGS
@given(any_format)
def test_generated_mrz_round_trips(item):
    fmt, f = item
    text = BUILDERS[fmt](**f)
    r = parse_mrz(text, today=DAY)
    assert r.valid, (text, r.problems)
    assert r.format == fmt
    assert r.document_code == f["document_code"]
    assert r.issuing_state == f["issuing_state"] and r.nationality == f["nationality"]
    assert r.surname == f["surname"] and r.given_names == f["given_names"]
    assert r.document_number == f["document_number"]
    assert r.birth_date == f["birth_date"] and r.expiry_date == f["expiry_date"]
    assert r.sex == f["sex"]
    assert r.optional_data == f["optional_data"]
    assert r.optional_data_2 == f.get("optional_data_2", "")
    assert all(v is True for v in r.checks.values() if v is not None)
    assert r.expired == (f["expiry_date"] < DAY)
    # every prefix typed by hand shows no wrong check digit
    for cut_at in range(0, len(text), 7):
        for line in live_feedback(text[:cut_at]):
            assert all(c.status != "wrong" for c in line.checks)


@SETTINGS
@given(any_format, st.data())
def test_single_substitution_under_a_check_digit_is_caught(item, data):
    fmt, f = item
    text = BUILDERS[fmt](**f)
    lines = text.split("\n")
    lay = LAYOUTS[fmt]
    covered = sorted({(ln, c) for chk in lay.checks for (ln, a, b) in chk.spans for c in range(a, b)}
                     | {chk.digit for chk in lay.checks})
    line, col = data.draw(st.sampled_from(covered))
    new = data.draw(st.sampled_from(sorted(CHARSET - {lines[line][col]})))
    lines[line] = lines[line][:col] + new + lines[line][col + 1:]
    r = parse_mrz("\n".join(lines), today=DAY)
    assert r.format == fmt
    # 7-3-1 weights are coprime with 10: a change of the character value by a non-multiple of 10
    # always changes the check sum (a '<' in a check-digit cell can mean "empty"/"long number")
    old_value, new_value = char_value(text.split("\n")[line][col]), char_value(new)
    is_digit_cell = (line, col) in {chk.digit for chk in lay.checks}
    if (old_value - new_value) % 10 and not (is_digit_cell and new == "<"):
        assert not r.valid
        assert any(v is False for v in r.checks.values())


near_chars = st.sampled_from(sorted(CHARSET) + list("\n\r \t«oé0"))


@st.composite
def near_mrz(draw):
    fmt, f = draw(any_format)
    chars = list(BUILDERS[fmt](**f))
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["replace", "delete", "insert", "lower"]))
        if not chars:
            break
        i = draw(st.integers(0, len(chars) - 1))
        if op == "replace":
            chars[i] = draw(near_chars)
        elif op == "delete":
            del chars[i]
        elif op == "insert":
            chars.insert(i, draw(near_chars))
        else:
            chars[i] = chars[i].lower()
    return "".join(chars)


def _parse_or_not_an_mrz(text):
    try:
        r = parse_mrz(text, today=DAY)
    except NotAnMrz as exc:
        assert str(exc)
        return None
    d = r.to_dict()
    assert d["format"] in LAYOUTS and isinstance(d["valid"], bool)
    for c in d["corrections"]:
        assert not d["valid"]
        assert c["from"] != c["to"]
    return r


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_only_raises_not_an_mrz(text):
    _parse_or_not_an_mrz(text)
    live_feedback(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=sorted(CHARSET) + ["\n", " ", "\r"], min_size=60, max_size=100))
def test_mrz_alphabet_noise_only_raises_not_an_mrz(text):
    _parse_or_not_an_mrz(text)
    live_feedback(text)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(near_mrz())
def test_near_mrz_text_only_raises_not_an_mrz(text):
    _parse_or_not_an_mrz(text)
    live_feedback(text)
