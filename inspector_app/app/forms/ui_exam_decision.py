# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_decision.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_DecisionPanel(object):
    def setupUi(self, DecisionPanel):
        if not DecisionPanel.objectName():
            DecisionPanel.setObjectName(u"DecisionPanel")
        self.decisionLayout = QVBoxLayout(DecisionPanel)
        self.decisionLayout.setObjectName(u"decisionLayout")
        self.decisionForm = QFormLayout()
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.l_type = QLabel(DecisionPanel)
        self.l_type.setObjectName(u"l_type")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_type)

        self.decisionType = QComboBox(DecisionPanel)
        self.decisionType.setObjectName(u"decisionType")
        self.decisionType.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.decisionType.setMinimumContentsLength(12)

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.decisionType)

        self.l_status = QLabel(DecisionPanel)
        self.l_status.setObjectName(u"l_status")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_status)

        self.statusCombo = QComboBox(DecisionPanel)
        self.statusCombo.setObjectName(u"statusCombo")
        self.statusCombo.setEditable(True)
        self.statusCombo.setInsertPolicy(QComboBox.NoInsert)
        self.statusCombo.setMaxVisibleItems(12)
        self.statusCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.statusCombo.setMinimumContentsLength(12)

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.l_period = QLabel(DecisionPanel)
        self.l_period.setObjectName(u"l_period")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_period)

        self.periodCombo = QComboBox(DecisionPanel)
        self.periodCombo.setObjectName(u"periodCombo")
        self.periodCombo.setEditable(True)
        self.periodCombo.setInsertPolicy(QComboBox.NoInsert)
        self.periodCombo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.periodCombo.setMinimumContentsLength(12)

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.periodCombo)

        self.l_last = QLabel(DecisionPanel)
        self.l_last.setObjectName(u"l_last")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_last)

        self.lastDay = QLabel(DecisionPanel)
        self.lastDay.setObjectName(u"lastDay")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.lastDay)

        self.detailSlot = QStackedWidget(DecisionPanel)
        self.detailSlot.setObjectName(u"detailSlot")
        self.detailSlot.setMinimumSize(QSize(0, 160))
        self.detailSlot.setMaximumSize(QSize(16777215, 160))
        self.detailsPage = QWidget()
        self.detailsPage.setObjectName(u"detailsPage")
        self.detailsPageLayout = QVBoxLayout(self.detailsPage)
        self.detailsPageLayout.setSpacing(2)
        self.detailsPageLayout.setObjectName(u"detailsPageLayout")
        self.detailsPageLayout.setContentsMargins(0, 0, 0, 0)
        self.l_details = QLabel(self.detailsPage)
        self.l_details.setObjectName(u"l_details")

        self.detailsPageLayout.addWidget(self.l_details)

        self.detailsArea = QScrollArea(self.detailsPage)
        self.detailsArea.setObjectName(u"detailsArea")
        self.detailsArea.setFrameShape(QFrame.NoFrame)
        self.detailsArea.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.detailsArea.setWidgetResizable(True)
        self.detailsForm = QWidget()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsLayout = QFormLayout(self.detailsForm)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.detailsLayout.setContentsMargins(0, 0, 4, 0)
        self.noDetails = QLabel(self.detailsForm)
        self.noDetails.setObjectName(u"noDetails")
        self.noDetails.setWordWrap(True)

        self.detailsLayout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.noDetails)

        self.detailsArea.setWidget(self.detailsForm)

        self.detailsPageLayout.addWidget(self.detailsArea)

        self.detailSlot.addWidget(self.detailsPage)
        self.referralPage = QWidget()
        self.referralPage.setObjectName(u"referralPage")
        self.referralPageLayout = QFormLayout(self.referralPage)
        self.referralPageLayout.setObjectName(u"referralPageLayout")
        self.referralPageLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.referralPageLayout.setContentsMargins(0, 0, 0, 0)
        self.l_reasons = QLabel(self.referralPage)
        self.l_reasons.setObjectName(u"l_reasons")

        self.referralPageLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_reasons)

        self.referralReasons = QPlainTextEdit(self.referralPage)
        self.referralReasons.setObjectName(u"referralReasons")
        self.referralReasons.setMinimumSize(QSize(0, 96))
        self.referralReasons.setMaximumSize(QSize(16777215, 96))
        self.referralReasons.setTabChangesFocus(True)

        self.referralPageLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referralReasons)

        self.detailSlot.addWidget(self.referralPage)

        self.decisionForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.detailSlot)

        self.l_override = QLabel(DecisionPanel)
        self.l_override.setObjectName(u"l_override")

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_override)

        self.overrideReason = QLineEdit(DecisionPanel)
        self.overrideReason.setObjectName(u"overrideReason")

        self.decisionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.overrideReason)


        self.decisionLayout.addLayout(self.decisionForm)

        self.decisionProblems = QLabel(DecisionPanel)
        self.decisionProblems.setObjectName(u"decisionProblems")
        self.decisionProblems.setWordWrap(True)
        self.decisionProblems.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.decisionLayout.addWidget(self.decisionProblems)

        self.decisionButtons = QGridLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.saveDecision = QPushButton(DecisionPanel)
        self.saveDecision.setObjectName(u"saveDecision")

        self.decisionButtons.addWidget(self.saveDecision, 0, 0, 1, 1)

        self.printSeal = QPushButton(DecisionPanel)
        self.printSeal.setObjectName(u"printSeal")

        self.decisionButtons.addWidget(self.printSeal, 0, 1, 1, 1)

        self.nextTraveller = QPushButton(DecisionPanel)
        self.nextTraveller.setObjectName(u"nextTraveller")

        self.decisionButtons.addWidget(self.nextTraveller, 1, 0, 1, 2)


        self.decisionLayout.addLayout(self.decisionButtons)

        self.savedLabel = QLabel(DecisionPanel)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)

        self.decisionLayout.addWidget(self.savedLabel)

