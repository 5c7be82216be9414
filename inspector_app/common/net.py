"""Whether a host is this machine: the one place that decides where plain HTTP may be allowed
(the hub's ``--insecure-http``, the booth's ``sync.allow_insecure_http``)."""
from __future__ import annotations

import ipaddress


def is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False
