"""The demo setup behind `inspector-app demo`: demo home, SBI simulator, simulated camera, hub.

The demo home is built by ``watchlists/build_demo.py`` from the committed CSVs (see there). The
services run in this process on loopback and stop with the window. ``DemoServices.select(key)``
points the simulated camera and fingerprint scanner at one demo traveller's images, which is
what the window's Demo menu and the end-to-end tests use.
"""
from __future__ import annotations

import importlib.util
import socket
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "watchlists" / "build_demo.py"


class DemoError(RuntimeError):
    pass


def builder():
    if not BUILDER.exists():
        raise DemoError(f"{BUILDER} not found: the demo runs from a source checkout of Border Inspector")
    spec = importlib.util.spec_from_file_location("inspector_demo_builder", BUILDER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def build_demo_home(home: Path, force: bool = False) -> dict:
    mod = builder()
    try:
        return mod.build_demo_home(Path(home), force=force)
    except mod.DemoError as exc:
        raise DemoError(str(exc)) from exc


def free_port(candidates=range(4501, 4601)) -> int:
    for port in candidates:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise DemoError(f"no free port in {candidates.start}-{candidates.stop - 1} for the SBI simulator")


class DemoServices:
    def __init__(self, home: Path):
        self.home = Path(home)
        self.sbi = None
        self.hub = None
        self.travellers = {t["key"]: t for t in builder().travellers()}

    def start_sbi(self) -> int:
        from inspector_app.devices import sbi_simulator

        folder = self.home / "demo" / "fingers" / Path(self.travellers["clean"]["finger_id"]).name
        self.sbi = sbi_simulator.serve(free_port(), folder)
        return self.sbi.port

    def start_hub(self) -> str | None:
        """The hub on loopback (supervisor cross-booth view)."""
        import uvicorn

        from inspector_app.hub import server

        db = self.home / "demo" / "hub.db"
        app = server.create_app(f"sqlite:///{db}")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.hub = uvicorn.Server(config)
        threading.Thread(target=self.hub.run, name="demo-hub", daemon=True).start()
        url = f"http://127.0.0.1:{port}"
        # register this booth at the hub and give the booth its credential, as an operator would
        from inspector_app.settings import Settings
        from inspector_app.sync.config import configure

        booth_id = Settings.load(self.home).get("booth.id", "BOOTH-01")
        configure(self.home, booth_id, app.state.db.register_booth(booth_id), hub_url=url)
        settings = Settings.load(self.home)
        settings.set("sync.interval_s", 10.0)
        settings.save()
        return url

    def select(self, key: str, settings) -> dict:
        """Point the simulated camera and scanner at traveller ``key``; returns the traveller."""
        t = self.travellers[key]
        settings.set("devices.camera", f"sim:{self.home / 'demo' / 'camera' / key}")
        if self.sbi is not None:
            from inspector_app.devices.sbi_simulator import FingerImages

            self.sbi.images = FingerImages(self.home / "demo" / "fingers" / Path(t["finger_id"]).name)
            self.sbi.attempts.clear()
        return t

    def stop(self) -> None:
        if self.sbi is not None:
            self.sbi.stop()
            self.sbi = None
        if self.hub is not None:
            self.hub.should_exit = True
            self.hub = None


def start_demo(home: Path, hub: bool = True) -> DemoServices:
    build_demo_home(home)
    services = DemoServices(home)
    services.start_sbi()
    if hub:
        try:
            services.start_hub()
        except Exception as exc:  # noqa: BLE001 - the booth works offline; say why the hub is absent
            print(f"demo: hub not started ({exc}); the booth runs offline", flush=True)
    return services
