# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'supervisor.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SupervisorForm(object):
    def setupUi(self, SupervisorForm):
        if not SupervisorForm.objectName():
            SupervisorForm.setObjectName(u"SupervisorForm")
        SupervisorForm.resize(1340, 600)
        self.outerLayout = QVBoxLayout(SupervisorForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(4, 4, 4, 4)
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.filterLabel = QLabel(SupervisorForm)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterRow.addWidget(self.filterLabel)

        self.filterOpen = QRadioButton(SupervisorForm)
        self.filterOpen.setObjectName(u"filterOpen")
        self.filterOpen.setChecked(True)

        self.filterRow.addWidget(self.filterOpen)

        self.filterMine = QRadioButton(SupervisorForm)
        self.filterMine.setObjectName(u"filterMine")

        self.filterRow.addWidget(self.filterMine)

        self.filterPort = QRadioButton(SupervisorForm)
        self.filterPort.setObjectName(u"filterPort")

        self.filterRow.addWidget(self.filterPort)

        self.filterMessage = QLabel(SupervisorForm)
        self.filterMessage.setObjectName(u"filterMessage")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.filterMessage.sizePolicy().hasHeightForWidth())
        self.filterMessage.setSizePolicy(sizePolicy)
        self.filterMessage.setWordWrap(True)

        self.filterRow.addWidget(self.filterMessage)


        self.outerLayout.addLayout(self.filterRow)

        self.splitter = QSplitter(SupervisorForm)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.queueBox = QGroupBox(self.splitter)
        self.queueBox.setObjectName(u"queueBox")
        self.queueLayout = QVBoxLayout(self.queueBox)
        self.queueLayout.setObjectName(u"queueLayout")
        self.reviewQueue = QTableWidget(self.queueBox)
        if (self.reviewQueue.columnCount() < 6):
            self.reviewQueue.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.reviewQueue.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.reviewQueue.setObjectName(u"reviewQueue")
        self.reviewQueue.setMinimumSize(QSize(420, 0))
        self.reviewQueue.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.reviewQueue.setTabKeyNavigation(False)
        self.reviewQueue.setAlternatingRowColors(True)
        self.reviewQueue.setSelectionMode(QAbstractItemView.SingleSelection)
        self.reviewQueue.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.reviewQueue.setTextElideMode(Qt.ElideRight)
        self.reviewQueue.setWordWrap(False)
        self.reviewQueue.horizontalHeader().setStretchLastSection(True)
        self.reviewQueue.verticalHeader().setVisible(False)

        self.queueLayout.addWidget(self.reviewQueue)

        self.splitter.addWidget(self.queueBox)
        self.detailBox = QGroupBox(self.splitter)
        self.detailBox.setObjectName(u"detailBox")
        self.detailLayout = QVBoxLayout(self.detailBox)
        self.detailLayout.setObjectName(u"detailLayout")
        self.reviewHeader = QLabel(self.detailBox)
        self.reviewHeader.setObjectName(u"reviewHeader")
        self.reviewHeader.setWordWrap(True)
        self.reviewHeader.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.detailLayout.addWidget(self.reviewHeader)

        self.decisionLabel = QLabel(self.detailBox)
        self.decisionLabel.setObjectName(u"decisionLabel")
        self.decisionLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.decisionLabel)

        self.checksLabel = QLabel(self.detailBox)
        self.checksLabel.setObjectName(u"checksLabel")

        self.detailLayout.addWidget(self.checksLabel)

        self.reviewChecks = QListWidget(self.detailBox)
        self.reviewChecks.setObjectName(u"reviewChecks")
        self.reviewChecks.setMinimumSize(QSize(0, 80))
        self.reviewChecks.setWordWrap(True)

        self.detailLayout.addWidget(self.reviewChecks)

        self.evidenceBox = QWidget(self.detailBox)
        self.evidenceBox.setObjectName(u"evidenceBox")
        self.evidenceRow = QHBoxLayout(self.evidenceBox)
        self.evidenceRow.setObjectName(u"evidenceRow")
        self.evidenceRow.setContentsMargins(0, 0, 0, 0)
        self.liveColumn = QVBoxLayout()
        self.liveColumn.setObjectName(u"liveColumn")
        self.liveCaption = QLabel(self.evidenceBox)
        self.liveCaption.setObjectName(u"liveCaption")

        self.liveColumn.addWidget(self.liveCaption)

        self.liveImage = QLabel(self.evidenceBox)
        self.liveImage.setObjectName(u"liveImage")
        self.liveImage.setMinimumSize(QSize(160, 160))
        self.liveImage.setMaximumSize(QSize(160, 160))
        self.liveImage.setFrameShape(QFrame.Box)
        self.liveImage.setAlignment(Qt.AlignCenter)
        self.liveImage.setWordWrap(True)

        self.liveColumn.addWidget(self.liveImage)


        self.evidenceRow.addLayout(self.liveColumn)

        self.enrolmentColumn = QVBoxLayout()
        self.enrolmentColumn.setObjectName(u"enrolmentColumn")
        self.enrolmentCaption = QLabel(self.evidenceBox)
        self.enrolmentCaption.setObjectName(u"enrolmentCaption")

        self.enrolmentColumn.addWidget(self.enrolmentCaption)

        self.enrolmentImage = QLabel(self.evidenceBox)
        self.enrolmentImage.setObjectName(u"enrolmentImage")
        self.enrolmentImage.setMinimumSize(QSize(160, 160))
        self.enrolmentImage.setMaximumSize(QSize(160, 160))
        self.enrolmentImage.setFrameShape(QFrame.Box)
        self.enrolmentImage.setAlignment(Qt.AlignCenter)
        self.enrolmentImage.setWordWrap(True)

        self.enrolmentColumn.addWidget(self.enrolmentImage)


        self.evidenceRow.addLayout(self.enrolmentColumn)

        self.evidenceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.evidenceRow.addItem(self.evidenceSpacer)


        self.detailLayout.addWidget(self.evidenceBox)

        self.splitter.addWidget(self.detailBox)
        self.reviewBox = QGroupBox(self.splitter)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewLayout = QVBoxLayout(self.reviewBox)
        self.reviewLayout.setObjectName(u"reviewLayout")
        self.verdictRow = QVBoxLayout()
        self.verdictRow.setObjectName(u"verdictRow")
        self.verdictConfirm = QRadioButton(self.reviewBox)
        self.verdictConfirm.setObjectName(u"verdictConfirm")

        self.verdictRow.addWidget(self.verdictConfirm)

        self.verdictClear = QRadioButton(self.reviewBox)
        self.verdictClear.setObjectName(u"verdictClear")

        self.verdictRow.addWidget(self.verdictClear)


        self.reviewLayout.addLayout(self.verdictRow)

        self.reviewReason = QPlainTextEdit(self.reviewBox)
        self.reviewReason.setObjectName(u"reviewReason")
        self.reviewReason.setMaximumSize(QSize(16777215, 80))
        self.reviewReason.setTabChangesFocus(True)

        self.reviewLayout.addWidget(self.reviewReason)

        self.submitReview = QPushButton(self.reviewBox)
        self.submitReview.setObjectName(u"submitReview")

        self.reviewLayout.addWidget(self.submitReview)

        self.reviewMessage = QLabel(self.reviewBox)
        self.reviewMessage.setObjectName(u"reviewMessage")
        self.reviewMessage.setWordWrap(True)

        self.reviewLayout.addWidget(self.reviewMessage)

        self.historyLabel = QLabel(self.reviewBox)
        self.historyLabel.setObjectName(u"historyLabel")

        self.reviewLayout.addWidget(self.historyLabel)

        self.reviewHistory = QListWidget(self.reviewBox)
        self.reviewHistory.setObjectName(u"reviewHistory")
        self.reviewHistory.setWordWrap(True)

        self.reviewLayout.addWidget(self.reviewHistory)

        self.splitter.addWidget(self.reviewBox)

        self.outerLayout.addWidget(self.splitter)

        self.outerLayout.setStretch(1, 1)
        QWidget.setTabOrder(self.reviewQueue, self.reviewChecks)
        QWidget.setTabOrder(self.reviewChecks, self.verdictConfirm)
        QWidget.setTabOrder(self.verdictConfirm, self.verdictClear)
        QWidget.setTabOrder(self.verdictClear, self.reviewReason)
        QWidget.setTabOrder(self.reviewReason, self.submitReview)
        QWidget.setTabOrder(self.submitReview, self.reviewHistory)
        QWidget.setTabOrder(self.reviewHistory, self.filterOpen)
        QWidget.setTabOrder(self.filterOpen, self.filterMine)
        QWidget.setTabOrder(self.filterMine, self.filterPort)

        self.retranslateUi(SupervisorForm)

        QMetaObject.connectSlotsByName(SupervisorForm)
    # setupUi

    def retranslateUi(self, SupervisorForm):
        self.filterLabel.setText(QCoreApplication.translate("SupervisorForm", u"Show:", None))
