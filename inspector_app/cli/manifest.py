"""`inspector-app manifest`: pre-arrival API manifests (UN/EDIFACT PAXLST) screened at the booth.

``import FILE`` is the USB-stick case at a seaport booth: read, screen against the booth's lists,
keep the result for when the travellers step up. A file that cannot be read is refused with the
segment and where it is (exit 2), and nothing is stored.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of


def register(subparsers) -> None:
    p = subparsers.add_parser("manifest", help="pre-arrival passenger and crew lists (API, UN/EDIFACT PAXLST)",
                              description="pre-arrival passenger and crew lists (API, UN/EDIFACT PAXLST)")

    def need_sub(args):
        p.print_help()
        raise CliError("`manifest` needs a subcommand")

    p.set_defaults(handler=need_sub)
    sub = p.add_subparsers(dest="manifest_command", metavar="SUBCOMMAND")
    imp = add_command(sub, "import", _import, "read a PAXLST file, screen everyone on it, keep the result")
    imp.add_argument("file", type=Path, metavar="FILE")
    add_command(sub, "list", _list, "the manifests imported at this booth, newest first")


def _import(args) -> int:
    from inspector_app.screening import paxlst, pre_arrival
    from inspector_app.store import StoreError, open_store

    try:
        raw = args.file.read_bytes().decode("latin-1")   # UNOA/UNOB text; never fails on odd bytes
    except OSError as exc:
        raise CliError(f"cannot read {args.file}: {exc}") from None
    try:
        manifest = paxlst.parse(raw)
    except paxlst.PaxlstError as exc:
        raise CliError(f"{args.file}: refused, nothing stored: {exc}") from None
    home = home_of(args)
    result = pre_arrival.screen_manifest(home, manifest).to_dict()
    try:
        store = open_store(home)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        result["manifest_id"] = store.add_manifest(result, actor="manifest-import")
    finally:
        store.close()
    emit(result, args.json, _text(result))
    return 0


def _text(result: dict) -> str:
    m = result["manifest"]
    lines = [f"{m['flight']} {m['departure']} -> {m['arrival']} arriving {m['scheduled_arrival'] or '?'}: "
             f"{result['people']} {m['kind']}, {result['flagged']} flagged, {result['not_checked']} not checked"]
    for r in result["results"]:
        if r["state"] == "clean":
            continue
        p = r["person"]
        lines.append(f"  {r['state'].upper()}: {p['surname']}, {p['given_names']} ({p['nationality']}, "
                     f"{p['document_type']} {p['document_number']})")
        lines += [f"    {reason}" for reason in r["reasons"]]
    lines += [f"warning: {w}" for w in result["warnings"] + m["warnings"]]
    if not m["complete"]:
        lines.append(f"warning: parts {', '.join(map(str, m['parts']))} read, the final part was not in this file")
    return "\n".join(lines)


def _list(args) -> int:
    from inspector_app.store import StoreError, open_store

    try:
        store = open_store(home_of(args), create=False)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        rows = store.manifests()
    finally:
        store.close()
    emit(rows, args.json, "\n".join(f"{r['imported_at']}  {r['flight']} {r['departure']} -> {r['arrival']}  "
                                    f"{r['people']} {r['kind']}, {r['flagged']} flagged" for r in rows)
         or "no manifest imported")
    return 0
