"""The demo setup behind `inspector-app demo` and `inspector-app demo-build`: the demo home,
SBI simulator, simulated camera and a local hub.

``build_demo_home(home)`` makes the demo booth home from what ships in ``demo_data/`` (package
data, so a wheel and the PyInstaller bundle carry it): small CSVs and the face photos in
``demo_data/images/`` (sources and licences in the README there). Fingerprints are grown when the
home is built (``demo_prints``). Nothing outside the package is read; everything goes under the
home, nothing into the repository:
- booth settings (port, booth id, simulated camera, SBI port range, language);
- the demo users of every role (users.csv) in the booth store, as the hub would distribute them;
- a hub signing key, trusted by the booth, and a **signed** list bundle (version 1) holding the
  SLTD records (sltd.csv), the biographic watchlist (watchlist.csv), the biometric watchlist
  (biometric.csv: an enrolment photo and a generated finger per subject; templates are made when
  the bundle is created, so the booth never holds the watchlist images) and the cruise ships
  designated by the Commissioner of the ISA (ships.csv: invented ships, one whose designation
  has ended), applied to the booth;
- per-traveller camera folders and fingerprint folders for the simulators (travellers.csv says
  which photo and which generated finger each demo traveller shows; the child, exempt from
  biometrics, shows a neutral placeholder). A watchlisted subject is enrolled from impression 1 of
  its finger and from a different photo than the traveller's live one; the scanner serves
  impressions 2 onwards, so a hit is a real match between two images, not a copy.

- the demo issuing state's chip PKI (``chip_pki``: a test CSCA and its Document Signer, from
  ``chip.personalise.test_pki``, kept under ``demo/chip-pki``): the CSCA master list and a CRL go
  into the signed bundle as its ``csca`` section, so the booth trusts the demo's passports through
  the path production uses.

The services run in this process on loopback and stop with the window. The chip reader is
``chip.simulated.SimulatedDesk`` on vpcd, through the machine's pcscd (one is started for the
demo when none runs): each demo traveller's passport carries a chip the demo issues with the
Document Signer (the camera image as its photo, so the 1:1 face check compares the same person),
genuine except ``ALTERED_CHIP``'s, whose DG1 was changed after signing. Where PC/SC cannot start
the demo runs on and the chip check records "no reader" with the reason.
``DemoServices.select(key)`` points the simulated camera and fingerprint scanner at one demo
traveller's images, which is what the window's Demo menu and the end-to-end tests use.
This module is Qt-free. ``watchlists/build_demo.py`` is a command-line wrapper around
``build_demo_home``.
"""
from __future__ import annotations

import csv
import json
import shutil
import socket
from pathlib import Path

DEMO = Path(__file__).resolve().parent / "demo_data"
#: impressions of a traveller's finger the scanner serves (impression 1 is the enrolled one; a
#: capture takes at most three attempts per finger before the policy falls back)
SERVED_IMPRESSIONS = range(2, 6)
BOOTH_ID = "NRT-T1-B07"
#: The demo traveller whose face and fingers wait at the bio-cart station (``start_biocart``).
BIOCART_TRAVELLER = "taiwan"
PORT = "Narita International Airport"


class DemoError(RuntimeError):
    """The demo cannot be built or started; the message says what is missing."""


