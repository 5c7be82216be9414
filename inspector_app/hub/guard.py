"""The hub's front door: a pure ASGI middleware that runs before any endpoint reads a byte.

In order, for every HTTP request:

1. the URL must be text the hub can store (no NUL, no control characters, valid UTF-8): else 400;
   a number in the query beyond BIGINT: 422;
2. a credential: every path except the public ones (``GET``/``HEAD`` of ``/health``,
   ``/openapi.json``, ``/docs``, ``/docs/oauth2-redirect``) needs ``Authorization: Bearer <token>``
   that ``authenticate(token)`` accepts; else 401 at once, the body unread. The principal it
   returns is put in ``scope["state"]["principal"]`` (``request.state.principal`` in an endpoint,
   or ``guard.principal(request)``). Failed attempts are rate limited per client address;
3. a rate limit per credential (token bucket in this process): else 429 with ``Retry-After``;
4. admission (back-pressure), for authenticated requests only (one without a credential never
   takes a booth's turn): at most ``max_pushes`` record pushes running in this process, and
   ``push_queue`` more waiting up to ``push_wait_s`` for a turn; ``max_inflight`` other requests.
   Beyond, 503 with ``Retry-After`` at once (the body unread and discarded) rather than a queue
   that grows until booths time out. Pushes have their own lane so a flood of them never starves
   a supervisor's queue read;
5. the body: a ``Content-Length`` above ``max_body`` is 413 at once, unread; a chunked body is
   counted as it streams and cut with 413 at the limit; a body that stalls longer than
   ``body_idle_timeout_s`` between chunks is 408. Error answers close the connection, except a
   413 for a body of at most twice the limit: uvicorn discards the rest (never buffered) so that
   a client that writes its whole request before reading, as httpx does, gets the 413 and not a
   reset; ``runner.HeaderTimeoutH11`` hangs up after twice ``max_body`` discarded bytes or the
   header timeout.

Whatever still escapes an endpoint becomes JSON without internals: a value the database cannot
take (out of range, bad text) 422, the database unavailable 503, anything else 500. Validation
errors are answered without echoing the input. A database that is saturated (no pooled
connection in time) or down is 503 with ``Retry-After``. Header and connection limits are the server's
(``runner.build_config``, ``runner.HubServer``: ``header_timeout_s``, ``tls_handshake_timeout_s``,
``max_connections``, ``max_header_bytes``, ``keep_alive_s``).
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from inspector_app.hub.pool import HubBusy, HubDbError

log = logging.getLogger("inspector_app.hub")

PUSH_LANE, OTHER_LANE = "push", "other"
BUSY = "the hub is busy; retry after the time in Retry-After"  # a shed request and a saturated pool alike
PUBLIC_PATHS = frozenset({"/health", "/openapi.json", "/docs", "/docs/oauth2-redirect"})
MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The hub's limits. ``max_body``: a push of 1000 records of a few KB each is 2-6 MB of JSON
    (tests/security/test_hub_hardening.py measures one); 16 MiB leaves room for bigger ones."""
    max_body: int = 16 * MiB
    rate_per_s: float = 50.0          # requests per second per credential, sustained
    burst: int = 500                  # ... and at once
    failed_auth_per_s: float = 10.0   # failed authentications per second per client address
    failed_auth_burst: int = 100
    body_idle_timeout_s: float = 30.0  # longest pause between two chunks of a request body
    header_timeout_s: float = 10.0    # a connection must complete each request's headers in this time
    tls_handshake_timeout_s: float = 10.0  # ... and its TLS handshake (asyncio's default: 60 s)
    keep_alive_s: int = 5             # idle keep-alive connections are closed after this
    max_connections: int = 512        # above this uvicorn answers 503
    max_header_bytes: int = 16 * 1024  # request line + headers
    # A push is CPU work in one Python process (one core): more at once only share it and all take
    # longer (and slow the supervisors' reads); a few wait their turn, the rest are told to come back.
    # Measured: benchmarks/hub_load.py, 100 booths, 2 processes: p99 5.7 s with 2 at once, 4.4 s with 1.
    max_pushes: int = 1               # record pushes running at once in this process
    push_queue: int = 6               # ... waiting for their turn, at most (beyond: 503 at once)
    push_wait_s: float = 2.0          # ... for at most this long (then 503: well inside a booth's 15 s)
    max_inflight: int = 64            # other authenticated requests at once in this process (no queue)
    retry_after_s: int = 2            # Retry-After of a 503: 1 to this many seconds, at random (no herd)


