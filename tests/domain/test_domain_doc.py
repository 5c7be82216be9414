"""docs/domain.md against the code and the seeds: every rule code is explained, and every quote
it attributes to a seed line (or to DOMAIN.md) is there word for word, so the page cannot drift
from the rules or put words in a source's mouth."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from inspector_app.domain import rules

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "domain.md"
SHARED = ROOT.parent / "shared"
# “quote” (seed 000 line 213) and “quote” (DOMAIN.md); curly quotes, so a quote may contain "…"
# (a paragraph of the page may wrap anywhere, so any whitespace separates the words)
SEED_QUOTE = re.compile("\u201c([^\u201d]+)\u201d\\s+\\(seed\\s+(\\d{3})\\s+line\\s+(\\d+)\\)")
DOMAIN_QUOTE = re.compile("\u201c([^\u201d]+)\u201d\\s+\\(DOMAIN\\.md\\)")
SEED_CITATION = re.compile(r"\(seed\s+\d+\s+lines?\s+\d+\)")


def _flat(text: str) -> str:
    """Whitespace as one space: a quote may wrap across lines of the page, a seed cell has tabs."""
    return re.sub(r"\s+", " ", text).strip()


def seed_quotes(doc: str) -> list[tuple[str, str, int]]:
    return [(_flat(q), seed, int(line)) for q, seed, line in SEED_QUOTE.findall(doc)]


def quote_problem(quote: str, lines: list[str], line: int) -> str | None:
    """Why ``quote`` is not on 1-based ``line`` of ``lines`` (one line either side allowed, for a
    seed that wraps); None when it is."""
    if not 1 <= line <= len(lines):
        return f"line {line} is outside the seed ({len(lines)} lines)"
    window = _flat(" ".join(lines[max(0, line - 2):line + 1]))
    return None if quote in window else f"not on line {line} (±1): {_flat(lines[line - 1])[:160]!r}"


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (CI checks it out beside the clone): the seeds cannot be read")
    return SHARED


def _seed_lines(shared: Path, seed: str) -> list[str]:
    found = sorted((shared / "seeds").glob(f"{seed}_*.txt"))
    assert len(found) == 1, f"seed {seed}: expected one file in {shared / 'seeds'}, found {found}"
    return found[0].read_text(encoding="utf-8").splitlines()


def test_the_rule_table_has_one_row_per_rule_and_flag_code(doc):
    section = doc[doc.index("\n## The rules\n"):]
    section = section[:section.index("\n## ", 1)]
    rows = re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE)
    codes = [r["rule"] for r in rules.catalogue()]
    twice = sorted(code for code, n in Counter(rows).items() if n > 1)
    assert sorted(rows) == sorted(codes), (f"no row for: {sorted(set(codes) - set(rows))}; a row for no rule: "
                                           f"{sorted(set(rows) - set(codes))}; more than one row: {twice}")


def test_every_seed_citation_is_a_checked_quote(doc):
    """A citation written another way, or a quote without one, would escape the checks below:
    there are none, and there are enough quotes for the checks to mean something."""
    quotes = seed_quotes(doc)
    assert len(quotes) >= 20
    assert len(SEED_CITATION.findall(doc)) == len(quotes), "a (seed NNN line L) citation without a “quote” before it"
    assert doc.count("\u201c") == len(quotes) + len(DOMAIN_QUOTE.findall(doc)), "a “quote” with no citation after it"


def test_every_seed_quote_is_on_its_line(doc, shared):
    lines = {seed: _seed_lines(shared, seed) for seed in {s for _q, s, _l in seed_quotes(doc)}}
    wrong = [(seed, line, quote, problem) for quote, seed, line in seed_quotes(doc)
             if (problem := quote_problem(quote, lines[seed], line))]
    assert not wrong, "\n".join(f"seed {s} line {n}: “{q}”: {p}" for s, n, q, p in wrong)


def test_every_domain_md_quote_is_in_it(doc, shared):
    domain = _flat((shared / "DOMAIN.md").read_text(encoding="utf-8"))
    quotes = [_flat(q) for q in DOMAIN_QUOTE.findall(doc)]
    assert quotes
    assert not [q for q in quotes if q not in domain]


@pytest.mark.parametrize(("quote", "line", "found"), [
    ("A landing permission seal is added to the passport.", 3, True),
    ("A landing permission seal is added to the passport.", 2, True),      # one line off: a wrap
    ("A landing permission seal is added to the passport.", 5, False),
    ("A landing permission seal is added to a passport.", 3, False),       # one word altered
    ("landing permission seal is added", 9, False),                        # beyond the seed
])
def test_a_quote_is_checked_word_for_word_on_its_line(quote, line, found):
    lines = ["Entry examination", "", "A landing permission seal is added to the passport.", "", "Other text."]
    assert (quote_problem(quote, lines, line) is None) is found
