# Resource object code (Python 3)
# Created by: object code
# Created by: The Resource Compiler for Qt version 6.12.0
# WARNING! All changes made in this file will be lost!

from PySide6 import QtCore

qt_resource_data = b"\
\x00\x00\x02\xc3\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22>\x0a  <!-- Keyboa\
rd shortcuts (F1\
): a keyboard. D\
rawn for this pr\
oject (CC0). -->\
\x0a  <rect x=\x222\x22 y\
=\x228\x22 width=\x2228\x22 \
height=\x2217\x22 rx=\x22\
3\x22 fill=\x22#1f3a5f\
\x22/>\x0a  <g fill=\x22#\
ffffff\x22>\x0a    <re\
ct x=\x225\x22 y=\x2211\x22 \
width=\x223\x22 height\
=\x223\x22/><rect x=\x221\
0\x22 y=\x2211\x22 width=\
\x223\x22 height=\x223\x22/>\
\x0a    <rect x=\x2215\
\x22 y=\x2211\x22 width=\x22\
3\x22 height=\x223\x22/><\
rect x=\x2220\x22 y=\x221\
1\x22 width=\x223\x22 hei\
ght=\x223\x22/>\x0a    <r\
ect x=\x2225\x22 y=\x2211\
\x22 width=\x222\x22 heig\
ht=\x223\x22/><rect x=\
\x225\x22 y=\x2216\x22 width\
=\x223\x22 height=\x223\x22/\
>\x0a    <rect x=\x221\
0\x22 y=\x2216\x22 width=\
\x223\x22 height=\x223\x22/>\
<rect x=\x2215\x22 y=\x22\
16\x22 width=\x223\x22 he\
ight=\x223\x22/>\x0a    <\
rect x=\x2220\x22 y=\x221\
6\x22 width=\x227\x22 hei\
ght=\x223\x22/><rect x\
=\x229\x22 y=\x2221\x22 widt\
h=\x2214\x22 height=\x222\
\x22/>\x0a  </g>\x0a</svg\
>\x0a\
\x00\x00\x01\xb1\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2264\
\x22 height=\x2264\x22 vi\
ewBox=\x220 0 64 64\
\x22>\x0a  <!-- Lock s\
creen: a closed \
padlock. Drawn f\
or this project \
(CC0). -->\x0a  <pa\
th d=\x22M20 28 v-8\
 a12 12 0 0 1 24\
 0 v8\x22 fill=\x22non\
e\x22 stroke=\x22#1f3a\
5f\x22 stroke-width\
=\x226\x22/>\x0a  <rect x\
=\x2212\x22 y=\x2228\x22 wid\
th=\x2240\x22 height=\x22\
30\x22 rx=\x224\x22 fill=\
\x22#1f3a5f\x22/>\x0a  <c\
ircle cx=\x2232\x22 cy\
=\x2241\x22 r=\x224\x22 fill\
=\x22#f0c419\x22/>\x0a  <\
rect x=\x2230\x22 y=\x224\
3\x22 width=\x224\x22 hei\
ght=\x228\x22 fill=\x22#f\
0c419\x22/>\x0a</svg>\x0a\
\
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
\x00\x00\x01a\
<\
svg xmlns=\x22http:\
//www.w3.org/200\
0/svg\x22 width=\x2232\
\x22 height=\x2232\x22 vi\
ewBox=\x220 0 32 32\
\x22>\x0a  <!-- Messag\
e area: a round \
sign with an exc\
lamation mark. D\
rawn for this pr\
oject (CC0). -->\
\x0a  <circle cx=\x221\
6\x22 cy=\x2216\x22 r=\x2214\
\x22 fill=\x22#c62828\x22\
/>\x0a  <rect x=\x2214\
\x22 y=\x227\x22 width=\x224\
\x22 height=\x2212\x22 rx\
=\x221\x22 fill=\x22#ffff\
ff\x22/>\x0a  <circle \
cx=\x2216\x22 cy=\x2224\x22 \
r=\x222.2\x22 fill=\x22#f\
fffff\x22/>\x0a</svg>\x0a\
\
"

qt_resource_name = b"\
\x00\x05\
\x00o\xa6S\
\x00i\
\x00c\x00o\x00n\x00s\
\x00\x0c\
\x06\xbe\xa8g\
\x00k\
\x00e\x00y\x00b\x00o\x00a\x00r\x00d\x00.\x00s\x00v\x00g\
\x00\x08\
\x05\x9eT\xa7\
\x00l\
\x00o\x00c\x00k\x00.\x00s\x00v\x00g\
\x00\x0d\
\x0b\xd1\x8cG\
\x00i\
\x00n\x00s\x00p\x00e\x00c\x00t\x00o\x00r\x00.\x00s\x00v\x00g\
\x00\x0b\
\x073\xcf\xe7\
\x00m\
\x00e\x00s\x00s\x00a\x00g\x00e\x00.\x00s\x00v\x00g\
"

qt_resource_struct = b"\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\
\x00\x00\x00\x00\x00\x02\x00\x00\x00\x04\x00\x00\x00\x02\
\x00\x00\x00.\x00\x00\x00\x00\x00\x01\x00\x00\x02\xc7\
\x00\x00\x00\x10\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\
\x00\x00\x00d\x00\x00\x00\x00\x00\x01\x00\x00\x06\x96\
\x00\x00\x00D\x00\x00\x00\x00\x00\x01\x00\x00\x04|\
"

def qInitResources():
    QtCore.qRegisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

def qCleanupResources():
    QtCore.qUnregisterResourceData(0x01, qt_resource_struct, qt_resource_name, qt_resource_data)

qInitResources()
