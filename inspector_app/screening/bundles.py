"""Signed list bundles: full snapshots and N -> N+1 deltas of SLTD, watchlist, biometrics, the
cruise ships designated by the Commissioner of the ISA, and the CSCA master lists and CRLs of the
passport chip check.

Layout (see docs/BUNDLES.md)::

    8 bytes   magic b"BIBNDL01"
    4 bytes   header length H, big-endian
    H bytes   header JSON (UTF-8): format, kind, version, base_version, created_at, key_id,
              sections [{name, size, sha256}], sltd {list_key, records}
    64 bytes  Ed25519 signature over magic + length + header
    payload   the sections, in header order, back to back

The signature covers the header and the header holds the SHA-256 and size of every section, so
it covers the payload too while letting a booth verify a multi-gigabyte SLTD section by
streaming it rather than holding it in memory (Ed25519 in ``cryptography`` is one-shot).
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import struct
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature

from inspector_app.common.canonical import to_json
from inspector_app.common.clock import utc_now
from inspector_app.screening import csca, liststate, ships, sltd, watchlist
from inspector_app.screening import keys as keymod

MAGIC = b"BIBNDL01"
FORMAT = 1
SIG_SIZE = 64
MAX_HEADER = 1 << 20
SECTION_NAMES = ("sltd", "watchlist", "biometrics", "ships", "csca")
CHUNK = 1 << 22


class BundleError(ValueError):
    """A bundle the booth refuses; the message says why. The lists are unchanged."""


@dataclass
class BundleHeader:
    format: int
    kind: str
    version: int
    base_version: int | None
    created_at: str
    key_id: str
    sections: list[dict]
    sltd: dict | None = None
    payload_offset: int = 0
    raw: dict = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.raw.items()}

    def section(self, name: str) -> dict | None:
        return next((s for s in self.sections if s["name"] == name), None)

    def section_offset(self, name: str) -> int:
        off = self.payload_offset
        for s in self.sections:
            if s["name"] == name:
                return off
            off += s["size"]
        raise KeyError(name)


def installed_version(home: Path) -> int:
    """The list version installed on this booth (0 when none): what sync asks deltas from."""
    state = liststate.current(Path(home))
    return state.version if state else 0


# ---------------------------------------------------------------------------------- creating
def create(signing_key: Path, version: int, out: Path, base_version: int | None = None,
           watchlist_csv: Path | None = None, sltd_csv: Path | None = None,
           biometrics_dir: Path | None = None, created_at: str | None = None,
           biometric_rows: list[dict] | None = None, ships_file: Path | None = None,
           master_lists: list[Path] | None = None, crls: list[Path] | None = None) -> dict:
    """Build and sign a bundle file; returns its header as a dict."""
    if version < 1:
        raise BundleError("--version must be a positive integer")
    if base_version is not None and base_version != version - 1:
        raise BundleError(f"a delta goes from version N to N+1: --base-version must be {version - 1}")
    if not (watchlist_csv or sltd_csv or biometrics_dir or biometric_rows or ships_file or master_lists):
        raise BundleError("a bundle needs at least one of --watchlist, --sltd, --biometrics, --ships, --master-list")
    if crls and not master_lists:
        raise BundleError("--crl needs --master-list: the csca section replaces the booth's whole CSCA store")
    private = keymod.load_signing(signing_key)
    delta = base_version is not None
    sections: list[tuple[str, bytes]] = []
    extra: dict = {}
    if sltd_csv:
        list_key = keymod.sltd_list_key(private)
        k, p = sltd.records_from_csv(Path(sltd_csv), list_key, allow_remove=delta)
        if delta:
            data = sltd._interleave(k, p)
        else:
            k, p = sltd.sort_unique(k, p)
            buf = io.BytesIO()
            buf.write((sltd.MAGIC + struct.pack("<Q", len(k)) + _list_key_id(list_key)).ljust(sltd.HEADER_SIZE, b"\0"))
            buf.write(k.tobytes())
            buf.write(p.tobytes())
            data = buf.getvalue()
        sections.append(("sltd", data))
        extra["sltd"] = {"list_key": list_key.hex(), "records": int(len(k)), "hash": "blake2b-64-keyed"}
    if watchlist_csv:
        rows = list(watchlist.read_csv(Path(watchlist_csv), allow_remove=delta))
        sections.append(("watchlist", _jsonl(rows)))
    if biometrics_dir:
        from inspector_app.screening import biometric

        sections.append(("biometrics", _jsonl(biometric.read_subjects_dir(Path(biometrics_dir), allow_remove=delta))))
    elif biometric_rows is not None:  # templates already computed (e.g. by the hub)
        sections.append(("biometrics", _jsonl(biometric_rows)))
    if ships_file:
        sections.append(("ships", _jsonl(ships.read_input(Path(ships_file), delta))))
    if master_lists:
        try:
            made = datetime.fromisoformat((created_at or utc_now()).replace("Z", "+00:00"))
            sections.append(("csca", csca.read_input(master_lists, crls or [], made)))
        except csca.CscaSectionError as exc:
            raise BundleError(f"csca section: {exc}") from None
    header = {
        "format": FORMAT, "kind": "delta" if delta else "full", "version": int(version),
        "base_version": base_version, "created_at": created_at or utc_now(),
        "key_id": keymod.key_id(private.public_key()),
        "sections": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()} for n, d in sections],
        **extra,
    }
    head = to_json(header).encode("utf-8")
    signed = MAGIC + struct.pack(">I", len(head)) + head
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(signed)
        fh.write(private.sign(signed))
        for _, d in sections:
            fh.write(d)
    os.replace(tmp, out)
    return header


def _list_key_id(list_key: bytes) -> bytes:
    return hashlib.sha256(list_key).digest()[:16]


def _jsonl(rows) -> bytes:
    return b"".join(json.dumps(r, sort_keys=True, ensure_ascii=False).encode("utf-8") + b"\n" for r in rows)


# --------------------------------------------------------------------------------- verifying
@contextlib.contextmanager
def _open(path_or_bytes) -> BinaryIO:
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        yield io.BytesIO(bytes(path_or_bytes))
        return
    try:
        fh = open(path_or_bytes, "rb")
    except FileNotFoundError:
        raise BundleError(f"bundle file {path_or_bytes} not found") from None
    with fh:
        yield fh


def verify(path_or_bytes, trusted_keys) -> BundleHeader:
    """Check structure, signer, signature and every section hash; return the header.

    ``trusted_keys``: a booth home (or its ``trust`` dir), a mapping key id -> public key, or an
    iterable of public keys / PEM bytes. Raises :class:`BundleError` with the reason."""
    trusted = keymod.as_trusted(trusted_keys)
    with _open(path_or_bytes) as fh:
        fh.seek(0, os.SEEK_END)
        total = fh.tell()
        fh.seek(0)
        first = fh.read(12)
        if len(first) < 12 or first[:8] != MAGIC:
            raise BundleError("not a Border Inspector bundle (bad magic) or truncated before the header")
        (hlen,) = struct.unpack(">I", first[8:12])
        if hlen > MAX_HEADER:
            raise BundleError(f"bundle header length {hlen} is implausible (corrupted file)")
        head = fh.read(hlen)
        sig = fh.read(SIG_SIZE)
        if len(head) < hlen or len(sig) < SIG_SIZE:
            raise BundleError("bundle is truncated inside its header or signature")
        try:
            raw = json.loads(head.decode("utf-8"))
            header = BundleHeader(
                format=int(raw["format"]), kind=raw["kind"], version=int(raw["version"]),
                base_version=None if raw.get("base_version") is None else int(raw["base_version"]),
                created_at=str(raw["created_at"]), key_id=str(raw["key_id"]), sections=list(raw["sections"]),
                sltd=raw.get("sltd"), payload_offset=12 + hlen + SIG_SIZE, raw=raw)
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise BundleError(f"bundle header is not valid JSON with the required fields ({exc})") from None
        public = trusted.get(header.key_id)
        if public is None:
            raise BundleError(f"bundle is signed by key {header.key_id}, which this booth does not trust "
                              f"(trusted: {', '.join(sorted(trusted)) or 'none'}; use `inspector-app trust add`)")
        try:
            public.verify(sig, first + head)
        except InvalidSignature:
            raise BundleError(f"bad signature: the bundle header was altered or not signed by key {header.key_id}") from None
        if header.format != FORMAT:
            raise BundleError(f"bundle format {header.format} is not supported (this booth reads format {FORMAT})")
        if header.kind not in ("full", "delta") or (header.kind == "delta") != (header.base_version is not None):
            raise BundleError(f"bundle kind {header.kind!r} and base_version {header.base_version} do not agree")
        expected = header.payload_offset + sum(int(s["size"]) for s in header.sections)
        if total < expected:
            raise BundleError(f"bundle is truncated: {total} bytes, header promises {expected}")
        if total > expected:
            raise BundleError(f"bundle has {total - expected} unexpected trailing bytes (corrupted file)")
        for s in header.sections:
            if s["name"] not in SECTION_NAMES:
                raise BundleError(f"unknown section {s['name']!r}")
            h = hashlib.sha256()
            left = int(s["size"])
            while left:
                chunk = fh.read(min(CHUNK, left))
                if not chunk:
                    raise BundleError("bundle is truncated inside a section")
                h.update(chunk)
                left -= len(chunk)
            if h.hexdigest() != s["sha256"]:
                raise BundleError(f"section {s['name']!r} is corrupted (SHA-256 does not match the signed header)")
    return header


# ----------------------------------------------------------------------------------- applying
@contextlib.contextmanager
def _lock(home: Path):
    root = liststate.root(home)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+b") as fh:
        try:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        except ImportError:  # Windows: single booth process, no concurrent applies
            pass
        yield


def check_sequence(header: BundleHeader, state: liststate.ListState | None) -> None:
    have = state.version if state else None
    if header.kind == "full":
        if have is not None and header.version <= have:
            raise BundleError(f"bundle version {header.version} is not newer than the booth's lists "
                              f"(version {have}): rollback or replay refused")
        return
    if have is None:
        raise BundleError(f"delta {header.base_version}->{header.version} needs a full bundle first (booth has no lists)")
    if header.version <= have:
        raise BundleError(f"delta to version {header.version} is not newer than the booth's lists (version {have}): replay refused")
    if header.base_version != have or header.version != have + 1:
        raise BundleError(f"version gap: delta {header.base_version}->{header.version} does not follow the booth's version {have}")


def _read_section(path: Path, header: BundleHeader, name: str) -> bytes:
    s = header.section(name)
    with open(path, "rb") as fh:
        fh.seek(header.section_offset(name))
        data = fh.read(int(s["size"]))
    if hashlib.sha256(data).hexdigest() != s["sha256"]:  # file changed between verify and apply
        raise BundleError(f"section {name!r} changed while being applied")
    return data


def apply(home: Path, path: Path, trusted_keys=None) -> dict:
    """Verify and apply a bundle to the booth's lists, atomically. Returns a summary dict."""
    home, path = Path(home), Path(path)
    with _lock(home):
        header = verify(path, trusted_keys if trusted_keys is not None else keymod.load_trusted(home))
        state = liststate.current(home)
        check_sequence(header, state)
        stage = liststate.new_stage(home)
        try:
            manifest = _build_version(home, path, header, state, stage)
            liststate.publish(home, stage, manifest)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
    return {"applied": True, "version": header.version, "kind": header.kind, "key_id": header.key_id,
            "issued_at": header.created_at, "sections": [s["name"] for s in header.sections],
            "counts": manifest["counts"]}


