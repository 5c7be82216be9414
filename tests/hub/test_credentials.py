"""Credential and password formats (property tests for the parsers)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.common.passwords import WeakHash, check_format, hash_password, verify_password
from inspector_app.hub import credentials

booth_ids = st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True)


@settings(deadline=None)  # a loaded 2-core CI machine must not make a parser test flaky
@given(booth_ids)
def test_token_roundtrip(booth_id):
    secret = credentials.new_secret()
    assert credentials.split_token(credentials.make_token(booth_id, secret)) == (booth_id, secret)


@settings(deadline=None)
@given(st.text(max_size=80))
def test_split_token_never_crashes_on_garbage(text):
    try:
        booth_id, secret = credentials.split_token(text)
    except credentials.CredentialError:
        return
    assert credentials.BOOTH_ID_RE.match(booth_id) and secret


@pytest.mark.parametrize("bad", ["", "a.b.c", "has space", "x" * 65, "dot.id"])
def test_bad_booth_ids_are_refused(bad):
    with pytest.raises(credentials.CredentialError):
        credentials.check_booth_id(bad)


def test_matches_is_false_for_unknown_booth_and_wrong_secret():
    s = credentials.new_secret()
    assert credentials.matches(s, credentials.secret_hash(s))
    assert not credentials.matches(s, None)
    assert not credentials.matches(s + "x", credentials.secret_hash(s))


def test_password_hash_format_and_verification():
    h = hash_password("pässwörd-kept-long")
    scheme, n, r, p, salt, digest = h.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**17), "8", "1")  # OWASP's minimum for scrypt
    assert verify_password("pässwörd-kept-long", h) and not verify_password("password-kept-long", h)
    assert hash_password("pässwörd-kept-long") != h  # salted


def test_weaker_scrypt_parameters_are_neither_made_nor_accepted():
    import base64
    import hashlib

    with pytest.raises(WeakHash):
        hash_password("pässwörd", n=2**10)
    salt = b"s" * 16
    digest = hashlib.scrypt("pässwörd".encode(), salt=salt, n=2**10, r=8, p=1, dklen=32)
    weak = f"scrypt$1024$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    with pytest.raises(WeakHash):
        check_format(weak)
    assert not verify_password("pässwörd", weak)  # the right password, but a hash too cheap to trust


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_verify_password_rejects_malformed_hashes_without_crashing(encoded):
    assert verify_password("x", encoded) is False


def test_absurd_scrypt_parameters_are_refused():
    assert not verify_password("x", "scrypt$1073741824$8$1$AAAA$AAAA")
