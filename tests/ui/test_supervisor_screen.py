"""The supervisor screen by keyboard alone: the detail follows the selected row (also after a
review), a review already recorded is changed only after a question that Escape answers "keep",
the history says who and when in local time, the list says everything in words."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.timeout(240)

WAIT = int(__import__("os").environ.get("SUP_WAIT", "60000"))
ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier

TRAVELLERS = [
    # (traveller, flagged check, decision or None)
    ({"surname": "DUBOIS", "given_names": "MARIE", "nationality": "FRA", "document_number": "14FR77881",
      "birth_date": "1979-02-03"},
     {"kind": "sltd", "outcome": "hit", "reasons": ["Passport reported lost"],
      "record": {"issuing_state": "FRA", "document_type": "P", "document_number": "14FR77881", "status": "lost"}},
     {"type": "referral", "referral_reasons": ["Passport reported lost (SLTD)", "Identity to be established"]}),
    ({"surname": "IVANOV", "given_names": "SERGEI", "nationality": "RUS", "document_number": "752210943",
      "birth_date": "1971-09-18"},
     {"kind": "biographic", "outcome": "hit", "reasons": ["name and date of birth match WL-0001"],
      "subject_id": "WL-0001"},
     None),
]


@pytest.fixture
def supervisor(qapp, qtbot, demo_home):
    """The supervisor's window on a booth with two flagged examinations by inspector1 (DUBOIS
    with a referral, then IVANOV), signed in as supervisor1 (Takahashi Ken)."""
    from inspector_app.app.launch import build_window, make_app

    make_app()
    window = build_window(demo_home)
    window.show()
    store = window.backend.store()
    ids = []
    for traveller, check, decision in TRAVELLERS:
        exam = store.create_examination({"inspector": "inspector1", "booth": window.backend.booth_id,
                                         "port": window.backend.port, "traveller": traveller})
        store.add_check_result(exam, check)
        if decision:
            store.record_decision(exam, decision, "inspector1")
        ids.append(exam)
    ls = window.login_screen
    ls.user.setText("supervisor1")
    ls.password.setText("demo-supervisor")
    ls.button.click()
    vm, screen = window.supervisor_vm, window.supervisor_screen
    qtbot.waitUntil(lambda: window.stack.currentWidget() is screen and [q["examination_id"] for q in vm.queue] == ids,
                    timeout=WAIT)
    # the first row is selected and shown without a key pressed
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == ids[0], timeout=WAIT)
    window.activateWindow()
    screen.queue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.queue, timeout=WAIT)
    yield window, ids
    window.close()
    window.runner.wait_idle()
    window.backend.close()


def _shown_is_selected(screen, vm) -> bool:
    """The invariant: the row with the cursor is the examination in the detail."""
    row = screen.queue.currentRow()
    item = screen.queue.item(row, 0) if row >= 0 else None
    return item is not None and item.data(Qt.ItemDataRole.UserRole) == vm.detail.get("examination_id")


def _review_by_keys(qtbot, screen, verdict_key, reason: str) -> None:
    """Enter (list -> flags), Alt+1/Alt+2 (verdict, cursor to the reason), the reason, Ctrl+R."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.checks, timeout=WAIT)
    qtbot.keyClick(screen.checks, verdict_key, ALT)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.reason, timeout=WAIT)
    qtbot.keyClicks(screen.reason, reason)
    qtbot.keyClick(screen.reason, Qt.Key.Key_R, CTRL)


