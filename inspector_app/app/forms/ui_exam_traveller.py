# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_traveller.ui'
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
from PySide6.QtWidgets import (QApplication, QGridLayout, QGroupBox, QLabel,
    QSizePolicy, QWidget)

class Ui_TravellerPanel(object):
    def setupUi(self, TravellerPanel):
        if not TravellerPanel.objectName():
            TravellerPanel.setObjectName(u"TravellerPanel")
        self.travellerGrid = QGridLayout(TravellerPanel)
        self.travellerGrid.setObjectName(u"travellerGrid")
        self.l_surname = QLabel(TravellerPanel)
        self.l_surname.setObjectName(u"l_surname")

        self.travellerGrid.addWidget(self.l_surname, 0, 0, 1, 1)

        self.traveller_surname = QLabel(TravellerPanel)
        self.traveller_surname.setObjectName(u"traveller_surname")
        self.traveller_surname.setText(u"\u2014")
        self.traveller_surname.setWordWrap(True)
        self.traveller_surname.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_surname, 0, 1, 1, 1)

        self.l_given_names = QLabel(TravellerPanel)
        self.l_given_names.setObjectName(u"l_given_names")

        self.travellerGrid.addWidget(self.l_given_names, 0, 2, 1, 1)

        self.traveller_given_names = QLabel(TravellerPanel)
        self.traveller_given_names.setObjectName(u"traveller_given_names")
        self.traveller_given_names.setText(u"\u2014")
        self.traveller_given_names.setWordWrap(True)
        self.traveller_given_names.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_given_names, 0, 3, 1, 1)

        self.l_document_number = QLabel(TravellerPanel)
        self.l_document_number.setObjectName(u"l_document_number")

        self.travellerGrid.addWidget(self.l_document_number, 1, 0, 1, 1)

        self.traveller_document_number = QLabel(TravellerPanel)
        self.traveller_document_number.setObjectName(u"traveller_document_number")
        self.traveller_document_number.setText(u"\u2014")
        self.traveller_document_number.setWordWrap(True)
        self.traveller_document_number.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_document_number, 1, 1, 1, 1)

        self.l_issuing_state = QLabel(TravellerPanel)
        self.l_issuing_state.setObjectName(u"l_issuing_state")

        self.travellerGrid.addWidget(self.l_issuing_state, 1, 2, 1, 1)

        self.traveller_issuing_state = QLabel(TravellerPanel)
        self.traveller_issuing_state.setObjectName(u"traveller_issuing_state")
        self.traveller_issuing_state.setText(u"\u2014")
        self.traveller_issuing_state.setWordWrap(True)
        self.traveller_issuing_state.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_issuing_state, 1, 3, 1, 1)

        self.l_nationality = QLabel(TravellerPanel)
        self.l_nationality.setObjectName(u"l_nationality")

        self.travellerGrid.addWidget(self.l_nationality, 2, 0, 1, 1)

        self.traveller_nationality = QLabel(TravellerPanel)
        self.traveller_nationality.setObjectName(u"traveller_nationality")
        self.traveller_nationality.setText(u"\u2014")
        self.traveller_nationality.setWordWrap(True)
        self.traveller_nationality.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_nationality, 2, 1, 1, 1)

        self.l_birth_date = QLabel(TravellerPanel)
        self.l_birth_date.setObjectName(u"l_birth_date")

        self.travellerGrid.addWidget(self.l_birth_date, 2, 2, 1, 1)

        self.traveller_birth_date = QLabel(TravellerPanel)
        self.traveller_birth_date.setObjectName(u"traveller_birth_date")
        self.traveller_birth_date.setText(u"\u2014")
        self.traveller_birth_date.setWordWrap(True)
        self.traveller_birth_date.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_birth_date, 2, 3, 1, 1)

        self.l_sex = QLabel(TravellerPanel)
        self.l_sex.setObjectName(u"l_sex")

        self.travellerGrid.addWidget(self.l_sex, 3, 0, 1, 1)

        self.traveller_sex = QLabel(TravellerPanel)
        self.traveller_sex.setObjectName(u"traveller_sex")
        self.traveller_sex.setText(u"\u2014")
        self.traveller_sex.setWordWrap(True)
        self.traveller_sex.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_sex, 3, 1, 1, 1)

        self.l_expiry_date = QLabel(TravellerPanel)
        self.l_expiry_date.setObjectName(u"l_expiry_date")

        self.travellerGrid.addWidget(self.l_expiry_date, 3, 2, 1, 1)

        self.traveller_expiry_date = QLabel(TravellerPanel)
        self.traveller_expiry_date.setObjectName(u"traveller_expiry_date")
        self.traveller_expiry_date.setText(u"\u2014")
        self.traveller_expiry_date.setWordWrap(True)
        self.traveller_expiry_date.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.travellerGrid.addWidget(self.traveller_expiry_date, 3, 3, 1, 1)

        self.travellerGrid.setColumnStretch(1, 1)
        self.travellerGrid.setColumnStretch(3, 1)

        self.retranslateUi(TravellerPanel)

        QMetaObject.connectSlotsByName(TravellerPanel)
    # setupUi

    def retranslateUi(self, TravellerPanel):
        TravellerPanel.setTitle(QCoreApplication.translate("TravellerPanel", u"Traveller", None))
        self.l_surname.setText(QCoreApplication.translate("TravellerPanel", u"Surname", None))
        self.l_given_names.setText(QCoreApplication.translate("TravellerPanel", u"Given names", None))
        self.l_document_number.setText(QCoreApplication.translate("TravellerPanel", u"Document no.", None))
        self.l_issuing_state.setText(QCoreApplication.translate("TravellerPanel", u"Issuing state", None))
        self.l_nationality.setText(QCoreApplication.translate("TravellerPanel", u"Nationality / region", None))
        self.l_birth_date.setText(QCoreApplication.translate("TravellerPanel", u"Date of birth", None))
        self.l_sex.setText(QCoreApplication.translate("TravellerPanel", u"Sex", None))
        self.l_expiry_date.setText(QCoreApplication.translate("TravellerPanel", u"Expiry", None))
    # retranslateUi

