"""Finger capture policy against the SBI simulator over HTTP, with a scripted quality function."""
from __future__ import annotations

import hashlib

import pytest

from inspector_app.devices.capture_policy import FingerCapturePolicy, SbiScanner

from .conftest import trusting_client


class Scripted:
    """quality_fn returning scores in order (our own score; the device's is ignored)."""

    def __init__(self, *scores):
        self.scores = list(scores)
        self.seen = []

    def __call__(self, image):
        assert image.ndim == 2 and image.dtype.name == "uint8"  # decoded grey fingerprint
        self.seen.append(image.shape)
        return self.scores.pop(0)


@pytest.fixture
def scanner(simulator):
    return SbiScanner(trusting_client(ports=[simulator.port]), simulator.port, timeout_ms=1500)


def test_both_index_fingers_on_first_try(scanner, simulator):
    simulator.config.quality = 5  # a device claiming poor quality does not matter: our score does
    out = FingerCapturePolicy(threshold=50).run(scanner, Scripted(80, 75))
    assert [(c.finger, c.our_quality, c.device_quality) for c in out.captured] == \
        [("Left IndexFinger", 80, 5.0), ("Right IndexFinger", 75, 5.0)]
    assert out.exceptions == [] and not out.needs_supervisor
    # one chain across the session: second capture chained on the first
    prev = hashlib.sha256(b"").digest()
    for c in out.captured:
        prev = hashlib.sha256(prev + hashlib.sha256(c.image).digest()).digest()
    assert out.last_hash == prev.hex().upper()


def test_low_quality_retries_then_falls_back_to_middle_finger(scanner, simulator):
    q = Scripted(10, 20, 30, 90, 70)  # left index x3 below 40, left middle ok, right index ok
    out = FingerCapturePolicy(threshold=40, max_retries=2).run(scanner, q)
    assert [(c.finger, c.stands_for) for c in out.captured] == \
        [("Left MiddleFinger", "Left IndexFinger"), ("Right IndexFinger", "Right IndexFinger")]
    [exc] = out.exceptions
    assert (exc.finger, exc.reason) == ("Left IndexFinger", "unreadable")
    assert "best quality 30 < 40 after 3 attempts" in exc.detail
    assert out.needs_supervisor
    assert simulator.attempts["Left IndexFinger"] == 3  # three real captures (three impressions)


def test_declared_amputation_skips_the_finger(scanner, simulator):
    out = FingerCapturePolicy(declared={"Right IndexFinger": "amputated"}).run(scanner, Scripted(60, 60))
    assert [c.finger for c in out.captured] == ["Left IndexFinger", "Right MiddleFinger"]
    assert [(e.finger, e.reason) for e in out.exceptions] == [("Right IndexFinger", "amputated")]
    assert "Right IndexFinger" not in simulator.attempts


def test_transient_busy_is_retried_without_losing_the_capture(scanner, simulator):
    simulator.config.inject, simulator.config.inject_times = "busy", 1
    out = FingerCapturePolicy().run(scanner, Scripted(60, 60))
    assert [c.finger for c in out.captured] == ["Left IndexFinger", "Right IndexFinger"]
    assert out.exceptions == []
    assert any(a.error and a.error.startswith("transient") for a in out.attempts)


def test_a_device_that_keeps_dropping_gives_exceptions_not_a_hang(scanner, simulator):
    simulator.config.inject = "drop"
    out = FingerCapturePolicy(fallback=["MiddleFinger"], transient_retries=1).run(scanner, Scripted())
    assert out.captured == []
    reasons = [(e.finger, e.reason) for e in out.exceptions]
    assert ("Left IndexFinger", "device_error") in reasons and ("Left MiddleFinger", "device_error") in reasons
    assert ("Left IndexFinger", "hand_without_finger") in reasons and ("Right IndexFinger", "hand_without_finger") in reasons
    assert "dropped" in out.exceptions[0].detail


def test_no_finger_on_the_glass_counts_as_attempts(scanner, simulator):
    simulator.config.inject = "no_biometric"
    out = FingerCapturePolicy(targets=["Left IndexFinger"], fallback=[], max_retries=1).run(scanner, Scripted())
    assert [(e.finger, e.reason) for e in out.exceptions] == [("Left IndexFinger", "unreadable"),
                                                                ("Left IndexFinger", "hand_without_finger")]
    assert "no usable image after 2 attempts" in out.exceptions[0].detail


def test_policy_validates_its_configuration():
    with pytest.raises(ValueError, match="unknown finger"):
        FingerCapturePolicy(targets=["Left Pinky"])
    with pytest.raises(ValueError, match="declared exception"):
        FingerCapturePolicy(declared={"Left IndexFinger": "lost it"})
    with pytest.raises(ValueError):
        FingerCapturePolicy(threshold=101)


def test_policy_defaults_come_from_booth_settings(booth_home):
    from inspector_app.settings import Settings

    s = Settings(booth_home)
    s.set("devices.capture.finger_threshold", 55)
    s.set("devices.capture.fallback", ["Thumb"])
    p = FingerCapturePolicy.from_settings(s)
    assert p.threshold == 55 and p.candidates("Right IndexFinger") == ["Right IndexFinger", "Right Thumb"]
    assert FingerCapturePolicy.from_settings(None).max_retries == 2
