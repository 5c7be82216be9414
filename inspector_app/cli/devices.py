"""`inspector-app devices ...` subcommands (handlers import heavy modules lazily).

- ``devices sbi-simulator --port 4501 --images DIR [--quality N --delay-ms N --inject busy|no_biometric|timeout|drop
  --inject-times N --cert-out PATH]``: a MOSIP SBI fingerprint device service for tests and the demo.
- ``devices list [--json]``: SBI devices found on the configured port range, camera and serial state.
- ``devices sbi-capture --fingers "Left IndexFinger,Right IndexFinger" [--json]``: one capture, verified.
"""
from __future__ import annotations

import argparse

from inspector_app.cli_support import CliError, add_command, emit, home_of


def register(subparsers) -> None:
    """Add this package's subcommands; see inspector_app.cli_support.add_command."""
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

    from inspector_app.devices.sbi_simulator import serve

    try:
        sim = serve(args.port, args.images, host=args.host, quality=args.quality, delay_ms=args.delay_ms,
                    inject=args.inject, inject_times=args.inject_times, serial_no=args.serial)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    except OSError as exc:
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    if args.cert_out:
        Path(args.cert_out).write_bytes(sim.cert_pem)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    info = {"port": sim.port, "url": sim.base_url, "serial_no": sim.config.serial_no, "images": str(args.images),
            "inject": args.inject, "cert": args.cert_out}
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


def _camera_state(spec) -> dict:
    from inspector_app.devices.camera_sources import CameraError, make_source

    source = make_source(spec)
    try:
        source.open()
    except CameraError as exc:
        return {"source": str(spec), "state": "absent", "last_error": str(exc)}
    finally:
        source.release()
    return {"source": str(spec), "state": "ready", "last_error": None}


def _list(args: argparse.Namespace) -> int:
    import os
    import time

    from inspector_app.devices import config, sbi

    settings = _settings(args)
    ports = _parse_ports(args.ports, settings)
    client = config.sbi_client(settings, ports=ports)
    start = time.monotonic()
    found = client.discover("Biometric Device")
    scan_s = time.monotonic() - start
    devices = []
    for d in found:
        entry = d.to_dict()
        try:
            info = client.info(d.port)
            if info:
                entry.update(model=info[0].model, make=info[0].make, serial_no=info[0].serial_no,
                             status=info[0].status, signature=info[0].signature)
        except sbi.SbiError as exc:
            entry["info_error"] = str(exc)
        devices.append(entry)
    result = {"sbi": {"ports": [ports.start, ports.stop - 1], "scan_s": round(scan_s, 3), "devices": devices}}
    if not args.no_camera:
        result["camera"] = _camera_state(args.camera or config.get(settings, "devices.camera.source"))
    serial_port = config.get(settings, "devices.serial.port")
    result["serial"] = {"port": serial_port, "state": ("absent" if not serial_port or not os.path.exists(serial_port) else "ready")}
    lines = [f"SBI scan {ports.start}-{ports.stop - 1}: {len(devices)} device(s) in {scan_s:.2f}s"]
    lines += [f"  port {d['port']}: {d.get('make', '')} {d.get('model', '')} serial {d.get('serial_no', '')} [{d.get('status', '')}]" for d in devices]
    if "camera" in result:
        cam = result["camera"]
        lines.append(f"camera {cam['source']}: {cam['state']}" + (f" ({cam['last_error']})" if cam["last_error"] else ""))
    lines.append(f"serial reader: {serial_port or 'not configured'} [{result['serial']['state']}]")
    emit(result, args.json, "\n".join(lines))
    return 0


def _sbi_capture(args: argparse.Namespace) -> int:
    from pathlib import Path

    from inspector_app.devices import config, sbi

    settings = _settings(args)
    client = config.sbi_client(settings, ports=_parse_ports(args.ports, settings))
    fingers = [f.strip() for f in args.fingers.split(",") if f.strip()]
    found = client.discover("Finger")
    if not found:
        raise CliError(f"no SBI fingerprint device found on ports {client.ports[0]}-{client.ports[-1]}")
    timeout_ms = args.timeout_ms or config.get(settings, "devices.sbi.timeout_ms")
    try:
        result = client.capture(found[0], fingers, timeout_ms=timeout_ms,
                                requested_score=config.get(settings, "devices.capture.requested_score"))
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    except sbi.SbiError as exc:
        raise CliError(str(exc)) from exc
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for item in result.items:
            (out / (item.bio_sub_type.replace(" ", "_") + ".png")).write_bytes(item.image)
    d = result.to_dict()
    emit(d, args.json, "\n".join([f"captured {len(result.items)} finger(s) from port {result.port} in {result.latency_s:.2f}s, "
                                  f"hash chain verified ({result.signature})"] +
                                 [f"  {i['bio_sub_type']}: {i['image_bytes']} bytes, device quality {i['device_quality']}" for i in d["items"]]))
    return 0
