"""The supervisor's list of flagged examinations, the selected one's detail, and reviews.

One rule above all: the examination shown is the one selected, and a review acts on the one
shown. ``select`` clears the detail at once and drops any answer that arrives for an examination
no longer selected, so nothing (a poll, a review finishing, a slow load) can leave the detail of
one traveller under the selection of another. After a review the reviewed examination stays in the
list, selected, until the supervisor moves on: the screen never jumps to the next traveller by
itself.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner
from inspector_app.domain.checks import REVIEW_OUTCOMES

VERDICTS = ("confirmed", "cleared")
#: check-result outcomes a supervisor reviews (hit, override, exception, low quality)
REVIEWABLE = tuple(o.value for o in REVIEW_OUTCOMES)
#: ``open``: flags nobody reviewed yet at this booth; ``mine``: examinations whose flags the
#: signed-in supervisor reviewed (their own work, to look back at or correct); ``port``: every
#: booth of the port, from the hub's port queue (this booth's alone when the hub cannot be read).
FILTERS = ("open", "mine", "port")


def row_id(row: dict) -> str | None:
    return row.get("examination_id") or row.get("id")


class SupervisorViewModel(QObject):
    queueChanged = Signal(list)
    detailChanged = Signal(dict)
    reviewed = Signal(dict)
    error = Signal(str)
    #: (filter, problem): problem is "" or why the port's queue is not shown (no_hub, no_key,
    #: unreachable, refused), and then the list is this booth's own
    filterChanged = Signal(str, str)
    #: {"check_result_id", "live": [bytes], "enrolment": bytes | None}
    evidenceChanged = Signal(dict)

    def __init__(self, backend: Backend, runner: Runner, reviewer: str = "", parent=None,
                 poll_ms: int = 2000):
        super().__init__(parent)
        self.backend, self.runner, self.reviewer = backend, runner, reviewer
        self.queue: list[dict] = []
        self.detail: dict = {}
        self.which = "open"
        self.problem = ""
        self.selected: str | None = None
        self._kept: tuple[int, dict] | None = None  # the selected row and its place, once it leaves the list
        self._generation = 0
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh)
        self._refreshing = False
        self._statuses: dict | None = None
        self._reviewing = False  # a review is being written: no second one until it is done
        self._port_reviews: dict[str, list] = {}  # reviews sent through the hub this session, by record

    def start(self) -> None:
        self.refresh()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    # ---- the list ----------------------------------------------------------------------------
    def set_filter(self, which: str) -> None:
        if which not in FILTERS or which == self.which:
            return
        self.which, self.problem = which, ""
        self._kept = None
        self._generation += 1
        self._refreshing = False  # an answer for the old filter is dropped when it arrives
        self.filterChanged.emit(self.which, self.problem)
        self.refresh()

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True
        gen, which, reviewer = self._generation, self.which, self.reviewer

        def done(answer):
            if gen != self._generation:
                return
            self._refreshing = False
            items, problem = answer
            if problem != self.problem:
                self.problem = problem
                self.filterChanged.emit(self.which, self.problem)
            self._set_queue(list(items or []))

        def failed(message):
            if gen == self._generation:
                self._refreshing = False
                self.error.emit(message)

        if which == "port":
            def work(ctx):
                answer = self.backend.port_items(reviewer)
                return answer["items"], answer["problem"] or ""
            lane = "general"  # waits on the hub: never holds up the store lane
        else:
            def work(ctx):
                return self.backend.supervisor_items(which, reviewer), ""
            lane = "store"
        self.runner.start(self.tr("The list could not be read"), work, lane=lane, on_result=done, on_error=failed)

    def _set_queue(self, items: list[dict]) -> None:
        ids = [row_id(r) for r in items]
        if self.selected in ids:
            at = ids.index(self.selected)
            self._kept = (at, items[at])
        elif self.selected and self._kept is not None:
            # reviewed (or reviewed elsewhere) while selected: it stays, marked, until the supervisor moves on
            at, row = self._kept
            items.insert(min(at, len(items)), {**row, "done": True})
        self.queue = items
        self.queueChanged.emit(self.queue)

    # ---- the selected examination ---------------------------------------------------------------
    def select(self, examination_id: str | None) -> None:
        """Show ``examination_id`` (None: nothing). The detail is emptied at once, so no review
        can act on the previous examination while this one loads."""
        if examination_id == self.selected and row_id(self.detail) == examination_id:
            return
        self.selected = examination_id or None
        ids = [row_id(r) for r in self.queue]
        if self.selected in ids:  # kept in the list, at its place, should a review take it off
            at = ids.index(self.selected)
            self._kept = (at, self.queue[at])
        elif not (self._kept and row_id(self._kept[1]) == self.selected):
            self._kept = None
        self.detail = {}
        self.detailChanged.emit(self.detail)
        self._load()

    def open(self, examination_id: str) -> None:
        """Kept for callers that name an examination: the same as selecting it."""
        self.select(examination_id)

    def _row(self, examination_id: str | None) -> dict | None:
        return next((r for r in self.queue if row_id(r) == examination_id), None)

    def _load(self) -> None:
        wanted = self.selected
        if not wanted:
            return
        row = self._row(wanted)
        if row is not None and row.get("remote"):
            # another booth's examination: its records from the hub (the list has summaries only),
            # and the reviews sent from here
            def remote(exam):
                checks = [{**c, "reviews": self._port_reviews.get(c.get("check_result_id"), [])}
                          for c in exam.get("check_results") or []]
                self._opened({**exam, "check_results": checks})

            reviewer = self.reviewer
            self.runner.start(self.tr("The examination could not be opened"),
                              lambda ctx: self.backend.port_examination(reviewer, row), lane="general",
                              on_result=remote, on_error=self.error.emit)
            return
        self.runner.start(self.tr("The examination could not be opened"), lambda ctx: self.backend.review_detail(wanted),
                          lane="store",
                          on_result=self._opened, on_error=self.error.emit)

    def _opened(self, exam: dict) -> None:
        if row_id(exam or {}) != self.selected:
            return  # the supervisor has moved on: an answer for another row is never shown
        self.detail = dict(exam)
        self.detailChanged.emit(self.detail)

    def is_own(self) -> bool:
        """The store refuses self-review; the screen uses this to say so before trying."""
        inspector = self.detail.get("inspector") or (self.detail.get("examination") or {}).get("inspector")
        return bool(inspector) and str(inspector).casefold() == str(self.reviewer).casefold()

    def can_review(self) -> bool:
        """A review can act now: the detail shown is the selected one, not one's own, none in flight."""
        return (bool(self.detail) and row_id(self.detail) == self.selected and not self.is_own()
                and not self._reviewing)

    def check(self, check_result_id: str) -> dict | None:
        return next((c for c in self.detail.get("check_results") or []
                     if (c.get("check_result_id") or c.get("id")) == check_result_id), None)

    def recorded_review(self, check_result_id: str) -> dict | None:
        """The latest review already recorded on this check result (it is changed only after asking)."""
        reviews = (self.check(check_result_id) or {}).get("reviews") or []
        return reviews[-1] if reviews else None

    def display_name(self, user: str | None) -> str:
        return ((self.detail.get("people") or {}).get(user or "") or "").strip()

    def status_name(self, code: str | None, japanese: bool = False) -> str:
        if self._statuses is None:
            self._statuses = {s.code: (s.name_en, s.name_ja) for s in self.backend.all_statuses()}
        names = self._statuses.get(code or "")
        return (names[1] if japanese else names[0]) if names else ""

    def nationality_name(self, code: str | None) -> str:
        """"FRA" as "France" ("Taiwan (region)"): the country or region a person reads."""
        return self.backend.nationality_label(code)[0] if code else ""

    def clear(self) -> None:
        """Forget the list, the selection and the detail (sign-out: the next person starts afresh)."""
        self.stop()
        self._generation += 1
        self._refreshing = False
        self.which, self.problem, self.selected, self._kept = "open", "", None, None
        self.queue, self.detail = [], {}
        self.filterChanged.emit(self.which, self.problem)
        self.queueChanged.emit(self.queue)
        self.detailChanged.emit(self.detail)

    def load_evidence(self, check: dict) -> None:
        cid = check.get("check_result_id") or check.get("id")

        def done(images):
            self.evidenceChanged.emit({"check_result_id": cid, **images})

        self.runner.start(self.tr("The pictures could not be read"), lambda ctx: self.backend.evidence_images(check),
                          lane="general",
                          on_result=done, on_error=self.error.emit)

    def review(self, check_result_id: str, verdict: str, reason: str) -> None:
        if verdict not in VERDICTS:
            self.error.emit(self.tr("Choose confirm or clear."))
            return
        if not reason.strip():
            self.error.emit(self.tr("A reason is required for every review."))
            return
        if not self.can_review() or self.check(check_result_id) is None:
            self.error.emit(self.tr("The examination shown is not the one selected yet: wait for it, then review."))
            return
        reviewer = self.reviewer
        exam_id = row_id(self.detail)
        remote_booth = self.detail.get("booth") if self.detail.get("remote") else None

        def done(review_id):
            if remote_booth:
                from inspector_app.common.clock import utc_now

                self._port_reviews.setdefault(check_result_id, []).append(
                    {"id": review_id, "reviewer": reviewer, "verdict": verdict, "reason": reason.strip(),
                     "reviewed_at": utc_now()})
            self._reviewing = False
            self.reviewed.emit({"review_id": review_id, "check_result_id": check_result_id, "verdict": verdict,
                                "examination_id": exam_id})
            if self.selected == exam_id:
                self.detail = {}  # reload what was just recorded, history included
                self._load()
            self.refresh()

        def failed(message):
            self._reviewing = False
            self.error.emit(message)
            self.detailChanged.emit(self.detail)  # the screen offers the review again

        self._reviewing = True
        if remote_booth:  # another booth's record: through the hub, which that booth syncs from
            self.runner.start(self.tr("Review not sent to the hub"), lambda ctx: self.backend.add_port_review(
                remote_booth, check_result_id, exam_id, reviewer, verdict, reason.strip()),
                lane="general", on_result=done, on_error=failed)
            return
        self.runner.start(self.tr("Review not recorded"),
                          lambda ctx: self.backend.add_review(check_result_id, reviewer, verdict, reason.strip()),
                          lane="store", on_result=done, on_error=failed)
