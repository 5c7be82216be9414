# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exam_capture.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QFrame,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CapturePanel(object):
    def setupUi(self, CapturePanel):
        if not CapturePanel.objectName():
            CapturePanel.setObjectName(u"CapturePanel")
        self.captureLayout = QVBoxLayout(CapturePanel)
        self.captureLayout.setObjectName(u"captureLayout")
        self.faces = QHBoxLayout()
        self.faces.setObjectName(u"faces")
        self.facePreview = QLabel(CapturePanel)
        self.facePreview.setObjectName(u"facePreview")
        self.facePreview.setMinimumSize(QSize(320, 240))
        self.facePreview.setMaximumSize(QSize(320, 240))
        self.facePreview.setFrameShape(QFrame.Box)
        self.facePreview.setAlignment(Qt.AlignCenter)

        self.faces.addWidget(self.facePreview)

        self.chipColumn = QVBoxLayout()
        self.chipColumn.setObjectName(u"chipColumn")
        self.chipPhoto = QLabel(CapturePanel)
        self.chipPhoto.setObjectName(u"chipPhoto")
        self.chipPhoto.setMinimumSize(QSize(96, 124))
        self.chipPhoto.setMaximumSize(QSize(96, 124))
        self.chipPhoto.setFrameShape(QFrame.Box)
        self.chipPhoto.setAlignment(Qt.AlignCenter)
        self.chipPhoto.setWordWrap(True)

        self.chipColumn.addWidget(self.chipPhoto)

        self.chipScore = QLabel(CapturePanel)
        self.chipScore.setObjectName(u"chipScore")
        self.chipScore.setMaximumSize(QSize(96, 16777215))
        self.chipScore.setAlignment(Qt.AlignCenter)
        self.chipScore.setWordWrap(True)

        self.chipColumn.addWidget(self.chipScore)

        self.chipRest = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.chipColumn.addItem(self.chipRest)


        self.faces.addLayout(self.chipColumn)


        self.captureLayout.addLayout(self.faces)

        self.faceVerdict = QLabel(CapturePanel)
        self.faceVerdict.setObjectName(u"faceVerdict")
        self.faceVerdict.setWordWrap(True)

        self.captureLayout.addWidget(self.faceVerdict)

        self.cameraButtons = QHBoxLayout()
        self.cameraButtons.setObjectName(u"cameraButtons")
        self.startCamera = QPushButton(CapturePanel)
        self.startCamera.setObjectName(u"startCamera")

        self.cameraButtons.addWidget(self.startCamera)

        self.captureFace = QPushButton(CapturePanel)
        self.captureFace.setObjectName(u"captureFace")

        self.cameraButtons.addWidget(self.captureFace)

        self.retakeFace = QPushButton(CapturePanel)
        self.retakeFace.setObjectName(u"retakeFace")

        self.cameraButtons.addWidget(self.retakeFace)


        self.captureLayout.addLayout(self.cameraButtons)

        self.chipVerdict = QLabel(CapturePanel)
        self.chipVerdict.setObjectName(u"chipVerdict")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.chipVerdict.sizePolicy().hasHeightForWidth())
        self.chipVerdict.setSizePolicy(sizePolicy)

        self.captureLayout.addWidget(self.chipVerdict)

        self.captureFingers = QPushButton(CapturePanel)
        self.captureFingers.setObjectName(u"captureFingers")

        self.captureLayout.addWidget(self.captureFingers)

        self.fingerStatus = QLabel(CapturePanel)
        self.fingerStatus.setObjectName(u"fingerStatus")
        self.fingerStatus.setWordWrap(True)

        self.captureLayout.addWidget(self.fingerStatus)

        self.fingerTable = QTableWidget(CapturePanel)
        if (self.fingerTable.columnCount() < 4):
            self.fingerTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.fingerTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.fingerTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.fingerTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.fingerTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.fingerTable.setObjectName(u"fingerTable")
        self.fingerTable.setMaximumSize(QSize(16777215, 110))
        self.fingerTable.setFocusPolicy(Qt.NoFocus)
        self.fingerTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.fingerTable.setTabKeyNavigation(False)
        self.fingerTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.fingerTable.setColumnCount(4)
        self.fingerTable.horizontalHeader().setStretchLastSection(True)
        self.fingerTable.verticalHeader().setVisible(False)

        self.captureLayout.addWidget(self.fingerTable)

        self.exemptionRow = QHBoxLayout()
        self.exemptionRow.setObjectName(u"exemptionRow")
        self.exemptionLabel = QLabel(CapturePanel)
        self.exemptionLabel.setObjectName(u"exemptionLabel")

        self.exemptionRow.addWidget(self.exemptionLabel)

        self.exemption = QComboBox(CapturePanel)
        self.exemption.setObjectName(u"exemption")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.exemption.sizePolicy().hasHeightForWidth())
        self.exemption.setSizePolicy(sizePolicy1)
        self.exemption.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.exemption.setMinimumContentsLength(12)

        self.exemptionRow.addWidget(self.exemption)


        self.captureLayout.addLayout(self.exemptionRow)

#if QT_CONFIG(shortcut)
        self.exemptionLabel.setBuddy(self.exemption)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.startCamera, self.captureFace)
        QWidget.setTabOrder(self.captureFace, self.retakeFace)
        QWidget.setTabOrder(self.retakeFace, self.captureFingers)
        QWidget.setTabOrder(self.captureFingers, self.exemption)

        self.retranslateUi(CapturePanel)

        QMetaObject.connectSlotsByName(CapturePanel)
    # setupUi

    def retranslateUi(self, CapturePanel):
        CapturePanel.setTitle(QCoreApplication.translate("CapturePanel", u"Biometrics", None))
        self.startCamera.setText(QCoreApplication.translate("CapturePanel", u"Camera (F5)", None))
        self.captureFace.setText(QCoreApplication.translate("CapturePanel", u"Capture (F6)", None))
        self.retakeFace.setText(QCoreApplication.translate("CapturePanel", u"Retake (F7)", None))
        self.captureFingers.setText(QCoreApplication.translate("CapturePanel", u"Capture fingerprints (F8)", None))
        ___qtablewidgetitem = self.fingerTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CapturePanel", u"Finger", None))
        ___qtablewidgetitem1 = self.fingerTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CapturePanel", u"Quality", None))
        ___qtablewidgetitem2 = self.fingerTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CapturePanel", u"Tries", None))
        ___qtablewidgetitem3 = self.fingerTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CapturePanel", u"Result", None))
        self.exemptionLabel.setText(QCoreApplication.translate("CapturePanel", u"E&xemption:", None))
    # retranslateUi

