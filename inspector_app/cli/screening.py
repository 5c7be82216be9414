"""`inspector-app` subcommands of the screening package: keys, trust, bundle, screen.

Handlers are thin: each calls one library function and prints its result (see docs/BUNDLES.md).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of

FINGER_NAMES = {"thumb": "Thumb", "index": "IndexFinger", "middle": "MiddleFinger", "ring": "RingFinger", "little": "LittleFinger"}


def finger_position(spec: str) -> str:
    """'right-index' -> 'Right IndexFinger' (the SBI names used by the fingerprint index)."""
    try:
        hand, finger = spec.lower().split("-", 1)
        if hand not in ("right", "left"):
            raise ValueError
        return f"{hand.capitalize()} {FINGER_NAMES[finger]}"
    except (ValueError, KeyError):
        raise CliError(f"finger {spec!r} is not like right-index, left-thumb, right-middle ...") from None


def _group(subparsers, name: str, help: str):
    p = subparsers.add_parser(name, help=help, description=help)

    def need_sub(args):
        p.print_help()
        raise CliError(f"`{name}` needs a subcommand")

    p.set_defaults(handler=need_sub)
    return p.add_subparsers(dest=f"{name}_command", metavar="SUBCOMMAND")


def register(subparsers) -> None:
    keys = _group(subparsers, "keys", "Ed25519 signing keys for list bundles")
    p = add_command(keys, "generate", _keys_generate, "write signing_key.pem and public_key.pem into --out DIR")
    p.add_argument("--out", type=Path, required=True)

    trust = _group(subparsers, "trust", "public keys this booth accepts list bundles from")
    p = add_command(trust, "add", _trust_add, "trust a bundle signer's public key (copied into HOME/trust/)")
    p.add_argument("pubkey", type=Path, metavar="PUBKEY_FILE")

    bundle = _group(subparsers, "bundle", "signed SLTD / watchlist / biometric / designated-ship / CSCA list bundles")
    p = add_command(bundle, "create", _bundle_create, "build and sign a full bundle or an N-1 -> N delta")
    p.add_argument("--key", type=Path, required=True, help="signing_key.pem")
    p.add_argument("--version", type=int, required=True)
    p.add_argument("--base-version", type=int, default=None, help="make a delta from this version (must be VERSION-1)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--watchlist", type=Path, help="CSV subject_id,list,surname,given_names,birth_date,sex,nationality,reason,ban_until")
    p.add_argument("--sltd", type=Path, help="CSV issuing_state,document_type,document_number,status,reported_on")
    p.add_argument("--biometrics", type=Path, help="directory with subjects.csv and images")
    p.add_argument("--ships", type=Path, help="cruise ships designated by the Commissioner of the ISA: CSV "
                   "imo,name,operator,designated_from,designated_until (or .jsonl rows)")
    p.add_argument("--master-list", type=Path, action="append", default=[], metavar="FILE",
                   help="CSCA master list (ICAO 9303-12 CMS, DER) for the passport chip check; repeatable")
    p.add_argument("--crl", type=Path, action="append", default=[], metavar="FILE",
                   help="a CSCA's CRL (DER), signed by a CSCA of the master lists; repeatable")
    p = add_command(bundle, "apply", _bundle_apply, "verify a bundle and install it atomically on this booth")
    p.add_argument("file", type=Path, metavar="FILE")
    p = add_command(bundle, "verify", _bundle_verify, "check a bundle's signature and integrity without applying it")
    p.add_argument("file", type=Path, metavar="FILE")

    p = add_command(subparsers, "screen", _screen, "screen a traveller against the booth's lists")
    for flag in ("--surname", "--given-names", "--birth-date", "--nationality", "--sex",
                 "--document-number", "--issuing-state", "--document-type"):
        p.add_argument(flag)
    p.add_argument("--face", type=Path, help="face image")
    p.add_argument("--finger", action="append", default=[], metavar="POSITION=IMG",
                   help="e.g. right-index=right.png (repeatable)")


def _wrap(fn):
    """Turn package errors the operator can act on into CliError (exit 2)."""
    try:
        return fn()
    except CliError:
        raise
    except (ValueError, RuntimeError, OSError) as exc:
        raise CliError(str(exc)) from None


def _keys_generate(args: argparse.Namespace) -> int:
    from inspector_app.screening import keys

    out = _wrap(lambda: keys.generate(args.out))
    emit(out, args.json, f"key {out['key_id']}: {out['signing_key']} (keep secret), {out['public_key']}")
    return 0


def _trust_add(args: argparse.Namespace) -> int:
    from inspector_app.screening import keys

    out = _wrap(lambda: keys.trust_add(home_of(args), args.pubkey))
    emit(out, args.json, f"trusted key {out['key_id']} ({out['path']})")
    return 0


def _bundle_create(args: argparse.Namespace) -> int:
    from inspector_app.screening import bundles

    header = _wrap(lambda: bundles.create(args.key, args.version, args.out, base_version=args.base_version,
                                          watchlist_csv=args.watchlist, sltd_csv=args.sltd, biometrics_dir=args.biometrics,
                                          ships_file=args.ships, master_lists=args.master_list, crls=args.crl))
    out = {"file": str(args.out), **header}
    emit(out, args.json, f"{header['kind']} bundle version {header['version']} written to {args.out}")
    return 0


def _bundle_apply(args: argparse.Namespace) -> int:
    from inspector_app.screening import bundles

    out = _wrap(lambda: bundles.apply(home_of(args), args.file))
    emit(out, args.json, f"lists now at version {out['version']} (issued {out['issued_at']})")
    return 0


def _bundle_verify(args: argparse.Namespace) -> int:
    from inspector_app.screening import bundles

    header = _wrap(lambda: bundles.verify(args.file, home_of(args)))
    emit(header.to_dict(), args.json, f"bundle OK: {header.kind} version {header.version}, key {header.key_id}")
    return 0


def _screen(args: argparse.Namespace) -> int:
    from inspector_app.screening.screen import Screener

    traveller = {k: getattr(args, k) for k in ("surname", "given_names", "birth_date", "nationality", "sex",
                                               "document_number", "issuing_state", "document_type")
                 if getattr(args, k)}
    fingers = {}
    for spec in args.finger:
        if "=" not in spec:
            raise CliError(f"--finger {spec!r} must be POSITION=IMG, e.g. right-index=right.png")
        pos, img = spec.split("=", 1)
        fingers[finger_position(pos)] = Path(img)

    def run():
        face = fprobe = None
        if args.face or fingers:
            from inspector_app.screening import biometric

            face, fprobe = biometric.probe_from_files(args.face, fingers)
        return Screener(home_of(args)).screen(traveller, face=face, fingers=fprobe)

    result = _wrap(run)
    out = result.to_dict()
    text = None
    if not args.json:
        lines = [f"lists: version {out['lists']['version']}, {out['lists']['age_hours']} h old"]
        lines += [f"WARNING: {w}" for w in out["warnings"]]
        lines += [f"HIT {h['kind']} {h['list']} {h.get('subject_id') or h.get('record')} score {h['score']}: "
                  + "; ".join(h["reasons"]) for h in out["hits"]]
        text = "\n".join(lines + ([] if out["hits"] else ["no hits"]))
    emit(out, args.json, text)
    return 0
