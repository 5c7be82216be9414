"""Build the demo booth home from the small CSVs in watchlists/demo/ and the shared test images.

    python watchlists/build_demo.py HOME [--force]      (or: inspector-app demo-build --home HOME)

What it makes (everything under HOME, nothing in the repository):
- booth settings (port, booth id, simulated camera, SBI port range, language);
- the demo users of every role (users.csv) in the booth store, as the hub would distribute them;
- a hub signing key, trusted by the booth, and a **signed** list bundle (version 1) holding the
  SLTD records (sltd.csv), the biographic watchlist (watchlist.csv) and the biometric watchlist
  (biometric.csv: faces and fingerprints taken from ../shared/data; templates are made when the
  bundle is created, so the booth never holds the watchlist images), applied to the booth;
- per-traveller camera folders and fingerprint folders for the simulators (travellers.csv says
  which images each demo traveller shows; enrolled impression 1 is never served, so a hit is a
  real match between two impressions, not a copy).
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO = HERE / "demo"
ROOT = HERE.parent
BOOTH_ID = "NRT-T1-B07"
PORT = "Narita International Airport"


class DemoError(RuntimeError):
    """The demo cannot be built; the message says what is missing."""


def shared_data() -> Path:
    d = Path(os.environ.get("INSPECTOR_TEST_DATA", ROOT.parent / "shared" / "data"))
    if not d.is_dir():
        raise DemoError(f"shared test images not found at {d}: set INSPECTOR_TEST_DATA to the shared/data folder")
    return d


def read_csv(name: str) -> list[dict]:
    with open(DEMO / name, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def travellers() -> list[dict]:
    """The demo travellers: key, what, mrz (two lines), camera folder and finger folder names."""
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


def _camera_and_fingers(home: Path, data: Path) -> None:
    for t in travellers():
        cam = home / "demo" / "camera" / t["key"]
        cam.mkdir(parents=True, exist_ok=True)
        src = data / t["camera_image"]
        if not src.exists():
            raise DemoError(f"demo camera image missing: {src}")
        shutil.copyfile(src, cam / src.name)
        finger_src = data / Path(t["finger_id"]).parent
        fid = Path(t["finger_id"]).name
        dst = home / "demo" / "fingers" / fid
        dst.mkdir(parents=True, exist_ok=True)
        for n in range(2, 9):  # impression 1 is the enrolled one
            f = finger_src / f"{fid}_{n}.tif"
            if f.exists():
                shutil.copyfile(f, dst / f.name)


def _biometrics_dir(home: Path, data: Path) -> Path:
    """The biometric watchlist as the bundle builder reads it: subjects.csv beside its images."""
    out = home / "demo" / "biometrics"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rows = read_csv("biometric.csv")
    image_columns = ("face", "right_index", "left_index")
    for row in rows:
        for col in image_columns:
            if row.get(col):
                src = data / row[col]
                if not src.exists():
                    raise DemoError(f"demo biometric image missing: {src}")
                name = f"{row['subject_id']}-{col}{src.suffix}"
                shutil.copyfile(src, out / name)
                row[col] = name
    with open(out / "subjects.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    return out


def _lists(home: Path, data: Path) -> dict:
    from inspector_app.screening import bundles, keys

    key_dir = home / "demo" / "hub-keys"
    if not (key_dir / keys.SIGNING_FILE).exists():
        keys.generate(key_dir)
    keys.trust_add(home, key_dir / keys.PUBLIC_FILE)
    bundle = home / "demo" / "demo-lists-v1.bundle"
    try:
        import inspector_app.screening.biometric  # noqa: F401 - the biometric watchlist section
        biometrics = _biometrics_dir(home, data)
    except ImportError:
        biometrics = None  # a screening package without biometric lists: names and SLTD only
    header = bundles.create(key_dir / keys.SIGNING_FILE, 1, bundle,
                            watchlist_csv=DEMO / "watchlist.csv", sltd_csv=DEMO / "sltd.csv",
                            biometrics_dir=biometrics)
    applied = bundles.apply(home, bundle)
    return {"bundle": str(bundle), "version": header["version"], "applied": applied}


def _users(home: Path) -> list[str]:
    from inspector_app import store as store_pkg

    st = store_pkg.open_store(home)
    try:
        st.set_users(users())
    finally:
        st.close()
    return [u["user"] for u in users()]


def build_demo_home(home: Path, force: bool = False) -> dict:
    home = Path(home)
    marker = home / "demo" / "built.json"
    if marker.exists() and not force:
        return json.loads(marker.read_text(encoding="utf-8"))
    data = shared_data()
    if force and (home / "lists").exists():
        shutil.rmtree(home / "lists")
    home.mkdir(parents=True, exist_ok=True)
    _settings(home)
    _camera_and_fingers(home, data)
    info = {"home": str(home), "users": _users(home), "lists": _lists(home, data),
            "travellers": [t["key"] for t in travellers()]}
    marker.write_text(json.dumps(info, indent=1, default=str), encoding="utf-8")
    return info


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("home", type=Path)
    p.add_argument("--force", action="store_true")
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    try:
        print(json.dumps(build_demo_home(a.home, a.force), indent=1, default=str))
    except DemoError as exc:
        raise SystemExit(f"build_demo: {exc}")
