# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_screen.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from inspector_app.app.widgets.exam_landing import LandingPanel
from inspector_app.app.widgets.exam_panels import (CapturePanel, ChecksPanel, DecisionPanel, MrzPanel,
    TravellerPanel)

class Ui_ExamScreen(object):
    def setupUi(self, ExamScreen):
        if not ExamScreen.objectName():
            ExamScreen.setObjectName(u"ExamScreen")
        self.columns = QHBoxLayout(ExamScreen)
        self.columns.setObjectName(u"columns")
        self.documentColumn = QVBoxLayout()
        self.documentColumn.setObjectName(u"documentColumn")
        self.mrz = MrzPanel(ExamScreen)
        self.mrz.setObjectName(u"mrz")

        self.documentColumn.addWidget(self.mrz)

        self.traveller = TravellerPanel(ExamScreen)
        self.traveller.setObjectName(u"traveller")

        self.documentColumn.addWidget(self.traveller)

        self.checks = ChecksPanel(ExamScreen)
        self.checks.setObjectName(u"checks")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.checks.sizePolicy().hasHeightForWidth())
        self.checks.setSizePolicy(sizePolicy)

        self.documentColumn.addWidget(self.checks)


        self.columns.addLayout(self.documentColumn)

        self.biometricsColumn = QVBoxLayout()
        self.biometricsColumn.setObjectName(u"biometricsColumn")
        self.directionBadge = QLabel(ExamScreen)
        self.directionBadge.setObjectName(u"directionBadge")
        self.directionBadge.setAlignment(Qt.AlignCenter)

        self.biometricsColumn.addWidget(self.directionBadge)

        self.capture = CapturePanel(ExamScreen)
        self.capture.setObjectName(u"capture")

        self.biometricsColumn.addWidget(self.capture)

        self.landing = LandingPanel(ExamScreen)
        self.landing.setObjectName(u"landing")

        self.biometricsColumn.addWidget(self.landing)

        self.biometricsRest = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.biometricsColumn.addItem(self.biometricsRest)


        self.columns.addLayout(self.biometricsColumn)

        self.decisionColumn = QVBoxLayout()
        self.decisionColumn.setObjectName(u"decisionColumn")
        self.decision = DecisionPanel(ExamScreen)
        self.decision.setObjectName(u"decision")

        self.decisionColumn.addWidget(self.decision)

        self.examNotice = QLabel(ExamScreen)
        self.examNotice.setObjectName(u"examNotice")
        self.examNotice.setWordWrap(True)
        self.examNotice.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.decisionColumn.addWidget(self.examNotice)

        self.decisionRest = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.decisionColumn.addItem(self.decisionRest)


        self.columns.addLayout(self.decisionColumn)

        self.columns.setStretch(0, 5)
        self.columns.setStretch(1, 3)
        self.columns.setStretch(2, 4)

        self.retranslateUi(ExamScreen)

        QMetaObject.connectSlotsByName(ExamScreen)
    # setupUi

    def retranslateUi(self, ExamScreen):
        pass
    # retranslateUi

