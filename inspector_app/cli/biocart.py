"""`inspector-app biocart`: the unattended capture station (kiosk window with no subcommand) and
its headless operations; ``connect`` is run at a booth to use a station.

Pairing, as an operator does it: on the station, ``biocart info`` prints its public key and TLS CA;
on the booth, ``biocart connect --url URL --station-key KEY --station-ca CA`` pins them and prints
the booth's id and key; on the station, ``biocart allow-booth ID KEY`` lets that booth in.
"""
from __future__ import annotations

from pathlib import Path

from inspector_app.cli.support import CliError, add_command, add_common, emit, home_of


def register(subparsers) -> None:
    p = subparsers.add_parser("biocart", help="the bio-cart capture station (kiosk; capture, serve, pairing)",
                              description="the bio-cart capture station: with no subcommand, opens the kiosk window")
    add_common(p, json_flag=False)
    p.add_argument("--extra-language", choices=["zh", "ko", "es", "fr"], default=None,
                   help="a third language shown beside English and Japanese (F2 changes it)")
    p.add_argument("--no-serve", action="store_true", help="the kiosk does not serve its captures itself")
    p.set_defaults(handler=_kiosk)
    sub = p.add_subparsers(dest="biocart_command", metavar="SUBCOMMAND")
    c = add_command(sub, "capture", _capture, "store one traveller's capture from files (tests, operations)")
    c.add_argument("--mrz", action="append", required=True, metavar="FILE|LINE",
                   help="a file holding the MRZ, or one MRZ line (repeat for each line)")
    c.add_argument("--face", type=Path, metavar="IMG", help="the face photo")
    c.add_argument("--finger", action="append", metavar="POSITION=IMG",
                   help='a fingerprint image, POSITION as the SBI names it ("Left IndexFinger")')
    s = add_command(sub, "serve", _serve, "serve the captures to paired booths over HTTPS (foreground)",
                    json_flag=False)
    s.add_argument("--host", default=None, help="address to listen on (default: biocart.host, 127.0.0.1)")
    s.add_argument("--port", type=int, default=None, help="port (default: biocart.port, 8471)")
    s.add_argument("--tls-host", action="append", default=[], metavar="HOST",
                   help="a name or address booths use for the station (in its certificate; repeat)")
    add_command(sub, "info", _info, "the station's id, public key, TLS CA and how many captures it holds")
    a = add_command(sub, "allow-booth", _allow, "let a booth retrieve captures (its id and public key)")
    a.add_argument("booth_id", metavar="BOOTH_ID")
    a.add_argument("key", metavar="PUBLIC_KEY", help="the booth's key, as `biocart connect` printed it")
    add_command(sub, "purge", _purge, "delete every expired capture now")
    k = add_command(sub, "connect", _connect, "at a booth: use this station's captures (pins its key and CA)")
    k.add_argument("--url", required=True, help="the station's address, e.g. https://10.0.3.7:8471")
    k.add_argument("--station-key", required=True, help="the station's public key (`biocart info`)")
    k.add_argument("--station-ca", required=True, type=Path, help="the station's TLS CA file (`biocart info`)")


def _station(args):
    from inspector_app.biocart.station import Station
    from inspector_app.store import StoreError

    try:
        return Station(home_of(args))
    except (StoreError, ValueError) as exc:
        raise CliError(f"the station cannot be opened: {exc}") from None


def _mrz_text(values: list[str]) -> str:
    lines = []
    for value in values:
        path = Path(value)
        try:
            lines.append(path.read_text(encoding="utf-8").strip() if path.is_file() else value)
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read the MRZ file {path}: {exc}") from None
    return "\n".join(lines)


