"""The inspection system's side of a chip read: access control, the files, the proofs, one result.

Order as ICAO Doc 9303-11 and BSI TR-03110 have a terminal do it: EF.CardAccess from the master
file; PACE when it offers a PACEInfo this reader does (CAN when the inspector typed one, else the
MRZ), else BAC after selecting the application; under secure messaging EF.COM, then the header of
every file EF.COM lists (so the progress has a total before the bulk is read), DG14 first so Chip
Authentication can replace the session before the rest is read; Active Authentication with DG15
when the chip offers no CA; passive authentication over what was read.

A chip that fails Chip Authentication drops its session (the next command's MAC does not verify):
the reader authenticates again and reads on, so the inspector still sees the data and its passive
authentication, flagged as a chip that is not the original. Everything the card or the link does
wrong ends as a result with a ``NotReadState`` and a reason, never as an exception.

``SessionResult`` keeps everything a read found (the files, the passive-authentication result,
the parsed DG1); its ``read_result()`` is the examination core's ``reading.ChipReadResult``.
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from inspector_app.chip import active_auth, lds, passive_auth, tlv
from inspector_app.chip.apdu import SW, sw_meaning
from inspector_app.chip.bac import GET_CHALLENGE, BacTerminal, external_authenticate_apdu
from inspector_app.chip.chip_auth import ChipAuthTerminal, UnsupportedChipAuthentication
from inspector_app.chip.keys import AccessDenied, ChipProtocolError, PasswordRef
from inspector_app.chip.pace import (
    PaceParams,
    PaceTerminal,
    UnsupportedPace,
    general_authenticate_apdu,
    mse_set_at_apdu,
)
from inspector_app.chip.reading import (
    AccessControl,
    ChipNotRead,
    ChipRead,
    ChipReadResult,
    CloneCheck,
    CloneMethod,
    NotReadState,
    PassiveAuthOutcome,
    PassiveAuthStep,
    Progress,
    StepState,
)
from inspector_app.chip.secure_messaging import SecureMessaging, SecureMessagingError
from inspector_app.chip.transport import CardChannel, CardRemoved, NoCard, NoReader, Timeout, TransportError
from inspector_app.domain.mrz import MrzResult

Random = Callable[[int], bytes]

EMRTD_AID = lds.AID
SM_CHUNK = 0xDF   # the most a short READ BINARY returns under SM (the wrapped answer must fit 256 bytes)
PLAIN_CHUNK = 0xFF
MAX_SHORT_OFFSET = 0x7FFF  # beyond, READ BINARY with odd INS (B1) and an offset data object
# No file this reader reads comes near it (a DG2 portrait is 15-100 KB; the EAC-protected finger
# and iris groups are skipped): a chip declaring more is refused at once, by name, instead of
# being read 223 bytes at a time until the booth's time runs out.
MAX_FILE_BYTES = 1 << 20
EAC_PROTECTED = frozenset({3, 4})  # fingerprints and irises: terminal authentication, which we do not do


# ----------------------------------------------------------------------------------- the result
_STEP_STATES = {passive_auth.Status.PASSED: StepState.passed, passive_auth.Status.FAILED: StepState.failed,
                passive_auth.Status.NOT_RUN: StepState.not_run}
_NOT_READ = CloneCheck(CloneMethod.not_offered, StepState.not_run, "the chip was not read")


@dataclass
class SessionResult:
    """Everything one read found, for the command line and the record; ``read_result()`` is what
    the examination core takes. ``not_read`` None means the chip was read (its checks may fail)."""

    not_read: NotReadState | None
    reason: str
    reader: str = ""
    access: AccessControl | None = None
    access_detail: str = ""
    files: dict[int, bytes] = field(default_factory=dict)         # file id -> content as read
    skipped: tuple[int, ...] = ()                                   # data groups listed but not readable
    dg1: MrzResult | None = None
    faces: list[lds.FaceImage] = field(default_factory=list)
    passive_auth: passive_auth.PassiveAuthResult | None = None    # None: no EF.SOD was read
    clone_check: CloneCheck = _NOT_READ
    duration_s: float = 0.0
    at: datetime | None = None

    @property
    def data_groups(self) -> dict[int, bytes]:
        return {fid - 0x0100: data for fid, data in self.files.items() if 0x0101 <= fid <= 0x0110}

    def passive_auth_outcome(self) -> PassiveAuthOutcome:
        """Passive authentication for the core, with the verifier's own verdict: a step it did not
        run without failing (revocation unchecked for want of a current CRL) is a warning there,
        not a failure, so ``passed`` is the verifier's and the step keeps its reason."""
        pa = self.passive_auth
        if pa is None:  # no EF.SOD read: nothing was checked
            return PassiveAuthOutcome.of(PassiveAuthStep(step.value, StepState.not_run, "the chip gave no EF.SOD")
                                         for step in passive_auth.Step)
        steps = tuple(PassiveAuthStep(s.step.value, _STEP_STATES[s.status],
                                      "" if s.status is passive_auth.Status.PASSED else s.reason) for s in pa.steps)
        failed = pa.failed_step
        return PassiveAuthOutcome(steps, pa.passed, failed.step.value if failed else None)

    def read_result(self) -> ChipReadResult:
        if self.not_read is not None or self.access is None:
            return ChipNotRead(self.not_read or NotReadState.read_failed, self.reason, self.reader, self.duration_s)
        dg1 = self.data_groups.get(1)
        try:
            lines = tuple(lds.dg1_lines(dg1)) if dg1 else ()
        except tlv.TlvError:
            lines = ()
        return ChipRead(self.reader, self.access, lines, self.faces[0].image_bytes if self.faces else None,
                        self.passive_auth_outcome(), self.clone_check, self.duration_s, tuple(sorted(self.data_groups)))

    def to_dict(self) -> dict:
        return {
            "state": self.not_read.value if self.not_read else "read", "reason": self.reason, "reader": self.reader,
            "access_control": self.access.value if self.access else None, "access_detail": self.access_detail,
            "files": [{"file_id": f"{fid:04X}", "name": _file_name(fid), "size": len(data),
                       "sha256": hashlib.sha256(data).hexdigest()} for fid, data in sorted(self.files.items())],
            "skipped_data_groups": list(self.skipped),
            "dg1": self.dg1.to_dict() if self.dg1 is not None else None,
            "faces": [{"mime": f.mime, "width": f.width, "height": f.height, "size": len(f.image_bytes)}
                      for f in self.faces],
            "passive_authentication": self.passive_auth.to_dict() if self.passive_auth else None,
            "clone_check": {"method": self.clone_check.method.value, "state": self.clone_check.state.value,
                            "reason": self.clone_check.reason},
            "duration_s": round(self.duration_s, 3),
            "at": self.at.isoformat() if self.at else None,
        }


