"""Border Inspector: the primary-inspection workstation (see README and docs/CONTRACTS.md)."""

__version__ = "0.1.0"
