"""The hub's front door (hub/guard.py, runner.HeaderTimeoutH11) against hostile clients, over real
TLS on loopback: credentials before bodies, body limits, slow and half-open connections, rate
limits, and bad input that must be a 4xx with a JSON message, never a 500, on SQLite and PostgreSQL."""
from __future__ import annotations

import base64
import json
import logging
import select
import time
import uuid

import httpx
import pytest
from fastapi import FastAPI, Request

from inspector_app.hub.guard import Limits
from tests.hub.conftest import PORT, enrol_booth, trust_of
from tests.security.conftest import read_response, tls_socket, try_recv

MAX = 2**63 - 1


def _wait_for(pred, what: str, timeout: float = 30, every: float = 0.02):
    deadline = time.monotonic() + timeout
    while not pred():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(every)


def _client(hub, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=hub.url, verify=hub.tls_context, headers=headers, timeout=30)


# -- a realistic push batch --------------------------------------------------------------------

def realistic_batch(n: int = 1000) -> list[dict]:
    """Outbox records as the Store writes them for full examinations: the examination (traveller,
    parsed MRZ), document/list/biometric check results (a biographic hit with its list record) and
    the decision; 7 records a traveller, as many travellers as needed for ``n`` records."""
    from inspector_app.common.canonical import normalise
    from inspector_app.domain import mrz

    parsed = normalise(mrz.parse_mrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                     "L898902C36UTO7408122F1204159ZE184226B<<<<<10").to_dict())
    coverage = {"state": "no_match", "list_version": 41, "list_created_at": "2026-11-21T03:00:00Z"}
    out: list[dict] = []
    seq = 0
    while len(out) < n:
        exam = str(uuid.uuid4())
        traveller = {"surname": "ERIKSSON", "given_names": "ANNA MARIA", "birth_date": "1974-08-12", "sex": "F",
                     "nationality": "UTO", "document_number": "L898902C3", "document_expiry": "2012-04-15"}
        payloads = [
            ("examination", {"examination_id": exam, "traveller": traveller, "mrz": parsed, "booth": "narita-t1-07",
                             "port": "Narita Airport", "inspector": "tanaka", "examination_date": "2026-11-22",
                             "started_at": "2026-11-22T05:00:00.123456Z"}),
            ("check_result", {"examination_id": exam, "kind": "document", "outcome": "clear",
                              "reasons": ["check digits valid", "document not expired"], "mrz_valid": True}),
            ("check_result", {"examination_id": exam, "kind": "sltd", "outcome": "clear", "reasons": [],
                              "coverage": coverage, "list_version": 41}),
            ("check_result", {"examination_id": exam, "kind": "biographic", "outcome": "hit", "score": 0.93,
                              "reasons": ["surname exact", "birth date exact", "given names similar (0.88)"],
                              "list": "wanted", "subject_id": "WL-1042", "open": True, "coverage": coverage,
                              "record": {"subject_id": "WL-1042", "surname": "ERIKSSON", "given_names": "ANNA",
                                         "birth_date": "1974-08-12", "sex": "F", "nationality": "UTO",
                                         "reason": "red notice A-1234/11-2026", "ban_until": ""}}),
            ("check_result", {"examination_id": exam, "kind": "face_capture", "outcome": "clear",
                              "quality": {"inter_eye_px": 92.4, "roll_deg": 1.7, "yaw_ratio": 0.04,
                                          "sharpness": 311.2, "frames": 37},
                              "evidence": f"captures/{exam}/face.jpg"}),
            ("check_result", {"examination_id": exam, "kind": "face", "outcome": "clear", "reasons": [],
                              "coverage": coverage, "best_score": 0.31}),
            ("decision", {"examination_id": exam, "type": "referral", "inspector": "tanaka",
                          "referral_reasons": ["watchlist hit"], "details": "held for the supervisor",
                          "rules": [{"code": "hit.open", "passed": False, "overridable": False}],
                          "flags": ["biographic:hit"], "decided_at": "2026-11-22T05:03:12.5Z"}),
        ]
        for kind, payload in payloads:
            seq += 1
            out.append({"record_id": str(uuid.uuid4()), "seq": seq, "kind": kind, "payload": payload,
                        "created_at": "2026-11-22T05:00:00.123456Z"})
    return out[:n]