def _file_name(fid: int) -> str:
    names = {lds.EF_COM: "EF.COM", lds.EF_SOD: "EF.SOD", lds.EF_CARD_ACCESS: "EF.CardAccess"}
    return names.get(fid) or f"DG{fid - 0x0100}"


# ----------------------------------------------------------------------------------- the link
class CardStatus(Exception):
    """The chip answered a command with an error status."""

    def __init__(self, what: str, sw: int) -> None:
        super().__init__(f"{what}: the chip answered {sw:04X} ({sw_meaning(sw)})")
        self.sw = sw


class ReadTooSlow(TransportError):
    """The whole read took longer than the booth waits for a chip."""


class _Link:
    """APDUs to the chip, wrapped in the current secure messaging session when there is one."""

    def __init__(self, channel: CardChannel, deadline: float) -> None:
        self.channel = channel
        self.sm: SecureMessaging | None = None
        self.deadline = deadline

    def send(self, apdu: bytes) -> tuple[bytes, int]:
        if time.monotonic() > self.deadline:
            raise ReadTooSlow("the chip answers too slowly: the read did not finish in the time a booth waits")
        if self.sm is None:
            resp = self.channel.transmit(apdu)
        else:
            resp = self.sm.unwrap_response(self.channel.transmit(self.sm.wrap_command(apdu)))
        if len(resp) < 2:
            raise ChipProtocolError("the chip's answer has no status word")
        return resp[:-2], int.from_bytes(resp[-2:], "big")

    def ok(self, apdu: bytes, what: str) -> bytes:
        data, sw = self.send(apdu)
        if sw != SW.OK:
            raise CardStatus(what, sw)
        return data

    @property
    def chunk(self) -> int:
        return PLAIN_CHUNK if self.sm is None else SM_CHUNK

    def select_file(self, fid: int) -> int:
        """SELECT EF by file id, no answer data; the status word."""
        return self.send(bytes((0x00, 0xA4, 0x02, 0x0C, 2)) + fid.to_bytes(2, "big"))[1]

    def read_binary(self, offset: int, length: int) -> tuple[bytes, int]:
        if offset <= MAX_SHORT_OFFSET:
            return self.send(bytes((0x00, 0xB0, offset >> 8, offset & 0xFF, length & 0xFF)))
        do54 = tlv.encode(0x54, offset.to_bytes(3 if offset > 0xFFFF else 2, "big"))
        le = min(self.chunk, length + (2 if length < 0x80 else 3))  # the answer's DO53 header takes room too
        data, sw = self.send(bytes((0x00, 0xB1, 0x00, 0x00, len(do54))) + do54 + bytes((le & 0xFF,)))
        return (tlv.parse(data, 0x53).value if data else b""), sw


