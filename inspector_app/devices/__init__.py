"""devices package (see docs/CONTRACTS.md): camera, MOSIP SBI fingerprint scanners, MRZ readers.

Each kind has a real driver and a simulator that speaks the same protocol: OpenCV VideoCapture and
a looped image/video source (``camera``, ``camera_sources``); the SBI client and device service
over HTTP on 127.0.0.1:4501-4600 (``sbi``, ``sbi_simulator``, ``docs/SBI_NOTES.md``); keyboard-wedge,
serial and typed MRZ entry (``mrz_reader``). Settings keys are documented in ``devices.config``.
No Qt here: the UI subscribes to callbacks and ``status.StatusBoard``.
"""
