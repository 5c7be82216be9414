"""wsq registers a Pillow plugin backed by the top-level C extension _wsq (NBIS WSQ decoder).
It is imported by name from inside the plugin module; list it so the bundle can decode WSQ
fingerprint images even if static analysis misses it."""
hiddenimports = ["_wsq", "wsq.WsqImagePlugin"]
