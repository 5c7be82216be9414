"""The supervisor's queue of flagged examinations, one examination's detail, and reviews."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from inspector_app.app.backend import Backend
from inspector_app.app.workers import Runner

VERDICTS = ("confirmed", "cleared")


class SupervisorViewModel(QObject):
    queueChanged = Signal(list)
    detailChanged = Signal(dict)
    reviewed = Signal(dict)
    error = Signal(str)

    def __init__(self, backend: Backend, runner: Runner, reviewer: str = "", parent=None,
                 poll_ms: int = 2000):
        super().__init__(parent)
        self.backend, self.runner, self.reviewer = backend, runner, reviewer
        self.queue: list[dict] = []
        self.detail: dict = {}
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh)
        self._refreshing = False

    def start(self) -> None:
        self.refresh()
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def refresh(self) -> None:
        if self._refreshing:
            return
        self._refreshing = True

        def done(queue):
            self._refreshing = False
            self.queue = list(queue or [])
            self.queueChanged.emit(self.queue)

        def failed(message):
            self._refreshing = False
            self.error.emit(message)

        self.runner.start("review_queue", lambda ctx: self.backend.review_queue(), lane="store",
                          on_result=done, on_error=failed)

    def open(self, examination_id: str) -> None:
        self.runner.start("examination", lambda ctx: self.backend.examination(examination_id), lane="store",
                          on_result=self._opened, on_error=self.error.emit)

    def _opened(self, exam: dict) -> None:
        self.detail = dict(exam or {})
        self.detailChanged.emit(self.detail)

    def is_own(self) -> bool:
        """The store refuses self-review; the screen uses this to say so before trying."""
        inspector = self.detail.get("inspector") or (self.detail.get("examination") or {}).get("inspector")
        return bool(inspector) and inspector == self.reviewer

    def review(self, check_result_id: str, verdict: str, reason: str) -> None:
        if verdict not in VERDICTS:
            self.error.emit(self.tr("Choose confirm or clear."))
            return
        if not reason.strip():
            self.error.emit(self.tr("A reason is required for every review."))
            return
        reviewer = self.reviewer
        exam_id = self.detail.get("examination_id") or self.detail.get("id")

        def done(review_id):
            self.reviewed.emit({"review_id": review_id, "check_result_id": check_result_id, "verdict": verdict})
            if exam_id:
                self.open(exam_id)
            self.refresh()

        self.runner.start("review", lambda ctx: self.backend.add_review(check_result_id, reviewer, verdict, reason.strip()),
                          lane="store", on_result=done, on_error=self.error.emit)