@dataclass
class _File:
    fid: int
    data: bytes
    size: int  # from the TLV header

    @property
    def complete(self) -> bool:
        return len(self.data) >= self.size


class Reading:
    """One read of one chip over ``channel``; ``run()`` gives the result."""

    def __init__(self, channel: CardChannel, mrz_information: str, can: str | None = None, *,
                 trust: passive_auth.CscaStore | None = None, progress: Progress | None = None,
                 rng: Random = os.urandom, budget_s: float = 15.0, reader: str | None = None,
                 at: datetime | None = None) -> None:
        self.channel = channel
        self.mrz_information = mrz_information
        self.can = can
        self.trust = trust
        self.progress = progress
        self.rng = rng
        self.budget_s = budget_s
        self.result = SessionResult(NotReadState.read_failed, "not read", reader=reader or "")
        self.at = at
        self._done = 0
        self._total = 0

    # -- the whole read ---------------------------------------------------------------------------
    def run(self) -> SessionResult:
        started = time.monotonic()
        self.link = _Link(self.channel, started + self.budget_s)
        result = self.result
        try:
            self._read()
        except AccessDenied as exc:
            result.not_read, result.reason = NotReadState.access_denied, f"access denied: {exc}"
        except NoReader as exc:
            result.not_read, result.reason = NotReadState.no_reader, str(exc)
        except NoCard as exc:
            result.not_read, result.reason = NotReadState.no_chip, str(exc)
        except CardRemoved as exc:
            result.not_read, result.reason = NotReadState.read_failed, f"the chip left the reader during the read: {exc}"
        except (Timeout, ReadTooSlow) as exc:
            result.not_read, result.reason = NotReadState.read_failed, f"the chip stopped answering in time: {exc}"
        except TransportError as exc:
            result.not_read, result.reason = NotReadState.read_failed, f"the reader failed: {exc}"
        except (CardStatus, SecureMessagingError, ChipProtocolError, tlv.TlvError) as exc:
            result.not_read, result.reason = NotReadState.read_failed, f"the chip's answers are not an eMRTD's: {exc}"
        else:
            result.not_read, result.reason = None, "read"
        result.duration_s = time.monotonic() - started
        return result

    def _read(self) -> None:
        card_access = self._read_card_access()
        self._authenticate(card_access)
        com_data = self._read_whole(lds.EF_COM)
        if com_data is None:
            raise CardStatus("EF.COM", SW.FILE_NOT_FOUND)
        self.result.files[lds.EF_COM] = com_data
        com = lds.parse_com(com_data)
        numbers = [n for n in com.data_groups if n not in EAC_PROTECTED]
        skipped = [n for n in com.data_groups if n in EAC_PROTECTED]
        # DG14 first: Chip Authentication needs it whole, and protects everything read after it
        fids = [lds.dg_file_id(14)] if 14 in numbers else []
        fids += [lds.EF_SOD] + [lds.dg_file_id(n) for n in sorted(numbers) if n != 14]
        files: list[_File] = []
        for fid in fids:  # the first chunk of each: sizes for the progress, small files whole
            first = self._start_file(fid)
            if first is not None:
                files.append(first)
            elif fid != lds.EF_SOD:  # no SOD: passive authentication has nothing to check
                skipped.append(fid - 0x0100)
        self._total = len(com_data) + sum(f.size for f in files)
        self._done = len(com_data) + sum(len(f.data) for f in files)
        self._report()
        ca_done = False
        for f in files:
            if f.fid != lds.dg_file_id(14) and not ca_done:
                ca_done = True
                self._chip_authentication()
            self._finish_file(f)
            self.result.files[f.fid] = f.data
        if not ca_done:
            self._chip_authentication()
        self.result.skipped = tuple(sorted(skipped))
        self._say("checking that the chip is the original and its data as signed", 1.0)
        self._active_authentication()
        self._interpret()

    # -- access control ---------------------------------------------------------------------------
    def _read_card_access(self) -> bytes | None:
        """EF.CardAccess from the master file, read in the clear as PACE needs."""
        if self.link.select_file(lds.EF_CARD_ACCESS) != SW.OK:
            return None
        data = self._read_rest(lds.EF_CARD_ACCESS, b"")
        self.result.files[lds.EF_CARD_ACCESS] = data
        return data

    def _pace_params(self, card_access: bytes | None) -> PaceParams | None:
        if not card_access:
            return None
        try:
            infos = lds.parse_security_infos(card_access)
        except tlv.TlvError:
            return None  # an unreadable CardAccess: BAC, as for a chip without PACE
        for info in infos:
            if isinstance(info, lds.PaceInfo) and info.parameter_id is not None:
                try:
                    return PaceParams.from_oid(info.protocol, info.parameter_id)
                except UnsupportedPace:
                    continue
        return None

    def _authenticate(self, card_access: bytes | None) -> None:
        self.link.sm = None
        params = self._pace_params(card_access)
        self._say(f"opening the chip with {'PACE' if params else 'BAC'}", 0.0)
        if params is not None:
            self._pace(params)
            self.link.ok(b"\x00\xa4\x04\x0c\x07" + EMRTD_AID, "SELECT the eMRTD application")
        else:
            self.link.ok(b"\x00\xa4\x04\x0c\x07" + EMRTD_AID, "SELECT the eMRTD application")
            self._bac()

    def _pace(self, params: PaceParams) -> None:
        ref = PasswordRef.CAN if self.can else PasswordRef.MRZ
        password = (self.can or self.mrz_information).encode("ascii")
        terminal = PaceTerminal(params, password, ref, rng=self.rng)
        self.link.ok(mse_set_at_apdu(terminal.mse_set_at()), "MSE:Set AT for PACE")
        data = terminal.step(b"")
        while data is not None:
            last = terminal.last_command
            response, sw = self.link.send(general_authenticate_apdu(data, last=last))
            if sw == SW.AUTHENTICATION_FAILED:
                raise AccessDenied(f"the chip refused the {'CAN' if self.can else 'MRZ'} (PACE)")
            if sw != SW.OK:
                raise CardStatus("GENERAL AUTHENTICATE (PACE)", sw)
            data = terminal.step(response)
        self.link.sm = terminal.secure_messaging()
        self.result.access = AccessControl.pace_can if self.can else AccessControl.pace_mrz
        self.result.access_detail = params.description

    def _bac(self) -> None:
        terminal = BacTerminal(self.mrz_information, rng=self.rng)
        challenge = self.link.ok(GET_CHALLENGE, "GET CHALLENGE (BAC)")
        response, sw = self.link.send(external_authenticate_apdu(terminal.external_authenticate_data(challenge)))
        if sw == SW.AUTHENTICATION_FAILED:
            raise AccessDenied("the chip refused the MRZ (BAC): it was typed or read wrong, or this is another passport")
        if sw == SW.SECURITY_STATUS_NOT_SATISFIED or sw != SW.OK:
            raise CardStatus("EXTERNAL AUTHENTICATE (BAC)", sw)
        self.link.sm = terminal.finish(response)
        self.result.access = AccessControl.bac
        self.result.access_detail = "BAC, 3DES secure messaging"

    # -- files ------------------------------------------------------------------------------------
    def _start_file(self, fid: int) -> _File | None:
        sw = self.link.select_file(fid)
        if sw in (SW.FILE_NOT_FOUND, SW.SECURITY_STATUS_NOT_SATISFIED):
            return None
        if sw != SW.OK:
            raise CardStatus(f"SELECT {_file_name(fid)}", sw)
        data, sw = self.link.read_binary(0, self.link.chunk)
        if sw == SW.SECURITY_STATUS_NOT_SATISFIED:
            return None
        if sw not in (SW.OK, SW.END_OF_FILE) or not data:
            raise CardStatus(f"READ BINARY {_file_name(fid)}", sw)
        _, length, header = tlv.read_header(data)
        if header + length > MAX_FILE_BYTES:
            raise ChipProtocolError(f"the chip says its {_file_name(fid)} holds {header + length:,} bytes; "
                                    f"no passport file is that large")
        return _File(fid, data[: header + length], header + length)

    def _finish_file(self, f: _File) -> None:
        if f.complete:
            return
        if self.link.select_file(f.fid) != SW.OK:
            raise ChipProtocolError(f"{_file_name(f.fid)} could not be selected again")
        f.data = self._read_rest(f.fid, f.data, f.size)

    def _read_whole(self, fid: int) -> bytes | None:
        f = self._start_file(fid)
        if f is None:
            return None
        return self._read_rest(fid, f.data, f.size) if not f.complete else f.data

    def _read_rest(self, fid: int, data: bytes, size: int | None = None) -> bytes:
        """Read the selected file on from ``len(data)`` to ``size`` (from the TLV header when None)."""
        while size is None or len(data) < size:
            want = self.link.chunk if size is None else min(self.link.chunk, size - len(data))
            chunk, sw = self.link.read_binary(len(data), want)
            if sw not in (SW.OK, SW.END_OF_FILE) or not chunk:
                raise CardStatus(f"READ BINARY {_file_name(fid)} at {len(data)}", sw)
            data += chunk
            if size is None:
                _, length, header = tlv.read_header(data)
                size = header + length
            else:
                self._done += len(chunk)
                self._report()
        return data[:size]

    def _report(self) -> None:
        self._say(f"reading the chip: {self._done} of {self._total} bytes", self._done / self._total if self._total else 0.0)

    def _say(self, text: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress(text, fraction)

    # -- clone detection --------------------------------------------------------------------------
    def _dg14_infos(self) -> list:
        data = self.result.files.get(lds.dg_file_id(14))
        if data is None:
            return []
        try:
            return lds.parse_security_infos(data)
        except tlv.TlvError:
            return []

    def _chip_authentication(self) -> None:
        infos = self._dg14_infos()
        ca_info = next((i for i in infos if isinstance(i, lds.ChipAuthenticationInfo)), None)
        keys = [i for i in infos if isinstance(i, lds.ChipAuthenticationPublicKeyInfo)]
        if ca_info is None or not keys:
            return
        key = next((k for k in keys if ca_info.key_id is None or k.key_id == ca_info.key_id), keys[0])
        method = CloneMethod.chip_authentication
        try:
            terminal = ChipAuthTerminal(key.public_key_info_der, ca_info.protocol, ca_info.key_id, rng=self.rng)
        except (UnsupportedChipAuthentication, ChipProtocolError, ValueError) as exc:
            self.result.clone_check = CloneCheck(method, StepState.not_run, f"DG14's key cannot be used: {exc}")
            return
        try:
            for apdu in terminal.command_apdus():
                self.link.ok(apdu, "Chip Authentication")
            self.link.sm = terminal.secure_messaging()
            # CA holds only once the chip answers under the new keys: a clone cannot derive them
            sw = self.link.select_file(lds.EF_COM)
            if sw != SW.OK:
                raise CardStatus("the first command after Chip Authentication", sw)
        except (CardStatus, SecureMessagingError) as exc:
            self.result.clone_check = CloneCheck(
                method, StepState.failed,
                f"the chip does not hold the private key of DG14: not the original chip ({exc})")
            self._authenticate(self.result.files.get(lds.EF_CARD_ACCESS))  # read on in a fresh session
            return
        self.result.clone_check = CloneCheck(method, StepState.passed,
                                             "the chip proved it holds the private key of DG14")
        self.result.access_detail += f"; then Chip Authentication ({terminal.protocol.cipher.label})"

    def _active_authentication(self) -> None:
        if self.result.clone_check.method is not CloneMethod.not_offered:
            return
        dg15 = self.result.files.get(lds.dg_file_id(15))
        method = CloneMethod.active_authentication
        if dg15 is None:
            self.result.clone_check = CloneCheck(CloneMethod.not_offered, StepState.not_run,
                                                 "the chip offers neither Chip nor Active Authentication")
            return
        aa_info = next((i for i in self._dg14_infos() if isinstance(i, lds.ActiveAuthenticationInfo)), None)
        challenge = self.rng(8)
        try:
            spki = lds.parse_dg15(dg15)
            signature, sw = self.link.send(active_auth.internal_authenticate_apdu(challenge))
            genuine = sw == SW.OK and active_auth.verify(
                spki, challenge, signature, signature_algorithm=aa_info.signature_algorithm if aa_info else None)
        except (tlv.TlvError, ChipProtocolError) as exc:
            self.result.clone_check = CloneCheck(method, StepState.failed, f"DG15's key cannot be used: {exc}")
            return
        if genuine:
            self.result.clone_check = CloneCheck(method, StepState.passed,
                                                 "the chip signed a fresh challenge with the key of DG15")
        else:
            why = "its signature does not verify" if sw == SW.OK else f"it answered {sw:04X} ({sw_meaning(sw)})"
            self.result.clone_check = CloneCheck(
                method, StepState.failed,
                f"the chip could not sign a fresh challenge with the key of DG15 ({why}): not the original chip")

    # -- what was read ------------------------------------------------------------------------------
    def _interpret(self) -> None:
        result = self.result
        result.at = self.at or datetime.now(UTC)
        dgs = result.data_groups
        if 1 in dgs:
            try:
                result.dg1 = lds.parse_dg1(dgs[1])
            except tlv.TlvError:
                result.dg1 = None
        if 2 in dgs:
            try:
                result.faces = lds.parse_dg2(dgs[2])
            except tlv.TlvError:
                result.faces = []
        sod = result.files.get(lds.EF_SOD)
        if sod is not None:  # without a CSCA list the verifier says so at its chain step
            result.passive_auth = passive_auth.verify(sod, dgs, self.trust or passive_auth.CscaStore(()), result.at)


def read_chip(channel: CardChannel, mrz_information: str, can: str | None = None, **options) -> SessionResult:
    """Read and check the chip on ``channel``; see ``Reading`` for the options."""
    return Reading(channel, mrz_information, can, **options).run()


class PcscChipReader:
    """A chip reader on PC/SC (a real contactless reader, or vpcd's virtual one): the booth's ``ChipReader``.

    ``reader`` None takes the first reader with a chip. The booth waits ``wait_s`` for a chip to be
    put on the reader; each APDU may take ``transmit_timeout_s``, the whole read ``budget_s``."""

    def __init__(self, reader: str | None = None, *, trust: passive_auth.CscaStore | None = None,
                 wait_s: float = 10.0, transmit_timeout_s: float = 3.0, budget_s: float = 15.0,
                 rng: Random = os.urandom) -> None:
        self.reader = reader
        self.trust = trust
        self.wait_s = wait_s
        self.transmit_timeout_s = transmit_timeout_s
        self.budget_s = budget_s
        self.rng = rng

    def read(self, mrz_information: str, can: str | None, progress: Progress | None = None) -> ChipReadResult:
        """``reading.ChipReader``: what the examination core records."""
        return self.read_detailed(mrz_information, can, progress).read_result()

    def read_detailed(self, mrz_information: str, can: str | None = None,
                      progress: Progress | None = None) -> SessionResult:
        from inspector_app.chip import pcsc

        started = time.monotonic()
        try:
            channel = pcsc.connect(self.reader, wait_s=self.wait_s, transmit_timeout_s=self.transmit_timeout_s)
        except NoReader as exc:
            return SessionResult(NotReadState.no_reader, str(exc), reader=self.reader or "",
                                 duration_s=time.monotonic() - started)
        except NoCard as exc:
            return SessionResult(NotReadState.no_chip, str(exc), reader=self.reader or "",
                                 duration_s=time.monotonic() - started)
        except TransportError as exc:
            return SessionResult(NotReadState.read_failed, f"the reader failed: {exc}", reader=self.reader or "",
                                 duration_s=time.monotonic() - started)
        with channel:
            return read_chip(channel, mrz_information, can, trust=self.trust, progress=progress, rng=self.rng,
                             budget_s=self.budget_s, reader=channel.reader)
