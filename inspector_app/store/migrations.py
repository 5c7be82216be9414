"""Versioned schema: each migration runs once, in order, inside its own transaction.

``schema_version`` records what has been applied. Never edit a migration that has shipped; add
the next one. Statements are run one by one (``executescript`` would commit half-way).
"""
from __future__ import annotations

from dataclasses import dataclass

from inspector_app.common.clock import utc_now

APPEND_ONLY_TABLES = ("decisions", "reviews", "audit", "check_results")


def _append_only(table: str) -> list[str]:
    return [
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be changed'); END",
        f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{table} is append-only: rows cannot be deleted'); END",
    ]


V1 = [
    """CREATE TABLE examinations (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        started_at TEXT,
        booth TEXT,
        port TEXT,
        inspector TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX examinations_started ON examinations(started_at)",
    """CREATE TABLE check_results (
        id TEXT PRIMARY KEY,
        examination_id TEXT NOT NULL REFERENCES examinations(id),
        created_at TEXT NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL,
        score REAL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX check_results_exam ON check_results(examination_id)",
    """CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        examination_id TEXT NOT NULL REFERENCES examinations(id),
        decided_at TEXT NOT NULL,
        type TEXT NOT NULL,
        inspector TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX decisions_exam ON decisions(examination_id)",
    """CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        check_result_id TEXT NOT NULL REFERENCES check_results(id),
        examination_id TEXT NOT NULL REFERENCES examinations(id),
        reviewed_at TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('confirmed', 'cleared')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
    )""",
    "CREATE INDEX reviews_check ON reviews(check_result_id)",
    """CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        acked_at TEXT
    )""",
    "CREATE INDEX outbox_pending ON outbox(seq) WHERE acked_at IS NULL",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        event TEXT NOT NULL,
        actor TEXT NOT NULL,
        payload TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""",
    """CREATE TABLE users (
        user TEXT PRIMARY KEY,
        display_name TEXT NOT NULL DEFAULT '',
        roles TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    *[stmt for table in APPEND_ONLY_TABLES for stmt in _append_only(table)],
]


def _outbox_guard() -> list[str]:
    """The outbox's content never changes and no row goes away; ``acked_at`` and the quarantine
    columns may change once, from NULL to a value."""
    return [
        "CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox "
        "BEGIN SELECT RAISE(ABORT, 'outbox rows cannot be deleted'); END",
        "CREATE TRIGGER outbox_content_fixed BEFORE UPDATE ON outbox WHEN "
        "NEW.seq IS NOT OLD.seq OR NEW.record_id IS NOT OLD.record_id OR NEW.kind IS NOT OLD.kind "
        "OR NEW.payload IS NOT OLD.payload OR NEW.created_at IS NOT OLD.created_at "
        "OR (OLD.acked_at IS NOT NULL AND NEW.acked_at IS NOT OLD.acked_at) "
        "OR (OLD.quarantined_at IS NOT NULL AND (NEW.quarantined_at IS NOT OLD.quarantined_at "
        "OR NEW.quarantine_reason IS NOT OLD.quarantine_reason)) "
        "OR (NEW.quarantined_at IS NULL) <> (NEW.quarantine_reason IS NULL) "
        "BEGIN SELECT RAISE(ABORT, 'outbox rows cannot be changed (only acked or quarantined once)'); END",
    ]


V2 = [
    # users carry their review-signing key (public, and private wrapped by their password) and ports
    "ALTER TABLE users ADD COLUMN public_key TEXT",
    "ALTER TABLE users ADD COLUMN wrapped_key TEXT",
    "ALTER TABLE users ADD COLUMN ports TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE reviews ADD COLUMN signature TEXT",
    # outbox quarantine: a record the hub refuses for good leaves the queue, kept with the reason
    "ALTER TABLE outbox ADD COLUMN quarantined_at TEXT",
    "ALTER TABLE outbox ADD COLUMN quarantine_reason TEXT",
    "DROP INDEX outbox_pending",
    "CREATE INDEX outbox_queue ON outbox(seq) WHERE acked_at IS NULL AND quarantined_at IS NULL",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # outbox rows queued before this migration have no audit entry of their own
    "INSERT INTO meta(key, value) SELECT 'outbox_audited_after', CAST(coalesce(max(seq), 0) AS TEXT) FROM outbox",
    *_append_only("examinations"),
    *_outbox_guard(),
]

V3 = [
    # a departure finds the traveller's landing by document (store.landings): an index, not a scan
    "CREATE INDEX examinations_traveller ON examinations("
    "json_extract(data, '$.traveller.document_number'), json_extract(data, '$.traveller.nationality'))",
]

V4 = [
    # pre-arrival API screening (store.pre_arrival): each imported manifest's screening result,
    # and one row per person on it, found by document number and nationality at the booth
    """CREATE TABLE manifests (
        id TEXT PRIMARY KEY,
        imported_at TEXT NOT NULL,
        flight TEXT NOT NULL,
        scheduled_arrival TEXT,
        actor TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    """CREATE TABLE manifest_people (
        manifest_id TEXT NOT NULL REFERENCES manifests(id),
        document_number TEXT NOT NULL,
        nationality TEXT NOT NULL,
        state TEXT NOT NULL,
        data TEXT NOT NULL
    )""",
    "CREATE INDEX manifest_people_document ON manifest_people(document_number, nationality)",
]

