"""The bio-cart: an unattended station where travellers give face and fingers while they queue.

capture  the signed capture document (what the station signs and the booth verifies)
vault    captures at rest: encrypted, found by passport, gone when they expire
station  the station's core: read the passport, score and sign the biometrics, keep them
server   the station's HTTPS service; a booth proves itself with its own signing key
"""
