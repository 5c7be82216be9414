"""Document readers: wedge-burst recognition (unit + property), serial through a real pty pair."""
from __future__ import annotations

import json
import os
import time
import tty

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.devices import mrz_reader as M

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = ("I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<")


def burst(det, text, start=0.0, interval=0.004):
    """Keys of `text` (lines + Enter) at a wedge reader's pace."""
    return det.feed_text(text + "\n", start=start, key_interval_s=interval)


def test_td3_burst_is_recognised_and_passed_on():
    seen = []
    det = M.WedgeBurstDetector(on_mrz=seen.append)
    assert burst(det, TD3) == [TD3]
    assert seen == [TD3]


def test_td1_three_lines_are_one_mrz():
    det = M.WedgeBurstDetector()
    assert burst(det, TD1) == [TD1]


def test_the_same_text_typed_by_a_person_is_not_a_burst():
    det = M.WedgeBurstDetector()
    assert det.feed_text(TD3 + "\n", key_interval_s=0.12) == []


def test_one_slow_key_inside_a_line_breaks_the_burst():
    det = M.WedgeBurstDetector()
    first, second = TD3.split("\n")
    t = 0.0
    for ch in first[:10]:
        det.feed(ch, t)
        t += 0.004
    t += 0.5  # a pause a reader never makes
    for ch in first[10:] + "\n" + second + "\n":
        assert det.feed(ch, t) is None
        t += 0.004


def test_a_long_pause_between_lines_restarts_the_assembly():
    det = M.WedgeBurstDetector()
    first, second = TD3.split("\n")
    assert det.feed_text(first + "\n", start=0.0) == []
    assert det.feed_text(second + "\n", start=5.0) == []
    # and the detector is not stuck: a full burst afterwards is recognised
    assert burst(det, TD3, start=10.0) == [TD3]


def test_non_mrz_fast_text_is_ignored_and_named_keys_are_skipped():
    det = M.WedgeBurstDetector()
    assert det.feed_text("HELLO WORLD\n") == []
    assert det.feed("Shift", 0.0) is None
    assert burst(det, TD3, start=1.0) == [TD3]


def test_lowercase_from_a_reader_in_the_wrong_keyboard_mode_is_upper_cased():
    det = M.WedgeBurstDetector()
    assert burst(det, TD3.lower()) == [TD3]


def test_all_shared_samples_are_recognised_as_bursts(shared_data):
    samples = json.loads((shared_data / "mrz" / "mrz_samples.json").read_text())
    det = M.WedgeBurstDetector()
    shaped = [s["mrz"] for s in samples if all(M.is_mrz_line(ln) for ln in s["mrz"].split("\n"))]
    assert len(shaped) >= 20
    for n, text in enumerate(shaped):
        assert burst(det, text, start=n * 10.0) == [text], text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<\n ", max_size=300),
       st.floats(min_value=0.0005, max_value=0.3))
def test_detector_never_emits_anything_but_whole_mrz_shaped_lines(text, interval):
    det = M.WedgeBurstDetector()
    for out in det.feed_text(text, key_interval_s=interval):
        lines = out.split("\n")
        assert all(M.is_mrz_line(ln) for ln in lines)
        assert len(lines) == M.LINES_FOR_LENGTH[len(lines[0])]
        assert interval <= det.max_key_gap_s


def test_assembler_drops_a_line_of_another_length():
    a = M.MrzLineAssembler()
    assert a.feed("A" * 30) is None
    assert a.feed("B" * 44) is None
    assert a.feed("C" * 44) == "B" * 44 + "\n" + "C" * 44


# -- serial reader through a real pseudo-terminal pair ------------------------------------------

@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    os.close(master)
    os.close(slave)


def wait_for(predicate, timeout=5.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_serial_reader_delivers_mrz_from_a_pty(pty_pair, newline):
    master, slave_path = pty_pair
    got = []
    reader = M.SerialMrzReader(slave_path, 9600, on_mrz=got.append).start()
    try:
        assert wait_for(lambda: getattr(reader.status.get("document_reader"), "state", None) == "ready")
        payload = b"NOISE\r\n" + newline.join(ln.encode() for ln in TD3.split("\n")) + newline
        # written in two pieces: framing must survive a line split across reads
        os.write(master, payload[:50])
        time.sleep(0.05)
        os.write(master, payload[50:])
        assert wait_for(lambda: got == [TD3]), got
    finally:
        reader.stop()
    assert not reader._thread.is_alive()


def test_serial_reader_reports_a_missing_port_and_keeps_retrying(tmp_path):
    reader = M.SerialMrzReader(str(tmp_path / "ttyNOPE"), 9600).start()
    try:
        assert wait_for(lambda: reader.status.get("document_reader") is not None)
        st_ = reader.status.get("document_reader")
        assert st_.state == "error" and "cannot open serial port" in st_.last_error
    finally:
        reader.stop()


def test_serial_reader_needs_a_port():
    with pytest.raises(ValueError, match="devices.serial.port"):
        M.SerialMrzReader("", 9600)


def test_typed_entry_feedback_shapes_and_uses_the_domain_checker():
    calls = []

    def fake_live_feedback(text):
        calls.append(text)
        return [{"ok": True}, {"ok": False}]

    fb = M.typed_entry_feedback("p<utoeriksson<<anna<maria\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
                                live_feedback=fake_live_feedback)
    assert fb[0]["expected_length"] == 44 and not fb[0]["shape_ok"]
    assert fb[1]["shape_ok"] and fb[1]["check_digits"] == {"ok": False}
    assert calls and calls[0].startswith("P<UTOERIKSSON")
    assert M.typed_entry_feedback("P<UTO$", live_feedback=lambda t: [])[0]["invalid_characters"] == ["$"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=30),
       st.sampled_from([b"\r\n", b"\r", b"\n"]))
def test_line_framing_does_not_depend_on_how_reads_split_the_bytes(cuts, newline):
    payload = b"NOISE" + newline + newline.join(ln.encode() for ln in TD3.split("\n")) + newline + b"TAIL"
    framer, lines, pos = M.LineFramer(), [], 0
    for size in cuts:
        lines += framer.feed(payload[pos:pos + size])
        pos += size
    lines += framer.feed(payload[pos:])
    assert lines == ["NOISE"] + TD3.split("\n")
    assert framer.pending == b"TAIL"
    assembler = M.MrzLineAssembler()
    assert [t for t in map(assembler.feed, lines) if t] == [TD3]
