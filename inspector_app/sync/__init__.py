"""sync package (see docs/CONTRACTS.md)."""
