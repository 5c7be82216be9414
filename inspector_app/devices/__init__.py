"""devices package (see docs/CONTRACTS.md)."""
