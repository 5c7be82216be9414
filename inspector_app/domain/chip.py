"""What the passport's chip says about the document, judged: the findings ``rules.py`` enforces.

A chip read is the strongest check a booth has against an altered passport (ICAO Doc 9303 parts
10-12): the chip's MRZ (DG1) must be the printed one, the data must be signed by the issuing
state (passive authentication, 9303-11 §5.1), the chip must not be a copy (Chip or Active
Authentication, 9303-11 §6) and the chip's photo (DG2) must be the person at the booth. Each
failure is a finding with its own rule code (``rules.CHIP_RULES``); the examination records it as
a hit, which a supervisor must clear before the traveller may land, exactly as a list hit.

A chip that could not be read is not a failure of the document (many valid passports carry no
chip, a reader fails) but it is not a pass either: it is recorded with its state and flagged to
the supervisor with the decision (``flag.chip_not_verified``).

Pure: works on the printed and chip MRZ lines and on plain states, not on the reader's objects.
"""
from __future__ import annotations

from inspector_app.domain import mrz
from inspector_app.domain.decisions import Finding
from inspector_app.domain.messages import Message, msg

#: The fields of the MRZ compared between the printed MRZ and the chip's DG1, in words.
DG1_FIELDS = {
    "document_code": msg("document type"), "issuing_state": msg("issuing state"), "surname": msg("surname"),
    "given_names": msg("given names"), "document_number": msg("document number"), "nationality": msg("nationality"),
    "birth_date": msg("date of birth"), "sex": msg("sex"), "expiry_date": msg("expiry date"),
    "optional_data": msg("optional data"), "optional_data_2": msg("optional data (line 2)"),
}
#: Differences that are no field: the chip's DG1 is no MRZ at all, or only check digits or
#: fillers differ (the same fields, other characters).
NOT_AN_MRZ = "not_an_mrz"
OTHER_CHARACTERS = "other_characters"
DIFFERENCE_WORDS = {**DG1_FIELDS, NOT_AN_MRZ: msg("the chip's DG1 is not a machine readable zone"),
                    OTHER_CHARACTERS: msg("check digits or fillers")}

#: Why a chip was not read (``chip.reading.NotReadState`` values), in words.
NOT_READ_WORDS = {
    "no_reader": msg("no chip reader"),
    "no_chip": msg("no chip found (the passport has none, or it was not on the reader)"),
    "access_denied": msg("the chip refused the printed MRZ or the CAN"),
    "read_failed": msg("the chip could not be read to the end"),
    "no_face": msg("the chip's photo could not be compared"),
}
#: Clone detection methods (``chip.reading.CloneMethod`` values), in words.
CLONE_WORDS = {"chip_authentication": msg("Chip Authentication"), "active_authentication": msg("Active Authentication"),
               "not_offered": msg("not offered by the chip")}


def _list_of(items) -> str:
    items = list(items)
    out = items[0] if items else ""
    for item in items[1:]:
        out = msg("{first}, {rest}", first=out, rest=item)
    return out


def dg1_differences(printed_lines, chip_lines) -> list[str]:
    """The MRZ fields (``DG1_FIELDS`` keys) in which the chip's DG1 differs from the printed MRZ,
    in MRZ order; ``[NOT_AN_MRZ]`` when DG1 is no MRZ; ``[OTHER_CHARACTERS]`` when the fields agree
    but the lines do not. Empty: the same MRZ."""
    printed = [str(line).strip().upper() for line in printed_lines]
    chip = [str(line).strip().upper() for line in chip_lines]
    if printed == chip:
        return []
    try:
        on_chip = mrz.parse_mrz("\n".join(chip))
    except mrz.NotAnMrz:
        return [NOT_AN_MRZ]
    on_paper = mrz.parse_mrz("\n".join(printed))
    fields = [f for f in DG1_FIELDS if getattr(on_paper, f, None) != getattr(on_chip, f, None)]
    if on_paper.format != on_chip.format and not fields:
        fields = ["document_code"]
    return fields or [OTHER_CHARACTERS]


def read_findings(dg1_differ: list[str], passive_auth_passed: bool, failed_step: str | None, failed_reason: str,
                  clone_method: str, clone_failed: bool, clone_reason: str) -> list[Finding]:
    """The chip read's failures as findings (rule code + message that says which field, step or
    method): empty for a chip that passed."""
    found = []
    if dg1_differ:
        found.append(Finding("chip.dg1_mismatch", msg("the chip's MRZ (DG1) differs from the printed one: {fields}",
                                                      fields=_list_of(DIFFERENCE_WORDS.get(f, f) for f in dg1_differ))))
    if not passive_auth_passed:
        step = failed_step or msg("no step ran")
        found.append(Finding("chip.passive_auth_failed", msg("passive authentication failed at: {step}", step=step)
                             if not failed_reason else msg("passive authentication failed at: {step} ({reason})",
                                                           step=step, reason=failed_reason)))
    if clone_failed:
        method = CLONE_WORDS.get(clone_method, clone_method)
        found.append(Finding("chip.clone_check_failed", msg("{method} failed: the chip may be a copy", method=method)
                             if not clone_reason else msg("{method} failed: the chip may be a copy ({reason})",
                                                          method=method, reason=clone_reason)))
    return found


def face_finding(similarity: int, match_at: int) -> Finding | None:
    """The chip's photo against the live face, both on the project's 0-100 similarity scale."""
    if similarity >= match_at:
        return None
    return Finding("chip.face_mismatch", msg("the chip's photo does not match the live face: similarity {score} of "
                                             "100, a match from {threshold}", score=str(similarity),
                                             threshold=str(match_at)))


def face_words(similarity: int, match_at: int) -> Message:
    return msg("chip photo against the live face: similarity {score} of 100, a match from {threshold}",
               score=str(similarity), threshold=str(match_at))


def not_read_words(state: str) -> str:
    return NOT_READ_WORDS.get(state, state)