class TokenBucket:
    """Token buckets by key, refilled continuously. Single-threaded use (the event loop)."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic, max_keys: int = 10000):
        self.rate, self.burst, self.clock, self.max_keys = rate, burst, clock, max_keys
        self._buckets: dict[Any, tuple[float, float]] = {}

    def take(self, key: Any) -> float:
        """0 if a token was taken, else the seconds until one will be there."""
        now = self.clock()
        tokens, last = self._buckets.get(key, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > self.max_keys:
                self._prune(now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1 - tokens) / self.rate if self.rate > 0 else 3600.0

    def _prune(self, now: float) -> None:
        """Forget full buckets (they are equal to a new one); under a flood of keys, the oldest."""
        full = [k for k, (t, last) in self._buckets.items() if t + (now - last) * self.rate >= self.burst]
        for k in full:
            del self._buckets[k]
        if len(self._buckets) > self.max_keys:
            for k in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: len(self._buckets) - self.max_keys]:
                del self._buckets[k]


class Lane:
    """Admission for one kind of request in this process: ``running`` at once, up to ``queue``
    more waiting at most ``wait_s`` for a turn (the body still unread), any other answered 503 at
    once. Event loop only."""

    def __init__(self, running: int, queue: int, wait_s: float):
        self.running, self.queue, self.wait_s = running, queue, wait_s
        self.busy = self.waiting = self.shed = 0
        self._turns = asyncio.Semaphore(running)

    async def enter(self) -> bool:
        """True with a turn taken (call ``leave`` after), False if the request is to be shed."""
        if self.busy + self.waiting >= self.running + self.queue:
            self.shed += 1
            return False
        self.waiting += 1  # also while a free turn is taken: nobody overtakes through a gap
        try:
            if self.wait_s > 0:
                await asyncio.wait_for(self._turns.acquire(), self.wait_s)
            else:
                await self._turns.acquire()  # free by the count above: no wait
        except TimeoutError:
            self.shed += 1
            return False
        finally:
            self.waiting -= 1
        self.busy += 1
        return True

    def leave(self) -> None:
        self.busy -= 1
        self._turns.release()


class _BodyError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def principal(request) -> Any:
    """The principal ``authenticate`` returned for this request (None on public paths)."""
    return request.scope.get("state", {}).get("principal")


def _json_response(status: int, detail: Any, headers: list[tuple[bytes, bytes]] = ()) -> tuple[dict, dict]:
    body = json.dumps({"detail": detail}, ensure_ascii=True).encode("ascii")
    hs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers]
    return ({"type": "http.response.start", "status": status, "headers": hs},
            {"type": "http.response.body", "body": body})


async def _answer(send, status: int, detail: Any, headers=(), close: bool = True) -> None:
    """A JSON error; the connection is closed after it (the body may be unread) unless ``close``
    is False: then uvicorn discards the rest of the body and the connection lives on, which the
    header timeout (runner.HeaderTimeoutH11) bounds: no next request head within it, closed."""
    start, body = _json_response(status, detail, [*headers, *([(b"connection", b"close")] if close else [])])
    await send(start)
    await send(body)


def _header(scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return v
    return None


def _bearer(scope) -> str | None:
    raw = _header(scope, b"authorization")
    if not raw:
        return None
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    scheme, _, token = text.strip().partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


MAX_INT = 2**63 - 1  # every number the hub stores or compares is a BIGINT


def _bad_url(scope) -> tuple[int, str] | None:
    """(status, message) if the URL holds what no endpoint may see: a NUL or control character,
    text that is not UTF-8, or a query number outside BIGINT."""
    from urllib.parse import parse_qsl

    path = scope.get("path", "")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in path) or b"\x00" in (scope.get("raw_path") or b""):
        return 400, "the path contains a NUL or control character"
    if "\ufffd" in path:  # uvicorn decoded a percent-escape that is not UTF-8
        return 400, "the path is not valid UTF-8"
    try:
        query = (scope.get("query_string") or b"").decode("ascii")
        pairs = parse_qsl(query, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError):
        return 400, "the query is not valid UTF-8"
    for name, value in pairs:
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name + value):
            return 400, "the query contains a NUL or control character"
        digits = value[1:] if value[:1] in "+-" else value
        if digits.isdigit() and digits.isascii() and len(digits) > 18 and abs(int(value)) > MAX_INT:
            return 422, f"query parameter {name[:40]!r} is out of range (at most {MAX_INT})"
    return None


def classify(exc: BaseException) -> tuple[int, str]:
    """(status, message) for an exception that escaped an endpoint: no internals in the message."""
    names = {c.__name__ for c in type(exc).__mro__}
    if isinstance(exc, (OverflowError, UnicodeError, RecursionError)) or "DataError" in names:
        return 422, "a value in the request cannot be stored (number out of range or text that is not valid)"
    if isinstance(exc, HubBusy):
        return 503, BUSY
    if isinstance(exc, HubDbError) or names & {"OperationalError", "InterfaceError"}:
        return 503, "the hub database is unavailable; retry later"
    return 500, "internal error (logged at the hub)"


class Guard:
    def __init__(self, app, authenticate: Callable[[str], Any], limits: Limits | None = None,
                 public_paths=PUBLIC_PATHS, clock: Callable[[], float] = time.monotonic):
        self.app = app
        self.authenticate = authenticate
        self.limits = limits or Limits()
        self.public_paths = frozenset(public_paths)
        self.rate = TokenBucket(self.limits.rate_per_s, self.limits.burst, clock)
        self.failed = TokenBucket(self.limits.failed_auth_per_s, self.limits.failed_auth_burst, clock)
        self.lanes = {PUSH_LANE: Lane(self.limits.max_pushes, self.limits.push_queue, self.limits.push_wait_s),
                      OTHER_LANE: Lane(self.limits.max_inflight, 0, 0.0)}
        self._jitter = random.Random()

    def _retry_after(self, exc: BaseException | None = None) -> list[tuple[bytes, bytes]]:
        """1 to ``retry_after_s`` seconds when the hub is busy; 10 to 30 when its database is
        unavailable (an outage lasts longer than a rush: hundreds of booths asking every second
        would only add to it)."""
        low, high = (1, max(1, self.limits.retry_after_s)) if exc is None or isinstance(exc, HubBusy) else (10, 30)
        return [(b"retry-after", str(self._jitter.randint(low, high)).encode())]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "websocket":  # the hub has none; refuse before anything runs
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        bad = _bad_url(scope)
        if bad:
            await _answer(send, *bad)
            return
        who = await self._authenticate(scope, send)
        if who is _REFUSED:
            return
        if who is None:  # a public path: no lane
            await self._admitted(scope, receive, send)
            return
        # admission after the credential: requests without one never take a booth's turn
        lane = self.lanes[PUSH_LANE if scope["method"] == "POST" and scope["path"] == "/records" else OTHER_LANE]
        if not await lane.enter():
            await _answer(send, 503, BUSY, self._retry_after(), close=False)
            return
        try:
            await self._admitted(scope, receive, send)
        finally:
            lane.leave()

    async def _admitted(self, scope, receive, send) -> None:
        length = _header(scope, b"content-length")
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                n = -1
            if n < 0:
                await _answer(send, 400, "Content-Length is not a number")
                return
            if n > self.limits.max_body:
                # up to twice the limit the rest is discarded so a booth that sends it all still sees
                # why (runner.HeaderTimeoutH11 bounds that); beyond, it would never be: hang up
                await _answer(send, 413, f"request body of {n} bytes exceeds the limit of {self.limits.max_body}",
                              close=n > 2 * self.limits.max_body)
                return
        await self._run(scope, receive, send)

    async def _authenticate(self, scope, send) -> Any:
        if scope["path"] in self.public_paths and scope["method"] in ("GET", "HEAD"):
            return None
        token = _bearer(scope)
        who = None
        if token is not None and len(token) <= 512:
            from starlette.concurrency import run_in_threadpool

            try:
                who = await run_in_threadpool(self.authenticate, token)
            except Exception as exc:  # noqa: BLE001 - e.g. the database is down: say so, without internals
                status, message = classify(exc)
                log.log(logging.ERROR if status == 500 else logging.WARNING, "authentication failed with %s: %s",
                        type(exc).__name__, exc, exc_info=status == 500)
                await _answer(send, 503 if status == 500 else status, message, self._retry_after(exc))
                return _REFUSED
        if who is None:
            client = (scope.get("client") or ("?",))[0]
            wait = self.failed.take(client)
            if wait:
                await _answer(send, 429, "too many failed authentications from this address",
                              [(b"retry-after", str(math.ceil(wait)).encode())])
            else:
                await _answer(send, 401, "a valid booth credential is required "
                              "(Authorization: Bearer <booth_id>.<secret>)", [(b"www-authenticate", b"Bearer")])
            return _REFUSED
        wait = self.rate.take(hashlib.sha256(token.encode()).digest())  # per credential; principals need not hash
        if wait:
            await _answer(send, 429, "too many requests for this credential; retry later",
                          [(b"retry-after", str(math.ceil(wait)).encode())])
            return _REFUSED
        scope.setdefault("state", {})["principal"] = who
        return who

    async def _run(self, scope, receive, send) -> None:
        limits = self.limits
        seen = 0
        failure: list[_BodyError] = []
        started = replaced = False

        async def guarded_receive():
            nonlocal seen
            if failure:
                raise failure[0]
            try:
                message = await asyncio.wait_for(receive(), limits.body_idle_timeout_s)
            except TimeoutError:
                failure.append(_BodyError(408, f"request body stalled for more than {limits.body_idle_timeout_s:g} s"))
                raise failure[0] from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limits.max_body:
                    failure.append(_BodyError(413, f"request body exceeds the limit of {limits.max_body} bytes"))
                    raise failure[0]
            return message

        async def guarded_send(message):
            nonlocal started, replaced
            if replaced:
                return  # our error answer went out instead of the app's
            if failure and not started:  # the app turned our body error into its own answer: ours wins
                started = replaced = True
                await _answer(send, failure[0].status, failure[0].message, close=failure[0].status != 413)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, guarded_receive, guarded_send)
        except Exception as exc:
            if started:
                if replaced:
                    return
                raise  # mid-stream (a bundle download): only closing the connection is left
            started = replaced = True
            if failure:
                await _answer(send, failure[0].status, failure[0].message, close=failure[0].status != 413)
                return
            status, message = classify(exc)
            log.log(logging.ERROR if status == 500 else logging.WARNING, "%s %s answered %d: %s",
                    scope["method"], scope["path"], status, type(exc).__name__, exc_info=status == 500)
            await _answer(send, status, message, self._retry_after(exc) if status == 503 else ())


_REFUSED = object()


def install(app, authenticate: Callable[[str], Any], limits: Limits | None = None, **kw) -> None:
    """Put the guard in front of a FastAPI ``app`` (one call in ``create_app``) and answer
    validation errors without echoing the input. ``authenticate(token) -> principal | None``."""
    from fastapi.exceptions import RequestValidationError

    async def validation_error(request, exc: RequestValidationError):
        from starlette.responses import Response

        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": e.get("type", "")}
                  for e in exc.errors()]
        body = json.dumps({"detail": errors}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_middleware(Guard, authenticate=authenticate, limits=limits, **kw)
    app.state.limits = limits or Limits()

    def guard_stats() -> dict:
        """Admission figures of this process: ``busy`` and ``shed`` by lane (tests, benchmarks)."""
        found = _find_guard(app.middleware_stack)
        if found is None:
            return {"busy": {}, "waiting": {}, "shed": {}}
        return {k: {name: getattr(lane, k) for name, lane in found.lanes.items()} for k in ("busy", "waiting", "shed")}

    app.state.guard_stats = guard_stats


def _find_guard(node) -> Guard | None:
    """The Guard in Starlette's built middleware stack (it is built at the first request)."""
    while node is not None:
        if isinstance(node, Guard):
            return node
        node = getattr(node, "app", None)
    return None
