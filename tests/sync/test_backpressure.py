"""Back-pressure between a saturated hub and its booths: the hub answers 503 with Retry-After at
once instead of queueing the push until the booth times out, and the booth waits that long (with
jitter) before it comes back, keeping every record in its outbox meanwhile."""
from __future__ import annotations

import random
import threading

import pytest

from inspector_app.sync.backoff import Backoff
from inspector_app.sync.client import MAX_RETRY_AFTER_S, RetryLater, SyncError, retry_after
from inspector_app.sync.worker import SyncWorker


@pytest.fixture
def hub(tmp_path):
    """A hub that runs one push at a time with none waiting (``Limits``), so one held push saturates it."""
    from inspector_app.hub.guard import Limits
    from inspector_app.hub.runner import start_in_thread

    running = start_in_thread(f"sqlite:///{tmp_path}/hub.db", tls_dir=tmp_path / "hubdir",
                              limits=Limits(max_pushes=1, push_queue=0))
    yield running
    running.stop()


def _client(home, outbox, hub, credential):
    from inspector_app.sync.client import SyncClient
    from inspector_app.sync.trust import load_trust

    return SyncClient(home, outbox, hub.url, credential, trust=load_trust(home), port="Narita Airport",
                      timeout=30, apply_bundle=lambda h, p, v: {"version": v})


def test_a_saturated_hub_answers_503_at_once_and_the_booth_keeps_its_records(hub, home, outbox, credential):
    ids = outbox.add_many(20)
    entered, release = threading.Event(), threading.Event()
    real = hub.db.put_records

    def held(*a, **kw):
        entered.set()
        release.wait(120)
        return real(*a, **kw)

    hub.db.put_records = held
    first, second = _client(home, outbox, hub, credential), _client(home, outbox, hub, credential)
    pushing = threading.Thread(target=first.push_once)
    pushing.start()
    try:
        assert entered.wait(120), "the first push never reached the database"
        with pytest.raises(RetryLater) as refused:
            second.push_once()
        assert 1 <= refused.value.retry_after <= 2
        assert outbox.outbox_count() == 20  # nothing acked by a refusal
        assert hub.app.state.guard_stats()["shed"]["push"] == 1
        import httpx

        with httpx.Client(base_url=hub.url, verify=hub.tls_context, timeout=60) as anonymous:
            # without a credential: refused as such, never taking (or being denied) a booth's turn
            assert anonymous.post("/records", json={"records": []}).status_code == 401
            forged = anonymous.post("/records", json={"records": []}, headers={"Authorization": "Bearer booth-7.x"})
            assert forged.status_code == 401
        assert hub.app.state.guard_stats()["shed"]["push"] == 1
    finally:
        release.set()
        pushing.join(120)
    second.push_once()  # the hub is free again: the resend is stored once
    assert outbox.outbox_count() == 0
    assert sorted(hub.db.record_ids("booth-7")) == sorted(ids)
    first.close()
    second.close()


class _Busy:
    """A client whose hub keeps answering 503 with Retry-After: 7."""

    def sync_once(self):
        raise RetryLater("hub busy; retrying in 7 s", 7.0)

    def status(self):
        return None

    def _fail(self, exc):
        raise AssertionError("RetryLater is not an unexpected failure")


def test_the_worker_waits_what_the_hub_asked_with_jitter_and_keeps_its_backoff():
    worker = SyncWorker(_Busy(), backoff=Backoff(rng=random.Random(3)))
    delays = [worker.run_once() for _ in range(50)]
    assert all(7.0 <= d <= 10.5 for d in delays)
    assert len({round(d, 3) for d in delays}) > 40  # booths told together come back apart
    assert worker.backoff.attempt == 0 and worker.failures == 50


