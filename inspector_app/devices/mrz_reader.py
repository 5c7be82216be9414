"""Document readers that deliver MRZ text: keyboard wedge, serial port, typed entry.

These readers only *recognise* MRZ-shaped text (lines of 30, 36 or 44 characters of
``[A-Z0-9<]``, three lines of 30 for TD1, two of 36 for TD2/MRV-B, two of 44 for TD3/MRV-A) and hand
it to a callback; parsing and check digits are ``inspector_app.domain.mrz``'s job.

Keyboard wedge: full-page readers "type" the MRZ as keystrokes ending in Enter, far faster than a
person. :class:`WedgeBurstDetector` is fed every key event with its timestamp (wherever the focus
is; the UI installs an application-wide event filter) and emits the MRZ when a burst of complete
MRZ lines arrived with short gaps. Defaults: a key gap above ``max_key_gap_s`` = 0.06 s breaks a
burst (fast touch typists average ~0.1-0.2 s between keys; wedge readers send a key every few ms,
some USB readers pace at ~10-30 ms), Enter to the next line at most ``max_line_gap_s`` = 0.5 s.
"""
from __future__ import annotations

import re
import threading

from inspector_app.devices.status import StatusBoard

MRZ_CHARS = re.compile(r"^[A-Z0-9<]+$")
LINES_FOR_LENGTH = {30: 3, 36: 2, 44: 2}
ENTER_KEYS = {"\n", "\r", "Enter", "Return"}


def is_mrz_line(line: str) -> bool:
    return len(line) in LINES_FOR_LENGTH and bool(MRZ_CHARS.match(line))


class MrzLineAssembler:
    """Collects consecutive MRZ-shaped lines of one length until the format's line count."""

    def __init__(self):
        self.lines: list[str] = []

    def reset(self) -> None:
        self.lines = []

    def feed(self, line: str) -> str | None:
        line = line.strip()
        if not is_mrz_line(line):
            self.reset()
            return None
        if self.lines and len(self.lines[0]) != len(line):
            self.lines = []
        self.lines.append(line)
        if len(self.lines) == LINES_FOR_LENGTH[len(line)]:
            text = "\n".join(self.lines)
            self.reset()
            return text
        return None


class WedgeBurstDetector:
    """Feed ``(key, timestamp_s)``; returns (and passes to ``on_mrz``) the MRZ when a burst completes.

    ``key`` is one character, or an Enter key name (``"\\n"``, ``"\\r"``, ``"Enter"``, ``"Return"``).
    Other named keys (Shift ...) are ignored: readers emulate Shift for upper case.
    """

    def __init__(self, on_mrz=None, max_key_gap_s: float = 0.06, max_line_gap_s: float = 0.5):
        self.on_mrz = on_mrz
        self.max_key_gap_s = max_key_gap_s
        self.max_line_gap_s = max_line_gap_s
        self.assembler = MrzLineAssembler()
        self.line = ""
        self.last_key_at: float | None = None
        self.last_enter_at: float | None = None
        self.line_is_fast = True

    def reset(self) -> None:
        self.assembler.reset()
        self.line, self.last_key_at, self.last_enter_at, self.line_is_fast = "", None, None, True

    def feed(self, key: str, timestamp: float) -> str | None:
        if key in ENTER_KEYS:
            return self._end_line(timestamp)
        if len(key) != 1:
            return None
        if self.line:
            if timestamp - self.last_key_at > self.max_key_gap_s:
                self.line_is_fast = False  # a person typing; this line cannot be a wedge burst
        else:
            self.line_is_fast = True
            if self.last_enter_at is not None and timestamp - self.last_enter_at > self.max_line_gap_s:
                self.assembler.reset()
        self.line += key.upper()
        self.last_key_at = timestamp
        return None

    def _end_line(self, timestamp: float) -> str | None:
        line, fast = self.line, self.line_is_fast
        self.line, self.line_is_fast = "", True
        self.last_enter_at = timestamp
        if not line:
            return None
        if not fast or timestamp - self.last_key_at > self.max_key_gap_s:
            self.assembler.reset()
            return None
        text = self.assembler.feed(line)
        if text is not None and self.on_mrz is not None:
            self.on_mrz(text)
        return text

    def feed_text(self, text: str, start: float = 0.0, key_interval_s: float = 0.005) -> list[str]:
        """Feed a whole string as evenly spaced keys (tests, replaying a captured burst)."""
        out = []
        for n, ch in enumerate(text):
            got = self.feed(ch, start + n * key_interval_s)
            if got:
                out.append(got)
        return out


