"""Fixtures for the devices tests: a running SBI simulator on loopback over the FVC images.

Devices are refused unless trust is configured, so the simulators here get their certificate
from a test device-provider CA (``device_provider_ca()``) and ``trusting_client(...)`` is an SbiClient that
trusts that CA, as a booth with ``devices.sbi.provider_ca`` would."""
from __future__ import annotations

import functools
import socket

import pytest

from inspector_app.devices import sbi_protocol as P


@functools.lru_cache(maxsize=1)
def device_provider_ca():
    """One in-memory device-provider CA for the whole session (RSA key generation is slow)."""
    from inspector_app.devices.provider_ca import new_ca

    return new_ca("Border Inspector tests device provider CA")



def trusting_client(**kw):
    """An SbiClient trusting the test provider CA (``kw`` as SbiClient's)."""
    from inspector_app.devices.sbi import SbiClient
    from inspector_app.devices.trust import DeviceTrust

    return SbiClient(trust=DeviceTrust([device_provider_ca().cert]), **kw)


def serve_trusted(port, images, **kw):
    """A simulator whose certificate the test provider CA issued."""
    from inspector_app.devices.sbi_simulator import serve

    return serve(port, images, provider_ca=device_provider_ca(), **kw)


@pytest.fixture(scope="session")
def fvc_db1(shared_data):
    folder = shared_data / "fingerprints" / "fvc2002" / "DB1_B"
    if not folder.is_dir():
        pytest.skip(f"FVC2002 DB1_B not found under {shared_data}")
    return folder


def free_port_in_sbi_range() -> int:
    """A port in 4501-4600 nobody listens on (what a real device service would take)."""
    for port in range(P.PORT_RANGE[0], P.PORT_RANGE[1] + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in the SBI range 4501-4600")


@pytest.fixture
def simulator(fvc_db1):
    sim = serve_trusted(0, fvc_db1, hang_s=5.0)
    yield sim
    sim.stop()
