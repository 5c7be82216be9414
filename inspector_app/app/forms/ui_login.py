# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_LoginScreen(object):
    def setupUi(self, LoginScreen):
        if not LoginScreen.objectName():
            LoginScreen.setObjectName(u"LoginScreen")
        self.outer = QVBoxLayout(LoginScreen)
        self.outer.setObjectName(u"outer")
        self.above = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.above)

        self.centre = QHBoxLayout()
        self.centre.setObjectName(u"centre")
        self.left = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre.addItem(self.left)

        self.box = QWidget(LoginScreen)
        self.box.setObjectName(u"box")
        self.box.setMinimumSize(QSize(520, 0))
        self.box.setMaximumSize(QSize(520, 16777215))
        self.boxLayout = QVBoxLayout(self.box)
        self.boxLayout.setObjectName(u"boxLayout")
        self.boxLayout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.box)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"title")

        self.boxLayout.addWidget(self.title)

        self.booth = QLabel(self.box)
        self.booth.setObjectName(u"booth")
        self.booth.setObjectName(u"loginBooth")

        self.boxLayout.addWidget(self.booth)

        self.gap = QSpacerItem(20, 16, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.boxLayout.addItem(self.gap)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.l_user = QLabel(self.box)
        self.l_user.setObjectName(u"l_user")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_user)

        self.user = QLineEdit(self.box)
        self.user.setObjectName(u"user")
        self.user.setObjectName(u"loginUser")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user)

        self.l_pass = QLabel(self.box)
        self.l_pass.setObjectName(u"l_pass")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_pass)

        self.password = QLineEdit(self.box)
        self.password.setObjectName(u"password")
        self.password.setObjectName(u"loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.boxLayout.addLayout(self.form)

        self.button = QPushButton(self.box)
        self.button.setObjectName(u"button")
        self.button.setObjectName(u"loginButton")

        self.boxLayout.addWidget(self.button)

        self.message = QLabel(self.box)
        self.message.setObjectName(u"message")
        self.message.setObjectName(u"loginMessage")
        self.message.setWordWrap(True)

        self.boxLayout.addWidget(self.message)

        self.hint = QLabel(self.box)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.boxLayout.addWidget(self.hint)


        self.centre.addWidget(self.box)

        self.right = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre.addItem(self.right)

        self.centre.setStretch(0, 1)
        self.centre.setStretch(2, 1)

        self.outer.addLayout(self.centre)

        self.below = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.below)

        self.outer.setStretch(0, 1)
        self.outer.setStretch(2, 2)
#if QT_CONFIG(shortcut)
        self.l_user.setBuddy(self.user)
        self.l_pass.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.button)

        self.retranslateUi(LoginScreen)

        self.button.setDefault(True)


        QMetaObject.connectSlotsByName(LoginScreen)
    # setupUi

    def retranslateUi(self, LoginScreen):
        self.title.setText(QCoreApplication.translate("LoginScreen", u"Border Inspector \u2014 sign in", None))
        self.l_user.setText(QCoreApplication.translate("LoginScreen", u"User", None))
        self.l_pass.setText(QCoreApplication.translate("LoginScreen", u"Password", None))
        self.button.setText(QCoreApplication.translate("LoginScreen", u"Sign in", None))
        self.hint.setText(QCoreApplication.translate("LoginScreen", u"Credentials are checked on this workstation (works offline). Ctrl+J switches English / \u65e5\u672c\u8a9e.", None))
        pass
    # retranslateUi

