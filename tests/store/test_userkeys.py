"""Users' signing keys (wrapped by their password) and the one signed body of a review."""
from __future__ import annotations

import base64

import pytest

from inspector_app.common import signed_review, userkeys

PASSWORD = "orange kettle 42"


@pytest.fixture(scope="module")
def pair():
    made = userkeys.new_user_key(PASSWORD)  # one scrypt for the module
    return made, userkeys.unwrap(made["wrapped_key"], made["public_key"], PASSWORD)


FIELDS = {"review_id": "r-1", "booth_id": "NRT-T1-B07", "check_result_id": "c-1", "examination_id": "e-1",
          "reviewer": "sato", "verdict": "cleared", "reason": "different person", "reviewed_at": "2026-11-29T22:00:00Z"}


def test_new_key_unwraps_with_its_password(pair):
    made, private = pair
    assert len(base64.b64decode(made["public_key"])) == 32
    assert made["wrapped_key"].startswith("scrypt-chacha20poly1305$131072$8$1$")
    assert userkeys.public_key_b64(private) == made["public_key"]


def test_wrong_password_tampering_and_another_public_key_are_refused(pair):
    made, _ = pair
    with pytest.raises(ValueError, match="wrong password"):
        userkeys.unwrap(made["wrapped_key"], made["public_key"], "orange kettle 43")
    parts = made["wrapped_key"].split("$")
    sealed = bytearray(base64.b64decode(parts[6]))
    sealed[0] ^= 1
    tampered = "$".join(parts[:6] + [base64.b64encode(bytes(sealed)).decode()])
    with pytest.raises(ValueError):
        userkeys.unwrap(tampered, made["public_key"], PASSWORD)
    other = base64.b64encode(bytes(32)).decode()
    with pytest.raises(ValueError):
        userkeys.unwrap(made["wrapped_key"], other, PASSWORD)


@pytest.mark.parametrize("bad", ["", "scrypt-chacha20poly1305$2$8$1$AA==$AA==$AA==", "x$y",
                                 "scrypt-chacha20poly1305$131072$8$1$AAAA$AAAA$AAAA"])
def test_malformed_or_weak_wrapped_keys_are_refused_without_deriving(bad):
    with pytest.raises(ValueError):
        userkeys.check_wrapped(bad)


def test_signed_review_round_trip_and_every_field_counts(pair):
    made, private = pair
    sig = signed_review.sign(FIELDS, private)
    assert signed_review.verify(FIELDS, sig, made["public_key"])
    assert signed_review.verify({**FIELDS, "extra": "ignored, not signed"}, sig, made["public_key"])
    for key in signed_review.FIELDS:
        assert not signed_review.verify({**FIELDS, key: FIELDS[key] + "x"}, sig, made["public_key"]), key
    assert not signed_review.verify(FIELDS, sig, base64.b64encode(bytes(32)).decode())
    assert not signed_review.verify(FIELDS, "not base64!", made["public_key"])
    assert not signed_review.verify({k: v for k, v in FIELDS.items() if k != "reason"}, sig, made["public_key"])


def test_body_is_tagged_canonical_json_of_exactly_the_fields():
    from inspector_app.common.canonical import to_json

    assert signed_review.body({**FIELDS, "extra": 1}) == b"border-inspector/review/v1\0" + to_json(FIELDS).encode()
    with pytest.raises(KeyError, match="booth_id"):
        signed_review.body({k: v for k, v in FIELDS.items() if k != "booth_id"})
    with pytest.raises(ValueError):
        signed_review.body({**FIELDS, "booth_id": None})