def test_default_body_limit_fits_a_full_push_batch_with_room(start_hub):
    hub = start_hub()
    booth = enrol_booth(hub.db, "booth-1")
    batch = booth.signed(realistic_batch(1000))  # each record with its signature, as booths push them
    body = json.dumps({"records": batch}).encode()
    size = len(body)
    print(f"\nrealistic 1000-record push: {size} bytes ({size / 1024 / 1024:.2f} MiB), "
          f"default limit {Limits().max_body / 1024 / 1024:.0f} MiB")
    assert size * 3 < Limits().max_body  # also room for payloads three times as rich
    with _client(hub, booth.token) as c:
        r = c.post("/records", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200, r.text
    assert len(r.json()["stored"]) == 1000


# -- credentials before bodies, body limits ------------------------------------------------------

FIFTY_MB = 50 * 1000 * 1000


def _post_head(sock, length: str | None, token: str | None, chunked: bool = False) -> None:
    head = ["POST /records HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json"]
    if length is not None:
        head.append(f"Content-Length: {length}")
    if chunked:
        head.append("Transfer-Encoding: chunked")
    if token:
        head.append(f"Authorization: Bearer {token}")
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())


@pytest.mark.parametrize("credential", [False, True])
def test_a_50_mb_body_is_answered_before_a_byte_of_it_is_sent(start_hub, credential):
    """Only the head goes out; the hub answers at once, 401 without a credential, 413 with one,
    and hangs up: the body will never be read (a 413 for a body of at most twice the limit keeps
    the connection and discards the rest instead: see the httpx test below)."""
    hub = start_hub()
    token = enrol_booth(hub.db, "booth-1").token if credential else None
    with tls_socket(hub) as s:
        t0 = time.monotonic()
        _post_head(s, str(FIFTY_MB), token)
        status, headers, body = read_response(s)
        took = time.monotonic() - t0
        assert headers.get("connection") == "close"
        assert s.recv(1) == b""
    assert status == (413 if credential else 401), body
    assert "detail" in json.loads(body)
    assert took < 5
    assert hub.db.stats()["records"] == 0