V5 = [
    # earlier encounters (store.encounters): this booth's examinations' templates, and the port's
    # recent ones pulled from the hub, searched 1:N when the hub cannot be asked
    """CREATE TABLE encounters (
        encounter_id TEXT PRIMARY KEY,
        origin TEXT NOT NULL CHECK (origin IN ('booth', 'hub')),
        booth_id TEXT, port TEXT,
        examined_at TEXT NOT NULL,
        identity TEXT NOT NULL,
        decision TEXT,
        templates TEXT NOT NULL,
        received_at TEXT NOT NULL
    )""",
    "CREATE INDEX encounters_examined ON encounters(examined_at)",
    # a hub search that could not run when the traveller was examined: run at the next sync with
    # the authorisation the inspector signed then, and flagged after the fact
    """CREATE TABLE encounter_searches (
        examination_id TEXT PRIMARY KEY,
        authorisation TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'refused')),
        created_at TEXT NOT NULL,
        searched_at TEXT,
        result TEXT
    )""",
]

V6 = [
    # the same PAXLST file arriving twice (watched folder, USB stick, the hub) is one manifest:
    # the SHA-256 of its bytes, unique where known (manifests imported before have none)
    "ALTER TABLE manifests ADD COLUMN digest TEXT",
    "CREATE UNIQUE INDEX manifests_digest ON manifests(digest)",
]


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "examinations, check results, decisions, reviews, outbox, audit, users", tuple(V1)),
    Migration(2, "signed reviews, user keys and versions, outbox quarantine, append-only examinations and outbox",
              tuple(V2)),
    Migration(3, "examinations indexed by the traveller's document number and nationality", tuple(V3)),
    Migration(4, "pre-arrival (API) manifests screened, and their people by document", tuple(V4)),
    Migration(5, "earlier encounters' templates, and hub searches deferred while offline", tuple(V5)),
    Migration(6, "pre-arrival manifests known by the digest of their file", tuple(V6)),
)


def current_version(conn) -> int:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def apply_migrations(conn, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply every migration newer than the database, each in one IMMEDIATE transaction.

    Two processes opening a new booth at once both try; the second finds the version already
    recorded once it holds the write lock and skips it.
    """
    applied: list[int] = []
    known = max((m.version for m in migrations), default=0)
    if current_version(conn) > known:
        from .errors import StoreError

        raise StoreError(
            f"the booth database has schema version {current_version(conn)}, newer than this "
            f"program knows ({known}): update Border Inspector"
        )
    for migration in sorted(migrations, key=lambda m: m.version):
        if migration.version <= current_version(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if migration.version <= current_version(conn):
                conn.execute("ROLLBACK")
                continue
            for stmt in migration.statements:
                conn.execute(stmt)
            conn.execute(
                "INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, utc_now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