def test_a_review_by_keyboard_alone_with_who_and_when_in_the_history(supervisor, qtbot):
    window, (dubois, ivanov) = supervisor
    vm, screen = window.supervisor_vm, window.supervisor_screen
    # the list says it in words, with headers, local time, the decision and its reasons
    headers = [screen.queue.horizontalHeaderItem(c).text() for c in range(screen.queue.columnCount())]
    assert headers == ["Time", "Traveller", "Booth", "Inspector", "Decision", "Flags"]
    row0 = [screen.queue.item(0, c).text() for c in range(6)]
    assert row0[1] == "DUBOIS MARIE" and row0[2] == window.backend.booth_id and row0[3] == "inspector1"
    assert row0[4] == "Referral" and "Referral to special inquiry officer" in screen.queue.item(0, 4).toolTip()
    assert "Identity to be established" in screen.queue.item(0, 4).toolTip()
    assert "Lost/stolen document" in row0[5] and "sltd" not in " ".join(row0)
    started = window.backend.examination(dubois)["started_at"]
    local = dt.datetime.fromisoformat(started.replace("Z", "+00:00")).astimezone()
    assert row0[0] == local.strftime("%H:%M") or row0[0] == local.strftime("%Y-%m-%d %H:%M")
    assert "Identity to be established" in screen.decision.text()

    qtbot.keyClick(screen.queue, Qt.Key.Key_Down)  # the second traveller: the detail follows
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == ivanov, timeout=WAIT)
    assert "IVANOV" in screen.header.text() and _shown_is_selected(screen, vm)
    assert "WL-0001" in screen.checks.item(0).text()
    _review_by_keys(qtbot, screen, Qt.Key.Key_2, "Different date of birth; checked with the NCB by phone")
    qtbot.waitUntil(lambda: screen.history.count() == 1, timeout=WAIT)
    entry = screen.history.item(0).text()
    review = window.backend.examination(ivanov)["check_results"][0]["reviews"][0]
    when = dt.datetime.fromisoformat(review["reviewed_at"].replace("Z", "+00:00")).astimezone()
    assert "Takahashi Ken" in entry and "supervisor1" in entry and "CLEARED" in entry
    assert when.strftime("%Y-%m-%d %H:%M") in entry and "T" not in entry.split(" · ")[0]
    assert (review["reviewer"], review["verdict"]) == ("supervisor1", "cleared")
    # the other traveller's lost-passport hit is untouched
    assert window.backend.examination(dubois)["check_results"][0]["reviews"] == []


def test_changing_a_recorded_review_asks_first_and_escape_keeps_it(supervisor, qtbot):
    window, (dubois, _ivanov) = supervisor
    vm, screen = window.supervisor_vm, window.supervisor_screen
    _review_by_keys(qtbot, screen, Qt.Key.Key_1, "Passport number and name match the SLTD record")
    qtbot.waitUntil(lambda: screen.history.count() == 1, timeout=WAIT)

    def reviews():
        return window.backend.examination(dubois)["check_results"][0]["reviews"]

    assert vm.detail.get("examination_id") == dubois  # still shown: the screen does not jump on by itself
    # the same flag again: Alt+2, a reason, Ctrl+R -> a question, not a silent change
    qtbot.keyClick(screen.checks, Qt.Key.Key_2, ALT)
    qtbot.keyClicks(screen.reason, "wrong one")
    qtbot.keyClick(screen.reason, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: screen.change_box is not None and screen.change_box.isVisible(), timeout=WAIT)
    box = screen.change_box
    assert "CONFIRMED HIT" in box.text() and "Takahashi Ken" in box.text()
    assert box.defaultButton() is box.escapeButton()  # the safe answer is the default
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: screen.change_box is None, timeout=WAIT)
    assert "unchanged" in screen.message.text()
    window.runner.wait_idle()
    assert [r["verdict"] for r in reviews()] == ["confirmed"]

    # asked again and answered "record the new review": both stay in the history
    window.activateWindow()  # what the window manager does when the question closes (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    screen.reason.setFocus()
    qtbot.keyClick(screen.reason, Qt.Key.Key_R, CTRL)
    qtbot.waitUntil(lambda: screen.change_box is not None and screen.change_box.isVisible(), timeout=WAIT)
    box = screen.change_box
    change = next(b for b in box.buttons() if b is not box.defaultButton())
    change.setFocus()
    qtbot.keyClick(change, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.history.count() == 2, timeout=WAIT)
    assert [r["verdict"] for r in reviews()] == ["confirmed", "cleared"]
    assert "CLEARED" in screen.history.item(0).text()  # newest first


