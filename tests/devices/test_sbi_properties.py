"""Whatever a device sends back, verify_capture either returns a verified chain or raises SbiError."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.devices import sbi
from inspector_app.devices import sbi_protocol as P

from .conftest import serve_trusted, trusting_client

INDEXES = ["Left IndexFinger", "Right IndexFinger"]
JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                       lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                       max_leaves=8)


@pytest.fixture(scope="module")
def real_response(fvc_db1):
    sim = serve_trusted(0, fvc_db1)
    try:
        body = {"env": "Developer", "purpose": "Registration", "specVersion": P.SPEC_VERSION, "timeout": 3000,
                "transactionId": "tx-1", "bio": [{"type": "Finger", "count": 2, "bioSubType": INDEXES,
                                                  "requestedScore": 60, "deviceId": "1", "previousHash": ""}]}
        return sbi.SbiClient()._request(sim.port, "RCAPTURE", "/capture", body, 5.0)
    finally:
        sim.stop()


def test_the_untouched_response_verifies(real_response):
    items, _ = trusting_client().verify_capture(real_response, "tx-1", INDEXES, [], "")
    assert [i.bio_sub_type for i in items] == INDEXES


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(item=st.integers(0, 1), field=st.sampled_from(["data", "hash", "error", "specVersion", None]), value=JSONISH)
def test_any_mangled_field_is_rejected_or_still_verified(real_response, item, field, value):
    response = copy.deepcopy(real_response)
    if field is None:
        response["biometrics"][item] = value
    else:
        response["biometrics"][item][field] = value
    try:
        items, _ = trusting_client().verify_capture(response, "tx-1", INDEXES, [], "")
    except sbi.SbiError:
        return
    # accepted only if what came back is still a correct chain of the requested fingers
    prev = ""
    for it in items:
        assert it.hash == P.chain_hash(prev, it.image)
        prev = it.hash
    assert sorted(i.bio_sub_type for i in items) == sorted(INDEXES)


@settings(max_examples=100, deadline=None)
@given(JSONISH)
def test_arbitrary_json_bodies_are_rejected_cleanly(body):
    with pytest.raises(sbi.SbiError):
        trusting_client().verify_capture(json.loads(json.dumps(body)), "tx-1", INDEXES, [], "")


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["deviceId", "deviceStatus", "deviceSubId", "digitalId", "specVersion",
                                        "error", "callbackId", "purpose", "x"]), JSONISH, max_size=8))
def test_discovery_items_of_any_shape_parse_without_crashing(item):
    from inspector_app.devices.sbi import _device_from_discovery

    d = _device_from_discovery(4501, item)
    assert d.port == 4501 and isinstance(d.device_sub_ids, list) and isinstance(d.error_code, int)