class LineFramer:
    """Bytes in arbitrary chunks → text lines ended by CR, LF or CR LF.

    Empty lines are dropped, so a CR LF split across two reads is one line end, not two.
    """

    MAX_PENDING = 4096  # garbage without line ends must not grow forever

    def __init__(self):
        self.pending = b""

    def feed(self, chunk: bytes) -> list[str]:
        parts = re.split(rb"\r\n|\r|\n", self.pending + chunk)
        self.pending = parts.pop()  # an incomplete tail waits for its terminator
        if len(self.pending) > self.MAX_PENDING:
            self.pending = b""
        return [p.decode("ascii", errors="replace") for p in parts if p.strip()]


class SerialMrzReader:
    """Reads CR/LF-framed lines from a serial document reader on a background thread.

    ``port`` is a device path (``/dev/ttyUSB0``, ``COM3``) or any pyserial URL. When the port cannot
    be opened or disappears, the status goes to ``error`` with the reason and the reader retries
    with backoff (0.5 s doubling to 5 s) until ``stop()``.
    """

    def __init__(self, port: str, baud: int = 9600, on_mrz=None, status: StatusBoard | None = None,
                 name: str = "document_reader", read_timeout_s: float = 0.1):
        if not port:
            raise ValueError("serial document reader: no port configured (devices.serial.port)")
        self.port, self.baud, self.on_mrz = port, int(baud), on_mrz
        self.status = status or StatusBoard()
        self.name = name
        self.read_timeout_s = read_timeout_s
        self.assembler = MrzLineAssembler()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.received: list[str] = []

    def start(self) -> SerialMrzReader:
        self._thread = threading.Thread(target=self._run, name=f"serial-mrz-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout)

    def _open(self):
        import serial

        return serial.serial_for_url(self.port, baudrate=self.baud, timeout=self.read_timeout_s)

    def _run(self) -> None:
        import serial

        backoff = 0.5
        while not self._stop.is_set():
            try:
                conn = self._open()
            except (serial.SerialException, OSError, ValueError) as exc:
                self.status.update(self.name, "document_reader", state="error",
                                   last_error=f"cannot open serial port {self.port}: {exc}", detail={"port": self.port})
                if self._stop.wait(backoff):
                    return
                backoff = min(backoff * 2, 5.0)
                continue
            backoff = 0.5
            self.status.update(self.name, "document_reader", state="ready", detail={"port": self.port, "baud": self.baud})
            try:
                self._read_lines(conn)
            except (serial.SerialException, OSError) as exc:
                self.status.update(self.name, "document_reader", state="error",
                                   last_error=f"serial port {self.port} failed: {exc}")
            finally:
                conn.close()

    def _read_lines(self, conn) -> None:
        framer = LineFramer()
        while not self._stop.is_set():
            chunk = conn.read(256)
            if chunk:
                for line in framer.feed(chunk):
                    self._line(line)

    def _line(self, line: str) -> None:
        text = self.assembler.feed(line)
        if text is not None:
            self.received.append(text)
            if self.on_mrz is not None:
                self.on_mrz(text)


def typed_entry_feedback(text: str, live_feedback=None) -> list[dict]:
    """Per-line feedback while an inspector types an MRZ by hand.

    Shape checks are ours (length for the format, allowed characters; lower case and spaces are
    normalised as a person would mean them); check digits come from the domain's
    ``mrz.live_feedback`` (imported lazily; a caller may pass another one).
    """
    lines = [ln.strip().upper().replace(" ", "<") for ln in text.splitlines() if ln.strip()]
    target = None
    if lines:
        longest = max(len(ln) for ln in lines)  # the format is the shortest that fits every line
        target = min(LINES_FOR_LENGTH, key=lambda n: (n < longest, abs(n - longest)))
    feedback = []
    for n, line in enumerate(lines):
        bad = sorted({ch for ch in line if not re.match(r"[A-Z0-9<]", ch)})
        feedback.append({"line": n + 1, "text": line, "length": len(line), "expected_length": target,
                         "invalid_characters": bad, "shape_ok": len(line) == target and not bad})
    if live_feedback is None:
        from inspector_app.domain.mrz import live_feedback
    if lines:
        try:
            checks = live_feedback("\n".join(lines))
        except ValueError:
            checks = []
        for entry, check in zip(feedback, checks):
            entry["check_digits"] = check
    return feedback