def _capture(args) -> int:
    import cv2

    from inspector_app.biocart.station import StationError
    from inspector_app.biometrics import fingerprint

    face = None
    if args.face:
        face = cv2.imread(str(args.face))
        if face is None:
            raise CliError(f"cannot read the photo {args.face}")
    fingers = {}
    for item in args.finger or []:
        position, sep, path = item.partition("=")
        if not sep or not position.strip():
            raise CliError(f"--finger must look like POSITION=IMG, not {item!r}")
        try:
            fingers[position.strip()] = fingerprint.load_image(Path(path))
        except (OSError, ValueError) as exc:
            raise CliError(f"cannot read the fingerprint image {path}: {exc}") from None
    try:
        summary = _station(args).capture(_mrz_text(args.mrz), face_bgr=face, fingers=fingers)
    except StationError as exc:
        raise CliError(str(exc)) from None
    items = [f"face {summary['face']['quality']}{'' if summary['face']['passes'] else ' (below the gate)'}"] \
        if summary["face"] else []
    items += [f"{f['position']} {f['quality']}{'' if f['passes'] else ' (below the threshold)'}" for f in summary["fingers"]]
    emit(summary, args.json, f"captured {summary['nationality']} {summary['document_number']} until "
                             f"{summary['expires_at']}: {', '.join(items)}")
    return 0


def _serve(args) -> int:
    from inspector_app.biocart import server
    from inspector_app.hub.pki import TlsError

    station = _station(args)
    try:
        if args.tls_host:
            from inspector_app.hub import pki

            pki.init_tls(server.station_dir(station.home), hosts=tuple(args.tls_host))
        print(f"bio-cart {station.station_id} serving; station key {station.public_key}", flush=True)
        server.serve(station, args.host, args.port)
    except TlsError as exc:
        raise CliError(str(exc)) from None
    return 0


def _info(args) -> int:
    from inspector_app.biocart import server

    station = _station(args)
    files = server.ensure_tls(station.home)
    info = {"station": station.station_id, "station_key": station.public_key, "station_ca": str(files.ca),
            "ttl_minutes": station.setting("biocart.ttl_minutes"), "captures": station.vault.count(),
            "booths": sorted(station.setting("biocart.booths") or {})}
    emit(info, args.json, "\n".join(f"{k}: {v}" for k, v in info.items()))
    return 0


def _allow(args) -> int:
    from inspector_app.common.signing import SigningKeyError

    try:
        _station(args).allow_booth(args.booth_id, args.key)
    except SigningKeyError as exc:
        raise CliError(f"not a booth key: {exc}") from None
    emit({"allowed": args.booth_id}, args.json, f"{args.booth_id} may retrieve captures")
    return 0


def _purge(args) -> int:
    gone = _station(args).purge()
    emit({"deleted": gone}, args.json, f"{gone} expired capture(s) deleted")
    return 0


def _connect(args) -> int:
    import shutil

    from inspector_app.booth import biocart_pickup
    from inspector_app.booth.context import BOOTH_ID, DEFAULTS
    from inspector_app.common import signing
    from inspector_app.settings import Settings
    from inspector_app.sync.trust import booth_key

    home = home_of(args)
    try:
        signing.public_from_b64(args.station_key)
    except signing.SigningKeyError as exc:
        raise CliError(f"not a station key: {exc}") from None
    ca = home / "biocart-station-ca.pem"
    try:
        home.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.station_ca, ca)
    except OSError as exc:
        raise CliError(f"cannot copy the station's CA {args.station_ca}: {exc}") from None
    settings = Settings.load(home)
    settings.set(biocart_pickup.STATION_URL, args.url)
    settings.set(biocart_pickup.STATION_KEY, args.station_key)
    settings.set(biocart_pickup.STATION_CA, str(ca))
    settings.save()
    booth = str(settings.get(BOOTH_ID, DEFAULTS[BOOTH_ID]))
    key = signing.public_b64(booth_key(home))
    emit({"booth": booth, "booth_key": key}, args.json,
         f"on the station run: inspector-app biocart allow-booth {booth} {key}")
    return 0


def _kiosk(args) -> int:
    from inspector_app.app.biocart_kiosk import run_kiosk
    from inspector_app.store import StoreError

    try:
        return run_kiosk(home=home_of(args), language=args.extra_language, serve=not args.no_serve)
    except StoreError as exc:
        raise CliError(f"the station cannot start: {exc}") from exc