def test_the_detail_follows_the_selection_after_a_review(supervisor, qtbot):
    window, (dubois, ivanov) = supervisor
    vm, screen = window.supervisor_vm, window.supervisor_screen
    _review_by_keys(qtbot, screen, Qt.Key.Key_1, "Passport number and name match the SLTD record")
    qtbot.waitUntil(lambda: screen.history.count() == 1, timeout=WAIT)
    # the list is read again (the store no longer counts DUBOIS as open): the reviewed row stays
    # selected and shown, marked, until the supervisor moves on
    refreshed = []
    vm.queueChanged.connect(refreshed.append)
    qtbot.waitUntil(lambda: len(refreshed) >= 1, timeout=WAIT)
    assert vm.detail.get("examination_id") == dubois and _shown_is_selected(screen, vm)
    assert "reviewed" in screen.queue.item(screen.queue.currentRow(), 5).text()

    screen.queue.setFocus()
    qtbot.keyClick(screen.queue, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == ivanov, timeout=WAIT)
    assert _shown_is_selected(screen, vm) and "IVANOV" in screen.header.text()
    assert screen.history.count() == 0 and not screen.confirm.isChecked() and not screen.clear.isChecked()
    _review_by_keys(qtbot, screen, Qt.Key.Key_2, "Different person: date of birth differs")
    qtbot.waitUntil(lambda: screen.history.count() == 1, timeout=WAIT)
    # each review went to the traveller shown: DUBOIS confirmed once, IVANOV cleared
    assert [r["verdict"] for r in window.backend.examination(dubois)["check_results"][0]["reviews"]] == ["confirmed"]
    assert [r["verdict"] for r in window.backend.examination(ivanov)["check_results"][0]["reviews"]] == ["cleared"]

    # the filters, by keys too: all booths of the port without a hub says so plainly and shows
    # this booth's open rows (none left: nothing is shown); "reviewed by me", newest first
    window.activateWindow()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: vm.problem in ("no_hub", "unreachable"), timeout=WAIT)
    assert "this booth's open flags only" in screen.filter_message.text()
    qtbot.waitUntil(lambda: vm.queue == [] and vm.detail == {} and screen.queue.rowCount() == 0, timeout=WAIT)
    assert "No examination selected" in screen.header.text() and not screen.submit.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, ALT)
    qtbot.waitUntil(lambda: [q["examination_id"] for q in vm.queue] == [ivanov, dubois], timeout=WAIT)
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == ivanov and _shown_is_selected(screen, vm),
                    timeout=WAIT)
    assert "you reviewed" in screen.filter_message.text()


def test_another_booths_flag_is_listed_from_its_summary_and_opened_with_its_record(supervisor, qtbot):
    """The port filter lists other booths' flags from the hub's summaries; the record itself (the
    list entry, the reasons) is fetched when the supervisor opens the row, for that row only."""
    window, ids = supervisor
    vm, screen, ctx = window.supervisor_vm, window.supervisor_screen, window.backend.ctx
    exam, record = "11111111-2222-4333-8444-555555555555", "66666666-7777-4888-8999-aaaaaaaaaaaa"
    summary = {"record_id": record, "booth_id": "NRT-B09", "port": window.backend.port, "inspector": "inspector7",
               "flags": ["biographic:hit"], "created_at": "2026-11-22T05:00:00Z", "status": "open",
               "kind": "check_result", "changed": 1,
               "summary": {"examination_id": exam, "kind": "biographic", "outcome": "hit"}}
    payload = {**summary["summary"], "reasons": ["name and date of birth match WL-0042"], "subject_id": "WL-0042"}
    opened = []

    def items(user, booth_id, record_ids, timeout_s=5.0):
        opened.extend((user, booth_id, record_id) for record_id in record_ids)
        return {record_id: {**summary, "payload": payload} for record_id in record_ids}

    ctx.port_queue = lambda user, timeout_s=5.0: [summary]  # the hub's side: tests/sync/test_port_queue.py
    ctx.port_queue_items = items
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: [q["examination_id"] for q in vm.queue] == [*ids, exam], timeout=WAIT)
    assert vm.problem == "" and opened == []
    remote = vm.queue[2]
    assert remote["remote"] and "reasons" not in remote["flagged"][0]
    assert [screen.queue.item(2, c).text() for c in (2, 3)] == ["NRT-B09", "inspector7"]
    screen.queue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.queue, timeout=WAIT)
    for _ in range(2):
        qtbot.keyClick(screen.queue, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == exam and screen.checks.count() == 1, timeout=WAIT)
    assert _shown_is_selected(screen, vm) and opened == [("supervisor1", "NRT-B09", record)]
    text = screen.checks.item(0).text()
    assert "WL-0042" in text and "name and date of birth match WL-0042" in text
