"""Opening the SQLCipher database: raw key, WAL, and a clear error when the key is wrong."""
from __future__ import annotations

from pathlib import Path

import sqlcipher3

from .errors import StoreError, WrongKey

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """An open, keyed connection to ``path`` in WAL mode, or ``WrongKey``/``StoreError``.

    The key is given raw (``x'..'``), so SQLCipher skips its PBKDF2 step: the key is already
    32 random bytes, and opening stays fast for the CLI and the crash loop.
    """
    if len(key) != 32:
        raise StoreError("the database key must be 32 bytes")
    try:
        conn = sqlcipher3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        # SQLCipher logs decryption failures to stderr; we report them ourselves.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise WrongKey(
                f"cannot decrypt {path}: the key does not fit this database, or the file is not a "
                f"Border Inspector database ({exc})"
            ) from None
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"{path}: could not switch to WAL journal mode (got {mode})")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no temporary files beside the database
    except BaseException:
        conn.close()
        raise
    return conn


def integrity_check(conn) -> list[str]:
    """``PRAGMA integrity_check`` rows; ``["ok"]`` when the file is sound."""
    return [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
