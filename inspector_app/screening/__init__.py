"""screening package (see docs/CONTRACTS.md)."""