def _carry(src: Path | None, dst: Path, names: list[str]) -> None:
    """Hard-link (or copy) unchanged immutable files of the previous version into the stage."""
    if src is None:
        return
    for n in names:
        s = src / n
        if s.exists():
            try:
                os.link(s, dst / n)
            except OSError:
                shutil.copy2(s, dst / n)


def _build_version(home: Path, path: Path, header: BundleHeader, state, stage: Path) -> dict:
    prev = state.directory if state else None
    prev_manifest = state.manifest if state else {}
    counts = dict(prev_manifest.get("counts", {}))
    sltd_meta = prev_manifest.get("sltd")
    names = {s["name"] for s in header.sections}
    delta = header.kind == "delta"

    # SLTD
    if "sltd" in names:
        meta = header.sltd or {}
        try:
            list_key = bytes.fromhex(meta["list_key"])
        except (KeyError, ValueError):
            raise BundleError("bundle has an SLTD section but no valid sltd.list_key in its header") from None
        (stage / "sltd").mkdir()
        if not delta:
            _copy_section(path, header, "sltd", stage / "sltd" / "main.bin")
            try:
                n = sltd.check_main(stage / "sltd" / "main.bin")
            except sltd.SltdError as exc:
                raise BundleError(f"SLTD section: {exc}") from None
            counts["sltd"] = n
            counts["sltd_delta"] = 0
        else:
            if not sltd_meta:
                raise BundleError("the booth has no SLTD list for this SLTD delta to update; apply a full SLTD bundle first")
            if sltd_meta["list_key"] != meta["list_key"]:
                raise BundleError("SLTD delta was hashed with a different list key than the booth's SLTD list; apply a full bundle")
            counts.update(_apply_sltd_delta(prev / "sltd", stage / "sltd", _read_section(path, header, "sltd"), list_key))
        sltd_meta = {"list_key": meta["list_key"], "hash": meta.get("hash", "blake2b-64-keyed")}
    elif prev is not None and (prev / "sltd").is_dir():
        (stage / "sltd").mkdir()
        _carry(prev / "sltd", stage / "sltd", ["main.bin", "delta.bin"])

    # Biographic watchlist
    if "watchlist" in names:
        rows = _parse_jsonl(_read_section(path, header, "watchlist"), "watchlist")
        if any(not isinstance(r, dict) or not r.get("subject_id") for r in rows):
            raise BundleError("watchlist section has a line without subject_id")
        if delta:
            counts["watchlist"] = watchlist.apply_delta(prev / "watchlist", stage / "watchlist", rows)
        elif any(r.get("remove") for r in rows):
            raise BundleError("a full bundle cannot remove watchlist entries")
        else:
            counts["watchlist"] = watchlist.build(stage / "watchlist", rows)
    elif prev is not None and (prev / "watchlist").is_dir():
        (stage / "watchlist").mkdir()
        _carry(prev / "watchlist", stage / "watchlist", [watchlist.DB_NAME, "name_keys.npy", "name_ids.npy", "birth_years.npy"])

    # Biometric watchlist
    if "biometrics" in names:
        from inspector_app.screening import biometric

        rows = _parse_jsonl(_read_section(path, header, "biometrics"), "biometrics")
        if delta:
            rows = watchlist.merged_entries(biometric.read_subjects(prev / "biometrics") if prev else [], rows)
        try:
            counts["biometrics"] = biometric.build(stage / "biometrics", rows)
        except biometric.BiometricListError as exc:
            raise BundleError(f"biometrics section: {exc}") from None
    elif prev is not None and (prev / "biometrics").is_dir():
        shutil.copytree(prev / "biometrics", stage / "biometrics", copy_function=_link_or_copy)

    # Cruise ships designated by the Commissioner (optional: older bundles have no such section)
    if "ships" in names:
        rows = _parse_jsonl(_read_section(path, header, "ships"), "ships")
        try:
            counts["ships"] = ships.install(prev / ships.PART if prev else None, stage / ships.PART, rows, delta)
        except ships.ShipsError as exc:
            raise BundleError(f"ships section: {exc}") from None
    elif prev is not None and (prev / ships.PART).is_dir():
        (stage / ships.PART).mkdir()
        _carry(prev / ships.PART, stage / ships.PART, [ships.FILE])

    # CSCA master lists and CRLs for the chip check (optional; a snapshot in deltas too)
    if "csca" in names:
        at = datetime.fromisoformat(header.created_at.replace("Z", "+00:00"))
        try:
            counts.update(csca.install(stage / csca.PART, _read_section(path, header, "csca"), at))
        except csca.CscaSectionError as exc:
            raise BundleError(f"csca section: {exc}") from None
    elif prev is not None and (prev / csca.PART).is_dir():
        shutil.copytree(prev / csca.PART, stage / csca.PART, copy_function=_link_or_copy)

    return {"version": header.version, "issued_at": header.created_at, "applied_at": utc_now(),
            "key_id": header.key_id, "kind": header.kind, "sltd": sltd_meta, "counts": counts}


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _copy_section(path: Path, header: BundleHeader, name: str, target: Path) -> None:
    s = header.section(name)
    h = hashlib.sha256()
    with open(path, "rb") as src, open(target, "wb") as dst:
        src.seek(header.section_offset(name))
        left = int(s["size"])
        while left:
            chunk = src.read(min(CHUNK, left))
            if not chunk:
                raise BundleError("bundle was truncated while being applied")
            h.update(chunk)
            dst.write(chunk)
            left -= len(chunk)
        dst.flush()
        os.fsync(dst.fileno())
    if h.hexdigest() != s["sha256"]:
        raise BundleError(f"section {name!r} changed while being applied")


