"""chip package: reading an eMRTD's contactless chip (ICAO Doc 9303 parts 10-12) over PC/SC.

Qt-free and without I/O at import: the examination core and the command line drive it. APDUs are
plain ``bytes`` between the parts: the transport (``transport``, ``pcsc``) moves them, access
control and secure messaging (``bac``, ``pace``, ``secure_messaging``) wrap them, the LDS and
passive authentication (``lds``, ``passive_auth``) read what they carry. The project's own chip
simulator (``applet`` served to pcscd through ``vpcd``) answers as a chip does, so tests and the
demo go through the real PC/SC stack.
"""
