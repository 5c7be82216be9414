"""SLTD: normalisation, keyed hashes, sorted file lookup, delta merge."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.screening import sltd

KEY = b"k" * 16


def test_number_normalisation_and_o_zero_kept():
    assert sltd.normalise_number(" l898 902<c3 ") == "L898902C3"
    assert sltd.normalise_number("AB-12.34/5") == "AB12345"
    assert sltd.normalise_number("AO1234567") != sltd.normalise_number("A01234567")
    assert sltd.normalise_type("PM") == sltd.normalise_type("passport") == "P"
    assert sltd.normalise_state("D<<") == "D"
    for bad in ("", "<<<", "AB#1", "ÄB1"):
        with pytest.raises(sltd.SltdError):
            sltd.normalise_number(bad)


@given(st.from_regex(r"[A-Z0-9]{1,12}", fullmatch=True), st.lists(st.sampled_from(["<", " ", "-"]), max_size=4), st.booleans())
@settings(max_examples=300, deadline=None)
def test_normalisation_ignores_fillers_and_case(number, fillers, lower):
    noisy = "".join(fillers) + (number.lower() if lower else number) + "".join(reversed(fillers))
    assert sltd.normalise_number(noisy) == number
    assert sltd.key_hash(KEY, "UTO", "P", noisy) == sltd.key_hash(KEY, "uto", "P<", number)


def rows(n, seed=1):
    rng = np.random.default_rng(seed)
    states = ["UTO", "JPN", "FRA", "D"]
    for i in range(n):
        yield {"issuing_state": states[i % 4], "document_type": "P", "document_number": f"X{rng.integers(1e9):09d}{i}",
               "status": ["lost", "stolen"][i % 2], "reported_on": "2024-02-29"}


def build(tmp_path, rs):
    k, p = sltd.records_from_rows(rs, KEY)
    k, p = sltd.sort_unique(k, p)
    d = tmp_path / "s"
    d.mkdir(exist_ok=True)
    sltd.write_main(d / "main.bin", k, p, b"id")
    return d


def test_lookup_hits_and_misses(tmp_path):
    data = list(rows(5000))
    d = build(tmp_path, data)
    assert sltd.check_main(d / "main.bin") == 5000
    assert (d / "main.bin").stat().st_size == sltd.HEADER_SIZE + 12 * 5000
    store = sltd.SltdStore(d, KEY)
    for r in data[::97]:
        hit = store.lookup(r["issuing_state"], "P", r["document_number"].lower())
        assert hit is not None and hit.status == r["status"] and hit.reported_on.isoformat() == "2024-02-29"
        assert store.lookup("ZZZ", "P", r["document_number"]) is None
    assert store.lookup("UTO", "P", "NOTLISTED1") is None
    assert sltd.SltdStore(d, b"other-key-123456").lookup(data[0]["issuing_state"], "P", data[0]["document_number"]) is None


def test_duplicates_last_report_wins(tmp_path):
    r = {"issuing_state": "UTO", "document_type": "P", "document_number": "A1", "reported_on": "2020-01-01"}
    d = build(tmp_path, [{**r, "status": "lost"}, {**r, "status": "stolen"}])
    assert sltd.SltdStore(d, KEY).lookup("UTO", "P", "A1").status == "stolen"


def test_merge_applies_upserts_and_removals(tmp_path):
    data = list(rows(1000))
    k, p = sltd.sort_unique(*sltd.records_from_rows(data, KEY))
    delta_rows = [{**data[0], "status": "removed"}, {**data[1], "status": "revoked"},
                  {"issuing_state": "UTO", "document_type": "P", "document_number": "NEW1", "status": "stolen", "reported_on": "2025-01-01"}]
    dk, dp = sltd.records_from_rows(delta_rows, KEY, allow_remove=True)
    mk, mp = sltd.merge(k, p, dk, dp)
    assert len(mk) == 1000 and np.all(mk[1:] > mk[:-1])
    d = tmp_path / "m"
    d.mkdir()
    sltd.write_main(d / "main.bin", mk, mp, b"id")
    s = sltd.SltdStore(d, KEY)
    assert s.lookup(data[0]["issuing_state"], "P", data[0]["document_number"]) is None
    assert s.lookup(data[1]["issuing_state"], "P", data[1]["document_number"]).status == "revoked"
    assert s.lookup("UTO", "P", "NEW1").status == "stolen"


def test_corrupted_main_detected(tmp_path):
    d = build(tmp_path, list(rows(100)))
    raw = bytearray((d / "main.bin").read_bytes())
    raw[sltd.HEADER_SIZE:sltd.HEADER_SIZE + 8], raw[sltd.HEADER_SIZE + 8:sltd.HEADER_SIZE + 16] = \
        raw[sltd.HEADER_SIZE + 8:sltd.HEADER_SIZE + 16], raw[sltd.HEADER_SIZE:sltd.HEADER_SIZE + 8]
    (d / "main.bin").write_bytes(bytes(raw))
    with pytest.raises(sltd.SltdError, match="not strictly sorted"):
        sltd.check_main(d / "main.bin")
    (d / "main.bin").write_bytes(bytes(raw[:-3]))
    with pytest.raises(sltd.SltdError, match="truncated"):
        sltd.check_main(d / "main.bin")


def test_bad_rows_name_the_line():
    bad = [{"issuing_state": "UTO", "document_type": "P", "document_number": "A1", "status": "misplaced", "reported_on": ""}]
    with pytest.raises(sltd.SltdError, match="line 2.*misplaced"):
        sltd.records_from_rows(bad, KEY)
    with pytest.raises(sltd.SltdError, match="only allowed in a delta"):
        sltd.records_from_rows([{**bad[0], "status": "removed"}], KEY)
    with pytest.raises(sltd.SltdError, match="YYYY-MM-DD"):
        sltd.records_from_rows([{**bad[0], "status": "lost", "reported_on": "2024/01/01"}], KEY)


def test_fast_csv_loader_equals_row_loader(tmp_path):
    import csv

    data = list(rows(3000)) + [{"issuing_state": "UTO", "document_type": "PM", "document_number": "L898 902<C3",
                                "status": "Stolen", "reported_on": ""}]
    path = tmp_path / "s.csv"
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=sltd.CSV_COLUMNS)
        w.writeheader()
        w.writerows(data)
        fh.write('"JPN",P,"TK-123 4567",lost,2020-02-02\n')
    fast = sltd.records_from_csv(path, KEY)
    slow = sltd.records_from_rows(sltd.iter_csv(path), KEY)
    assert np.array_equal(fast[0], slow[0]) and np.array_equal(fast[1], slow[1])
    with open(path, "a") as fh:
        fh.write("UTO,P,ONLY-THREE\n")
    with pytest.raises(sltd.SltdError, match="line 3004: expected 5 fields"):
        sltd.records_from_csv(path, KEY)


def test_parallel_loader_matches_and_reports_absolute_lines(tmp_path, monkeypatch):
    import csv

    monkeypatch.setattr(sltd, "PARALLEL_MIN_BYTES", 1)
    path = tmp_path / "s.csv"
    data = list(rows(5000))
    with open(path, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=sltd.CSV_COLUMNS)
        w.writeheader()
        w.writerows(data)
    par = sltd.records_from_csv(path, KEY, workers=3)
    one = sltd.records_from_csv(path, KEY, workers=1)
    assert np.array_equal(par[0], one[0]) and np.array_equal(par[1], one[1]) and len(par[0]) == 5000
    lines = path.read_text().splitlines()
    lines[4500] = "UTO,P,X1,misplaced,2020-01-01"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(sltd.SltdError, match="line 4501: .*misplaced"):
        sltd.records_from_csv(path, KEY, workers=3)
