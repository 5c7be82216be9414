"""Earlier encounters found by face or fingers, as check results (booth search, hub search and
the hub search deferred while offline all end here), and the booth's own gallery for searching
offline.

What a match means is ``domain.encounters``; this module writes it down with the evidence a
person judges it by, side by side: the earlier date, port, document, name and decision.
"""
from __future__ import annotations

import datetime as dt
import threading

from inspector_app.biometrics import gallery, similarity
from inspector_app.domain import decisions
from inspector_app.domain import encounters as rules
from inspector_app.domain.checks import CheckKind, Outcome
from inspector_app.domain.messages import msg

#: The booth searches its own and its port's encounters of the last this many days offline.
LOCAL_DAYS = 90

SOURCE_WORDS = {"booth": msg("this booth's copy of the port's recent encounters"),
                "hub": msg("every port's encounters, at the hub"),
                "hub_deferred": msg("every port's encounters, at the hub, after the booth came back online")}


def _evidence(earlier: dict) -> dict:
    ident = earlier.get("identity") or {}
    return {"examined_at": earlier.get("examined_at"), "port": earlier.get("port"), "booth": earlier.get("booth_id"),
            "decision": earlier.get("decision"), **{k: ident.get(k) for k in rules.IDENTITY_FIELDS}}


def _scores(match: dict) -> list[str]:
    said = []
    if match.get("finger_score") is not None:
        said.append(msg("fingerprint similarity {similarity} of 100",
                        similarity=str(similarity.finger_similarity(match["finger_score"]))))
    if match.get("face_distance") is not None:
        said.append(msg("face similarity {similarity} of 100",
                        similarity=str(similarity.face_similarity(match["face_distance"]))))
    return said


def _who(e: dict) -> str:
    return msg("{date} at {port}: {surname}, {given} ({nationality}, born {birth}), document {document}, decision {decision}",
               date=str(e.get("examined_at") or "")[:10], port=str(e.get("port") or "?"),
               surname=str(e.get("surname") or ""), given=str(e.get("given_names") or ""),
               nationality=str(e.get("nationality") or ""), birth=str(e.get("birth_date") or "?"),
               document=str(e.get("document_number") or ""),
               decision=decisions.decision_name(e["decision"]) if e.get("decision") else msg("none recorded"))


def recorded(checks: list[dict]) -> dict[str, str]:
    """Encounter id -> outcome of what an examination's earlier searches recorded (linked
    encounters as ``clear``): the ``already`` of ``check_results``."""
    mine = [c for c in checks if c.get("kind") == CheckKind.encounter.value]
    out = {e: Outcome.clear.value for c in mine for e in c.get("linked") or []}
    out.update({c["encounter_id"]: c["outcome"] for c in mine if c.get("encounter_id")})
    return out


def check_results(identity: dict, matches: list[dict], source: str, flag_new_document: bool = False,
                  already: dict[str, str] | None = None) -> list[dict]:
    """Check results for ``matches`` (each: encounter fields and ``by``, scores): one per earlier
    encounter under another identity (hit or flag, ``domain.encounters``), and one clear result
    that links the same traveller's earlier encounters (travel history). Encounters in
    ``already`` (encounter id: outcome recorded) were recorded by an earlier search of this
    examination and are left out, unless this search found stronger evidence (a face flag
    becomes a hit when the fingers match too)."""
    out, linked, already = [], [], already or {}
    for m in matches:
        earlier = _evidence(m)
        rel = rules.relation(identity, earlier)
        outcome = rules.outcome(rel, m.get("by", "face"), flag_new_document)
        if m["encounter_id"] in already and (already[m["encounter_id"]] == Outcome.hit.value
                                             or already[m["encounter_id"]] == outcome.value):
            continue
        check = {"kind": CheckKind.encounter.value, "relation": rel, "encounter_id": m["encounter_id"], "by": m.get("by"),
                 "source": source, "earlier": earlier,
                 "native": {k: m.get(k) for k in ("face_distance", "finger_score")}}
        if outcome is Outcome.clear:
            linked.append((check, earlier))
            continue
        head = (msg("earlier encounter under another identity") if rel == rules.ANOTHER_IDENTITY
                else msg("earlier encounter on another document of the same name"))
        out.append({**check, "outcome": outcome.value, "open": outcome is Outcome.hit,
                    "reasons": [head, _who(earlier), *_scores(m), msg("searched: {where}", where=SOURCE_WORDS[source])]})
    if linked:
        linked.sort(key=lambda ce: str(ce[1].get("examined_at") or ""), reverse=True)
        out.append({"kind": CheckKind.encounter.value, "outcome": Outcome.clear.value, "relation": rules.SAME_IDENTITY,
                    "source": source, "linked": [c["encounter_id"] for c, _ in linked],
                    "history": [e for _, e in linked],
                    "reasons": [msg("travel history: {count} earlier encounter(s) of this traveller",
                                    count=str(len(linked))), *[_who(e) for _, e in linked]]})
    return out


class LocalEncounters:
    """The booth's gallery of its own and its port's recent encounters, read from the store and
    kept in memory; each search first adds what the store gained since."""

    def __init__(self, days: int = LOCAL_DAYS):
        self.days = days
        self.gallery = gallery.EncounterGallery()
        self._rowid = 0
        self._lock = threading.Lock()

    def search(self, store, face, fingers: dict, exclude: str, today: dt.date, k: int = 10) -> list[dict]:
        """Matches among the encounters of the ``days`` before ``today`` (the examination date)."""
        with self._lock:
            since = (today - dt.timedelta(days=self.days)).isoformat()
            for row in store.encounters_since(since, self._rowid):
                self._rowid = max(self._rowid, row["rowid"])
                try:
                    f, fs = gallery.decode(row["templates"])
                except gallery.TemplateTextError:
                    continue   # kept by the store, and refused by the hub when pushed: nothing to search here
                self.gallery.add(row["encounter_id"], face=f, fingers=fs)
            found = self.gallery.search(face=face, fingers=fingers, exclude=[exclude], k=k)
        described = store.encounters_by_id([m.encounter_id for m in found])
        return [{**described[m.encounter_id], **m.to_dict()} for m in found if m.encounter_id in described]
