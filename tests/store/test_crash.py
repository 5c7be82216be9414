"""Crash safety, shown (issue 2, item 7): SIGKILL a process recording decisions, many times.

After each kill: no traveller name in the database files (checked before reopening, while the
WAL still holds the last pages), the store opens, ``PRAGMA integrity_check`` is ok, the audit
chain verifies, and every decision the child reported as saved is present with its audit entry
and outbox record. ``benchmarks/crash_loop.py`` runs the same loop for longer.
"""
from __future__ import annotations

import pytest

from benchmarks import crashloop

KILLS = 30


@pytest.mark.slow
def test_sigkill_loop_loses_nothing_reported(tmp_path):
    summary = crashloop.run(tmp_path / "booth", kills=KILLS, seed=2026, max_delay_s=0.4)
    assert summary["failures"] == [], summary["failures"][:3]
    assert summary["kills"] == KILLS
    # the loop really recorded (and the kills really interrupted) work
    assert summary["decisions_reported"] >= KILLS
    assert summary["decisions_in_store"] >= summary["decisions_reported"]
    assert summary["kills_leaving_a_wal"] >= KILLS // 2


def test_name_check_would_see_a_plaintext_name(tmp_path):
    """The byte check used after each kill is not blind: it finds the name in an unencrypted file."""
    import sqlite3

    conn = sqlite3.connect(tmp_path / "booth.db")
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.execute("INSERT INTO t VALUES (?)", (crashloop.SURNAME,))
    conn.commit()
    conn.close()
    assert crashloop.plaintext_hits(tmp_path) == ["booth.db"]


def test_check_notices_a_decision_that_was_reported_but_not_saved(tmp_path):
    from inspector_app.store import open_store
    from inspector_app.store.keys import FileKeyProvider

    home = tmp_path / "booth"
    store = open_store(home, key_provider=FileKeyProvider(home / "booth.key"))
    exam = store.create_examination({"inspector": "i"})
    real = store.record_decision(exam, {"type": "referral", "referral_reasons": ["no return ticket"]}, "i")
    store.close()
    result = crashloop.check_store(home, {real: exam, "never-saved": exam})
    assert result["missing"] == ["never-saved"] and result["incomplete"] == []
    assert result["integrity"] == ["ok"] and result["audit_ok"]
