"""Secure messaging (ICAO Doc 9303-11 §9.8), both the terminal's and the chip's half.

Every APDU after BAC/PACE travels encrypted and MACed. The send sequence counter (SSC) is
incremented before each command and before each response, so a replayed or dropped APDU breaks
the MAC on the next one. 3DES sessions (BAC) encrypt with CBC and IV 0 and MAC with the ISO/IEC
9797-1 retail MAC; AES sessions (PACE, CA) encrypt with IV = E(KSenc, SSC) and MAC with AES-CMAC
truncated to 8 bytes. Data objects: 87 (encrypted data, padding indicator 01; 85 for odd INS, whose
data is BER-TLV), 97 (Le), 99 (status word), 8E (MAC).

The chip half exists so the project's chip simulator answers exactly as a chip does; the same
code serving both sides is checked against the 9303-11 Appendix D worked example byte for byte.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher as _Cipher
from cryptography.hazmat.primitives.ciphers import algorithms, modes
from cryptography.hazmat.primitives.cmac import CMAC

from inspector_app.chip.keys import Cipher


class SecureMessagingError(Exception):
    """A protected APDU failed its MAC, its SSC or its format: the session is over (SW 6988)."""


# --- primitives shared with BAC / PACE / CA ---------------------------------------------------


def pad(data: bytes, block: int) -> bytes:
    """ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to a block boundary (always adds)."""
    data = data + b"\x80"
    return data + bytes(-len(data) % block)


def unpad(data: bytes) -> bytes:
    stripped = data.rstrip(b"\x00")
    if not stripped or stripped[-1] != 0x80:
        raise SecureMessagingError("bad padding in the decrypted data")
    return stripped[:-1]


def _des3(key: bytes) -> TripleDES:
    return TripleDES(key + key[:8] if len(key) == 16 else key)


def des3_encrypt(key: bytes, data: bytes, iv: bytes = bytes(8)) -> bytes:
    enc = _Cipher(_des3(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def des3_decrypt(key: bytes, data: bytes, iv: bytes = bytes(8)) -> bytes:
    dec = _Cipher(_des3(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def retail_mac(key: bytes, data: bytes) -> bytes:
    """ISO/IEC 9797-1 MAC algorithm 3 with single DES (the 'retail MAC'); data already padded."""
    k1, k2 = key[:8], key[8:16]
    single = TripleDES(k1 * 3)
    enc = _Cipher(single, modes.CBC(bytes(8))).encryptor()
    h = (enc.update(data) + enc.finalize())[-8:]
    h = _Cipher(TripleDES(k2 * 3), modes.ECB()).decryptor().update(h)
    return _Cipher(single, modes.ECB()).encryptor().update(h)


def aes_encrypt(key: bytes, data: bytes, iv: bytes = bytes(16)) -> bytes:
    enc = _Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return enc.update(data) + enc.finalize()


def aes_decrypt(key: bytes, data: bytes, iv: bytes = bytes(16)) -> bytes:
    dec = _Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(data) + dec.finalize()


def aes_cmac8(key: bytes, data: bytes) -> bytes:
    mac = CMAC(algorithms.AES(key))
    mac.update(data)
    return mac.finalize()[:8]


# --- BER-TLV for the SM data objects (tags are one byte here) -----------------------------------


def ber_length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    if n < 0x10000:
        return bytes([0x82]) + n.to_bytes(2, "big")
    raise ValueError("data object too long")


def tlv(tag: int, value: bytes) -> bytes:
    return bytes([tag]) + ber_length(len(value)) + value


def _read_objects(data: bytes) -> list[tuple[int, bytes, bytes]]:
    """(tag, value, the whole encoded object) for each one-byte-tag object, in order."""
    out = []
    i = 0
    while i < len(data):
        if i + 2 > len(data):
            raise SecureMessagingError("truncated data object")
        tag = data[i]
        first = data[i + 1]
        j = i + 2
        if first < 0x80:
            length = first
        elif first in (0x81, 0x82):
            width = first - 0x80
            if j + width > len(data):
                raise SecureMessagingError("truncated length")
            length = int.from_bytes(data[j:j + width], "big")
            j += width
        else:
            raise SecureMessagingError("unsupported length encoding")
        if j + length > len(data):
            raise SecureMessagingError("data object runs past the end")
        out.append((tag, data[j:j + length], data[i:j + length]))
        i = j + length
    return out


# --- command APDU layout (ISO/IEC 7816-3 cases 1-4, short and extended) ------------------------


@dataclass(frozen=True)
class _Apdu:
    header: bytes
    data: bytes
    le: int | None  # 1..65536, None = absent
    extended: bool


def _parse_command(apdu: bytes) -> _Apdu:
    if len(apdu) < 4:
        raise SecureMessagingError("command APDU shorter than its header")
    header, body = apdu[:4], apdu[4:]
    if not body:
        return _Apdu(header, b"", None, False)
    if len(body) == 1:
        return _Apdu(header, b"", body[0] or 256, False)
    if body[0] != 0:  # short Lc
        lc = body[0]
        rest = body[1:]
        if len(rest) == lc:
            return _Apdu(header, rest, None, False)
        if len(rest) == lc + 1:
            return _Apdu(header, rest[:lc], rest[lc] or 256, False)
        raise SecureMessagingError("Lc does not match the command length")
    if len(body) == 3:  # extended case 2: 00 Le1 Le2
        return _Apdu(header, b"", int.from_bytes(body[1:3], "big") or 65536, True)
    if len(body) < 3:
        raise SecureMessagingError("bad extended length")
    lc = int.from_bytes(body[1:3], "big")
    rest = body[3:]
    if lc and len(rest) == lc:
        return _Apdu(header, rest, None, True)
    if lc and len(rest) == lc + 2:
        return _Apdu(header, rest[:lc], int.from_bytes(rest[lc:], "big") or 65536, True)
    raise SecureMessagingError("extended Lc does not match the command length")


def _build_command(header: bytes, data: bytes, le: int | None, extended: bool) -> bytes:
    extended = extended or len(data) > 255 or (le is not None and le > 256)
    out = bytearray(header)
    if extended:
        if data:
            out += len(data).to_bytes(3, "big") + data
        if le is not None:
            le_bytes = (le % 65536).to_bytes(2, "big")
            out += le_bytes if data else b"\x00" + le_bytes
    else:
        if data:
            out += bytes([len(data)]) + data
        if le is not None:
            out.append(le % 256)
    return bytes(out)


# --- the sessions -----------------------------------------------------------------------------


class SecureMessaging:
    """One SM session: keys and the SSC; wraps/unwraps on either side of the link.

    Every call advances the SSC, including one that fails: after a SecureMessagingError the
    session is over (the chip answers 6988 in the clear and forgets its keys; the terminal has to
    authenticate again), exactly as on a real chip.
    """

    block_size = 8

    def __init__(self, ks_enc: bytes, ks_mac: bytes, ssc: bytes | None = None):
        if ssc is None:
            ssc = bytes(self.block_size)
        if len(ssc) != self.block_size:
            raise ValueError(f"SSC must be {self.block_size} bytes")
        self.ks_enc = ks_enc
        self.ks_mac = ks_mac
        self._ssc = int.from_bytes(ssc, "big")
        self._last_ins_odd = False

    @property
    def ssc(self) -> bytes:
        return self._ssc.to_bytes(self.block_size, "big")

    def _next_ssc(self) -> bytes:
        self._ssc = (self._ssc + 1) % (1 << (8 * self.block_size))
        return self.ssc

    # cipher-specific parts
    def _encrypt(self, data: bytes) -> bytes:
        raise NotImplementedError

    def _decrypt(self, data: bytes) -> bytes:
        raise NotImplementedError

    def _mac(self, data: bytes) -> bytes:
        raise NotImplementedError

    def _mac_of(self, message: bytes) -> bytes:
        return self._mac(pad(self.ssc + message, self.block_size))

    # terminal half
    def wrap_command(self, apdu: bytes) -> bytes:
        """Terminal: a plain command APDU (cases 1-4, short or extended) to its protected form."""
        cmd = _parse_command(apdu)
        ins = cmd.header[1]
        self._last_ins_odd = bool(ins & 1)
        header = bytes([cmd.header[0] | 0x0C]) + cmd.header[1:]
        objects = b""
        self._next_ssc()
        if cmd.data:
            cryptogram = self._encrypt(pad(cmd.data, self.block_size))
            objects += tlv(0x85, cryptogram) if ins & 1 else tlv(0x87, b"\x01" + cryptogram)
        if cmd.le is not None:
            width = 2 if cmd.extended else 1
            objects += tlv(0x97, (cmd.le % (1 << (8 * width))).to_bytes(width, "big"))
        mac = self._mac_of(pad(header, self.block_size) + objects)
        body = objects + tlv(0x8E, mac)
        extended = cmd.extended or len(body) > 255
        return _build_command(header, body, 65536 if extended else 256, extended)

    def unwrap_response(self, resp: bytes) -> bytes:
        """Terminal: a protected response (data + SW) to the plain one, after checking its MAC."""
        if len(resp) < 2:
            raise SecureMessagingError("response shorter than a status word")
        self._next_ssc()
        data, sw = resp[:-2], resp[-2:]
        if not data:
            if 0x64 <= sw[0] <= 0x6F:
                # An error the chip sent in the clear (6987/6988 end the session, 9303-11 §9.8.6):
                # there is nothing to trust or to lose in it, and the caller needs the reason.
                return sw
            raise SecureMessagingError(f"an unprotected {sw.hex().upper()} inside a secure messaging session")
        payload, status = self._check_and_open(data, expect_status=True)
        return payload + status

    # chip half
    def unwrap_command(self, apdu: bytes) -> bytes:
        """Chip: a protected command to the plain one the applet executes, after checking its MAC."""
        cmd = _parse_command(apdu)
        if cmd.header[0] & 0x0C != 0x0C:
            raise SecureMessagingError("command is not secure-messaging protected")
        self._next_ssc()
        self._last_ins_odd = bool(cmd.header[1] & 1)
        header = bytes([cmd.header[0] & ~0x0C & 0xFF]) + cmd.header[1:]
        objects = _read_objects(cmd.data)
        if not objects or objects[-1][0] != 0x8E:
            raise SecureMessagingError("no MAC (DO8E) at the end of the command")
        macced = b"".join(raw for _, _, raw in objects[:-1])
        expected = self._mac_of(pad(cmd.header, self.block_size) + macced)
        if not hmac.compare_digest(expected, objects[-1][1]):
            raise SecureMessagingError("command MAC does not verify")
        data = b""
        le = None
        extended = False  # the plain command's form: a two-byte DO97 says it had an extended Le
        for tag, value, _ in objects[:-1]:
            if tag in (0x85, 0x87):
                data = self._open_cryptogram(tag, value)
            elif tag == 0x97:
                if len(value) not in (1, 2):
                    raise SecureMessagingError("bad DO97")
                le = int.from_bytes(value, "big") or (256 if len(value) == 1 else 65536)
                extended = len(value) == 2
            else:
                raise SecureMessagingError(f"unexpected data object {tag:02X} in a command")
        return _build_command(header, data, le, extended)

    def wrap_response(self, resp: bytes) -> bytes:
        """Chip: the applet's plain response (data + SW) to its protected form (DO87/85, 99, 8E)."""
        if len(resp) < 2:
            raise ValueError("response shorter than a status word")
        self._next_ssc()
        data, sw = resp[:-2], resp[-2:]
        objects = b""
        if data:
            cryptogram = self._encrypt(pad(data, self.block_size))
            objects += tlv(0x85, cryptogram) if self._last_ins_odd else tlv(0x87, b"\x01" + cryptogram)
        objects += tlv(0x99, sw)
        return objects + tlv(0x8E, self._mac_of(objects)) + sw

    # helpers
    def _open_cryptogram(self, tag: int, value: bytes) -> bytes:
        if tag == 0x87:
            if not value or value[0] != 0x01:
                raise SecureMessagingError("DO87 without padding indicator 01")
            value = value[1:]
        if not value or len(value) % self.block_size:
            raise SecureMessagingError("cryptogram is not whole blocks")
        return unpad(self._decrypt(value))

    def _check_and_open(self, data: bytes, *, expect_status: bool) -> tuple[bytes, bytes]:
        objects = _read_objects(data)
        if not objects or objects[-1][0] != 0x8E:
            raise SecureMessagingError("no MAC (DO8E) at the end of the response")
        macced = b"".join(raw for _, _, raw in objects[:-1])
        if not hmac.compare_digest(self._mac_of(macced), objects[-1][1]):
            raise SecureMessagingError("response MAC does not verify")
        payload = b""
        status = None
        for tag, value, _ in objects[:-1]:
            if tag in (0x85, 0x87):
                payload = self._open_cryptogram(tag, value)
            elif tag == 0x99:
                if len(value) != 2:
                    raise SecureMessagingError("bad DO99")
                status = value
            else:
                raise SecureMessagingError(f"unexpected data object {tag:02X} in a response")
        if status is None and expect_status:
            raise SecureMessagingError("no status word (DO99) in the response")
        return payload, status or b""