#if QT_CONFIG(tooltip)
        self.filterOpen.setToolTip(QCoreApplication.translate("SupervisorForm", u"Examinations of this booth with a flag no supervisor has reviewed yet", None))
#endif // QT_CONFIG(tooltip)
        self.filterOpen.setText(QCoreApplication.translate("SupervisorForm", u"Open (Alt+O)", None))
#if QT_CONFIG(tooltip)
        self.filterMine.setToolTip(QCoreApplication.translate("SupervisorForm", u"Examinations whose flags you reviewed, newest first, to look back at or correct", None))
#endif // QT_CONFIG(tooltip)
        self.filterMine.setText(QCoreApplication.translate("SupervisorForm", u"Reviewed by me (Alt+M)", None))
#if QT_CONFIG(tooltip)
        self.filterPort.setToolTip(QCoreApplication.translate("SupervisorForm", u"Open flags of every booth of this port, from the hub", None))
#endif // QT_CONFIG(tooltip)
        self.filterPort.setText(QCoreApplication.translate("SupervisorForm", u"All booths of the port (Alt+P)", None))
        self.queueBox.setTitle(QCoreApplication.translate("SupervisorForm", u"Flagged examinations", None))
        ___qtablewidgetitem = self.reviewQueue.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SupervisorForm", u"Time", None))
        ___qtablewidgetitem1 = self.reviewQueue.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SupervisorForm", u"Traveller", None))
        ___qtablewidgetitem2 = self.reviewQueue.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("SupervisorForm", u"Booth", None))
        ___qtablewidgetitem3 = self.reviewQueue.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("SupervisorForm", u"Inspector", None))
        ___qtablewidgetitem4 = self.reviewQueue.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("SupervisorForm", u"Decision", None))
        ___qtablewidgetitem5 = self.reviewQueue.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("SupervisorForm", u"Flags", None))
        self.detailBox.setTitle(QCoreApplication.translate("SupervisorForm", u"Examination", None))
        self.checksLabel.setText(QCoreApplication.translate("SupervisorForm", u"Flags (Enter from the list; Up/Down to choose)", None))
        self.liveCaption.setText(QCoreApplication.translate("SupervisorForm", u"Live capture at the booth", None))
        self.enrolmentCaption.setText(QCoreApplication.translate("SupervisorForm", u"Watchlist enrolment", None))
        self.reviewBox.setTitle(QCoreApplication.translate("SupervisorForm", u"Review", None))
        self.verdictConfirm.setText(QCoreApplication.translate("SupervisorForm", u"\u2716 Confirm hit (Alt+1)", None))
        self.verdictClear.setText(QCoreApplication.translate("SupervisorForm", u"\u2714 Clear hit (Alt+2)", None))
        self.reviewReason.setPlaceholderText(QCoreApplication.translate("SupervisorForm", u"Reason (required)", None))
        self.submitReview.setText(QCoreApplication.translate("SupervisorForm", u"Record review (Ctrl+R)", None))
        self.historyLabel.setText(QCoreApplication.translate("SupervisorForm", u"Review history (who, when)", None))
        pass
    # retranslateUi