@pytest.mark.parametrize(("header", "seconds"), [
    ("3", 3.0), ("0.5", 0.5), ("0", 0.0), ("-4", 0.0), ("1e9", MAX_RETRY_AFTER_S), ("nan", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", None), ("", None), (None, None),
])
def test_retry_after_header(header, seconds):
    import httpx

    headers = {} if header is None else {"Retry-After": header}
    assert retry_after(httpx.Response(503, headers=headers)) == seconds


def test_a_503_without_retry_after_is_an_ordinary_failure():
    """A proxy's 503 that says nothing: the booth's own back-off applies (not RetryLater)."""
    import httpx

    from inspector_app.sync.client import SyncClient

    client = SyncClient.__new__(SyncClient)
    client.http = httpx.Client(transport=httpx.MockTransport(lambda req: httpx.Response(503, text="down")),
                               base_url="https://hub.invalid")
    with pytest.raises(SyncError) as failed:
        client._request("GET", "/health")
    assert not isinstance(failed.value, RetryLater)


def test_a_push_lane_runs_some_queues_a_few_and_sheds_the_rest():
    """Admission for pushes: ``running`` at once, ``queue`` more wait (their body unread) at most
    ``wait_s`` for a turn, any other is answered 503 at once."""
    import asyncio

    from inspector_app.hub.guard import Lane

    async def scenario():
        lane = Lane(running=1, queue=1, wait_s=60)
        assert await lane.enter()                       # runs
        waiter = asyncio.ensure_future(lane.enter())    # waits its turn
        while lane.waiting == 0:
            await asyncio.sleep(0)
        assert not await lane.enter()                   # the line is full: shed at once
        lane.leave()                                    # the first is done: the waiter runs
        assert await waiter and lane.busy == 1 and lane.waiting == 0
        impatient = Lane(running=1, queue=1, wait_s=0.01)
        assert await impatient.enter()
        assert not await impatient.enter()              # waited its time, no turn came: shed
        lane.leave()
        impatient.leave()
        return lane.shed, impatient.shed, lane.busy, impatient.busy

    assert asyncio.run(scenario()) == (1, 1, 0, 0)


class _Closed:
    """A booth whose store the window closed while the worker's attempt ran (the shutdown race)."""

    def sync_once(self):
        raise RuntimeError("Cannot operate on a closed database.")

    def status(self):
        raise RuntimeError("Cannot operate on a closed database.")

    def _fail(self, exc):
        pass


def test_a_stopping_worker_ends_quietly_when_the_store_is_already_closed(caplog):
    worker = SyncWorker(_Closed(), backoff=Backoff(rng=random.Random(1)))
    worker._stop.set()  # what stop() does first
    assert worker.run_once() > 0  # no exception escapes to kill the thread with a traceback
    assert not [r for r in caplog.records if "status could not be read" in r.getMessage()]
    running = SyncWorker(_Closed(), backoff=Backoff(rng=random.Random(1)))
    assert running.run_once() > 0  # not stopping: logged, the loop goes on
    assert [r for r in caplog.records if "status could not be read" in r.getMessage()]


def test_a_kept_alive_connection_the_hub_closed_is_retried_once_on_a_fresh_one():
    """The keep-alive race: the hub closes an idle connection just as the booth sends on it
    ("Server disconnected without sending a response"). Requests are idempotent: tried once more
    at once; a hub that keeps hanging up is still a failure (the booth's back-off then applies)."""
    import httpx

    from inspector_app.sync.client import SyncClient

    calls = []

    def hub(request):
        calls.append(request.url.path)
        if len(calls) == 1 or request.url.path == "/always":
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return httpx.Response(200, json={"ok": True})

    client = SyncClient.__new__(SyncClient)
    client.http = httpx.Client(transport=httpx.MockTransport(hub), base_url="https://hub.invalid")
    assert client._request("GET", "/health").status_code == 200 and calls == ["/health", "/health"]
    with pytest.raises(SyncError) as failed:
        client._request("GET", "/always")
    assert "unreachable" in str(failed.value) and calls[2:] == ["/always", "/always"]


def test_a_busy_hub_sending_a_bundle_is_waited_out_like_any_other_answer(tmp_path):
    """The bundle download streams past ``_request``; its refusals go through the same check, so a
    503 with Retry-After there is ``RetryLater`` too, and no partial file is left."""
    import httpx

    from inspector_app.sync.client import SyncClient
    from inspector_app.sync.config import sync_dir

    client = SyncClient.__new__(SyncClient)
    client.home = tmp_path
    client.http = httpx.Client(base_url="https://hub.invalid", transport=httpx.MockTransport(
        lambda request: httpx.Response(503, headers={"Retry-After": "4"}, text="busy")))
    with pytest.raises(RetryLater) as busy:
        client._download(1, None)
    assert busy.value.retry_after == 4.0
    assert list((sync_dir(tmp_path) / "incoming").iterdir()) == []  # nothing half-written kept