#if QT_CONFIG(shortcut)
        self.l_type.setBuddy(self.decisionType)
        self.l_status.setBuddy(self.statusCombo)
        self.l_period.setBuddy(self.periodCombo)
        self.l_reasons.setBuddy(self.referralReasons)
        self.l_override.setBuddy(self.overrideReason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.decisionType, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.periodCombo)
        QWidget.setTabOrder(self.periodCombo, self.referralReasons)
        QWidget.setTabOrder(self.referralReasons, self.overrideReason)
        QWidget.setTabOrder(self.overrideReason, self.saveDecision)
        QWidget.setTabOrder(self.saveDecision, self.printSeal)
        QWidget.setTabOrder(self.printSeal, self.nextTraveller)

        self.retranslateUi(DecisionPanel)

        QMetaObject.connectSlotsByName(DecisionPanel)
    # setupUi

    def retranslateUi(self, DecisionPanel):
        DecisionPanel.setTitle(QCoreApplication.translate("DecisionPanel", u"Decision", None))
        self.l_type.setText(QCoreApplication.translate("DecisionPanel", u"Decision", None))
        self.l_status.setText(QCoreApplication.translate("DecisionPanel", u"S&tatus of residence", None))
        self.l_period.setText(QCoreApplication.translate("DecisionPanel", u"&Period of stay", None))
        self.l_last.setText(QCoreApplication.translate("DecisionPanel", u"Last day of stay", None))
        self.l_details.setText(QCoreApplication.translate("DecisionPanel", u"Details", None))
        self.noDetails.setText(QCoreApplication.translate("DecisionPanel", u"No details to record for this decision.", None))
        self.l_reasons.setText(QCoreApplication.translate("DecisionPanel", u"Referral &reasons", None))
        self.l_override.setText(QCoreApplication.translate("DecisionPanel", u"&Override reason", None))
        self.overrideReason.setPlaceholderText(QCoreApplication.translate("DecisionPanel", u"only where a rule allows it; goes to the supervisor", None))
        self.saveDecision.setText(QCoreApplication.translate("DecisionPanel", u"Save (Ctrl+S)", None))
        self.printSeal.setText(QCoreApplication.translate("DecisionPanel", u"Print seal (Ctrl+P)", None))
        self.nextTraveller.setText(QCoreApplication.translate("DecisionPanel", u"Next traveller (Ctrl+N)", None))
    # retranslateUi

