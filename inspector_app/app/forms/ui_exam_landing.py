# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_landing.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_LandingPanel(object):
    def setupUi(self, LandingPanel):
        if not LandingPanel.objectName():
            LandingPanel.setObjectName(u"LandingPanel")
        self.landingLayout = QVBoxLayout(LandingPanel)
        self.landingLayout.setObjectName(u"landingLayout")
        self.landingState = QLabel(LandingPanel)
        self.landingState.setObjectName(u"landingState")
        self.landingState.setWordWrap(True)

        self.landingLayout.addWidget(self.landingState)

        self.landingForm = QFormLayout()
        self.landingForm.setObjectName(u"landingForm")
        self.l_landed = QLabel(LandingPanel)
        self.l_landed.setObjectName(u"l_landed")

        self.landingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_landed)

        self.landedOn = QLabel(LandingPanel)
        self.landedOn.setObjectName(u"landedOn")
        self.landedOn.setWordWrap(True)

        self.landingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.landedOn)

        self.l_landingStatus = QLabel(LandingPanel)
        self.l_landingStatus.setObjectName(u"l_landingStatus")

        self.landingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_landingStatus)

        self.landingStatus = QLabel(LandingPanel)
        self.landingStatus.setObjectName(u"landingStatus")
        self.landingStatus.setWordWrap(True)

        self.landingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.landingStatus)

        self.l_landingPeriod = QLabel(LandingPanel)
        self.l_landingPeriod.setObjectName(u"l_landingPeriod")

        self.landingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_landingPeriod)

        self.landingPeriod = QLabel(LandingPanel)
        self.landingPeriod.setObjectName(u"landingPeriod")
        self.landingPeriod.setWordWrap(True)

        self.landingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.landingPeriod)

        self.l_landingLast = QLabel(LandingPanel)
        self.l_landingLast.setObjectName(u"l_landingLast")

        self.landingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_landingLast)

        self.landingLast = QLabel(LandingPanel)
        self.landingLast.setObjectName(u"landingLast")
        self.landingLast.setWordWrap(True)

        self.landingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.landingLast)

        self.l_landingPort = QLabel(LandingPanel)
        self.l_landingPort.setObjectName(u"l_landingPort")

        self.landingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_landingPort)

        self.landingPort = QLabel(LandingPanel)
        self.landingPort.setObjectName(u"landingPort")
        self.landingPort.setWordWrap(True)

        self.landingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.landingPort)

        self.l_daysStayed = QLabel(LandingPanel)
        self.l_daysStayed.setObjectName(u"l_daysStayed")

        self.landingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_daysStayed)

        self.daysStayed = QLabel(LandingPanel)
        self.daysStayed.setObjectName(u"daysStayed")
        self.daysStayed.setWordWrap(True)

        self.landingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.daysStayed)


        self.landingLayout.addLayout(self.landingForm)

        self.landingSearched = QLabel(LandingPanel)
        self.landingSearched.setObjectName(u"landingSearched")
        self.landingSearched.setWordWrap(True)

        self.landingLayout.addWidget(self.landingSearched)

        self.overstayBadge = QLabel(LandingPanel)
        self.overstayBadge.setObjectName(u"overstayBadge")
        self.overstayBadge.setWordWrap(True)

        self.landingLayout.addWidget(self.overstayBadge)


        self.retranslateUi(LandingPanel)

        QMetaObject.connectSlotsByName(LandingPanel)
    # setupUi

    def retranslateUi(self, LandingPanel):
        LandingPanel.setTitle(QCoreApplication.translate("LandingPanel", u"Landing record", None))
        self.l_landed.setText(QCoreApplication.translate("LandingPanel", u"Landed on", None))
        self.l_landingStatus.setText(QCoreApplication.translate("LandingPanel", u"Granted", None))
        self.l_landingPeriod.setText(QCoreApplication.translate("LandingPanel", u"Period of stay", None))
        self.l_landingLast.setText(QCoreApplication.translate("LandingPanel", u"Authorised until", None))
        self.l_landingPort.setText(QCoreApplication.translate("LandingPanel", u"Port", None))
        self.l_daysStayed.setText(QCoreApplication.translate("LandingPanel", u"Days stayed", None))
    # retranslateUi

