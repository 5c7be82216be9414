"""biometrics package (see docs/CONTRACTS.md)."""
