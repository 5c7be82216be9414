# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_checks.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ChecksPanel(object):
    def setupUi(self, ChecksPanel):
        if not ChecksPanel.objectName():
            ChecksPanel.setObjectName(u"ChecksPanel")
        self.checksLayout = QVBoxLayout(ChecksPanel)
        self.checksLayout.setObjectName(u"checksLayout")
        self.checksBanner = QLabel(ChecksPanel)
        self.checksBanner.setObjectName(u"checksBanner")
        self.checksBanner.setWordWrap(True)

        self.checksLayout.addWidget(self.checksBanner)

        self.screeningWarnings = QLabel(ChecksPanel)
        self.screeningWarnings.setObjectName(u"screeningWarnings")
        self.screeningWarnings.setWordWrap(True)

        self.checksLayout.addWidget(self.screeningWarnings)

        self.checksList = QListWidget(ChecksPanel)
        self.checksList.setObjectName(u"checksList")
        self.checksList.setMinimumSize(QSize(0, 84))
        self.checksList.setWordWrap(True)
        self.checksList.setTabKeyNavigation(False)

        self.checksLayout.addWidget(self.checksList)

        self.evidenceRow = QHBoxLayout()
        self.evidenceRow.setObjectName(u"evidenceRow")
        self.liveImage = QLabel(ChecksPanel)
        self.liveImage.setObjectName(u"liveImage")
        self.liveImage.setMinimumSize(QSize(116, 116))
        self.liveImage.setMaximumSize(QSize(116, 116))
        self.liveImage.setFrameShape(QFrame.Box)
        self.liveImage.setAlignment(Qt.AlignCenter)
        self.liveImage.setWordWrap(True)

        self.evidenceRow.addWidget(self.liveImage)

        self.watchImage = QLabel(ChecksPanel)
        self.watchImage.setObjectName(u"watchImage")
        self.watchImage.setMinimumSize(QSize(116, 116))
        self.watchImage.setMaximumSize(QSize(116, 116))
        self.watchImage.setFrameShape(QFrame.Box)
        self.watchImage.setAlignment(Qt.AlignCenter)
        self.watchImage.setWordWrap(True)

        self.evidenceRow.addWidget(self.watchImage)

        self.evidenceCaption = QLabel(ChecksPanel)
        self.evidenceCaption.setObjectName(u"evidenceCaption")
        self.evidenceCaption.setWordWrap(True)
        self.evidenceCaption.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.evidenceRow.addWidget(self.evidenceCaption)


        self.checksLayout.addLayout(self.evidenceRow)


        self.retranslateUi(ChecksPanel)

        QMetaObject.connectSlotsByName(ChecksPanel)
    # setupUi

    def retranslateUi(self, ChecksPanel):
        ChecksPanel.setTitle(QCoreApplication.translate("ChecksPanel", u"Checks", None))
    # retranslateUi