def read_csv(name: str) -> list[dict]:
    with open(DEMO / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def travellers() -> list[dict]:
    """The demo travellers: key, what, mrz (two lines), camera image (in ``demo_data``; empty: a
    placeholder) and finger id (a generated finger, ``demo_prints``)."""
    out = []
    for row in read_csv("travellers.csv"):
        out.append({**row, "mrz": row["mrz_line1"] + "\n" + row["mrz_line2"]})
    return out


def users() -> list[dict]:
    return [{"user": r["user"], "display_name": r["display_name"], "roles": r["roles"].split(";"),
             "password": r["password"]} for r in read_csv("users.csv")]


def _settings(home: Path) -> None:
    from inspector_app.settings import Settings

    s = Settings.load(home)
    s.set("booth.id", BOOTH_ID)
    s.set("booth.port", PORT)
    s.set("app.lock_after_s", 300)
    s.set("devices.camera.source", f"sim:{home / 'demo' / 'camera' / 'clean'}")
    s.set("devices.sbi.port_range", [4501, 4600])
    s.set("demo.enabled", True)
    s.save()


def _placeholder(path: Path) -> None:
    """A neutral camera frame (grey, an outline of head and shoulders, no face): what the
    simulated camera shows for a traveller the demo has no photo for (the exempt child)."""
    import cv2
    import numpy as np

    frame = np.full((480, 640, 3), 150, np.uint8)
    cv2.ellipse(frame, (320, 190), (70, 90), 0, 0, 360, (185, 185, 185), -1, cv2.LINE_AA)
    cv2.ellipse(frame, (320, 480), (190, 150), 0, 180, 360, (185, 185, 185), -1, cv2.LINE_AA)
    if not cv2.imwrite(str(path), frame):
        raise DemoError(f"cannot write the placeholder camera image {path}")


def _camera_and_fingers(home: Path) -> None:
    from inspector_app.app import demo_prints

    for t in travellers():
        cam = home / "demo" / "camera" / t["key"]
        if cam.exists():
            shutil.rmtree(cam)
        cam.mkdir(parents=True)
        if t["camera_image"]:
            src = DEMO / t["camera_image"]
            if not src.exists():
                raise DemoError(f"demo camera image missing from the package: {src}")
            shutil.copyfile(src, cam / src.name)
        else:
            _placeholder(cam / "placeholder.png")
        fid = t["finger_id"]
        dst = home / "demo" / "fingers" / fid
        if dst.exists():
            shutil.rmtree(dst)
        demo_prints.write_finger(dst, int(fid), SERVED_IMPRESSIONS)


def _biometrics_dir(home: Path) -> Path:
    """The biometric watchlist as the bundle builder reads it: subjects.csv beside its images
    (the enrolment photo, and impression 1 of each enrolled finger)."""
    from inspector_app.app import demo_prints

    out = home / "demo" / "biometrics"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rows = read_csv("biometric.csv")
    for row in rows:
        if row.get("face"):
            src = DEMO / row["face"]
            if not src.exists():
                raise DemoError(f"demo enrolment photo missing from the package: {src}")
            name = f"{row['subject_id']}-face{src.suffix}"
            shutil.copyfile(src, out / name)
            row["face"] = name
        for col in ("right_index", "left_index"):
            if row.get(col):
                enrolled = demo_prints.write_finger(out, int(row[col]), [1])[0]
                name = f"{row['subject_id']}-{col}.tif"
                enrolled.rename(out / name)
                row[col] = name
    with open(out / "subjects.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    return out


def _lists(home: Path) -> dict:
    from inspector_app.screening import bundles, keys

    key_dir = home / "demo" / "hub-keys"
    if not (key_dir / keys.SIGNING_FILE).exists():
        keys.generate(key_dir)
    keys.trust_add(home, key_dir / keys.PUBLIC_FILE)
    bundle = home / "demo" / "demo-lists-v1.bundle"
    biometrics = _biometrics_dir(home)
    master_list, crl = _chip_pki(home)
    header = bundles.create(key_dir / keys.SIGNING_FILE, 1, bundle,
                            watchlist_csv=DEMO / "watchlist.csv", sltd_csv=DEMO / "sltd.csv",
                            biometrics_dir=biometrics, ships_file=DEMO / "ships.csv",
                            master_lists=[master_list], crls=[crl])
    applied = bundles.apply(home, bundle)
    return {"bundle": str(bundle), "version": header["version"], "applied": applied}


CHIP_PKI = "chip-pki"   # under home/demo: the demo issuing state's CSCA list, CRL and Document Signer
#: The Demo menu's extra entry: the clean traveller again, her passport's chip altered after issue.
ALTERED_CHIP = "altered_chip"
ALTERED_CHIP_WHAT = "Clean traveller's passport with an altered chip (name changed after signing)"


def _chip_pki(home: Path) -> tuple[Path, Path]:
    """Issue the demo state's chip PKI once per demo home; returns the master list and CRL files
    for the bundle. The CRL lists the test PKI's revoked signer and stays current for ten years
    (the test PKI's own is for tests, current for a month), so an old demo home still verifies."""
    from datetime import timedelta

    from cryptography.hazmat.primitives import serialization

    from inspector_app.chip import personalise

    out = home / "demo" / CHIP_PKI
    out.mkdir(parents=True, exist_ok=True)
    pki = personalise.test_pki()
    crl = personalise.make_crl(pki.csca, [pki.revoked_dsc.certificate], pki.now - timedelta(days=1),
                               pki.now + timedelta(days=3650))
    (out / "masterlist.der").write_bytes(pki.master_list)
    (out / "crl.der").write_bytes(crl)
    (out / "dsc.pem").write_bytes(pki.dsc.certificate.public_bytes(serialization.Encoding.PEM))
    (out / "dsc-key.pem").write_bytes(pki.dsc.key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return out / "masterlist.der", out / "crl.der"


def chip_signer(home: Path):
    """The demo state's Document Signer (``personalise.Signer``), which signs the demo chips."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from inspector_app.chip import personalise

    folder = Path(home) / "demo" / CHIP_PKI
    return personalise.Signer(serialization.load_pem_private_key((folder / "dsc-key.pem").read_bytes(), None),
                              x509.load_pem_x509_certificate((folder / "dsc.pem").read_bytes()))


def user_rows(home: Path) -> list[dict]:
    """The demo users as the hub administrator would sign them for this port: strong password
    hashes and each user's own signing key wrapped under their password. Made once per demo home
    (two scrypt runs per user) and kept in ``demo/users.json``, which the demo hub loads too."""
    from inspector_app.common.passwords import hash_password
    from inspector_app.common.userkeys import new_user_key

    path = home / "demo" / "users.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    rows = [{"user": u["user"], "display_name": u["display_name"], "roles": u["roles"], "ports": [PORT],
             "password_hash": hash_password(u["password"]), **new_user_key(u["password"])} for u in users()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return rows


def _users(home: Path) -> list[str]:
    """The demo users as the hub sends them: password hashes and each user's signing key."""
    from inspector_app import store as store_pkg

    rows = user_rows(home)
    st = store_pkg.open_store(home)
    try:
        st.set_users(rows, version=st.users_version() + 1)
    finally:
        st.close()
    return [u["user"] for u in rows]


def build_demo_home(home: Path, force: bool = False) -> dict:
    """Make the demo booth home (see the module docstring); reuse it unless ``force``."""
    home = Path(home)
    marker = home / "demo" / "built.json"
    if marker.exists() and not force:
        return json.loads(marker.read_text(encoding="utf-8"))
    if force and (home / "lists").exists():
        shutil.rmtree(home / "lists")
    home.mkdir(parents=True, exist_ok=True)
    _settings(home)
    _camera_and_fingers(home)
    info = {"home": str(home), "users": _users(home), "lists": _lists(home),
            "travellers": [t["key"] for t in travellers()]}
    marker.write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
    return info


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
        self.biocart = None
        self.travellers = {t["key"]: t for t in travellers()}
        clean = self.travellers["clean"]
        self.travellers[ALTERED_CHIP] = {**clean, "key": ALTERED_CHIP, "what": ALTERED_CHIP_WHAT, "person": "clean",
                                         "chip": "altered"}
        self.pcsc = None
        self.desk = None
        self.chip_reader = None   # what the booth reads chips with: the desk, or a reader saying why there is none
        self._chips: dict = {}

    def start_chips(self, reader: str | None = None, port: int | None = None) -> str | None:
        """The simulated chip reader through pcscd and vpcd (the machine's pcscd, or one started
        here); returns why there is none, or None when it runs. ``reader``/``port``: the vpcd slot."""
        from inspector_app.booth.chip import NoReader
        from inspector_app.chip import simulated
        from inspector_app.screening import csca

        try:
            trust = csca.load(self.home)
            pcsc = simulated.VirtualPcsc()
            pcsc.__enter__()
        except (csca.CscaSectionError, simulated.PcscUnavailable, ImportError, OSError) as exc:
            reason = f"the demo's chip reader cannot start: {exc}"   # words as pcscd's own errors come (untranslated)
            self.chip_reader = NoReader(reason)
            return reason
        self.pcsc = pcsc
        self.desk = simulated.SimulatedDesk(trust=trust, reader=reader or simulated.VIRTUAL_READER,
                                            port=port or simulated.DEFAULT_PORT)
        self.chip_reader = self.desk
        return None

    def chip(self, key: str):
        """Traveller ``key``'s passport chip (``personalise.ChipContent``), issued once per run by the
        demo state's Document Signer with the traveller's camera image as its photo."""
        if key not in self._chips:
            from cryptography.hazmat.primitives.asymmetric import ec

            from inspector_app.chip import personalise

            t = self.travellers[key]
            face = next((self.home / "demo" / "camera" / t.get("person", key)).iterdir()).read_bytes()
            tamper = personalise.Tamper.DG1_CHANGED if t.get("chip") == "altered" else personalise.Tamper.NONE
            # an EC Active Authentication key: issued in milliseconds while the traveller steps up
            self._chips[key] = personalise.make_chip(t["mrz"].split("\n"), face, chip_signer(self.home),
                                                     face_max_side=320, tamper=tamper,
                                                     aa_key=ec.generate_private_key(ec.SECP256R1()))
        return self._chips[key]

    def start_sbi(self) -> int:
        from inspector_app.devices import sbi_simulator
        from inspector_app.devices.provider_ca import ensure_provider_ca

        folder = self.home / "demo" / "fingers" / self.travellers["clean"]["finger_id"]
        # the demo's own device provider: its CA issues the simulated scanner's certificate, and
        # the booth trusts the CA (devices.sbi.provider_ca), as a booth trusts a real vendor's CA;
        # a device on the port range whose certificate another CA (or nobody) issued is refused
        ca = ensure_provider_ca(self.home / "demo" / "device-provider")
        self.sbi = sbi_simulator.serve(free_port(), folder, provider_ca=ca)
        from inspector_app.settings import Settings

        cert = self.home / "demo" / "sbi-device.pem"  # the scanner's leaf, for `devices` commands
        cert.write_bytes(self.sbi.cert_pem if isinstance(self.sbi.cert_pem, bytes) else self.sbi.cert_pem.encode())
        settings = Settings.load(self.home)
        settings.set("devices.sbi.provider_ca", str(ca.cert_path))
        settings.set("devices.sbi.trusted_cert", None)  # no pin: the CA decides (an older demo home pinned)
        settings.save()
        return self.sbi.port

    def start_hub(self) -> str | None:
        """The hub on loopback over TLS, with its own CA and keys made as `hub init` makes them
        (under ``home/demo/hub``); the booth is registered and pins the hub's trust file, and the
        demo users are signed with the hub administrator's key, as an operator would set it up."""
        from inspector_app.common import signing
        from inspector_app.hub import runner, setup
        from inspector_app.hub.keys import ADMIN_FILE, load_admin
        from inspector_app.settings import Settings
        from inspector_app.sync.config import configure
        from inspector_app.sync.trust import booth_key

        hub_dir = self.home / "demo" / "hub"
        trust_file = setup.init_hub(hub_dir, hosts=("127.0.0.1", "localhost"))["trust_file"]
        running = runner.start_in_thread(f"sqlite:///{self.home / 'demo' / 'hub.db'}", tls_dir=hub_dir)
        self.hub = running
        db = running.db
        settings = Settings.load(self.home)
        booth_id = settings.get("booth.id", BOOTH_ID)
        port = settings.get("booth.port", PORT)
        token = db.register_booth(booth_id, port, public_key=signing.public_b64(booth_key(self.home)))
        for u in user_rows(self.home):
            db.add_user(u["user"], u["password_hash"], u["roles"], u["display_name"], u["ports"], u["public_key"],
                        u["wrapped_key"])
        db.publish_user_lists(load_admin(hub_dir / ADMIN_FILE))
        configure(self.home, booth_id, token, hub_url=running.url, trust_file=trust_file)
        settings = Settings.load(self.home)
        settings.set("sync.interval_s", 10.0)
        settings.save()
        return running.url

    def start_biocart(self, key: str = BIOCART_TRAVELLER) -> str:
        """A bio-cart station in this process (its home ``demo/biocart``), paired with the booth as
        ``biocart connect`` and ``allow-booth`` pair them, with a fresh capture of traveller ``key``
        waiting: the face and the left index finger pass, the right index finger is smudged, so
        reading that passport shows the capture retrieved and the scanner asked for that finger only."""
        import cv2

        from inspector_app.biocart import server
        from inspector_app.biocart.station import Station
        from inspector_app.biometrics import fingerprint
        from inspector_app.booth import biocart_pickup
        from inspector_app.common import signing
        from inspector_app.settings import Settings
        from inspector_app.sync.trust import booth_key

        t = self.travellers[key]
        station = Station(self.home / "demo" / "biocart")
        self.biocart = server.start_in_thread(station)
        settings = Settings.load(self.home)
        station.allow_booth(settings.get("booth.id", BOOTH_ID), signing.public_b64(booth_key(self.home)))
        settings.set(biocart_pickup.STATION_URL, self.biocart.url)
        settings.set(biocart_pickup.STATION_KEY, station.public_key)
        settings.set(biocart_pickup.STATION_CA, self.biocart.ca_file)
        settings.save()
        folder = self.home / "demo" / "fingers" / t["finger_id"]
        left = fingerprint.load_image(folder / f"{t['finger_id']}_2.tif")
        right = cv2.GaussianBlur(fingerprint.load_image(folder / f"{t['finger_id']}_3.tif"), (25, 25), 0)
        face = cv2.imread(str(next((self.home / "demo" / "camera" / key).iterdir())))
        station.capture(t["mrz"], face_bgr=face, fingers={"Left IndexFinger": left, "Right IndexFinger": right})
        return self.biocart.url

    def select(self, key: str, settings) -> dict:
        """Point the simulated camera and scanner at traveller ``key``; returns the traveller."""
        t = self.travellers[key]
        settings.set("devices.camera.source", f"sim:{self.home / 'demo' / 'camera' / t.get('person', key)}")
        if self.desk is not None:
            self.desk.place(self.chip(key))
        if self.sbi is not None:
            from inspector_app.devices.sbi_simulator import FingerImages

            self.sbi.images = FingerImages(self.home / "demo" / "fingers" / t["finger_id"])
            self.sbi.attempts.clear()
        return t

    def stop(self) -> None:
        self.desk = None
        if self.pcsc is not None:
            self.pcsc.__exit__(None, None, None)   # stops the pcscd started for the demo; a running one stays
            self.pcsc = None
        if self.biocart is not None:
            self.biocart.stop()
            self.biocart = None
        if self.sbi is not None:
            self.sbi.stop()
            self.sbi = None
        if self.hub is not None:
            self.hub.stop()
            self.hub = None


#: The demo's departure story: the clean traveller landed this many days ago for 90 days, so at a
#: departures booth she has overstayed by 10 days (arrivals: she lands again as usual).
OVERSTAY_LANDED_DAYS_AGO = 99


def _seed_exam(home: Path, day, mrz_lines: list[str], decision: dict, face: Path, finger_id: str,
               impressions: tuple[int, int], what: str, reviewed: str = "") -> dict:
    """One earlier examination on ``day``, by inspector1 through the examination core, exactly as
    a booth would have made it (the document read and screened, face and index fingers captured).
    With ``reviewed``, supervisor1 has since confirmed each flagged result with that reason (an
    examination from weeks ago is not waiting in today's queue)."""
    from inspector_app.booth.context import BoothContext
    from inspector_app.booth.headless import ExamRequest, run_exam, sign_in

    fingers = Path(home) / "demo" / "fingers" / finger_id
    ctx = BoothContext(home, today=day)
    try:
        user = sign_in(ctx, "inspector1", next(u["password"] for u in users() if u["user"] == "inspector1"))
        out = run_exam(ctx, user, ExamRequest(
            mrz_lines=mrz_lines, direction="arrival", decision=decision, face=face,
            fingers={"Left IndexFinger": fingers / f"{finger_id}_{impressions[0]}.tif",
                     "Right IndexFinger": fingers / f"{finger_id}_{impressions[1]}.tif"}))
        if out["saved"] and reviewed:
            sign_in(ctx, "supervisor1", next(u["password"] for u in users() if u["user"] == "supervisor1"))
            for check in ctx.store().check_results(out["examination_id"]):
                if check["needs_review"]:
                    ctx.add_review(check["check_result_id"], "supervisor1", "confirmed", reviewed)
    finally:
        ctx.close()
    if not out["saved"]:
        raise DemoError(f"the demo's {what} was refused: {out['refused']}")
    return out


def seed_departure_story(home: Path, today=None) -> str | None:
    """Record, once, the clean traveller's landing ``OVERSTAY_LANDED_DAYS_AGO`` days ago
    (Temporary Visitor 90 days, face and fingers from the demo images), so that the departure mode
    has a landing record to find. Returns the record id, or None when already seeded."""
    import datetime as dt

    marker = Path(home) / "demo" / "departure_story.json"
    if marker.exists():
        return None
    t = next(x for x in travellers() if x["key"] == "clean")
    landed = (today or dt.date.today()) - dt.timedelta(days=OVERSTAY_LANDED_DAYS_AGO)
    out = _seed_exam(home, landed, [t["mrz_line1"], t["mrz_line2"]],
                     {"type": "landing_permission", "status_code": "temporary_visitor", "period": "90d"},
                     next((Path(home) / "demo" / "camera" / "clean").iterdir()), t["finger_id"], (2, 3),
                     "earlier landing")
    marker.write_text(json.dumps({"record_id": out["record_id"], "landing_date": landed.isoformat()}), encoding="utf-8")
    return out["record_id"]


#: The demo's returning deportee: JAMES DOE (the "biometric" traveller) was examined this many days
#: ago as JOHN PAUL MILLER, a US citizen, and referred (then deported); his fingers and face are
#: an earlier encounter under another identity when he comes back on a Canadian passport.
DEPORTEE_EXAMINED_DAYS_AGO = 60
DEPORTEE_EARLIER = {"issuing_state": "USA", "surname": "MILLER", "given_names": "JOHN PAUL",
                    "document_number": "531889247", "nationality": "USA", "sex": "M"}


def seed_returning_deportee(home: Path, today=None) -> str | None:
    """Record, once, the earlier examination of the demo's returning deportee under his earlier
    identity: a different photo of the same man (the watchlist's enrolment photo) and other
    impressions of his fingers than the scanner serves, referred to a special inquiry officer.
    Returns the examination id, or None when already seeded."""
    import datetime as dt

    from inspector_app.domain.mrz_build import build_td3

    marker = Path(home) / "demo" / "returning_story.json"
    if marker.exists():
        return None
    t = next(x for x in travellers() if x["key"] == "biometric")
    day = (today or dt.date.today()) - dt.timedelta(days=DEPORTEE_EXAMINED_DAYS_AGO)
    mrz = build_td3(**DEPORTEE_EARLIER, birth_date=dt.date(1961, 8, 4), expiry_date=dt.date(2030, 5, 1))
    out = _seed_exam(home, day, mrz.split("\n"),
                     {"type": "referral", "referral_reasons": ["face and fingerprint match biometric watchlist subject "
                                                               "WL-BIO-0001"]},
                     DEMO / "images" / "WL-BIO-0001.jpg", t["finger_id"], (4, 5), "earlier encounter",
                     reviewed="Matches WL-BIO-0001; referred, landing refused, deported")
    marker.write_text(json.dumps({"examination_id": out["examination_id"], "examined_on": day.isoformat()}),
                      encoding="utf-8")
    return out["examination_id"]


def start_demo(home: Path, hub: bool = True) -> DemoServices:
    # a demo home built before the chips has no chip PKI: build it again
    build_demo_home(home, force=not (Path(home) / "demo" / CHIP_PKI / "dsc-key.pem").exists()
                    and (Path(home) / "demo" / "built.json").exists())
    services = DemoServices(home)
    services.start_sbi()
    if problem := services.start_chips():
        print(f"demo: {problem}", flush=True)
    if hub:
        try:
            services.start_hub()
        except Exception as exc:  # noqa: BLE001 - the booth works offline; say why the hub is absent
            print(f"demo: hub not started ({exc}); the booth runs offline", flush=True)
    seed_departure_story(home)
    seed_returning_deportee(home)
    try:
        services.start_biocart()
    except Exception as exc:  # noqa: BLE001 - the booth works without a bio-cart; say why it is absent
        print(f"demo: bio-cart station not started ({exc})", flush=True)
    from inspector_app.app.demo_manifest import seed_pre_arrival_manifest

    seed_pre_arrival_manifest(home)   # today's flight with two hits on its passenger list
    return services
