"""JWS parsing: anything malformed is a JwsError (never another exception), valid ones round-trip."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.devices import jws

KEY, CERT = jws.generate_device_identity("test")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_decode_of_arbitrary_text_only_raises_jws_error(text):
    try:
        jws.decode(text)
    except jws.JwsError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=40), min_size=0, max_size=5))
def test_decode_of_base64url_shaped_parts_only_raises_jws_error(parts):
    try:
        jws.decode(".".join(parts))
    except jws.JwsError:
        pass


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.text(max_size=10), st.one_of(st.integers(), st.text(max_size=20)), max_size=5))
def test_sign_then_verify_round_trips(payload):
    token = jws.sign(payload, KEY)
    assert jws.verify(token, CERT.public_key()).payload == payload


def test_a_flipped_signature_byte_is_rejected():
    token = jws.sign({"a": 1}, KEY)
    h, p, s = token.split(".")
    raw = bytearray(jws.b64url_decode(s))
    raw[0] ^= 1
    with pytest.raises(jws.JwsError, match="does not verify"):
        jws.verify(f"{h}.{p}.{jws.b64url_encode(bytes(raw))}", CERT.public_key())
