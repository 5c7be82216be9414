"""Messages of the core: English text (what is stored and printed) that keeps its template."""
from __future__ import annotations

import json
import pickle

from inspector_app.domain import rules
from inspector_app.domain.messages import msg
from inspector_app.domain.periods import Period


def test_a_message_is_its_english_text_and_keeps_template_and_params():
    m = msg("expired {expiry}, examined {date}", expiry="2020-01-01", date="2026-01-01")
    assert m == "expired 2020-01-01, examined 2026-01-01" and isinstance(m, str)
    assert (m.template, m.params) == ("expired {expiry}, examined {date}", {"expiry": "2020-01-01", "date": "2026-01-01"})
    assert json.loads(json.dumps([m])) == ["expired 2020-01-01, examined 2026-01-01"]   # stored as plain text
    back = pickle.loads(pickle.dumps(m))                                                # crosses processes whole
    assert (back, back.template, back.params) == (m, m.template, m.params)


def test_a_finding_nests_the_rule_message_and_its_detail():
    f = rules.finding("hit.open", msg("{count} open", count=2))
    assert f.message == "a watchlist or document hit is open: a supervisor must clear it first: 2 open"
    assert f.message.template == "{rule}: {detail}"
    assert f.message.params["rule"] == rules.rule("hit.open").message
    assert f.message.params["detail"].template == "{count} open"


def test_codes_come_out_in_words():
    assert rules.finger_name("Left IndexFinger") == "left index finger"
    assert str(Period.parse("90d").describe()) == "90 days"
    assert str(Period.parse("4y3m").describe()) == "4 years and 3 months"
    assert str(Period.parse("1y").describe()) == "1 year"