class DesSecureMessaging(SecureMessaging):
    """3DES secure messaging (after BAC, or PACE/CA with 3DES): CBC IV 0, retail MAC."""

    block_size = 8

    def _encrypt(self, data: bytes) -> bytes:
        return des3_encrypt(self.ks_enc, data)

    def _decrypt(self, data: bytes) -> bytes:
        return des3_decrypt(self.ks_enc, data)

    def _mac(self, data: bytes) -> bytes:
        return retail_mac(self.ks_mac, data)


class AesSecureMessaging(SecureMessaging):
    """AES secure messaging (PACE/CA with AES): IV = E(KSenc, SSC), AES-CMAC truncated to 8."""

    block_size = 16

    def _iv(self) -> bytes:
        enc = _Cipher(algorithms.AES(self.ks_enc), modes.ECB()).encryptor()
        return enc.update(self.ssc) + enc.finalize()

    def _encrypt(self, data: bytes) -> bytes:
        return aes_encrypt(self.ks_enc, data, self._iv())

    def _decrypt(self, data: bytes) -> bytes:
        return aes_decrypt(self.ks_enc, data, self._iv())

    def _mac(self, data: bytes) -> bytes:
        return aes_cmac8(self.ks_mac, data)


def make_secure_messaging(cipher: Cipher, ks_enc: bytes, ks_mac: bytes) -> SecureMessaging:
    """A new session after PACE or Chip Authentication: the SSC starts at zero."""
    if cipher is Cipher.DES3:
        return DesSecureMessaging(ks_enc, ks_mac, bytes(8))
    return AesSecureMessaging(ks_enc, ks_mac, bytes(16))
