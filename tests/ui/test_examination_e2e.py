"""End to end on the real packages: MRZ -> checks -> capture (camera simulator, SBI simulator
over HTTP) -> decision -> durable save -> seal PDF; hits, supervisor review, referral, exemption."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(240)


def _checks(window, kind=None):
    return [c for c in window.exam_vm.checks if kind is None or c["kind"] == kind]


def test_clean_traveller_lands_and_the_seal_pdf_is_written(booth):
    from cryptography.hazmat.primitives import serialization

    from inspector_app.booth import seal
    from inspector_app.domain import periods

    window, d = booth
    d.login("inspector1", "demo-inspector")
    t = d.present("clean")
    assert window.exam_screen.traveller.values["surname"].text() == "WATSON"
    outcomes = {c["kind"]: c["outcome"] for c in _checks(window)}
    assert outcomes.items() >= {"document": "clear", "sltd": "clear", "biographic": "clear"}.items()
    d.capture_face()
    assert window.exam_vm.face["state"] == "captured"
    assert window.exam_vm.face_template is not None
    d.capture_fingers()
    assert len(window.exam_vm.fingers["fingers"]) >= 2
    assert not [c for c in _checks(window) if c["outcome"] == "hit"]

    state = d.decide("landing_permission", "temporary_visitor", "90d")
    landing = window.backend.today()
    expected_last = periods.last_day(landing, periods.Period.parse("90d"))
    assert window.exam_screen.decision.last_day.text() == expected_last.isoformat()
    assert state["can_save"], state["problems"]
    record = d.save()
    assert d.errors == []

    pdf = Path(record["seal_path"])
    assert pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"
    # the QR reference verifies with the booth's public key and names this record
    pub = serialization.load_pem_public_key((window.backend.home / "keys" / seal.PUB_FILE).read_bytes())
    payload = seal.verify(record["seal"].reference, pub)
    assert payload["r"] == record["record_id"] and payload["s"] == "temporary_visitor"
    assert payload["l"] == expected_last.isoformat()
    # durable: the decision is in the store
    exam = window.backend.examination(window.exam_vm.examination_id)
    assert [x["decision_id"] for x in exam["decisions"]] == [record["record_id"]]
    assert t["key"] == "clean"


def test_watchlist_hit_blocks_landing_until_a_supervisor_clears_it(booth, second_window):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("watchlist_name")
    d.capture_face()
    d.capture_fingers()
    hits = [c for c in _checks(window) if c["outcome"] == "hit"]
    assert [h["kind"] for h in hits] == ["biographic"], window.exam_vm.checks
    assert "OPEN HIT" in window.exam_screen.checks.banner.text()
    state = d.decide("landing_permission", "temporary_visitor", "30d")
    assert not state["can_save"]
    assert "hit.open" in [f["rule"] for f in state["refused"]]
    assert not window.exam_screen.decision.save_button.isEnabled()

    sup, sd = second_window()
    sd.login("supervisor1", "demo-supervisor")
    assert sup.stack.currentWidget() is sup.supervisor_screen
    exam_id = window.exam_vm.examination_id
    sd.wait(lambda: any(q["examination_id"] == exam_id for q in sup.supervisor_vm.queue), "the queue")
    row = next(i for i, q in enumerate(sup.supervisor_vm.queue) if q["examination_id"] == exam_id)
    screen = sup.supervisor_screen
    assert window.exam_vm.traveller["surname"] in screen.queue.item(row, 1).text()  # who, not an id
    screen.queue.selectRow(row)
    sd.wait(lambda: sup.supervisor_vm.detail.get("examination_id") == exam_id, "the detail")
    assert screen.submit.isEnabled()
    hit_row = next(i for i, c in enumerate(screen.check_rows) if c["outcome"] == "hit")
    screen.checks.setCurrentRow(hit_row)
    screen.clear.setChecked(True)
    screen.submit.click()  # no reason yet: refused
    sd.wait(lambda: "reason" in screen.message.text().lower(), "the missing-reason message")
    screen.reason.setPlainText("Different person: date of birth and passport photo checked by phone with NCB")
    screen.submit.click()
    sd.wait(lambda: "Review recorded" in screen.message.text(), "the review")
    sd.wait(lambda: screen.history.count() == 1, "the review history")
    assert "supervisor1" in screen.history.item(0).text()

    # the inspector's screen learns of the review by itself and landing becomes possible
    d.wait(lambda: window.exam_screen.decision.state.get("can_save"), "landing to be allowed", timeout_s=30)
    record = d.save()
    assert Path(record["seal_path"]).exists()


def test_supervisor_cannot_review_their_own_examination(booth, second_window):
    window, d = booth
    d.login("supervisor2", "demo-supervisor")  # supervisor and inspector
    d.present("watchlist_name")
    exam_id = window.exam_vm.examination_id
    window.show_supervisor()
    sv = window.supervisor_vm
    d.wait(lambda: any(q["examination_id"] == exam_id for q in sv.queue), "the queue")
    sv.open(exam_id)
    d.wait(lambda: sv.detail.get("examination_id") == exam_id, "the detail")
    screen = window.supervisor_screen
    assert "own examination" in screen.header.text()
    assert not screen.submit.isEnabled()


def test_referral_for_a_lost_passport(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("lost_passport")
    sltd = [c for c in _checks(window, "sltd") if c["outcome"] == "hit"]
    assert sltd and "lost" in " ".join(sltd[0]["reasons"])
    state = d.decide("referral")
    assert not state["can_save"]  # a referral needs a reason
    assert window.exam_screen.decision.reasons.isEnabled()
    state = d.decide("referral", reasons=["Passport reported lost (SLTD)", "Identity to be established"])
    assert state["can_save"], state["problems"]
    record = d.save()
    assert record["seal_path"] is None  # no landing permission seal for a referral
    exam = window.backend.examination(window.exam_vm.examination_id)
    assert exam["decisions"][0]["type"] == "referral"
    assert exam["decisions"][0]["decision"]["referral_reasons"][0].startswith("Passport reported lost")


def test_exempt_traveller_lands_without_biometrics(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("child")
    # the domain says under 16: the exemption is proposed and capture is not offered
    assert window.exam_vm.exemption == "under_16"
    assert not window.exam_screen.capture.start_button.isEnabled()
    assert not window.exam_screen.capture.fingers_button.isEnabled()
    assert [c["ground"] for c in _checks(window, "biometric_exemption")] == ["under_16"]
    d.decide("landing_permission", "temporary_visitor", "15d")
    record = d.save()
    assert Path(record["seal_path"]).exists()
    exam = window.backend.examination(window.exam_vm.examination_id)
    kinds = {c["kind"]: c for c in exam["check_results"]}
    assert kinds["biometric_exemption"]["ground"] == "under_16"
    assert kinds["biometric_exemption"]["reasons"][0].startswith("aged ")  # the domain's reason text


def test_period_list_follows_the_chosen_status(booth):
    from inspector_app.domain import statuses

    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("taiwan")
    assert window.exam_screen.traveller.values["nationality"].text() == "TWN — Taiwan (region)"  # said once
    panel = window.exam_screen.decision
    offered = [panel.status.itemData(i) for i in range(1, panel.status.count())]
    assert sorted(offered) == sorted(s.code for s in statuses.grantable_statuses())
    assert offered[0] == "temporary_visitor"   # the most used first
    assert "permanent_resident" not in offered
    for code in ("temporary_visitor", "business_manager", "student"):
        d.decide("landing_permission", code)
        shown = [panel.period.itemData(i) for i in range(panel.period.count())]
        assert shown == [str(p) for p in statuses.find(code).allowed_periods()], code
        words = [panel.period.itemText(i) for i in range(panel.period.count())]
        assert not [w for w in words if w[-1:] in "dmy" and w[:-1].isdigit()], words   # "90 days", never "90d"
    d.decide("landing_permission", "temporary_visitor", "30d")
    assert panel.last_day.text() != "—"


def test_next_traveller_leaves_nothing_on_screen(booth):
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    window, d = booth
    d.login("inspector1", "demo-inspector")
    t = d.present("biometric")
    d.capture_face()
    d.capture_fingers()
    d.decide("referral", reasons=["Face and fingerprints to be compared by the special inquiry officer"])
    d.save()
    d.next()
    vm, e = window.exam_vm, window.exam_screen
    assert vm.examination_id is None and vm.mrz is None and vm.checks == [] and vm.saved_record is None
    assert e.mrz.edit.toPlainText() == ""
    assert e.checks.list.count() == 0
    assert e.capture.fingers.rowCount() == 0
    assert e.capture.preview.pixmap().isNull()
    assert all(v.text() == "—" for v in e.traveller.values.values())
    # nothing anywhere on the screen mentions the previous traveller
    needles = ["DOE", "GA3302217", t["mrz_line2"][:10]]
    texts = [w.text() for w in e.findChildren(QLabel)] + [w.text() for w in e.findChildren(QLineEdit)] + [
        w.toPlainText() for w in e.findChildren(QPlainTextEdit)]
    assert not [s for s in texts for n in needles if n in s]
    assert not e.decision.saved_label.text()


def test_face_and_fingerprint_hits_show_the_live_capture_as_evidence(booth):
    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("biometric")
    d.capture_face()
    d.capture_fingers()
    hits = {c["kind"]: c for c in _checks(window) if c["outcome"] == "hit"}
    # (a scanner timeout under heavy machine load would show up as a finger exception here)
    assert set(hits) >= {"face", "fingerprint"}, (window.exam_vm.fingers, window.exam_vm.checks)
    assert hits["face"]["record"] == "WL-BIO-0001" and hits["fingerprint"]["record"] == "WL-BIO-0001"
    panel = window.exam_screen.checks
    for kind in ("face", "fingerprint"):
        row = next(i for i, c in enumerate(panel.checks) if c["kind"] == kind and c["outcome"] == "hit")
        panel.list.setCurrentRow(row)
        # the live capture beside the watchlist's own enrolment image (carried by the signed bundle)
        assert not panel.live.pixmap().isNull(), kind
        assert not panel.watch.pixmap().isNull(), kind
        assert "WL-BIO-0001" in panel.evidence_caption.text()
        # one scale, title and detail alike: a similarity of 100 with the hit mark at 50
        line = panel.list.item(row).text()
        score = round(hits[kind]["score"])
        assert f"similarity {score} of 100, a hit from 50" in line, line
        assert f"{kind} similarity {score} of 100 (a hit from 50)" in line, line
        assert "distance" not in line and "threshold" not in line
    # the supervisor sees the same two pictures: the recorded check result leads to both
    detail = window.backend.review_detail(window.exam_vm.examination_id)
    for kind in ("face", "fingerprint"):
        recorded = next(c for c in detail["check_results"] if c["kind"] == kind and c["outcome"] == "hit")
        images = window.backend.evidence_images(recorded)
        assert images["live"] and images["live"][0][:2] in (b"\xff\xd8", b"\x89P", b"II", b"MM"), kind
        assert images["enrolment"] is not None and images["enrolment"][:2] == b"\xff\xd8", kind  # the list's JPEG
    state = d.decide("landing_permission", "temporary_visitor", "90d")
    assert not state["can_save"]
    assert "hit.open" in [f["rule"] for f in state["refused"]]


def test_special_landing_asks_for_the_details_the_domain_requires(booth):
    from inspector_app.domain import decisions

    window, d = booth
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    d.capture_face()
    d.capture_fingers()
    rule = decisions.SPECIAL_LANDINGS[decisions.DecisionType.crew_landing]
    state = d.decide("crew_landing")
    panel = window.exam_screen.decision
    assert not panel.status.isEnabled()
    assert state["periods"] == [str(rule.maximum)]
    # one field per detail the domain asks for, labelled in words, required ones marked
    assert list(panel.details.editors) == [f.key for f in rule.fields]
    assert all(panel.details.editor(f.key).isEnabled() for f in rule.fields)
    label = panel.ui.detailsLayout.labelForField(panel.details.editor("vessel_or_aircraft"))
    assert label.text() == "Vessel or flight *"
    assert not state["can_save"] and any("vessel or flight" in str(p) for p in state["problems"])
    d.decide("crew_landing", details={"vessel_or_aircraft": "JL006", "crew_document": "C1234567"})
    assert panel.state["can_save"], panel.state["problems"]
    record = d.save()
    exam = window.backend.examination(window.exam_vm.examination_id)
    saved = exam["decisions"][0]["decision"]
    assert saved["details"] == {"vessel_or_aircraft": "JL006", "crew_document": "C1234567"}
    assert Path(record["seal_path"]).exists()   # the crew landing's seal names the landing type


def test_a_scanner_signing_with_another_key_is_refused_and_nothing_recorded(booth):
    """The window gets its scanner client from BoothContext, which trusts the configured
    device-provider CA: a device on the port range whose (self-signed) certificate that CA did
    not issue is refused."""
    from inspector_app.devices import sbi_simulator

    window, d = booth
    window.backend.settings.set("exam.auto_devices", False)   # the inspector starts the capture here
    d.login("inspector1", "demo-inspector")
    d.present("clean")
    services = window.demo_services
    port, images = services.sbi.port, services.sbi.images.folder
    services.sbi.stop()
    rogue = sbi_simulator.serve(port, images)      # same protocol, a self-signed key pair of its own
    services.sbi = rogue
    assert rogue.cert_pem != (window.backend.home / "demo" / "sbi-device.pem").read_bytes()
    window.exam_screen.capture.fingers_button.click()
    d.wait(lambda: d.errors, "the scanner to be refused")
    assert "refused" in d.errors[-1] and "device-provider CA" in d.errors[-1]
    d.errors.clear()
    d.idle()
    assert window.exam_vm.finger_templates == {}
    assert not [c for c in _checks(window) if c["kind"] in ("finger_capture", "biometric_exception")]
    state = d.decide("landing_permission", "temporary_visitor", "90d")
    assert "biometrics.fingers_missing" in [f["rule"] for f in state["refused"]]
