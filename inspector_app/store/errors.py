"""Errors of the store package: each says what went wrong and what the operator can do."""
from __future__ import annotations


class StoreError(RuntimeError):
    """The booth database cannot be used (missing, locked, damaged, wrong key)."""


class WrongKey(StoreError):
    """The key does not decrypt the booth database (or the file is not one)."""


class KeyUnavailable(StoreError):
    """No key could be obtained from the key provider."""


class KeyFileInsecure(KeyUnavailable):
    """The key file is readable or writable by other users, so it is refused."""


class InvalidRecord(ValueError):
    """A record handed to the store is malformed (missing field, bad value)."""


class UnknownRecord(ValueError):
    """An id that the store does not know (examination, check result)."""


class ReviewRefused(ValueError):
    """A supervisor review that the rules forbid (own examination, empty reason, ...)."""


class DecisionRejected(ValueError):
    """A decision the domain's rules refuse; ``findings`` carry the rule codes (``domain.rules``),
    ``errors`` one message per problem."""

    def __init__(self, findings: list):
        self.findings = list(findings)
        self.errors = [f.message for f in self.findings]
        super().__init__("decision refused: " + "; ".join(f"{f.message} [{f.rule}]" for f in self.findings))
