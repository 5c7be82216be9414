"""The supervisor view model on a recording backend (no window, no store): an answer for a row no
longer selected is never shown, a review acts only on the examination shown, another booth's
record is reviewed through the hub and its review is in the history."""
from __future__ import annotations

import threading

import pytest

WAIT = 30000


class RecordingBackend:
    """Answers like ``Backend``; ``review_detail`` of ``slow`` waits until released."""

    def __init__(self, rows):
        self.rows, self.calls = rows, []
        self.release = threading.Event()
        self.slow = None

    def supervisor_items(self, which, reviewer):
        return [dict(r) for r in self.rows]

    def port_items(self, reviewer):
        return {"items": [dict(r) for r in self.rows], "problem": None}

    def review_detail(self, exam_id):
        if exam_id == self.slow:
            self.release.wait(30)
        row = next(r for r in self.rows if r["examination_id"] == exam_id)
        return {**row, "check_results": [dict(c, reviews=[]) for c in row["flagged"]], "people": {}}

    def port_examination(self, reviewer, row):
        return {**row, "check_results": [dict(c, reviews=[]) for c in row["flagged"]], "people": {}}

    def add_review(self, *args):
        self.calls.append(("booth", *args))
        return "r1"

    def add_port_review(self, *args):
        self.calls.append(("hub", *args))
        return "r2"


def _row(exam_id, booth="B1", remote=False):
    return {"examination_id": exam_id, "booth": booth, "inspector": "inspector1", "remote": remote,
            "traveller": {}, "pending": [], "decision": None,
            "flagged": [{"check_result_id": f"c-{exam_id}", "kind": "sltd", "outcome": "hit", "reasons": []}]}


@pytest.fixture
def make_vm(qapp):
    from inspector_app.app.viewmodels.supervisor import SupervisorViewModel
    from inspector_app.app.workers import Runner

    made = []

    def make(rows):
        backend = RecordingBackend(rows)
        runner = Runner()
        vm = SupervisorViewModel(backend, runner, reviewer="supervisor1", poll_ms=3600_000)
        made.append((runner, backend))
        return vm, backend

    yield make
    for runner, backend in made:
        backend.release.set()
        runner.wait_idle()


def test_a_late_answer_for_a_row_left_is_never_shown(make_vm, qtbot):
    vm, backend = make_vm([_row("A"), _row("B")])
    shown = []
    vm.detailChanged.connect(lambda d: shown.append(d.get("examination_id")))
    backend.slow = "A"
    vm.select("A")  # A's detail is slow to come ...
    vm.select("B")  # ... and the supervisor has moved on
    backend.release.set()
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == "B", timeout=WAIT)
    vm.runner.wait_idle()
    qtbot.wait(0)  # deliver any queued answer
    assert "A" not in shown and vm.detail.get("examination_id") == "B"
    # a review names a check of the examination shown, or nothing is written
    vm.review("c-A", "cleared", "reason")
    vm.review("c-B", "cleared", "reason")
    qtbot.waitUntil(lambda: len(backend.calls) == 1, timeout=WAIT)
    assert backend.calls == [("booth", "c-B", "supervisor1", "cleared", "reason")]


def test_another_booths_record_is_reviewed_through_the_hub(make_vm, qtbot):
    vm, backend = make_vm([_row("X", booth="B9", remote=True)])
    vm.set_filter("port")
    qtbot.waitUntil(lambda: len(vm.queue) == 1, timeout=WAIT)
    vm.select("X")
    qtbot.waitUntil(lambda: vm.detail.get("examination_id") == "X" and vm.can_review(), timeout=WAIT)
    backend.rows = []  # reviewed: it leaves the hub's queue
    vm.review("c-X", "confirmed", "same person as the wanted notice")
    qtbot.waitUntil(lambda: vm.recorded_review("c-X") is not None, timeout=WAIT)
    assert backend.calls == [("hub", "B9", "c-X", "X", "supervisor1", "confirmed", "same person as the wanted notice")]
    assert vm.recorded_review("c-X")["reviewer"] == "supervisor1"
    qtbot.waitUntil(lambda: vm.queue and vm.queue[0].get("done"), timeout=WAIT)  # stays, marked, while selected
