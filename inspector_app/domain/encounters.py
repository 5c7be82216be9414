"""What an earlier encounter found by face or fingers means for this examination.

J-BIS compares a traveller's biometrics with those taken at earlier examinations to find people
who come back under another identity (a deportee with a new passport and a new name). The
biometric search says *who looks alike*; this module says what the likeness means, from the
identities alone, so the booth, the deferred search and the tests judge it the same way:

- ``same_identity``: the same document, name, nationality and date of birth: the encounters are
  linked (travel history), nothing is flagged;
- ``new_document``: the same name, nationality and date of birth on another document: a renewed
  passport, linked and shown, flagged only where the booth's policy asks for it (a renewal is
  common, and flagging every one would bury the supervisor's queue);
- ``another_identity``: a different name, nationality or date of birth: the supervisor must see
  it. Matching fingers are strong evidence (two fingers at the watchlist threshold): a **hit**,
  which blocks a landing until a supervisor clears it, as a watchlist hit does. A face alone is
  weaker evidence in a gallery of millions: a **flag** to the supervisor's queue.
"""
from __future__ import annotations

import unicodedata

from inspector_app.domain.checks import Outcome

SAME_IDENTITY = "same_identity"
NEW_DOCUMENT = "new_document"
ANOTHER_IDENTITY = "another_identity"
RELATIONS = (SAME_IDENTITY, NEW_DOCUMENT, ANOTHER_IDENTITY)

#: The identity an encounter records (the MRZ's fields).
IDENTITY_FIELDS = ("document_number", "nationality", "surname", "given_names", "birth_date", "sex")


def _key(value) -> str:
    """Compared as the MRZ prints it: capitals, no accents, spaces and fillers ignored."""
    text = unicodedata.normalize("NFKD", str(value or "")).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in text.upper() if ch.isalnum())


def identity_of(traveller: dict) -> dict:
    """The fields of ``traveller`` an encounter keeps."""
    return {k: traveller.get(k) for k in IDENTITY_FIELDS}


def relation(now: dict, earlier: dict) -> str:
    """How the identity read now relates to the identity of an earlier encounter."""
    person = all(_key(now.get(k)) == _key(earlier.get(k))
                 for k in ("surname", "given_names", "nationality", "birth_date"))
    if not person:
        return ANOTHER_IDENTITY
    return SAME_IDENTITY if _key(now.get("document_number")) == _key(earlier.get("document_number")) else NEW_DOCUMENT


def outcome(rel: str, by: str, flag_new_document: bool = False) -> Outcome:
    """The check result's outcome for an earlier encounter matched ``by`` fingers, face or both."""
    if rel == ANOTHER_IDENTITY:
        return Outcome.hit if by in ("fingers", "both") else Outcome.flag
    if rel == NEW_DOCUMENT and flag_new_document:
        return Outcome.flag
    return Outcome.clear
