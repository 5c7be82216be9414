"""Chip read time over the real PC/SC stack: pcscd + vpcd + the project's applet, through pyscard.

Issue 16 asks for a typical read well under 5 s. Each variant puts one simulated passport (a 20 KB
portrait in DG2, as real passports carry) on vpcd's reader and reads it ``--runs`` times with the
booth's own reader code (``session.read_chip``): EF.CardAccess, access control, EF.COM, EF.SOD,
DG1, DG2, DG14/DG15, the clone check and passive authentication, each run a new session. The
baseline, alternating with the reads (so both see the same machine load), reads the same files
from the same chip with its access control switched off, in the same 223-byte reads: the ratio is what BAC/PACE, SM, CA/AA and
passive authentication cost over bare I/O through pcscd. ``insert_to_result`` adds the time
pcscd takes to notice a chip put on the reader (its presence poll), as an inspector sees it.

    python benchmarks/chip_read.py --runs 20            # writes benchmarks/results/chip_read.json

Uses a running pcscd with vpcd's readers, or starts one and stops it after (simulated.VirtualPcsc).
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import code_commit  # noqa: E402

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
READERS = {"Virtual PCD 00 00": 35963, "Virtual PCD 00 01": 35964}  # simulated.VPCD_READERS
PORTRAIT = ROOT / "inspector_app" / "app" / "demo_data" / "images" / "WL-BIO-0001.jpg"
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]


def summary(values: list[float]) -> dict:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"n": len(values), "p50_ms": round(statistics.median(values) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
            "max_ms": round(values[-1] * 1000, 1)}


def free_reader() -> tuple[str, int]:
    """A vpcd slot without a chip in it (a test run may hold the other)."""
    from smartcard import scard

    _, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    try:
        for name, port in READERS.items():
            _, states = scard.SCardGetStatusChange(ctx, 0, [(name, scard.SCARD_STATE_UNAWARE)])
            if not states[0][1] & scard.SCARD_STATE_PRESENT:
                return name, port
    finally:
        scard.SCardReleaseContext(ctx)
    raise SystemExit("both vpcd readers hold a chip (a test run?): try again later")


def plain_read(channel, fids: list[int]) -> int:
    """The baseline: SELECT and READ BINARY the same files in the same 223-byte reads, no SM."""
    from inspector_app.chip import tlv
    from inspector_app.chip.session import SM_CHUNK

    total = 0
    assert channel.transmit(bytes.fromhex("00A4040C07A0000002471001"))[-2:] == b"\x90\x00"
    for fid in fids:
        assert channel.transmit(bytes.fromhex("00A4020C02") + fid.to_bytes(2, "big"))[-2:] == b"\x90\x00"
        data = b""
        size = None
        while size is None or len(data) < size:
            want = SM_CHUNK if size is None else min(SM_CHUNK, size - len(data))
            resp = channel.transmit(bytes((0, 0xB0, len(data) >> 8, len(data) & 0xFF, want)))
            assert resp[-2:] in (b"\x90\x00", b"\x62\x82") and len(resp) > 2, resp.hex()
            data += resp[:-2]
            if size is None:
                _, length, header = tlv.read_header(data)
                size = header + length
        total += size
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--inserts", type=int, default=5, help="runs that include putting the chip on the reader")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "chip_read.json")
    args = ap.parse_args()

    from cryptography.hazmat.primitives.asymmetric import ec

    from inspector_app.chip import pcsc, personalise
    from inspector_app.chip.access import ChipAccess
    from inspector_app.chip.applet import EmrtdApplet
    from inspector_app.chip.session import read_chip
    from inspector_app.chip.simulated import SimulatedChipReader, VirtualPcsc, wait_until_empty
    from inspector_app.chip.vpcd import VpcdClient

    load_before = round(os.getloadavg()[0], 2)
    pki = personalise.test_pki()
    trust = pki.store()
    face = PORTRAIT.read_bytes()
    aa = ec.generate_private_key(ec.SECP256R1())
    variants = {
        "BAC + AA (ECDSA P-256)": dict(with_pace=False, aa_key=aa),
        "PACE ECDH-GM AES-128 + AA (ECDSA P-256)": dict(aa_key=aa),
        "PACE ECDH-GM AES-128 + CA (ECDH brainpoolP256r1)": dict(with_ca=True, aa_key=aa),
    }
    results: dict = {}
    with VirtualPcsc():
        reader, port = free_reader()
        for name, options in variants.items():
            content = personalise.make_chip(TD3, face, pki.dsc, **options)
            times, plain = [], []
            applet = EmrtdApplet(content.files, ChipAccess(content))
            access = applet.access
            fids = sorted(fid for fid in content.files if fid != 0x011C)
            with VpcdClient(applet, port=port), pcsc.connect(reader, wait_s=10) as channel:
                for _ in range(args.runs):  # paired: the baseline and the read alternate, under the same load
                    applet.access = None
                    t = time.perf_counter()
                    size = plain_read(channel, fids)
                    plain.append(time.perf_counter() - t)
                    applet.access = access
                    t = time.perf_counter()
                    result = read_chip(channel, content.mrz_information, trust=trust, reader=reader)
                    times.append(time.perf_counter() - t)
                    if result.not_read is not None or not result.passive_auth.passed:
                        raise SystemExit(f"{name}: {result.reason} {result.passive_auth and result.passive_auth.reason}")
            wait_until_empty(reader)
            inserts = []
            for _ in range(args.inserts):
                sim = SimulatedChipReader(content, trust=trust, reader=reader, port=port)
                t = time.perf_counter()
                result = sim.read_detailed(content.mrz_information)
                inserts.append(time.perf_counter() - t)
                assert result.not_read is None, result.reason
                wait_until_empty(reader)  # not timed: the passport taken off
            read, base = summary(times), summary(plain)
            results[name] = {
                "bytes": size, "access": result.access_detail, "clone_check": result.clone_check.method.value,
                "read": read, "baseline_plain_read": base,
                "ratio_p50": round(read["p50_ms"] / base["p50_ms"], 2),
                "ratio_of_pairs_p50": round(statistics.median(r / b for r, b in zip(times, plain)), 2),
                "insert_to_result": summary(inserts),
            }
            print(f"{name}: read p50 {read['p50_ms']} ms p95 {read['p95_ms']} ms; plain {base['p50_ms']} ms "
                  f"(x{results[name]['ratio_p50']}); with insertion p50 {results[name]['insert_to_result']['p50_ms']} ms",
                  file=sys.stderr)
    report = {
        "benchmark": "chip_read", "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": code_commit(), "platform": platform.platform(), "python": platform.python_version(),
        "cpu_count": os.cpu_count(), "loadavg_1m_before": load_before, "loadavg_1m_after": round(os.getloadavg()[0], 2),
        "stack": f"pcscd + vpcd ({reader}) + pyscard, the project's applet", "runs": args.runs,
        "face_bytes": len(face), "variants": results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
