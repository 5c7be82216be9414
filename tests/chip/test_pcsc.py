"""The chip reader over the real PC/SC stack: pcscd + Debian's vpcd + the project's vpcd client and applet, through pyscard.

Plus vpcd's socket protocol against a stand-in vpcd (truncated frames, vpcd closing the socket),
and a pcscd that is not there at all (a subprocess pointed at a socket no pcscd serves).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

import pytest

from inspector_app.chip import pcsc
from inspector_app.chip.apdu import SW, CommandApdu, ResponseApdu
from inspector_app.chip.applet import EMRTD_AID, EmrtdApplet, Stop
from inspector_app.chip.transport import CardChannel, CardRemoved, NoCard, NoReader, ServiceUnavailable, Timeout
from inspector_app.chip.vpcd import GET_ATR, POWER_ON, RESET, VpcdClient, read_frame, write_frame

DG2 = b"\x75\x82\x4f\xfc" + bytes((i * 31 + (i >> 8)) & 0xFF for i in range(20_476))  # 20 KB: tag 75, length 4FFC
FILES = {0x011C: bytes.fromhex("3114300F060A04007F00070202040202020102"), 0x0102: DG2}


def read_file(channel: CardChannel, fid: int, chunk: int) -> bytes:
    """SELECT the application and the file, READ BINARY its TLV header, then the rest in chunks: as a terminal reads a data group."""
    def ok(apdu: CommandApdu) -> ResponseApdu:
        resp = ResponseApdu.decode(channel.transmit(apdu.encode()))
        assert resp.sw in (SW.OK, SW.END_OF_FILE), resp.meaning
        return resp

    ok(CommandApdu(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID))
    ok(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big")))
    data = ok(CommandApdu(0x00, 0xB0, 0, 0, ne=4)).data
    n = data[1] if data[1] < 0x80 else int.from_bytes(data[2:2 + (data[1] & 0x7F)], "big")
    size = 2 + (data[1] > 0x80) * (data[1] & 0x7F) + n
    while len(data) < size:
        resp = ok(CommandApdu(0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, ne=min(chunk, size - len(data))))
        assert resp.data, "the chip returned no data before the end of the file"
        data += resp.data
    return data


def test_the_virtual_reader_is_listed(virtual_reader):
    assert virtual_reader.name in pcsc.list_readers()


def test_no_card_on_the_reader(virtual_reader):
    started = time.monotonic()
    with pytest.raises(NoCard, match="no chip on Virtual PCD"):
        pcsc.wait_for_card(virtual_reader.name, timeout_s=0.3)
    assert time.monotonic() - started < 5
    with pytest.raises(NoCard):
        pcsc.PcscChannel(virtual_reader.name)


def test_an_absent_reader_is_no_reader(pcsc_stack):
    with pytest.raises(NoReader, match="no chip reader named 'Nonexistent Reader 00 00'"):
        pcsc.wait_for_card("Nonexistent Reader 00 00", timeout_s=0.2)


def test_read_a_20_kb_data_group_through_pcscd(virtual_reader):
    applet = EmrtdApplet(FILES, None)
    virtual_reader.insert(applet)
    with pcsc.connect(virtual_reader.name, wait_s=5) as channel:
        assert isinstance(channel, CardChannel)
        assert channel.atr == applet.atr and channel.protocol is pcsc.Protocol.T1
        started = time.perf_counter()
        assert read_file(channel, 0x0102, chunk=0xE0) == DG2          # short APDUs, as most terminals
        short_s = time.perf_counter() - started
        started = time.perf_counter()
        assert read_file(channel, 0x0102, chunk=0x1000) == DG2        # extended length
        extended_s = time.perf_counter() - started
    print(f"20 KB through pcscd+vpcd: {short_s:.3f} s in 224-byte reads, {extended_s:.3f} s in 4 KB reads")
    assert short_s < 10  # ~0.2 s here; 45 ms per APDU (delayed ACK) would take 4.2 s


def test_a_slow_chip_is_still_read(virtual_reader):
    dg1 = b"\x61\x82\x03\xe4" + DG2[4:1000]
    virtual_reader.insert(EmrtdApplet({0x0101: dg1}, None, delay_s=0.15))
    with pcsc.connect(virtual_reader.name, wait_s=5, transmit_timeout_s=5) as channel:
        started = time.monotonic()
        assert read_file(channel, 0x0101, chunk=256) == dg1
        assert time.monotonic() - started >= 7 * 0.15  # 2 SELECTs, the header and 4 reads, each late


def test_a_chip_pulled_away_mid_read_is_card_removed(virtual_reader):
    client = virtual_reader.insert(EmrtdApplet(FILES, None, stop_after_bytes=4096))
    with pcsc.connect(virtual_reader.name, wait_s=5, transmit_timeout_s=5) as channel:
        started = time.monotonic()
        with pytest.raises(CardRemoved, match="left the reader"):
            read_file(channel, 0x0102, chunk=0xE0)
        assert time.monotonic() - started < 5
        assert client.left_field.is_set()
        with pytest.raises(CardRemoved):
            channel.transmit(bytes.fromhex("00A4040C07") + EMRTD_AID)


def test_a_chip_that_stops_answering_times_out(virtual_reader):
    client = virtual_reader.insert(EmrtdApplet(FILES, None, stop_after_bytes=1024, stop=Stop.MUTE))
    channel = pcsc.connect(virtual_reader.name, wait_s=5, transmit_timeout_s=1.0)
    started = time.monotonic()
    with pytest.raises(Timeout, match="did not answer within 1 s"):
        read_file(channel, 0x0102, chunk=0xE0)
    assert time.monotonic() - started < 6
    assert client.muted.is_set()
    with pytest.raises(Timeout, match="stopped answering"):  # at once, not another wait
        channel.transmit(bytes.fromhex("0084000008"))
    channel.disconnect()  # does not block on the call pcscd still holds
    virtual_reader.remove()  # the socket closes, pcscd lets go, the reader empties


def test_pcscd_absent_is_a_clear_error(tmp_path):
    """libpcsclite takes its socket path from PCSCLITE_CSOCK_NAME once per process: a child with a path no pcscd serves."""
    pytest.importorskip("smartcard.scard", reason="pyscard is not installed")
    code = ("from inspector_app.chip import pcsc\n"
            "from inspector_app.chip.transport import ServiceUnavailable, NoReader\n"
            "try:\n    pcsc.list_readers()\nexcept ServiceUnavailable as e:\n"
            "    assert isinstance(e, NoReader); print('ERR', e)\n")
    env = dict(os.environ, PCSCLITE_CSOCK_NAME=str(tmp_path / "no-pcscd.comm"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ERR the PC/SC service (pcscd) is not running"), out.stdout
    assert ServiceUnavailable.__mro__[1] is NoReader


# -- vpcd's socket protocol against a stand-in vpcd ----------------------------------------------

class _Card:
    atr = bytes.fromhex("3B80800101")

    def __init__(self) -> None:
        self.resets = 0

    def process(self, apdu: bytes) -> bytes:
        if apdu == b"boom":
            raise RuntimeError("a bug in the card")
        return apdu[::-1] + b"\x90\x00"

    def reset(self) -> None:
        self.resets += 1


@pytest.fixture
def fake_vpcd():
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(10)
    yield server
    server.close()


def test_vpcd_controls_and_apdus(fake_vpcd):
    card = _Card()
    with VpcdClient(card, port=fake_vpcd.getsockname()[1]) as client:
        conn, _ = fake_vpcd.accept()
        conn.settimeout(10)
        assert client.connected.wait(10)
        write_frame(conn, bytes((POWER_ON,)))           # no answer to power on ...
        write_frame(conn, bytes((GET_ATR,)))
        assert read_frame(conn) == card.atr             # ... so the next frame is the ATR
        write_frame(conn, bytes((RESET,)))
        write_frame(conn, bytes.fromhex("00A4040C"))
        assert read_frame(conn) == bytes.fromhex("0C04A4009000")
        write_frame(conn, b"boom")
        assert read_frame(conn) == b"\x6f\x00"          # a failing card answers 6F00, pcscd is not left waiting
        assert card.resets >= 1
        conn.close()


def test_vpcd_truncated_frame_and_closed_socket_reconnect(fake_vpcd):
    card = _Card()
    with VpcdClient(card, port=fake_vpcd.getsockname()[1]) as client:
        conn, _ = fake_vpcd.accept()
        conn.sendall(b"\x00\x10\x00\xa4")                # announces 16 bytes, sends 2, then vpcd goes away
        conn.close()
        again, _ = fake_vpcd.accept()                    # the card comes back: pcscd restarted
        again.settimeout(10)
        write_frame(again, bytes((GET_ATR,)))
        assert read_frame(again) == card.atr
        assert client.connected.is_set()
        again.close()


def test_vpcd_stop_ends_the_thread_while_waiting_for_vpcd():
    probe = socket.create_server(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there: the client keeps trying
    client = VpcdClient(_Card(), port=port).start()
    ended = threading.Event()
    threading.Thread(target=lambda: (client.stop(), ended.set()), daemon=True).start()
    assert ended.wait(10)
    assert not client.connected.is_set()
