"""`inspector-app audit verify` and `store init/info` through the real command line."""
from __future__ import annotations

import json
import os

import pytest

from inspector_app.store import open_store
from inspector_app.store.keys import FileKeyProvider
from inspector_app.store.migrations import MIGRATIONS

ENV = {"INSPECTOR_KEY_PROVIDER": "file"}


@pytest.fixture
def booth(tmp_path):
    home = tmp_path / "booth"
    store = open_store(home, key_provider=FileKeyProvider(home / "booth.key"))
    for i in range(5):
        store.append_audit("test.event", "insp-a", {"i": i})
    store.close()
    return home


def tamper(home, sql):
    import sqlcipher3

    key = FileKeyProvider(home / "booth.key").get_key()
    conn = sqlcipher3.connect(str(home / "booth.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(sql)
    conn.close()


def test_audit_verify_whole_chain(run_cli, booth):
    out = run_cli("audit", "verify", "--json", "--home", booth, env=ENV)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] is True and report["entries"] == 5 and report["first_broken"] is None


@pytest.mark.parametrize("sql, kind, seq", [
    ("UPDATE audit SET payload = '{\"i\":7}' WHERE seq = 2", "edited", 2),
    ("DELETE FROM audit WHERE seq = 3", "deleted", 3),
])
def test_audit_verify_reports_first_broken_link(run_cli, booth, sql, kind, seq):
    tamper(booth, sql)
    out = run_cli("audit", "verify", "--json", "--home", booth, env=ENV)
    assert out.returncode == 1, out.stderr
    broken = json.loads(out.stdout)["first_broken"]
    assert (broken["kind"], broken["seq"]) == (kind, seq)
    text = run_cli("audit", "verify", "--home", booth, env=ENV)
    assert text.returncode == 1 and "BROKEN" in text.stdout and kind in text.stdout


def test_wrong_key_is_a_message_not_a_traceback(run_cli, booth):
    key_path = booth / "booth.key"
    key_path.unlink()
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, (b"ab" * 32) + b"\n")
    os.close(fd)
    out = run_cli("audit", "verify", "--json", "--home", booth, env=ENV)
    assert out.returncode == 2
    assert "cannot decrypt" in out.stderr
    assert "Traceback" not in out.stderr and "hmac check failed" not in out.stderr


def test_insecure_key_file_is_refused_by_the_cli(run_cli, booth):
    os.chmod(booth / "booth.key", 0o644)
    out = run_cli("audit", "verify", "--home", booth, env=ENV)
    assert out.returncode == 2 and "chmod 600" in out.stderr and "Traceback" not in out.stderr


def test_missing_database_is_reported(run_cli, tmp_path):
    out = run_cli("audit", "verify", "--home", tmp_path / "empty", env=ENV)
    assert out.returncode == 2 and "no booth database" in out.stderr


def test_store_init_then_info(run_cli, tmp_path):
    home = tmp_path / "new"
    out = run_cli("store", "init", "--json", "--home", home, env=ENV)
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["schema_version"] == MIGRATIONS[-1].version and info["integrity"] == ["ok"]
    assert (home / "booth.key").exists()
    again = run_cli("store", "info", "--json", "--home", home, env=ENV)
    assert again.returncode == 0 and json.loads(again.stdout)["counts"]["audit"] == 0


def test_audit_verify_reports_rows_changed_behind_the_log(run_cli, tmp_path):
    home = tmp_path / "booth"
    store = open_store(home, key_provider=FileKeyProvider(home / "booth.key"))
    exam = store.create_examination({"inspector": "insp-a"})
    store.record_decision(exam, {"type": "referral", "referral_reasons": ["no visa"]}, "insp-a")
    store.close()
    tamper(home, "UPDATE decisions SET type = 'landing_permission'")
    out = run_cli("audit", "verify", "--home", home, env=ENV)
    assert out.returncode == 1
    assert "audit chain whole" in out.stdout and "records BROKEN" in out.stdout and "edited" in out.stdout


def test_audit_verify_against_an_anchor(run_cli, booth):
    store = open_store(booth, key_provider=FileKeyProvider(booth / "booth.key"))
    head = store.audit_head()
    store.close()
    assert head["seq"] == 5
    ok = run_cli("store", "audit", "verify", "--json", "--home", booth, "--anchor-seq", head["seq"],
                 "--anchor-hash", head["hash"], env=ENV)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["anchor"] == {**head, "ok": True}
    tamper(booth, "DELETE FROM audit WHERE seq = 5")
    tamper(booth, "DELETE FROM sqlite_sequence WHERE name = 'audit'")  # hide the cut from AUTOINCREMENT
    cut = run_cli("audit", "verify", "--home", booth, "--anchor-seq", head["seq"], "--anchor-hash", head["hash"],
                  env=ENV)
    assert cut.returncode == 1 and "truncated" in cut.stdout
    half = run_cli("audit", "verify", "--home", booth, "--anchor-seq", "5", env=ENV)
    assert half.returncode == 2 and "go together" in half.stderr


def test_store_init_new_replaces_a_lost_database_only_on_purpose(run_cli, booth):
    (booth / "booth.db").unlink()
    for suffix in ("-wal", "-shm"):
        (booth / f"booth.db{suffix}").unlink(missing_ok=True)
    out = run_cli("store", "init", "--home", booth, env=ENV)
    assert out.returncode == 2 and "is gone" in out.stderr and "store init --new" in out.stderr
    assert not (booth / "booth.db").exists()
    new = run_cli("store", "init", "--new", "--json", "--home", booth, env=ENV)
    assert new.returncode == 0, new.stderr
    assert json.loads(new.stdout)["counts"]["audit"] == 0
