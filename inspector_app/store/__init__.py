"""store package: the booth's encrypted local database (see docs/CONTRACTS.md, "store").

SQLCipher through sqlite-utils; versioned migrations; append-only decisions, reviews, check
results and a hash-chained audit log; an outbox for the sync package; offline-login users.
"""
from .errors import (
    DecisionRejected,
    InvalidRecord,
    KeyFileInsecure,
    KeyUnavailable,
    ReviewRefused,
    StoreError,
    UnknownRecord,
    WrongKey,
)
from .store import DB_FILE_NAME, OUTCOMES, REVIEW_OUTCOMES, Store, open_store

__all__ = [
    "DB_FILE_NAME", "OUTCOMES", "REVIEW_OUTCOMES", "Store", "open_store",
    "DecisionRejected", "InvalidRecord", "KeyFileInsecure", "KeyUnavailable", "ReviewRefused",
    "StoreError", "UnknownRecord", "WrongKey",
]
