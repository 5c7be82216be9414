"""`inspector-app sync ...` and `inspector-app outbox export` (the booth side of upstream sync)."""
from __future__ import annotations

import sys
from pathlib import Path

from inspector_app.cli.support import CliError, add_command, emit, home_of, run_until_stopped


def _config(home):
    from inspector_app.sync.config import SyncConfig, SyncConfigError

    try:
        return SyncConfig.load(home)
    except (SyncConfigError, ValueError) as exc:
        raise CliError(str(exc)) from exc


def _store(home):
    from inspector_app.sync.booth import BoothStoreUnavailable, open_booth_store

    try:
        return open_booth_store(home)
    except BoothStoreUnavailable as exc:
        raise CliError(str(exc)) from exc


def _client(home, cfg, store):
    from inspector_app.sync.client import SyncClient, SyncError

    try:
        return SyncClient.from_home(home, store)
    except SyncError as exc:
        raise CliError(str(exc)) from exc


def _sync(args) -> int:
    from inspector_app.sync.client import SyncError

    home = home_of(args)
    cfg = _config(home)
    store = _store(home)
    try:
        client = _client(home, cfg, store)
        if not args.once:
            return _run_forever(client, cfg)
        try:
            report = client.sync_once()
            rc = 0
        except SyncError as exc:
            report = {"error": str(exc), "status": client.status().to_dict()}
            rc = 1
        finally:
            client.close()
    finally:
        store.close()
    st = report["status"]
    refused = report.get("pull", {}).get("refused") if "pull" in report else None
    text = (f"sync failed: {report['error']}" if rc else
            f"pushed {report['push']['stored']} record(s) ({report['push']['duplicates']} already on the hub), "
            f"applied bundles {report['pull']['applied'] or 'none'}")
    if refused:
        text += f"; REFUSED bundle {refused['version']}: {refused['reason']}"
    text += f"; {st['queued']} queued"
    emit(report, args.json, text)
    return rc


def _run_forever(client, cfg) -> int:
    import logging

    from inspector_app.sync.backoff import Backoff
    from inspector_app.sync.worker import SyncWorker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    worker = SyncWorker(client, interval=cfg.interval_s, backoff=Backoff(cfg.backoff_base_s, cap=cfg.backoff_cap_s))
    try:
        run_until_stopped(worker)
    finally:
        client.close()
    return 0


def _status(args) -> int:
    from inspector_app.sync.client import status_of

    home = home_of(args)
    store = _store(home)
    try:
        st = status_of(home, store).to_dict()
    finally:
        store.close()
    emit(st, args.json, f"{'online' if st['online'] else 'offline'}; last success {st['last_success'] or 'never'}; "
         f"{st['queued']} record(s) queued" + (f"; {st['quarantined']} QUARANTINED (sync quarantine)"
                                               if st["quarantined"] else "")
         + (f"; last error: {st['last_error']}" if st["last_error"] else ""))
    return 0


def _quarantine(args) -> int:
    """What the hub refused for good, with the reason (kept encrypted in the store); ``--out``
    writes them to a JSON file for the operator who sorts them out."""
    import json

    home = home_of(args)
    store = _store(home)
    try:
        items = store.quarantined()
    finally:
        store.close()
    if args.out:
        Path(args.out).write_text(json.dumps(items, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    emit({"quarantined": items}, args.json,
         "\n".join(f"{i['record_id']} ({i['kind']}): {i['reason']}" for i in items) or "nothing quarantined")
    return 0


def _configure(args) -> int:
    from inspector_app.sync.config import SyncConfigError, configure

    if not args.credential_stdin:
        raise CliError("pass the credential on standard input with --credential-stdin")
    credential = sys.stdin.readline().strip()
    try:
        out = configure(home_of(args), args.booth_id, credential, args.hub,
                        Path(args.trust) if args.trust else None)
    except SyncConfigError as exc:
        raise CliError(str(exc)) from exc
    emit(out, args.json, f"booth {out['booth_id']} will sync with {out['hub_url'] or '(no hub: export only)'}; "
         f"its signing key is {out['booth_public_key']}")
    return 0


def _export(args) -> int:
    from inspector_app.settings import Settings
    from inspector_app.sync.export import export_outbox
    from inspector_app.sync.trust import TrustError

    home = home_of(args)
    booth_id = Settings.load(home).get("booth.id")
    if not booth_id:
        raise CliError("this booth has no booth id: run `inspector-app sync configure` first")
    store = _store(home)
    try:
        out = export_outbox(home, store, Path(args.out), booth_id)
    except TrustError as exc:
        raise CliError(f"export refused: {exc}") from exc
    except (OSError, ValueError) as exc:
        raise CliError(f"export failed: {exc}") from exc
    finally:
        store.close()
    emit(out, args.json, f"exported {out['records']} record(s) to {len(out['files'])} file(s) in {args.out} "
         f"(encrypted for the hub, signed by this booth: {out['booth_public_key']})")
    return 0


def register(subparsers) -> None:
    p = add_command(subparsers, "sync", _sync, "push the outbox to the hub and pull bundles and users")
    p.add_argument("--once", action="store_true", help="one round then exit (default: run in the background loop)")
    actions = p.add_subparsers(dest="sync_action", metavar="ACTION")
    c = add_command(actions, "configure", _configure, "set the hub URL and this booth's credential")
    c.add_argument("--hub", help="hub base URL, e.g. https://hub.example:8470 (omit for export-only booths)")
    c.add_argument("--trust", help="the hub-trust.json `hub init` made (needed the first time)")
    c.add_argument("--booth-id", required=True)
    c.add_argument("--credential-stdin", action="store_true", help="read the credential from standard input")
    add_command(actions, "status", _status, "online/offline, last success, records queued")
    q = add_command(actions, "quarantine", _quarantine, "records the hub refused for good, with the reason")
    q.add_argument("--out", help="also write them to this JSON file (it holds traveller data: keep it safe)")

    o = subparsers.add_parser("outbox", help="the booth's outbox (offline transfer for air-gapped ports)",
                              description="The booth's outbox (offline transfer for air-gapped ports).")
    oa = o.add_subparsers(dest="outbox_action", metavar="ACTION", required=True)
    e = add_command(oa, "export", _export, "write pending records to DIR (e.g. a USB stick) for `hub import`")
    e.add_argument("--out", required=True, help="target directory")
