"""domain package (see docs/CONTRACTS.md)."""
