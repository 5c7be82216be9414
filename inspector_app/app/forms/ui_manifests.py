# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'manifests.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ManifestsForm(object):
    def setupUi(self, ManifestsForm):
        if not ManifestsForm.objectName():
            ManifestsForm.setObjectName(u"ManifestsForm")
        ManifestsForm.resize(1340, 600)
        self.outerLayout = QVBoxLayout(ManifestsForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(4, 4, 4, 4)
        self.importRow = QHBoxLayout()
        self.importRow.setObjectName(u"importRow")
        self.importButton = QPushButton(ManifestsForm)
        self.importButton.setObjectName(u"importButton")

        self.importRow.addWidget(self.importButton)

        self.importMessage = QLabel(ManifestsForm)
        self.importMessage.setObjectName(u"importMessage")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.importMessage.sizePolicy().hasHeightForWidth())
        self.importMessage.setSizePolicy(sizePolicy)
        self.importMessage.setWordWrap(True)
        self.importMessage.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.importRow.addWidget(self.importMessage)


        self.outerLayout.addLayout(self.importRow)

        self.splitter = QSplitter(ManifestsForm)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listBox = QGroupBox(self.splitter)
        self.listBox.setObjectName(u"listBox")
        self.listLayout = QVBoxLayout(self.listBox)
        self.listLayout.setObjectName(u"listLayout")
        self.manifestList = QTableWidget(self.listBox)
        self.manifestList.setObjectName(u"manifestList")
        self.manifestList.setMinimumSize(QSize(380, 0))
        self.manifestList.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.manifestList.setTabKeyNavigation(False)
        self.manifestList.setAlternatingRowColors(True)
        self.manifestList.setSelectionMode(QAbstractItemView.SingleSelection)
        self.manifestList.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.manifestList.setTextElideMode(Qt.ElideRight)
        self.manifestList.setWordWrap(False)
        self.manifestList.horizontalHeader().setStretchLastSection(True)
        self.manifestList.verticalHeader().setVisible(False)

        self.listLayout.addWidget(self.manifestList)

        self.splitter.addWidget(self.listBox)
        self.peopleBox = QGroupBox(self.splitter)
        self.peopleBox.setObjectName(u"peopleBox")
        self.peopleLayout = QVBoxLayout(self.peopleBox)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.manifestHeader = QLabel(self.peopleBox)
        self.manifestHeader.setObjectName(u"manifestHeader")
        self.manifestHeader.setWordWrap(True)

        self.peopleLayout.addWidget(self.manifestHeader)

        self.peopleTable = QTableWidget(self.peopleBox)
        self.peopleTable.setObjectName(u"peopleTable")
        self.peopleTable.setMinimumSize(QSize(480, 0))
        self.peopleTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.peopleTable.setTabKeyNavigation(False)
        self.peopleTable.setAlternatingRowColors(True)
        self.peopleTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.peopleTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.peopleTable.setTextElideMode(Qt.ElideRight)
        self.peopleTable.setWordWrap(False)
        self.peopleTable.horizontalHeader().setStretchLastSection(True)
        self.peopleTable.verticalHeader().setVisible(False)

        self.peopleLayout.addWidget(self.peopleTable)

        self.splitter.addWidget(self.peopleBox)

        self.outerLayout.addWidget(self.splitter)

        self.outerLayout.setStretch(1, 1)

        self.retranslateUi(ManifestsForm)

        QMetaObject.connectSlotsByName(ManifestsForm)
    # setupUi

    def retranslateUi(self, ManifestsForm):
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("ManifestsForm", u"Read a PAXLST file (a USB stick from the ship's agent), screen everyone on it and keep the result", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("ManifestsForm", u"Import manifest file\u2026 (Ctrl+O)", None))
        self.listBox.setTitle(QCoreApplication.translate("ManifestsForm", u"Pre-arrival manifests", None))
        self.peopleBox.setTitle(QCoreApplication.translate("ManifestsForm", u"People on the manifest, flagged first", None))
        pass
    # retranslateUi

