"""store package (see docs/CONTRACTS.md)."""
