"""`inspector-app devices ...` subcommands (handlers import heavy modules lazily).

- ``devices sbi-simulator --port 4501 --images DIR [--quality N --delay-ms N --inject busy|no_biometric|timeout|drop
  --inject-times N --cert-out PATH --provider-ca DIR]``: a MOSIP SBI fingerprint device service for tests and
  the demo; with ``--provider-ca`` its certificate is issued by that device-provider CA (made there if absent).
- ``devices list [--json]``: SBI devices found on the configured port range, camera and serial state.
- ``devices sbi-capture --fingers "Left IndexFinger,Right IndexFinger" [--json]``: one capture, verified.
"""
from __future__ import annotations

import argparse

from inspector_app.cli.support import CliError, add_command, emit, home_of


def register(subparsers) -> None:
    """Add this group's subcommands (built with support.add_command)."""
    parser = subparsers.add_parser("devices", help="cameras, fingerprint scanners (MOSIP SBI), document readers",
                                   description="Devices of the booth: list them, run the SBI simulator, capture.")
    sub = parser.add_subparsers(dest="devices_command", metavar="ACTION", required=True)

    p = add_command(sub, "sbi-simulator", _sbi_simulator, help="run a MOSIP SBI fingerprint device simulator (until Ctrl-C)")
    p.add_argument("--port", type=int, default=4501, help="port on 127.0.0.1 (SBI range 4501-4600; 0 = any free port)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--images", type=str, required=True, help="folder of fingerprint images (FVC layout 101_1.tif ...)")
    p.add_argument("--quality", type=float, default=80.0, help="qualityScore the device reports (0-100)")
    p.add_argument("--delay-ms", type=int, default=0, help="capture delay in milliseconds")
    p.add_argument("--inject", choices=["busy", "no_biometric", "timeout", "drop"], help="fault injected into RCAPTURE")
    p.add_argument("--inject-times", type=int, default=None, help="inject only into the next N captures (default: all)")
    p.add_argument("--serial", default="BI0000000001", help="device serial number (digital ID serialNo)")
    p.add_argument("--cert-out", type=str, help="write the device certificate (PEM) here, for devices.sbi.trusted_cert")
    p.add_argument("--provider-ca", type=str, help="device-provider CA folder (provider-ca.pem/.key, made if absent): "
                   "the device certificate is issued by it; trust it with devices.sbi.provider_ca")

    p = add_command(sub, "list", _list, help="list SBI devices, the camera and the serial reader")
    p.add_argument("--ports", type=str, help="SBI port range LOW-HIGH (default: devices.sbi.port_range)")
    p.add_argument("--camera", type=str, help="camera spec to check (default: devices.camera.source)")
    p.add_argument("--no-camera", action="store_true", help="do not touch the camera")

    p = add_command(sub, "sbi-capture", _sbi_capture, help="capture fingers from the first SBI device found")
    p.add_argument("--fingers", default="Left IndexFinger,Right IndexFinger", help="comma-separated SBI finger names")
    p.add_argument("--ports", type=str, help="SBI port range LOW-HIGH")
    p.add_argument("--timeout-ms", type=int, default=None)
    p.add_argument("--out", type=str, help="folder to write the captured images into")


def _settings(args):
    from inspector_app.settings import Settings

    try:
        return Settings.load(home_of(args))
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def _parse_ports(text: str | None, settings) -> range:
    from inspector_app.devices import config

    if not text:
        try:
            return config.port_range(settings)
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    try:
        low, _, high = text.partition("-")
        r = range(int(low), int(high or low) + 1)
    except ValueError as exc:
        raise CliError(f"--ports must look like 4501-4600, not {text!r}") from exc
    if not r or r.start < 1 or r.stop > 65536:
        raise CliError(f"--ports {text!r} is not a valid port range")
    return r


def _sbi_simulator(args: argparse.Namespace) -> int:
    import signal
    import threading
    from pathlib import Path

    from inspector_app.devices.provider_ca import ensure_provider_ca
    from inspector_app.devices.sbi_simulator import serve

    try:
        ca = ensure_provider_ca(args.provider_ca) if args.provider_ca else None
        sim = serve(args.port, args.images, host=args.host, quality=args.quality, delay_ms=args.delay_ms,
                    inject=args.inject, inject_times=args.inject_times, serial_no=args.serial, provider_ca=ca)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    if args.cert_out:
        Path(args.cert_out).write_bytes(sim.cert_pem)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    info = {"port": sim.port, "url": sim.base_url, "serial_no": sim.config.serial_no, "images": str(args.images),
            "inject": args.inject, "cert": args.cert_out,
            "provider_ca": str(ca.cert_path) if ca is not None else None}
    emit(info, args.json, f"SBI simulator {sim.config.serial_no} listening on {sim.base_url} (Ctrl-C to stop)")
    import sys

    sys.stdout.flush()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    return 0


def _list(args: argparse.Namespace) -> int:
    from inspector_app.devices import inventory

    settings = _settings(args)
    ports = _parse_ports(args.ports, settings)
    try:
        result = inventory.survey(settings, ports, camera=args.camera, check_camera=not args.no_camera)
    except ValueError as exc:  # a devices.sbi.* trust file that cannot be read
        raise CliError(str(exc)) from exc
    devices, scan_s, serial_port = result["sbi"]["devices"], result["sbi"]["scan_s"], result["serial"]["port"]
    lines = [f"SBI scan {ports.start}-{ports.stop - 1}: {len(devices)} device(s) in {scan_s:.2f}s"]
    lines += [f"  port {d['port']}: {d.get('make', '')} {d.get('model', '')} serial {d.get('serial_no', '')} "
              f"[{d.get('status', '')}] " + (f"trusted ({d['signature']})" if d.get("trusted") else
                                           f"REFUSED: {d.get('refused_reason', '')}") for d in devices]
    if "camera" in result:
        cam = result["camera"]
        lines.append(f"camera {cam['source']}: {cam['state']}" + (f" ({cam['last_error']})" if cam["last_error"] else ""))
    lines.append(f"serial reader: {serial_port or 'not configured'} [{result['serial']['state']}]")
    emit(result, args.json, "\n".join(lines))
    return 0


def _sbi_capture(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspector_app.devices import inventory, sbi

    settings = _settings(args)
    fingers = [f.strip() for f in args.fingers.split(",") if f.strip()]
    try:
        result = inventory.capture_fingers(settings, fingers, _parse_ports(args.ports, settings),
                                           timeout_ms=args.timeout_ms, out_dir=Path(args.out) if args.out else None)
    except (inventory.NoFingerprintDevice, sbi.SbiError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    d = result.to_dict()
    emit(d, args.json, "\n".join([f"captured {len(result.items)} finger(s) from port {result.port} in {result.latency_s:.2f}s, "
                                  f"hash chain verified ({result.signature})"] +
                                 [f"  {i['bio_sub_type']}: {i['image_bytes']} bytes, device quality {i['device_quality']}" for i in d["items"]]))
    return 0
