"""The hub's HTTP API (FastAPI). Every endpoint but /health needs a booth credential; what a
booth may see and do is in docs/SECURITY.md.

Endpoints are documented in docs/HUB_API.md; the live description is at ``/openapi.json``.
"""
from __future__ import annotations

import hashlib
import logging
import re
import time
from datetime import datetime, timedelta
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as FastApiPath
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator
from starlette.concurrency import run_in_threadpool

from inspector_app.biometrics import gallery
from inspector_app.common import signing
from inspector_app.common.clock import utc_now
from inspector_app.hub import encounters, guard, validation
from inspector_app.hub import manifests as hub_manifests
from inspector_app.hub import records as rec
from inspector_app.hub.db import MAX_BATCH, Booth, HubDb
from inspector_app.hub.keys import HubKeys
from inspector_app.screening import paxlst

log = logging.getLogger("inspector_app.hub")
API_VERSION = "1"


class RecordIn(BaseModel):
    record_id: str = Field(pattern=validation.RECORD_ID_PATTERN, description="idempotency key (a UUID), unique per booth")
    seq: int | None = Field(None, ge=0, le=validation.MAX_SEQ, description="the booth's outbox order")
    kind: str = Field(pattern=validation.KIND_PATTERN)
    payload: dict[str, Any]
    created_at: str | None = Field(None, max_length=64)
    signature: str = Field(max_length=200, description="the booth's Ed25519 signature (docs/SECURITY.md)")

    @field_validator("payload")
    @classmethod
    def _storable_payload(cls, v: dict) -> dict:
        return validation.check_json(v)

    @field_validator("created_at")
    @classmethod
    def _storable_created_at(cls, v: str | None) -> str | None:
        return v if v is None else validation.check_text(v, "created_at")


class AuditHead(BaseModel):
    seq: int = Field(ge=0, le=validation.MAX_SEQ)
    hash: str = Field(pattern="^[0-9a-f]{64}$")


class RecordBatch(BaseModel):
    records: list[RecordIn] = Field(max_length=MAX_BATCH)
    audit_head: AuditHead | None = Field(None, description="the booth's audit chain head, kept as an anchor")


class Refusal(BaseModel):
    record_id: str
    reason: str


class Receipt(BaseModel):
    body: dict = Field(description="booth_id, issued_at, results: [record_id, content_sha256, status]")
    signature: str = Field(description="Ed25519 by the hub's receipt key")


class PushResult(BaseModel):
    stored: list[str] = Field(description="record ids stored by this request")
    duplicates: list[str] = Field(description="ids already stored with the same content (safe resend)")
    conflicts: list[str] = Field(description="ids already stored with DIFFERENT content: refused, logged")
    refused: list[Refusal] = Field(description="records refused for good (bad signature, invalid review)")
    receipt: Receipt


class ReviewIn(BaseModel):
    """A supervisor's review, signed with the supervisor's own key (common/signed_review.py)."""
    review_id: str = Field(pattern=validation.RECORD_ID_PATTERN)
    examination_id: str = Field(pattern=validation.RECORD_ID_PATTERN)
    reviewer: str = Field(min_length=1, max_length=64)
    verdict: str = Field(max_length=32, description="confirmed | cleared")
    reason: str = Field(min_length=1, max_length=4000)
    reviewed_at: str = Field(max_length=64)
    signature: str = Field(max_length=200)

    @field_validator("reviewer", "verdict", "reason", "reviewed_at")
    @classmethod
    def _storable_text(cls, v: str, info) -> str:
        return validation.check_text(v, info.field_name)


class Authorisation(BaseModel):
    """The examining inspector's signature over this search (``signing.ENCOUNTER_SEARCH``)."""
    user: str = Field(min_length=1, max_length=64)
    at: str = Field(max_length=64)
    signature: str = Field(max_length=200)


class EncounterSearchIn(BaseModel):
    examination_id: str = Field(pattern=validation.RECORD_ID_PATTERN, description="the examination searched for")
    templates: dict[str, Any] = Field(description="face and fingers as biometrics.gallery.encode writes them")
    authorisation: Authorisation
    k: int = Field(10, ge=1, le=50)

    @field_validator("templates")
    @classmethod
    def _storable_templates(cls, v: dict) -> dict:
        return validation.check_json(v)


class KeyIn(BaseModel):
    public_key: str = Field(max_length=64, description="base64 of the booth's raw Ed25519 public key")


