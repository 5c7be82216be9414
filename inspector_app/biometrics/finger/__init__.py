"""Fingerprint internals: image loading, minutiae extraction, quality, MCC matching.

The public, contract-level API is `inspector_app.biometrics.fingerprint` (1:1),
`inspector_app.biometrics.iso19794` (templates) and `inspector_app.biometrics.finger_index` (1:N).
"""
