"""The ``csca`` bundle section: CSCA master lists and CRLs reach the booth with the other lists,
are checked by create and apply alike, and give passive authentication its trust store."""
from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest

from inspector_app.chip import lds, passive_auth, personalise
from inspector_app.screening import bundles, csca, liststate
from tests.chip.chip_fixtures import NOW, TD3, aa_key, face, pki
from tests.screening.conftest import WATCHLIST, write_csv
from tests.screening.test_bundles import snapshot

CREATED = NOW.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def files(tmp_path):
    p = pki()
    d = tmp_path / "pkd"
    d.mkdir()
    (d / "ml.der").write_bytes(p.master_list)
    (d / "crl.der").write_bytes(p.crl)
    later = personalise.make_crl(p.csca, [p.revoked_dsc.certificate, p.dsc.certificate], NOW, NOW + timedelta(days=30), 2)
    (d / "crl2.der").write_bytes(later)
    forged = personalise.make_crl(p.untrusted_csca, [], NOW, NOW + timedelta(days=30))
    (d / "forged.der").write_bytes(forged)
    bad_ml = bytearray(p.master_list)
    bad_ml[-3] ^= 0x40     # inside the signature
    (d / "bad_ml.der").write_bytes(bytes(bad_ml))
    return d


def create(signer, tmp_path, version, name, **kw):
    out = tmp_path / f"{name}.bin"
    bundles.create(signer["signing_key"], version, out, created_at=CREATED, **kw)
    return out


def verify_chip(store, signer="dsc"):
    p = pki()
    content = personalise.make_chip(TD3, face(), getattr(p, signer), aa_key=aa_key())
    return passive_auth.verify(content.files[lds.EF_SOD], content.data_groups(), store, NOW)


def test_master_list_and_crl_installed_and_used(booth, signer, tmp_path, files):
    assert csca.load(booth) is None
    b = create(signer, tmp_path, 1, "v1", master_lists=[files / "ml.der"], crls=[files / "crl.der"])
    out = bundles.apply(booth, b)
    assert out["sections"] == ["csca"] and out["counts"] == {"csca": 1, "csca_crls": 1}
    store = csca.load(booth)
    assert store.cscas == (pki().csca.certificate,) and len(store.crls) == 1
    assert verify_chip(store).passed
    assert verify_chip(store, "revoked_dsc").failed_step.step is passive_auth.Step.NOT_REVOKED


def test_section_without_crl_and_carried_over_then_replaced(booth, signer, tmp_path, files):
    bundles.apply(booth, create(signer, tmp_path, 1, "v1", master_lists=[files / "ml.der"]))
    assert csca.load(booth).crls == ()
    assert verify_chip(csca.load(booth)).step(passive_auth.Step.NOT_REVOKED).status is passive_auth.Status.NOT_RUN
    # a bundle without the section keeps the store
    wl = write_csv(tmp_path / "wl.csv", WATCHLIST)
    bundles.apply(booth, create(signer, tmp_path, 2, "d2", base_version=1, watchlist_csv=wl))
    assert len(csca.load(booth).cscas) == 1
    # a delta with the section replaces the store: the new CRL revokes the DSC
    bundles.apply(booth, create(signer, tmp_path, 3, "d3", base_version=2, master_lists=[files / "ml.der"],
                                crls=[files / "crl2.der"]))
    assert liststate.current(booth).version == 3
    assert verify_chip(csca.load(booth)).failed_step.step is passive_auth.Step.NOT_REVOKED


@pytest.mark.parametrize("ml,crl,match", [
    ("bad_ml.der", None, "master list 1"),
    ("ml.der", "forged.der", "CRL 1 .* is not signed by any CSCA"),
    (None, "crl.der", "--crl needs --master-list"),
])
def test_create_refuses_bad_input(signer, tmp_path, files, ml, crl, match):
    with pytest.raises(bundles.BundleError, match=match):
        create(signer, tmp_path, 1, "bad", master_lists=[files / ml] if ml else None,
               crls=[files / crl] if crl else None, **({} if ml else {"watchlist_csv": write_csv(tmp_path / "w.csv", WATCHLIST)}))


def test_apply_refuses_a_bad_section_and_changes_nothing(booth, signer, tmp_path, files, monkeypatch):
    bundles.apply(booth, create(signer, tmp_path, 1, "v1", master_lists=[files / "ml.der"], crls=[files / "crl.der"]))
    before = snapshot(booth)
    # a publisher older or careless enough to skip the create-time checks
    raw = json.dumps({"master_lists": [base64.b64encode(pki().master_list).decode()],
                      "crls": [base64.b64encode((files / "forged.der").read_bytes()).decode()]}).encode()
    monkeypatch.setattr(csca, "read_input", lambda *a, **k: raw)
    bad = create(signer, tmp_path, 2, "bad", master_lists=[files / "ml.der"])
    with pytest.raises(bundles.BundleError, match="csca section: CRL 1"):
        bundles.apply(booth, bad)
    assert snapshot(booth) == before


def test_installed_files_changed_are_refused(booth, signer, tmp_path, files):
    bundles.apply(booth, create(signer, tmp_path, 1, "v1", master_lists=[files / "ml.der"], crls=[files / "crl.der"]))
    crl = liststate.current(booth).directory / "csca" / "crl-001.der"
    crl.write_bytes((files / "crl2.der").read_bytes())
    with pytest.raises(csca.CscaSectionError, match="changed after install"):
        csca.load(booth)


def test_master_list_signer_must_be_valid_when_the_bundle_was_made(signer, tmp_path, files):
    with pytest.raises(bundles.BundleError, match="not valid at"):
        bundles.create(signer["signing_key"], 1, tmp_path / "late.bin", master_lists=[files / "ml.der"],
                       created_at=(NOW + timedelta(days=6 * 365)).strftime("%Y-%m-%dT%H:%M:%SZ"))
