"""The examination screen: MRZ + traveller | biometrics | checks | decision, all at once."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from inspector_app.app.widgets.exam_panels import (
    CapturePanel,
    ChecksPanel,
    DecisionPanel,
    MrzPanel,
    TravellerPanel,
)


class ExamScreen(QWidget):
    def __init__(self, vm, parent=None):
        super().__init__(parent)
        self.vm = vm
        self.mrz = MrzPanel(vm)
        self.traveller = TravellerPanel(vm)
        self.capture = CapturePanel(vm)
        self.checks = ChecksPanel(vm)
        self.decision = DecisionPanel(vm)
        left = QVBoxLayout()
        left.addWidget(self.mrz)
        left.addWidget(self.traveller)
        left.addWidget(self.capture, 1)
        right = QVBoxLayout()
        right.addWidget(self.checks, 1)
        right.addWidget(self.decision)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 5)
        lay.addLayout(right, 6)
        # keep the Tab order in the order of the work, through the decision to Save
        d = self.decision
        chain = [self.mrz.edit, self.mrz.read_button, self.capture.start_button, self.capture.fingers_button,
                 self.capture.exemption, self.checks.list, d.type, d.status, d.period, d.reasons, d.details,
                 d.override, d.save_button, d.print_button, d.next_button]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        vm.cleared.connect(self.mrz.edit.setFocus)
