# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'biocart_kiosk.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPlainTextEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_BiocartKiosk(object):
    def setupUi(self, BiocartKiosk):
        if not BiocartKiosk.objectName():
            BiocartKiosk.setObjectName(u"BiocartKiosk")
        BiocartKiosk.resize(1366, 768)
        BiocartKiosk.setWindowTitle(u"Bio-cart")
        BiocartKiosk.setStyleSheet(u"QLabel#english, QLabel#japanese { font-size: 30px; font-weight: bold; }\n"
"QLabel#other { font-size: 22px; color: #444; }\n"
"QLabel#title { font-size: 22px; }\n"
"QLabel#stepLabel { font-size: 22px; font-weight: bold; }\n"
"QLabel#status { font-size: 18px; }\n"
"QPushButton { font-size: 22px; min-height: 56px; padding: 0 28px; }\n"
"QPlainTextEdit#mrzEdit { font-family: \"DejaVu Sans Mono\", monospace; font-size: 18px; }")
        self.outer = QVBoxLayout(BiocartKiosk)
        self.outer.setSpacing(16)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(32, 20, 32, 20)
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(BiocartKiosk)
        self.title.setObjectName(u"title")
        self.title.setWordWrap(True)

        self.header.addWidget(self.title)

        self.stepLabel = QLabel(BiocartKiosk)
        self.stepLabel.setObjectName(u"stepLabel")
        self.stepLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.header.addWidget(self.stepLabel)


        self.outer.addLayout(self.header)

        self.body = QHBoxLayout()
        self.body.setSpacing(24)
        self.body.setObjectName(u"body")
        self.texts = QVBoxLayout()
        self.texts.setSpacing(18)
        self.texts.setObjectName(u"texts")
        self.english = QLabel(BiocartKiosk)
        self.english.setObjectName(u"english")
        self.english.setWordWrap(True)

        self.texts.addWidget(self.english)

        self.japanese = QLabel(BiocartKiosk)
        self.japanese.setObjectName(u"japanese")
        self.japanese.setWordWrap(True)

        self.texts.addWidget(self.japanese)

        self.other = QLabel(BiocartKiosk)
        self.other.setObjectName(u"other")
        self.other.setWordWrap(True)

        self.texts.addWidget(self.other)

        self.mrzEdit = QPlainTextEdit(BiocartKiosk)
        self.mrzEdit.setObjectName(u"mrzEdit")
        self.mrzEdit.setMaximumSize(QSize(16777215, 96))
        self.mrzEdit.setTabChangesFocus(True)
        self.mrzEdit.setPlaceholderText(u"P<GBRWATSON<<EMILY<ROSE<<<\u2026")

        self.texts.addWidget(self.mrzEdit)

        self.status = QLabel(BiocartKiosk)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.texts.addWidget(self.status)

        self.textsEnd = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.texts.addItem(self.textsEnd)


        self.body.addLayout(self.texts)

        self.picture = QLabel(BiocartKiosk)
        self.picture.setObjectName(u"picture")
        self.picture.setMinimumSize(QSize(400, 300))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.body.addWidget(self.picture)

        self.body.setStretch(0, 3)
        self.body.setStretch(1, 2)

        self.outer.addLayout(self.body)

        self.progress = QProgressBar(BiocartKiosk)
        self.progress.setObjectName(u"progress")
        self.progress.setTextVisible(False)
        self.progress.setMaximum(100)

        self.outer.addWidget(self.progress)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.language = QPushButton(BiocartKiosk)
        self.language.setObjectName(u"language")
        self.language.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.buttons.addWidget(self.language)

        self.buttonsGap = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsGap)

        self.startOver = QPushButton(BiocartKiosk)
        self.startOver.setObjectName(u"startOver")
        self.startOver.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.buttons.addWidget(self.startOver)

        self.next = QPushButton(BiocartKiosk)
        self.next.setObjectName(u"next")
        self.next.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.buttons.addWidget(self.next)


        self.outer.addLayout(self.buttons)

        self.outer.setStretch(1, 1)

        self.retranslateUi(BiocartKiosk)

        QMetaObject.connectSlotsByName(BiocartKiosk)
    # setupUi

    def retranslateUi(self, BiocartKiosk):
        pass
    # retranslateUi

