"""Which recorded decisions are a traveller's landing, for the departure examination to check against.

This booth's store and the hub (every booth's records) both answer "where and until when did this
traveller land?" from the decisions of the examinations of one document; what counts as the
landing is decided here once, so the two answers agree: a decision later corrected is replaced by
its correction (a chain of corrections leaves the last), and only landing types count (a referral
lets nobody land; a Japanese national's return is no landing of a foreign national).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from inspector_app.domain import decisions as decision_types
from inspector_app.domain.periods import Period, PeriodError, last_day

#: The decision types that let a foreign national land (``decisions.LANDING_TYPES``), as recorded.
LANDING_TYPES = frozenset(t.value for t in decision_types.LANDING_TYPES)
SOURCES = ("booth", "hub")


def landings(decisions: Iterable[dict], places: dict[str, dict], source: str) -> list[dict]:
    """The landing records among ``decisions`` (store/hub decision records: ``decision_id``,
    ``examination_id``, ``type``, ``inspector``, ``decided_at``, ``decision``), newest landing
    first. ``places`` gives each examination's ``booth`` and ``port``; ``source`` is where the
    records were read (``booth`` or ``hub``)."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}")
    decisions = list(decisions)
    replaced = {(d.get("examination_id"), (d.get("decision") or {}).get("corrects")) for d in decisions}
    items = [_item(d, places.get(d.get("examination_id"), {}), source) for d in decisions
             if d.get("type") in LANDING_TYPES and (d.get("examination_id"), d.get("decision_id")) not in replaced]
    return sorted(items, key=lambda i: (i["landing_date"] or "", i["decided_at"] or ""), reverse=True)


def _item(record: dict, place: dict, source: str) -> dict:
    data = record.get("decision") or {}
    # ``special_landing_details`` is the key records written before ``details`` carry
    details = data.get("details", data.get("special_landing_details"))
    return {"record_id": record.get("decision_id"), "examination_id": record.get("examination_id"),
            "type": record.get("type"), "status_code": data.get("status_code"), "period": data.get("period"),
            "landing_date": data.get("landing_date"), "last_day": data.get("last_day") or _last_day(data),
            "ends_at": data.get("ends_at"), "details": details, "port": place.get("port"),
            "booth": place.get("booth"), "inspector": record.get("inspector"),
            "decided_at": record.get("decided_at"), "source": source}


def _last_day(data: dict) -> str | None:
    """The last day a record without one implies (decisions recorded as plain dicts carry none);
    None when its landing date or period cannot be read (a record from elsewhere is not trusted)."""
    try:
        end = last_day(date.fromisoformat(data["landing_date"]), Period.parse(data["period"]))
    except (KeyError, TypeError, ValueError, AttributeError, PeriodError):
        return None
    return end.isoformat() if end else None  # an unlimited period has no last day
