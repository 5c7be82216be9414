"""Bounded connection pools for the hub database, one per hub process.

Why a pool and not a connection per thread: uvicorn runs endpoints on anyio's worker threads,
which retire after 10 s idle and are replaced by new ones; a connection kept per thread was never
closed, so bursts of pushes with idle gaps between them grew PostgreSQL's connections until it
refused them all (issue 12). A pool bounds them (``size`` per process: processes x size is the
deployment's connection budget, docs/DEPLOYMENT.md), hands each request a connection for the
length of one transaction and takes it back, and checks a connection before lending it (a
PostgreSQL restart costs no failed request). A request that cannot get a connection within
``timeout`` seconds fails with ``HubBusy``, which the guard answers with 503 and ``Retry-After``.

SQLite (a demo, a small port): one writer at a time (SQLite allows no more; the lock is taken
before a connection, so waiting writers hold none), readers on their own WAL connections, never
behind a writer.
"""
from __future__ import annotations

import queue
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager


class HubDbError(RuntimeError):
    """The hub database cannot be opened or used; the message names the URL and the cause."""


class HubBusy(HubDbError):
    """No connection (or no turn to write) within the pool's timeout: the hub is saturated.
    Answered 503 with Retry-After; the booth keeps its outbox and comes back."""


class SqlitePool:
    def __init__(self, path: str, size: int, timeout: float):
        if size < 1:
            raise ValueError("the pool needs at least one connection")
        self.path, self.size, self.timeout = path, size, timeout
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._write = threading.Lock()
        self._open: set = set()
        self._guard = threading.Lock()
        self._closed = False

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=60, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        with self._guard:
            self._open.add(conn)
        return conn

    def _discard(self, conn) -> None:
        with self._guard:
            self._open.discard(conn)
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            pass

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        if self._closed:
            raise HubDbError("the hub database is closed")
        if not self._slots.acquire(timeout=self.timeout):
            raise HubBusy(f"no database connection free within {self.timeout:g} s")
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = self._connect()
            try:
                yield conn
            finally:
                if self._closed or conn.in_transaction:  # closed, or an error broke the rollback too
                    self._discard(conn)
                else:
                    self._idle.put(conn)
        finally:
            self._slots.release()

    @contextmanager
    def writer(self) -> Iterator[None]:
        if not self._write.acquire(timeout=self.timeout):
            raise HubBusy(f"no turn to write within {self.timeout:g} s")
        try:
            yield
        finally:
            self._write.release()

    def stats(self) -> dict:
        with self._guard:
            return {"open": len(self._open), "idle": self._idle.qsize(), "max": self.size}

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._discard(self._idle.get_nowait())
            except queue.Empty:
                break


class PostgresPool:
    """psycopg_pool's ConnectionPool with the hub's settings: autocommit connections (a read is
    one round trip; a write is BEGIN ... COMMIT by ``transaction()``), checked before lending."""

    def __init__(self, url: str, size: int, timeout: float, application_name: str = "inspector-hub",
                 fixed: bool = False):
        import psycopg
        from psycopg_pool import ConnectionPool, PoolTimeout

        self.size, self.timeout = size, timeout
        self._timeout_error = PoolTimeout
        # fixed (a serving hub): every connection opened at start and kept, so the count is the
        # same through any burst; otherwise (one-shot commands, tests) opened as needed
        self._pool = ConnectionPool(url, min_size=size if fixed else min(2, size), max_size=size, timeout=timeout,
                                    max_idle=300,
                                    check=ConnectionPool.check_connection, open=False, name="hub",
                                    kwargs={"autocommit": True, "application_name": application_name})
        try:
            self._pool.open(wait=True, timeout=max(timeout, 10.0))
        except (PoolTimeout, psycopg.Error) as exc:
            self._pool.close()
            raise HubDbError(f"no connection could be opened: {exc}") from exc

    @contextmanager
    def connection(self):
        with ExitStack() as stack:
            try:  # only the wait for a connection is "busy", not a timeout inside the caller's block
                conn = stack.enter_context(self._pool.connection())
            except self._timeout_error as exc:
                raise HubBusy(f"no database connection free within {self.timeout:g} s") from exc
            yield conn

    @contextmanager
    def writer(self) -> Iterator[None]:
        yield  # PostgreSQL's own row locks order writers

    def stats(self) -> dict:
        s = self._pool.get_stats()
        return {"open": s.get("pool_size", 0), "idle": s.get("pool_available", 0), "max": self.size,
                "waiting": s.get("requests_waiting", 0)}

    def close(self) -> None:
        self._pool.close()
