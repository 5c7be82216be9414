"""app package (see docs/CONTRACTS.md)."""