def _apply_sltd_delta(prev: Path, out: Path, data: bytes, list_key: bytes) -> dict:
    try:
        dk, dp = sltd.read_delta_bytes(data)
    except sltd.SltdError as exc:
        raise BundleError(f"SLTD delta section: {exc}") from None
    old_dk, old_dp = sltd.read_delta_bytes((prev / "delta.bin").read_bytes()) if (prev / "delta.bin").exists() else (dk[:0], dp[:0])
    all_k = sltd.np.concatenate([old_dk, dk])
    all_p = sltd.np.concatenate([old_dp, dp])
    all_k, all_p = sltd.sort_unique(all_k, all_p)
    main = prev / "main.bin"
    if len(all_k) >= sltd.MERGE_AT:  # fold the log into a new main file
        store = sltd.SltdStore(prev, list_key)
        mk = sltd.np.asarray(store._keys) if store._keys is not None else sltd.np.empty(0, sltd.KEY_DTYPE)
        mp = sltd.np.asarray(store._payloads) if store._payloads is not None else sltd.np.empty(0, sltd.PAYLOAD_DTYPE)
        k, p = sltd.merge(mk, mp, all_k, all_p)
        sltd.write_main(out / "main.bin", k, p, sltd.main_key_id(main) if main.exists() else _list_key_id(list_key))
        return {"sltd": int(len(k)), "sltd_delta": 0}
    _carry(prev, out, ["main.bin"])
    sltd.write_delta(out / "delta.bin", all_k, all_p)
    store = sltd.SltdStore(out, list_key)
    return {"sltd_delta": int(len(all_k)), "sltd": store.count}


def _parse_jsonl(data: bytes, name: str) -> list[dict]:
    try:
        return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleError(f"section {name!r} is not JSON lines: {exc}") from None
