# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'lock.ui'
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
from . import inspector_rc

class Ui_LockScreen(object):
    def setupUi(self, LockScreen):
        if not LockScreen.objectName():
            LockScreen.setObjectName(u"LockScreen")
        self.outer = QVBoxLayout(LockScreen)
        self.outer.setObjectName(u"outer")
        self.above = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.outer.addItem(self.above)

        self.centre = QHBoxLayout()
        self.centre.setObjectName(u"centre")
        self.left = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.centre.addItem(self.left)

        self.box = QWidget(LockScreen)
        self.box.setObjectName(u"box")
        self.box.setMinimumSize(QSize(560, 0))
        self.box.setMaximumSize(QSize(560, 16777215))
        self.boxLayout = QVBoxLayout(self.box)
        self.boxLayout.setObjectName(u"boxLayout")
        self.boxLayout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self.box)
        self.icon.setObjectName(u"icon")
        self.icon.setMinimumSize(QSize(64, 64))
        self.icon.setMaximumSize(QSize(64, 64))
        self.icon.setPixmap(QPixmap(u":/icons/lock.svg"))
        self.icon.setScaledContents(True)

        self.boxLayout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)

        self.title = QLabel(self.box)
        self.title.setObjectName(u"title")
        self.title.setProperty(u"role", u"title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.boxLayout.addWidget(self.title)

        self.reason = QLabel(self.box)
        self.reason.setObjectName(u"reason")
        self.reason.setObjectName(u"lockReason")
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.boxLayout.addWidget(self.reason)

        self.hint = QLabel(self.box)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.boxLayout.addWidget(self.hint)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.l_user = QLabel(self.box)
        self.l_user.setObjectName(u"l_user")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_user)

        self.user = QLabel(self.box)
        self.user.setObjectName(u"user")
        self.user.setObjectName(u"lockUser")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.user)

        self.l_pass = QLabel(self.box)
        self.l_pass.setObjectName(u"l_pass")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_pass)

        self.password = QLineEdit(self.box)
        self.password.setObjectName(u"password")
        self.password.setObjectName(u"unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.boxLayout.addLayout(self.form)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.unlock = QPushButton(self.box)
        self.unlock.setObjectName(u"unlock")
        self.unlock.setObjectName(u"unlockButton")

        self.buttons.addWidget(self.unlock)

        self.logout = QPushButton(self.box)
        self.logout.setObjectName(u"logout")
        self.logout.setObjectName(u"lockSignOut")

        self.buttons.addWidget(self.logout)


        self.boxLayout.addLayout(self.buttons)

        self.message = QLabel(self.box)
        self.message.setObjectName(u"message")
        self.message.setObjectName(u"lockMessage")
        self.message.setWordWrap(True)

        self.boxLayout.addWidget(self.message)


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
        self.l_pass.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.password, self.unlock)
        QWidget.setTabOrder(self.unlock, self.logout)

        self.retranslateUi(LockScreen)

        self.unlock.setDefault(True)


        QMetaObject.connectSlotsByName(LockScreen)
    # setupUi

    def retranslateUi(self, LockScreen):
        self.title.setText(QCoreApplication.translate("LockScreen", u"Session locked", None))
        self.hint.setText(QCoreApplication.translate("LockScreen", u"The traveller's data is hidden while the session is locked. Enter your password to return to the same examination, or sign out so that another user can sign in.", None))
        self.l_user.setText(QCoreApplication.translate("LockScreen", u"User", None))
        self.l_pass.setText(QCoreApplication.translate("LockScreen", u"Password", None))
        self.unlock.setText(QCoreApplication.translate("LockScreen", u"Unlock", None))
        self.logout.setText(QCoreApplication.translate("LockScreen", u"Sign out (another user)", None))
        pass
    # retranslateUi