bearer = HTTPBearer(auto_error=False, description="`<booth_id>.<secret>` issued by `hub register-booth`")
PROOF_WINDOW_S = 300
MAX_LANDINGS = 20
DOCUMENT_NUMBER = re.compile("[A-Z0-9]{1,24}")  # ICAO 9303: 9, or more carried on in the optional data
NATIONALITY = re.compile("[A-Z]{1,3}")
MAX_MANIFEST_BYTES = 4 * 1024 * 1024  # a 6,000-person cruise ship's list is about 1.5 MB


def create_app(db_url: str | HubDb, keys: HubKeys, limits: guard.Limits | None = None) -> FastAPI:
    db = db_url if isinstance(db_url, HubDb) else HubDb(db_url)
    app = FastAPI(title="Border Inspector hub", version=API_VERSION,
                  description="Upstream service for booths: signed records up, signed bundles and users down, "
                              "and the cross-booth supervisor queue.")
    app.state.db = db
    app.state.keys = keys
    guard.install(app, authenticate=db.authenticate, limits=limits)  # credential, body size, rate: before any body byte

    def booth(request: Request, creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Booth:
        """The booth the guard authenticated before reading the body (``creds`` only documents
        the scheme in the OpenAPI description; it is not checked twice)."""
        found = guard.principal(request)
        if not isinstance(found, Booth):
            raise HTTPException(401, "a valid booth credential is required (Authorization: Bearer <booth_id>.<secret>)",
                                headers={"WWW-Authenticate": "Bearer"})
        return found

    def proven(request: Request, who: Booth, header: str, role: str, tag: str, **signed: str) -> dict | None:
        """The user named in the ``X-<header>`` headers if they hold ``role`` and signed, with
        their own key within the proof window, this request at this booth (and ``signed``)."""
        user = request.headers.get(f"x-{header}", "")
        at = request.headers.get(f"x-{header}-at", "")
        proof = request.headers.get(f"x-{header}-proof", "")
        found = db.user(user) if user else None
        try:
            age = abs(time.time() - datetime.fromisoformat(at).timestamp())
        except ValueError:
            age = None
        value = {"user": user, "at": at, "method": request.method, "path": request.url.path, "booth_id": who.booth_id,
                 **signed}
        if (found is None or role not in found["roles"] or age is None or age > PROOF_WINDOW_S
                or not signing.verify(found["public_key"], tag, value, proof)):
            return None
        return found

    def supervisor(request: Request, who: Booth = Depends(booth)) -> str:
        """A supervisor of this booth's port, proven by a fresh signature with their own key:
        a booth credential alone never reads other booths' flagged travellers."""
        return supervisor_of(request, who)

    def supervisor_of(request: Request, who: Booth, **signed: str) -> str:
        found = proven(request, who, "supervisor", "supervisor", signing.SUPERVISOR_PROOF, **signed)
        if found is None:
            raise HTTPException(403, "this needs a supervisor's signed proof (X-Supervisor, X-Supervisor-At, "
                                     "X-Supervisor-Proof) made within the last 5 minutes")
        if "*" not in found["ports"] and who.port not in found["ports"]:
            raise HTTPException(403, f"{found['user']} is not a supervisor of {who.port}")
        return found["user"]

    @app.get("/health", tags=["status"])
    def health() -> dict:
        return {"ok": True, "api": API_VERSION}

    @app.get("/whoami", tags=["status"])
    def whoami(who: Booth = Depends(booth)) -> dict:
        return {"booth_id": who.booth_id, "port": who.port, "key_enrolled": bool(who.public_key)}

    @app.put("/booth/key", tags=["status"])
    def enrol(body: KeyIn, who: Booth = Depends(booth)) -> dict:
        """The booth's signing key, once: a different key later needs an operator (re-register)."""
        try:
            ok = db.enrol_key(who.booth_id, body.public_key)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        if not ok:
            raise HTTPException(409, "another key is registered for this booth; an operator must re-register it")
        return {"booth_id": who.booth_id, "enrolled": True}

    @app.post("/records", tags=["records"], response_model=PushResult)
    def push_records(batch: RecordBatch, who: Booth = Depends(booth)):
        # plain dicts without model_dump(): it deep-copies every payload and cost a third of ingest
        records = [{"record_id": r.record_id, "seq": r.seq, "kind": r.kind, "payload": r.payload,
                    "created_at": r.created_at, "signature": r.signature} for r in batch.records]
        head = None if batch.audit_head is None else (batch.audit_head.seq, batch.audit_head.hash)
        try:
            result = db.put_records(who, records, audit_head=head)
        except PermissionError as exc:
            raise HTTPException(403, str(exc)) from exc
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        status = {rid: "stored" for rid in result["stored"]}
        status.update({rid: "duplicate" for rid in result["duplicates"]})
        status.update({rid: "conflict" for rid in result["conflicts"]})
        status.update({r["record_id"]: "refused" for r in result["refused"]})
        hashes = result.pop("hashes")
        body = rec.receipt_body(who.booth_id, utc_now(microseconds=True),
                                [[rid, hashes[rid], status[rid]] for rid in hashes])
        result["receipt"] = {"body": body, "signature": signing.sign(keys.receipt, signing.RECEIPT, body)}
        return JSONResponse(result)

    @app.get("/records/{record_id}", tags=["records"])
    def get_record(record_id: str, who: Booth = Depends(booth)) -> dict:
        """A booth reads back only what it sent (ids are per booth: another's is never found)."""
        found = db.get_record(who.booth_id, record_id)
        if found is None:
            raise HTTPException(404, f"no record {record_id} from this booth")
        return found

    @app.get("/audit-head", tags=["records"])
    def audit_head(who: Booth = Depends(booth)) -> dict:
        """The newest head of this booth's audit chain the hub holds (``audit verify --against-hub``)."""
        return {"booth_id": who.booth_id, "head": db.audit_head(who.booth_id)}

    @app.get("/bundles", tags=["bundles"])
    def list_bundles(after: int = Query(0, ge=0, le=2**63 - 1), who: Booth = Depends(booth)) -> dict:
        return {"bundles": db.list_bundles(after)}

    @app.get("/bundles/{version}", tags=["bundles"], response_class=Response,
             responses={200: {"content": {"application/octet-stream": {}}}})
    def get_bundle(version: int = FastApiPath(ge=1, le=2**63 - 1), who: Booth = Depends(booth)) -> Response:
        info = db.bundle_info(version)
        if info is None:
            raise HTTPException(404, f"no bundle version {version}")
        return StreamingResponse(db.iter_bundle(version, info["chunks"]), media_type="application/octet-stream",
                                 headers={"Content-Length": str(info["size"]), "X-Bundle-Sha256": info["sha256"],
                                          "X-Bundle-Version": str(version)})

    @app.get("/users", tags=["users"])
    def users(who: Booth = Depends(booth)) -> dict:
        """This booth's port's users, as the administrator signed them (no other port's)."""
        found = db.user_list(who.port)
        if found is None:
            raise HTTPException(404, f"no signed user list for {who.port} yet (hub add-user)")
        return found

    @app.get("/queue", tags=["supervisor queue"])
    def queue(status: str = Query("open", pattern="^(open|reviewed)$"),
              booth_id: str | None = Query(None, alias="booth", max_length=64, description="one booth of the port"),
              since: str | None = Query(None, max_length=64, description="items created at or after (ISO-8601)"),
              after: str | None = Query(None, max_length=1024, description="the previous page's `next`"),
              limit: int = Query(100, ge=1, le=1000),
              who: Booth = Depends(booth), user: str = Depends(supervisor)) -> dict:
        """One page of the port's queue, oldest first, summaries only (the payload: ``GET
        /queue/{booth_id}/{record_id}``); ``cursor`` is where ``GET /queue/changes`` goes on from."""
        try:
            page = db.queue_page(who.port, status, booth_id=booth_id, since=since, after=after, limit=limit)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        db.log_access(f"user:{user}@{who.booth_id}", "queue.read",
                      f"{status}: {len(page['items'])} item(s) of {who.port}")
        return page

    @app.get("/queue/changes", tags=["supervisor queue"])
    def queue_changes(after: int = Query(0, ge=0, le=2**63 - 1), limit: int = Query(500, ge=1, le=1000),
                      who: Booth = Depends(booth), user: str = Depends(supervisor)) -> dict:
        """The port's items inserted or reviewed since change number ``after``, in that order: a
        supervisor's window polls this instead of reading the queue again."""
        changes = db.queue_changes(who.port, after, limit)
        if changes["items"]:  # an empty poll (every 2 s per window) shows no traveller: not logged
            db.log_access(f"user:{user}@{who.booth_id}", "queue.changes",
                          f"after {after}: {len(changes['items'])} item(s) of {who.port}")
        return changes

    @app.get("/queue/{booth_id}/{record_id}", tags=["supervisor queue"])
    def queue_item(booth_id: str, record_id: str, who: Booth = Depends(booth),
                   user: str = Depends(supervisor)) -> dict:
        """One item with its payload: what the supervisor opened (another port's is never found)."""
        found = db.queue_item(who.port, booth_id, record_id)
        if found is None:
            raise HTTPException(404, f"no queue item {booth_id}/{record_id} in {who.port}")
        db.log_access(f"user:{user}@{who.booth_id}", "queue.item", f"{booth_id}/{record_id}")
        return found

    @app.post("/queue/{booth_id}/{record_id}/reviews", tags=["supervisor queue"], status_code=201)
    def review(booth_id: str, record_id: str, body: ReviewIn, who: Booth = Depends(booth)) -> dict:
        """Only a supervisor's own signature clears or confirms; the booth that carries it does not."""
        fields = {"review_id": body.review_id, "booth_id": booth_id, "check_result_id": record_id,
                  "examination_id": body.examination_id, "reviewer": body.reviewer, "verdict": body.verdict,
                  "reason": body.reason, "reviewed_at": body.reviewed_at}
        try:
            out = db.add_review(fields, body.signature, who.booth_id)
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from exc
        except PermissionError as exc:
            raise HTTPException(403, str(exc)) from exc
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        db.log_access(f"user:{body.reviewer}@{who.booth_id}", "review", f"{booth_id}/{record_id} {body.verdict}")
        return out

    @app.get("/landings", tags=["landings"])
    def find_landings(request: Request,
                      document_number: str = Query(max_length=64, description="the MRZ's, without fillers"),
                      nationality: str = Query(max_length=64, description="the MRZ's three-letter code"),
                      limit: int = Query(5, ge=1, le=MAX_LANDINGS),
                      who: Booth = Depends(booth)) -> dict:
        """A departing traveller's landings at any port, newest first, for the examining inspector:
        their proof is signed over the document asked for, and who asked for which is logged."""
        for name, value, pattern, what in (
                ("document_number", document_number, DOCUMENT_NUMBER, "1-24 capital letters and digits"),
                ("nationality", nationality, NATIONALITY, "1-3 capital letters")):
            if not pattern.fullmatch(value):
                raise HTTPException(422, f"{name} must be {what}, as the MRZ gives it (fillers removed)")
        found = proven(request, who, "inspector", "inspector", signing.LANDING_PROOF,
                       document_number=document_number, nationality=nationality)
        if found is None:
            raise HTTPException(403, "this needs the examining inspector's signed proof (X-Inspector, "
                                     "X-Inspector-At, X-Inspector-Proof) for this document, made within the "
                                     "last 5 minutes")
        if "*" not in found["ports"] and who.port not in found["ports"]:
            raise HTTPException(403, f"{found['user']} is not an inspector of {who.port}")
        items = db.find_landings(document_number, nationality, limit)
        db.log_access(f"user:{found['user']}@{who.booth_id}", "landings.read",
                      f"{nationality} {document_number}: {len(items)} landing(s)")
        return {"items": items}

    def inspector_of_port(found: dict | None, who: Booth) -> dict:
        if found is None:
            raise HTTPException(403, "this needs the examining inspector's signature over this search")
        if "*" not in found["ports"] and who.port not in found["ports"]:
            raise HTTPException(403, f"{found['user']} is not an inspector of {who.port}")
        return found

    @app.post("/encounters/search", tags=["encounters"])
    def search_encounters(body: EncounterSearchIn, who: Booth = Depends(booth)) -> dict:
        """Earlier encounters at any port whose face or fingers match this examination's, for the
        inspector who signed the search over these very templates (at the booth, or up to
        14 days earlier for a search deferred while the booth was offline). Logged."""
        auth = body.authorisation
        found = db.user(auth.user)
        try:
            at = datetime.fromisoformat(auth.at)
            age = datetime.now(at.tzinfo) - at if at.tzinfo else None
        except ValueError:
            age = None
        value = signing.encounter_search_value(auth.user, auth.at, who.booth_id, body.examination_id, body.templates)
        if (found is None or "inspector" not in found["roles"] or age is None
                or not (-timedelta(minutes=5) <= age <= encounters.MAX_AUTHORISATION_AGE)
                or not signing.verify(found["public_key"], signing.ENCOUNTER_SEARCH, value, auth.signature)):
            found = None
        found = inspector_of_port(found, who)
        try:
            face, fingers = gallery.decode(body.templates)
        except gallery.TemplateTextError as exc:
            raise HTTPException(422, str(exc)) from None
        if face is None and not fingers:
            raise HTTPException(422, "nothing to search by: no face and no fingers")
        items = db.search_encounters(face, fingers, body.examination_id, body.k)
        db.log_access(f"user:{found['user']}@{who.booth_id}", "encounters.search",
                      f"{body.examination_id}: {len(items)} match(es)")
        return {"items": items}

    @app.get("/encounters/recent", tags=["encounters"])
    def recent_encounters(request: Request, after: int = Query(0, ge=0, le=2**63 - 1),
                          limit: int = Query(encounters.MAX_RECENT_PAGE, ge=1, le=encounters.MAX_RECENT_PAGE),
                          who: Booth = Depends(booth)) -> dict:
        """The port's recent encounters at other booths (cursor ``seq``), with templates, copied
        to a booth so it can search them offline; asked for by a signed-in inspector of the port."""
        found = inspector_of_port(proven(request, who, "inspector", "inspector", signing.ENCOUNTER_COPY,
                                         after=str(after)), who)
        items = db.recent_encounters(who.port, after, limit, who.booth_id)
        db.log_access(f"user:{found['user']}@{who.booth_id}", "encounters.copy", f"{who.port}: {len(items)} after {after}")
        return {"items": items}

    @app.post("/manifests", tags=["manifests"], status_code=201,
              openapi_extra={"requestBody": {"required": True, "content": {"text/plain": {}}}})
    async def upload_manifest(request: Request, who: Booth = Depends(booth)) -> JSONResponse:
        """A PAXLST file (the raw EDIFACT as the body) for this booth's port, uploaded by a
        supervisor of the port whose proof is signed over the file's SHA-256; read whole at the hub
        or refused (422 with the segment and position), then handed to the port's booths."""
        raw = await request.body()
        return await run_in_threadpool(accept_manifest, request, who, raw)

    def accept_manifest(request: Request, who: Booth, raw: bytes) -> JSONResponse:
        if len(raw) > MAX_MANIFEST_BYTES:
            raise HTTPException(413, f"a manifest of {len(raw)} bytes exceeds the limit of {MAX_MANIFEST_BYTES}")
        digest = hashlib.sha256(raw).hexdigest()
        user = supervisor_of(request, who, sha256=digest)
        if b"\x00" in raw:
            raise HTTPException(422, "the manifest contains a NUL byte: not EDIFACT text")
        try:
            manifest = paxlst.parse(raw.decode("latin-1"))   # UNOA/UNOB text: every byte is a character
        except paxlst.PaxlstError as exc:
            return JSONResponse({"detail": f"refused, nothing stored: {exc}", "segment": exc.segment or None,
                                 "index": exc.index, "line": exc.line, "column": exc.column}, status_code=422)
        head = manifest.to_dict()
        kept = db.put_manifest(who.port, digest, head, len(manifest.people), user, who.booth_id, raw.decode("latin-1"))
        db.log_access(f"user:{user}@{who.booth_id}", "manifest.upload",
                      f"{manifest.flight} {head['scheduled_arrival']}: {len(manifest.people)} {manifest.kind}"
                      + (" (again)" if kept["duplicate"] else ""))
        return JSONResponse({**kept, "port": who.port, "complete": manifest.complete, "parts": list(manifest.parts),
                             "warnings": list(manifest.warnings)}, status_code=200 if kept["duplicate"] else 201)

    @app.get("/manifests", tags=["manifests"])
    def port_manifests(after: int = Query(0, ge=0, le=2**63 - 1),
                       limit: int = Query(hub_manifests.MAX_PAGE, ge=1, le=hub_manifests.MAX_PAGE),
                       who: Booth = Depends(booth)) -> dict:
        """The files uploaded for this booth's port after ``seq`` ``after``, in order, each with its
        text: the booth's sync pulls them and screens each against its own lists."""
        items = db.manifests_after(who.port, after, limit)
        if items:
            db.log_access(f"booth:{who.booth_id}", "manifests.read",
                          f"after {after}: {len(items)} manifest(s) of {who.port}")
        return {"items": items}

    @app.get("/reviews", tags=["supervisor queue"])
    def reviews(after: int = Query(0, ge=0, le=2**63 - 1), who: Booth = Depends(booth)) -> dict:
        """Reviews made elsewhere of this booth's records, signed by their supervisors (cursor: ``seq``)."""
        return {"reviews": db.reviews_for_booth(who.booth_id, after)}

    return app
