# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.12.0
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x02\x16\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2264\
\x22 height=\x2264\x22 vi\
ewBox=\x220 0 64 64\
\x22>\x0a  <!-- Border\
 Inspector appli\
cation icon: a p\
assport with a c\
heck mark. Drawn\
 for this projec\
t (CC0). -->\x0a  <\
rect x=\x2212\x22 y=\x226\
\x22 width=\x2240\x22 hei\
ght=\x2252\x22 rx=\x224\x22 \
fill=\x22#1f3a5f\x22/>\
\x0a  <circle cx=\x223\
2\x22 cy=\x2226\x22 r=\x2210\
\x22 fill=\x22none\x22 st\
roke=\x22#f0c419\x22 s\
troke-width=\x223\x22/\
>\x0a  <rect x=\x2220\x22\
 y=\x2244\x22 width=\x222\
4\x22 height=\x223\x22 fi\
ll=\x22#f0c419\x22/>\x0a \
 <path d=\x22M38 44\
 l6 6 l14 -16\x22 f\
ill=\x22none\x22 strok\
e=\x22#2e9e4f\x22 stro\
ke-width=\x225\x22 str\
oke-linecap=\x22rou\
nd\x22 stroke-linej\
oin=\x22round\x22/>\x0a</\
svg>\x0a\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0d\
\x0b\xd1\x8cG\
\x00i\
\x00n\x00s\x00p\x00e\x00c\x00t\x00o\x00r\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x02\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
