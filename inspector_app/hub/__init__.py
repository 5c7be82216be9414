"""hub package (see docs/CONTRACTS.md)."""
