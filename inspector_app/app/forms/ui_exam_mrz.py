# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_mrz.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_MrzPanel(object):
    def setupUi(self, MrzPanel):
        if not MrzPanel.objectName():
            MrzPanel.setObjectName(u"MrzPanel")
        self.mrzLayout = QVBoxLayout(MrzPanel)
        self.mrzLayout.setObjectName(u"mrzLayout")
        self.mrzEdit = QPlainTextEdit(MrzPanel)
        self.mrzEdit.setObjectName(u"mrzEdit")
        self.mrzEdit.setMinimumSize(QSize(0, 78))
        self.mrzEdit.setMaximumSize(QSize(16777215, 78))
        self.mrzEdit.setTabChangesFocus(True)
        self.mrzEdit.setLineWrapMode(QPlainTextEdit.NoWrap)

        self.mrzLayout.addWidget(self.mrzEdit)

        self.feedbackRow = QHBoxLayout()
        self.feedbackRow.setObjectName(u"feedbackRow")
        self.mrzFeedback = QLabel(MrzPanel)
        self.mrzFeedback.setObjectName(u"mrzFeedback")
        self.mrzFeedback.setWordWrap(True)

        self.feedbackRow.addWidget(self.mrzFeedback)

        self.readMrz = QPushButton(MrzPanel)
        self.readMrz.setObjectName(u"readMrz")

        self.feedbackRow.addWidget(self.readMrz)


        self.mrzLayout.addLayout(self.feedbackRow)

        QWidget.setTabOrder(self.mrzEdit, self.readMrz)

        self.retranslateUi(MrzPanel)

        QMetaObject.connectSlotsByName(MrzPanel)
    # setupUi

    def retranslateUi(self, MrzPanel):
        MrzPanel.setTitle(QCoreApplication.translate("MrzPanel", u"Document (MRZ) \u2014 Ctrl+Enter reads", None))
        self.mrzEdit.setPlaceholderText(QCoreApplication.translate("MrzPanel", u"P<JPNSAMPLE<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
"...", None))
        self.readMrz.setText(QCoreApplication.translate("MrzPanel", u"Read document", None))
    # retranslateUi