def test_a_chunked_body_is_cut_at_the_limit_and_an_endless_one_hung_up_on(start_hub):
    """A chunked upload with no end in sight: the hub answers 413 as soon as the count passes the
    limit, while the body is still open (the terminating chunk never comes). What the client
    sends after that is discarded up to twice the body limit, then the hub hangs up."""
    limit, header_timeout = 1024 * 1024, 2.0
    hub = start_hub(limits=Limits(max_body=limit, header_timeout_s=header_timeout))
    token = enrol_booth(hub.db, "booth-1").token
    chunk = b"x" * 65536
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    with tls_socket(hub) as s:
        _post_head(s, None, token, chunked=True)
        for _ in range(limit // len(chunk) + 1):
            s.sendall(frame)
        status, headers, body = read_response(s)  # nothing more was sent: the body is still open
        answered = time.monotonic()
        assert status == 413, body
        assert "limit" in json.loads(body)["detail"]
        after = 0
        while True:  # a client that never stops
            try:
                s.sendall(frame)
                after += len(chunk)
                if try_recv(s) == b"":
                    break
            except OSError:
                break
        held = time.monotonic() - answered
    print(f"\nafter the 413 the client got {after / 1024 / 1024:.1f} MiB out in {held:.2f} s before the hub hung up "
          f"(it discards up to twice the body limit of {limit / 1024 / 1024:.0f} MiB, for at most {header_timeout:g} s)")
    assert held < header_timeout + 10
    assert after < 2 * limit + 16 * 1024 * 1024  # plus what the kernel's socket buffers took
    assert hub.db.stats()["records"] == 0


def test_an_http_client_that_sends_it_all_still_sees_the_413(start_hub):
    """httpx (the booth's client) writes the whole request before reading the answer: up to twice
    the limit it gets the 413 with its reason, not a reset connection, and the connection serves
    the next request."""
    limit = 1024 * 1024
    hub = start_hub(limits=Limits(max_body=limit))
    token = enrol_booth(hub.db, "booth-1").token

    def stream():
        for _ in range(2 * limit // 65536):
            yield b"x" * 65536

    with _client(hub, token) as c:
        for content in (b"x" * (2 * limit), stream()):
            r = c.post("/records", content=content, headers={"content-type": "application/json"})
            assert r.status_code == 413 and "limit" in r.json()["detail"], r.text
        assert c.get("/whoami").json()["booth_id"] == "booth-1"


def test_a_body_that_stalls_is_timed_out(start_hub):
    hub = start_hub(limits=Limits(body_idle_timeout_s=1.0))
    token = enrol_booth(hub.db, "booth-1").token
    with tls_socket(hub) as s:
        _post_head(s, "1000", token)
        s.sendall(b'{"records": [')
        t0 = time.monotonic()
        status, _, body = read_response(s)
        took = time.monotonic() - t0
    assert status == 408, body
    assert 0.9 < took < 5


# -- half-open connections ----------------------------------------------------------------------

def test_half_open_connections_are_closed_and_others_still_served(start_hub):
    """300 TLS connections each send half a request head and then nothing. uvicorn alone keeps
    them for ever (its keep-alive timer stops at the first byte); the header timeout closes them,
    and meanwhile a normal request is served."""
    timeout_s = 8.0  # long enough to open all 300 first on a busy machine (about 1.5 s on an idle one)
    hub = start_hub(limits=Limits(header_timeout_s=timeout_s))
    token = enrol_booth(hub.db, "booth-1").token
    socks = []
    t_open = time.monotonic()
    for i in range(300):
        s = tls_socket(hub)
        s.sendall(b"POST /records HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le" if i % 2 else b"GET /heal")
        socks.append(s)
    opened_s = time.monotonic() - t_open
    _wait_for(lambda: len(hub.server_state.connections) >= 300, "the hub to hold all 300")
    held = len(hub.server_state.connections)
    assert time.monotonic() - t_open < timeout_s, "opening took longer than the header timeout: no proof"
    with _client(hub, token) as c:  # served while the 300 are held
        assert c.get("/whoami").json()["booth_id"] == "booth-1"
    closed_at: dict[int, float] = {}

    def all_closed() -> bool:
        open_ones = [s for s in socks if s.fileno() not in closed_at]
        readable, _, _ = select.select(open_ones, [], [], 0.2)
        for s in readable:
            try:
                data = try_recv(s)
            except OSError:
                data = b""
            if data is not None:
                assert data == b"", data  # closed, not answered
                closed_at[s.fileno()] = time.monotonic()
        return len(closed_at) == len(socks)

    _wait_for(all_closed, "the hub to close the half-open connections", timeout=timeout_s + 30)
    last = max(closed_at.values()) - t_open
    first = min(closed_at.values()) - t_open
    print(f"\n300 half-open TLS connections opened in {opened_s:.2f} s, {held} held by the hub at once; "
          f"closed {first:.2f}-{last:.2f} s after the first was opened (header timeout {timeout_s} s)")
    assert first >= timeout_s * 0.9
    for s in socks:
        s.close()
    _wait_for(lambda: len(hub.server_state.connections) == 0, "the hub to forget them")
    assert hub.server_state.header_timeouts >= 300
    with _client(hub, token) as c:
        assert c.get("/whoami").status_code == 200


def test_connections_that_never_finish_the_tls_handshake_are_dropped(start_hub):
    """TCP connections that send nothing, or half a ClientHello, are dropped after the handshake
    timeout (uvicorn alone leaves asyncio's 60 s); they never reach the HTTP layer at all."""
    import socket

    hub = start_hub(limits=Limits(tls_handshake_timeout_s=1.0))
    t0 = time.monotonic()
    socks = [socket.create_connection(("127.0.0.1", hub.port), timeout=10) for _ in range(50)]
    for s in socks[::2]:
        s.sendall(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")  # the start of a ClientHello
    for s in socks:
        try:
            assert s.recv(1024) == b""
        except ConnectionResetError:
            pass
        s.close()
    took = time.monotonic() - t0
    print(f"\n50 connections stuck before the TLS handshake dropped after {took:.2f} s (timeout 1 s)")
    assert 0.9 < took < 10
    with tls_socket(hub) as s:  # and the hub still serves
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert read_response(s)[0] == 200


def test_keep_alive_connection_half_sending_its_next_request_is_closed(start_hub):
    hub = start_hub(limits=Limits(header_timeout_s=1.0, keep_alive_s=30))
    with tls_socket(hub) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert read_response(s)[0] == 200
        s.sendall(b"GET /health HTTP/1.1\r\nHo")  # and then nothing
        t0 = time.monotonic()
        s.settimeout(10)
        assert s.recv(1024) == b""
        assert time.monotonic() - t0 < 5


def test_a_request_whose_head_is_complete_is_not_cut_by_the_header_timeout(start_hub):
    """The header timeout is for heads only: an upload that is still streaming when it expires
    goes on (the body has its own idle timeout)."""
    hub = start_hub(limits=Limits(header_timeout_s=1.0))
    booth = enrol_booth(hub.db, "booth-1")
    token = booth.token
    body = json.dumps({"records": [booth.sign(_rec())]}).encode()
    with tls_socket(hub) as s, tls_socket(hub) as witness:
        _post_head(s, str(len(body)), token)
        s.sendall(body[:10])
        witness.sendall(b"GET /heal")  # closed by the header timeout: then it has passed for s too
        witness.settimeout(10)
        assert witness.recv(1024) == b""
        s.sendall(body[10:])
        status, _, answer = read_response(s)
    assert status == 200, answer


def test_a_pipelined_request_is_not_cut_by_the_header_timeout(start_hub):
    """Two requests in one write: uvicorn starts the second while finishing the first; its head
    is complete, so the header timeout must not close it while its body is still coming."""
    hub = start_hub(limits=Limits(header_timeout_s=1.0))
    booth = enrol_booth(hub.db, "booth-1")
    token = booth.token
    body = json.dumps({"records": [booth.sign(_rec())]}).encode()
    second = (f"POST /records HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    with tls_socket(hub) as s, tls_socket(hub) as witness:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + second + body[:10])
        assert read_response(s)[0] == 200
        witness.sendall(b"GET /heal")  # closed by the header timeout: then it has passed for s too
        witness.settimeout(10)
        assert witness.recv(1024) == b""
        s.sendall(body[10:])
        status, _, answer = read_response(s)
    assert status == 200, answer


# -- rate limits --------------------------------------------------------------------------------

def test_rate_limit_per_credential_with_retry_after(start_hub):
    hub = start_hub(limits=Limits(rate_per_s=0.5, burst=5))
    a, b = enrol_booth(hub.db, "booth-a").token, enrol_booth(hub.db, "booth-b").token
    with _client(hub, a) as ca, _client(hub, b) as cb:
        assert [ca.get("/whoami").status_code for _ in range(5)] == [200] * 5
        r = ca.get("/whoami")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert "detail" in r.json()
        assert cb.get("/whoami").status_code == 200  # another booth is not slowed by this one
        assert ca.get("/health").status_code == 200  # nor the public health check


def test_failed_authentications_are_rate_limited_per_address(start_hub):
    hub = start_hub(limits=Limits(failed_auth_per_s=0.5, failed_auth_burst=3))
    with _client(hub, "booth-1.guess") as c:
        codes = [c.get("/whoami").status_code for _ in range(5)]
    assert codes == [401, 401, 401, 429, 429]


def test_default_rate_limit_is_above_what_a_booth_draining_its_backlog_sends(start_hub, tmp_path):
    """One booth pushing 2000 signed records in batches of 10 (200 requests and its key enrolment back
    to back, as fast as the hub answers) is not throttled: a booth catching up after a day offline keeps well under the
    sustained rate, and the burst alone covers this."""
    import importlib.util
    from pathlib import Path

    from inspector_app.sync.client import SyncClient

    spec = importlib.util.spec_from_file_location(
        "security_outbox_double", Path(__file__).resolve().parents[1] / "sync" / "outbox_double.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    hub = start_hub()
    booth = enrol_booth(hub.db, "booth-7")
    box = mod.OutboxDouble(tmp_path / "outbox.db")
    box.add_many(2000)
    client = SyncClient(tmp_path / "home", box, hub.url, booth.token, trust=trust_of(hub), port=PORT, key=booth.key,
                        batch_size=10)
    t0 = time.monotonic()
    report = client.push_once()
    took = time.monotonic() - t0
    client.close()
    box.close()
    print(f"\n200 push requests from one booth in {took:.2f} s ({200 / took:.0f}/s); "
          f"limit {Limits().rate_per_s:g}/s, burst {Limits().burst}")
    assert report["stored"] == 2000 and report["batches"] == 200


# -- bad input: 4xx with JSON, never 500 --------------------------------------------------------

def _rec(**over) -> dict:
    r = {"record_id": str(uuid.uuid4()), "seq": 1, "kind": "decision", "payload": {"n": 1},
         "created_at": "2026-11-22T05:00:00Z"}
    r.update(over)
    return r


# A well-formed signature that verifies for nothing: for records whose text the booth could not
# even sign (a lone surrogate cannot be encoded). Every bad push carries one, so that what is
# refused is the bad field, never a missing signature (``_assert_not_masked``).
SIG = base64.b64encode(bytes(64)).decode()


def _raw(record_fragment: str) -> bytes:
    """A push body with one record whose JSON text is given raw (to send escapes json.dumps would not)."""
    return ('{"records": [' + record_fragment + "]}").encode()


GOOD = f'"record_id": "r-1", "seq": 1, "kind": "decision", "created_at": "2026-11-22T05:00:00Z", "signature": "{SIG}"'


def bad_pushes(booth) -> dict[str, bytes]:
    """Each push is wrong in one way only; records that can be signed are, with the booth's key."""
    def signed(**over) -> bytes:
        return json.dumps({"records": [booth.sign(_rec(**over))]}).encode()

    return {
        "seq beyond BIGINT": signed(seq=2**70),
        "seq just beyond BIGINT": signed(seq=MAX + 1),
        "negative seq": signed(seq=-1),
        "NUL in record id": signed(record_id="r\x00x"),
        "lone surrogate in record id": _raw(f'{{"record_id": "r\\ud800", "seq": 1, "kind": "decision", "payload": {{}},'
                                            f' "signature": "{SIG}"}}'),
        "slash in record id": signed(record_id="../../etc"),
        "record id too long": signed(record_id="a" * 129),
        "NUL in kind": signed(kind="deci\x00sion"),
        "lone surrogate in kind": _raw(f'{{"record_id": "r-1", "seq": 1, "kind": "\\udc00", "payload": {{}},'
                                       f' "signature": "{SIG}"}}'),
        "upper-case kind": signed(kind="Decision"),
        "NUL in a payload string": signed(payload={"name": "TANAKA\x00"}),
        "lone surrogate in a payload string": _raw("{" + GOOD + ', "payload": {"name": "\\ud800"}}'),
        "reversed surrogates in a payload string": _raw("{" + GOOD + ', "payload": {"a": ["\\udc00\\ud800"]}}'),
        "NUL in a payload key": signed(payload={"na\x00me": 1}),
        "surrogate deep in the payload": _raw("{" + GOOD + ', "payload": {"a": {"b": [{"c": "\\udfff"}]}}}'),
        "NaN in the payload": _raw("{" + GOOD + ', "payload": {"score": NaN}}'),
        "payload nested too deep": _raw("{" + GOOD + ', "payload": {"a": ' + "[" * 200 + "]" * 200 + "}}"),
        "payload nested beyond the parser": _raw("{" + GOOD + ', "payload": {"a": ' + "[" * 5000 + "]" * 5000 + "}}"),
        "NUL in created_at": signed(created_at="2026\x00"),
        "created_at too long": signed(created_at="2" * 65),
        "payload not an object": signed(payload=[1, 2]),
        "signature too long": json.dumps({"records": [{**_rec(), "signature": "A" * 201}]}).encode(),
        "records not a list": b'{"records": "all of them"}',
        "not JSON": b"records=1&payload=2",
        "truncated JSON": b'{"records": [{"record_id": "r-1", ',
        "not UTF-8": b'{"records": [{"record_id": "r\xff\xfe", "seq": 1, "kind": "decision", "payload": {}}]}',
        "empty body": b"",
        "a JSON array": b"[]",
        "too many records": json.dumps({"records": booth.signed([_rec() for _ in range(1001)])}).encode(),
    }


def _assert_clean_4xx(r: httpx.Response, what: str) -> None:
    assert 400 <= r.status_code < 500, f"{what}: {r.status_code} {r.text[:300]}"
    detail = r.json()["detail"]
    assert detail, what
    text = r.text
    assert "Traceback" not in text and "sqlite" not in text.lower() and "psycopg" not in text.lower(), text


def _assert_not_masked(r: httpx.Response, what: str) -> None:
    """The refusal is not for a missing or bad signature, nor a missing field of a record or
    review: so it was for the bad input itself."""
    detail = r.json()["detail"]
    if isinstance(detail, list):
        for e in detail:
            loc = [str(x) for x in e.get("loc", ())]
            assert loc[-1:] != ["signature"], f"{what}: refused for its signature, not its bad field: {e}"
            assert not (e.get("type") == "missing" and len(loc) > 1), f"{what}: refused for a missing field: {e}"
    else:
        assert not any(w in str(detail) for w in ("signature", "signed", "enrolled", "supervisor")), f"{what}: {detail}"


@pytest.fixture
def server_errors():
    """Every ERROR the hub's and uvicorn's loggers emit while the test runs (a 500 logs one)."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(logging.ERROR)
    loggers = [logging.getLogger(n) for n in ("uvicorn.error", "inspector_app.hub", "uvicorn")]
    for lg in loggers:
        lg.addHandler(handler)
    yield records
    for lg in loggers:
        lg.removeHandler(handler)


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", None])
def test_bad_pushes_are_4xx_with_a_message_never_500(start_hub, hub_db_url, server_errors, content_type):
    hub = start_hub(hub_db_url)
    booth = enrol_booth(hub.db, "booth-1")
    headers = {"content-type": content_type} if content_type else {}
    with _client(hub, booth.token) as c:
        for what, body in bad_pushes(booth).items():
            r = c.post("/records", content=body, headers=headers)
            _assert_clean_4xx(r, what)
            if what != "signature too long":  # the one case whose bad field is the signature
                _assert_not_masked(r, what)
        # the hub is fine afterwards and stored none of it
        good = c.post("/records", json={"records": [booth.sign(_rec())]})
        assert good.status_code == 200 and len(good.json()["stored"]) == 1, good.text
    assert hub.db.stats()["records"] == 1
    assert server_errors == []


def _review(**raw: str) -> bytes:
    """A review body for ``POST /queue/{booth}/{record}/reviews``, complete and well-formed but for
    the fields given as raw JSON text (to send escapes json.dumps would not)."""
    fields = {"review_id": '"rv-1"', "examination_id": '"ex-1"', "reviewer": '"sato"', "verdict": '"cleared"',
              "reason": '"x"', "reviewed_at": '"2026-11-22T06:00:00+00:00"', "signature": f'"{SIG}"', **raw}
    return ("{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}").encode()


REVIEW_URL = "/queue/booth-1/r-1/reviews"
BAD_REQUESTS = [
    ("GET", f"/reviews?after={2**70}", None),
    ("GET", f"/reviews?after={MAX + 1}", None),
    ("GET", "/reviews?after=-1", None),
    ("GET", "/reviews?after=abc", None),
    ("GET", f"/bundles?after={2**70}", None),
    ("GET", f"/bundles/{2**70}", None),
    ("GET", f"/bundles/{MAX + 1}", None),
    ("GET", "/bundles/-5", None),
    ("GET", "/records/r%00x", None),
    ("GET", "/records/%ED%A0%80", None),  # a surrogate encoded in UTF-8: not valid UTF-8
    ("GET", "/records/%FF", None),
    ("GET", "/queue?status=%00", None),
    ("GET", "/queue?status=open%ff", None),
    ("GET", f"/queue?limit={2**70}", None),
    ("GET", "/landings?document_number=P1%00&nationality=GBR", None),
    ("GET", "/landings?document_number=P1%ED%A0%80&nationality=GBR", None),
    ("GET", f"/landings?document_number=P1&nationality=GBR&limit={2**70}", None),
    ("POST", "/queue/booth-1/r%00/reviews", _review()),
    ("POST", "/queue/b%00/r-1/reviews", _review()),
    ("POST", "/queue/%ED%A0%80/r-1/reviews", _review()),
    ("POST", REVIEW_URL, _review(reviewer='"sa\\u0000to"')),
    ("POST", REVIEW_URL, _review(reason='"\\ud800"')),
    ("POST", REVIEW_URL, _review(review_id='"a\\u0000"')),
    ("POST", REVIEW_URL, _review(examination_id='"e\\ud800"')),
    ("POST", REVIEW_URL, _review(verdict='"\\ud800"')),
    ("POST", REVIEW_URL, _review(reviewed_at='"2026\\u0000"')),
    ("POST", REVIEW_URL, b"not json"),
    ("POST", REVIEW_URL, _review(verdict='"maybe"')),
]


@pytest.mark.parametrize("method,path,body", BAD_REQUESTS, ids=[f"{m} {p[:40]} {i}" for i, (m, p, _) in
                                                                 enumerate(BAD_REQUESTS)])
def test_bad_urls_and_reviews_are_4xx(start_hub, hub_db_url, server_errors, method, path, body):
    hub = start_hub(hub_db_url)
    booth = enrol_booth(hub.db, "booth-1")
    stored = hub.db.put_records(booth.principal, [booth.sign({"record_id": "r-1", "kind": "check_result", "payload": {
        "kind": "sltd", "outcome": "hit", "inspector": "tanaka"}})])
    assert stored["stored"] == ["r-1"] and hub.db.queue_page(PORT)["items"][0]["record_id"] == "r-1"  # a queued target
    with _client(hub, booth.token) as c:
        kw = {"content": body, "headers": {"content-type": "application/json"}} if body is not None else {}
        r = c.request(method, path, **kw)
    _assert_clean_4xx(r, f"{method} {path}")
    assert r.status_code in (400, 422), r.text  # refused as bad input, not as unknown, forbidden or unsigned
    if body is not None and body != b"not json":
        _assert_not_masked(r, f"{method} {path}")
    assert server_errors == []


def test_validation_errors_do_not_echo_the_input(start_hub):
    hub = start_hub()
    booth = enrol_booth(hub.db, "booth-1")
    secret = "SECRET-PASSPORT-L898902C3"
    with _client(hub, booth.token) as c:
        r = c.post("/records", json={"records": [booth.sign(_rec(seq=2**70, payload={"doc": secret}, kind="Bad Kind"))]})
    assert r.status_code == 422
    assert secret not in r.text and "Bad Kind" not in r.text
    assert {e["loc"][-1] for e in r.json()["detail"]} == {"seq", "kind"}


def test_database_unavailable_is_503_without_internals(start_hub, server_errors):
    import sqlite3

    hub = start_hub()
    token = enrol_booth(hub.db, "booth-1").token

    def broken(*a, **kw):
        raise sqlite3.OperationalError("database is locked: /srv/hub/hub.db")

    with _client(hub, token) as c:
        hub.db.user_list = broken  # the endpoint's query fails
        r = c.get("/users")
        assert r.status_code == 503 and "unavailable" in r.json()["detail"] and "/srv" not in r.text
        del hub.db.user_list
        assert c.get("/users").status_code == 404  # the database is back (no list signed yet)
        hub.db._pool.connection = broken  # every query fails: the guard's credential check comes first
        try:
            r = c.get("/users")
        finally:
            del hub.db._pool.connection
        assert r.status_code == 503 and "unavailable" in r.json()["detail"] and "/srv" not in r.text
        assert 10 <= int(r.headers["retry-after"]) <= 30  # an outage: booths come back later, not every second
    assert [r for r in server_errors if r.levelno >= logging.ERROR] == []


def test_an_unexpected_error_is_a_bare_500_logged_at_the_hub(start_hub, server_errors):
    hub = start_hub()
    token = enrol_booth(hub.db, "booth-1").token

    def bug(*a, **kw):
        raise KeyError("internal-detail-42")

    hub.db.user_list = bug
    with _client(hub, token) as c:
        r = c.get("/users")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error (logged at the hub)"}
    _wait_for(lambda: any("internal-detail-42" in str(rec.exc_info) for rec in server_errors), "the error in the log")


def test_public_paths_and_the_rest(start_hub):
    hub = start_hub()
    with _client(hub) as c:
        assert c.get("/health").status_code == 200
        assert c.get("/openapi.json").status_code == 200
        assert c.get("/docs").status_code == 200
        assert c.post("/health").status_code == 401  # public for reading only
        assert c.get("/redoc").status_code == 401
        assert c.get("/no-such-path").status_code == 401  # no probing without a credential
        r = c.get("/whoami", headers={"Authorization": "Basic Ym9vdGg6eA=="})
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"


def test_principal_is_in_the_request_state_for_endpoints():
    """The guard in front of any FastAPI app: endpoints read the principal ``authenticate`` gave."""
    import asyncio

    from inspector_app.hub import guard

    app = FastAPI()
    guard.install(app, authenticate=lambda token: {"booth_id": token.split(".")[0]} if token.endswith(".ok") else None)

    @app.get("/me")
    def me(request: Request) -> dict:
        return {"state": request.state.principal, "helper": guard.principal(request)}

    async def calls():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
            return ((await c.get("/me", headers={"Authorization": "Bearer b1.ok"})).json(),
                    (await c.get("/me", headers={"Authorization": "Bearer b1.no"})).status_code)

    assert asyncio.run(calls()) == ({"state": {"booth_id": "b1"}, "helper": {"booth_id": "b1"}}, 401)


def test_token_bucket_refills_with_time():
    from inspector_app.hub.guard import TokenBucket

    now = [0.0]
    bucket = TokenBucket(rate=2.0, burst=3, clock=lambda: now[0])
    assert [bucket.take("a") for _ in range(3)] == [0, 0, 0]
    assert bucket.take("a") == pytest.approx(0.5)
    now[0] += 0.5
    assert bucket.take("a") == 0
    assert bucket.take("b") == 0
