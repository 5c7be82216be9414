"""The hub's HTTP API (FastAPI). Every endpoint but /health needs a booth credential.

Endpoints are documented in docs/HUB_API.md; the live description is at ``/openapi.json``.
"""
from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, field_validator

from inspector_app.hub import guard, validation
from inspector_app.hub.db import MAX_BATCH, HubDb

log = logging.getLogger("inspector_app.hub")
API_VERSION = "1"


class RecordIn(BaseModel):
    record_id: str = Field(pattern=validation.RECORD_ID_PATTERN, description="idempotency key (a UUID)")
    seq: int | None = Field(None, ge=0, le=validation.MAX_SEQ, description="the booth's outbox order")
    kind: str = Field(pattern=validation.KIND_PATTERN)
    payload: dict[str, Any]
    created_at: str | None = Field(None, max_length=64)

    @field_validator("payload")
    @classmethod
    def _storable_payload(cls, v: dict) -> dict:
        return validation.check_json(v)

    @field_validator("created_at")
    @classmethod
    def _storable_created_at(cls, v: str | None) -> str | None:
        return v if v is None else validation.check_text(v, "created_at")


class RecordBatch(BaseModel):
    records: list[RecordIn] = Field(max_length=MAX_BATCH)


class PushResult(BaseModel):
    stored: list[str] = Field(description="record ids stored by this request")
    duplicates: list[str] = Field(description="ids already stored with the same content (safe resend)")
    conflicts: list[str] = Field(description="ids already stored with DIFFERENT content: refused, logged")


class ReviewIn(BaseModel):
    review_id: str | None = Field(None, pattern=validation.RECORD_ID_PATTERN,
                                  description="idempotency key; generated when absent")
    reviewer: str = Field(min_length=1, max_length=128)
    verdict: str = Field(max_length=32, description="confirmed | cleared")
    reason: str = Field(max_length=4000)

    @field_validator("reviewer", "verdict", "reason")
    @classmethod
    def _storable_text(cls, v: str, info) -> str:
        return validation.check_text(v, info.field_name)


bearer = HTTPBearer(auto_error=False, description="`<booth_id>.<secret>` issued by `hub register-booth`")


def create_app(db_url: str | HubDb, limits: guard.Limits | None = None) -> FastAPI:
    db = db_url if isinstance(db_url, HubDb) else HubDb(db_url)
    app = FastAPI(title="Border Inspector hub", version=API_VERSION,
                  description="Upstream service for booths: records up, signed bundles and users down, "
                              "and the cross-booth supervisor queue.")
    app.state.db = db
    guard.install(app, authenticate=db.authenticate, limits=limits)  # credential, body size, rate: before any body byte

    def booth(creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> str:
        booth_id = db.authenticate(creds.credentials) if creds else None
        if booth_id is None:
            raise HTTPException(401, "a valid booth credential is required (Authorization: Bearer <booth_id>.<secret>)",
                                headers={"WWW-Authenticate": "Bearer"})
        return booth_id

    @app.get("/health", tags=["status"])
    def health() -> dict:
        return {"ok": True, "api": API_VERSION}

    @app.get("/whoami", tags=["status"])
    def whoami(booth_id: str = Depends(booth)) -> dict:
        return {"booth_id": booth_id}

    @app.post("/records", tags=["records"], response_model=PushResult,
              responses={409: {"model": PushResult, "description": "some ids conflict; the rest were stored"}})
    def push_records(batch: RecordBatch, booth_id: str = Depends(booth)):
        try:
            # plain dicts without model_dump(): it deep-copies every payload and cost a third of ingest
            records = [{"record_id": r.record_id, "seq": r.seq, "kind": r.kind, "payload": r.payload,
                        "created_at": r.created_at} for r in batch.records]
            result = db.put_records(booth_id, records)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        return JSONResponse(result, status_code=409 if result["conflicts"] else 200)

    @app.get("/records/{record_id}", tags=["records"])
    def get_record(record_id: str, booth_id: str = Depends(booth)) -> dict:
        """A booth reads back only what it sent (404 otherwise: existence is not revealed);
        supervisors see other booths' flagged records through /queue."""
        found = db.get_record(record_id)
        if found is None or found["booth_id"] != booth_id:
            raise HTTPException(404, f"no record {record_id} from this booth")
        return found

    @app.get("/bundles", tags=["bundles"])
    def list_bundles(after: int = Query(0, ge=0), booth_id: str = Depends(booth)) -> dict:
        return {"bundles": db.list_bundles(after)}

    @app.get("/bundles/{version}", tags=["bundles"], response_class=Response,
             responses={200: {"content": {"application/octet-stream": {}}}})
    def get_bundle(version: int, booth_id: str = Depends(booth)) -> Response:
        info = db.bundle_info(version)
        if info is None:
            raise HTTPException(404, f"no bundle version {version}")
        return StreamingResponse(db.iter_bundle(version, info["chunks"]), media_type="application/octet-stream",
                                 headers={"Content-Length": str(info["size"]), "X-Bundle-Sha256": info["sha256"],
                                          "X-Bundle-Version": str(version)})

    @app.get("/users", tags=["users"])
    def users(booth_id: str = Depends(booth)) -> dict:
        return {"users": db.users()}

    @app.get("/queue", tags=["supervisor queue"])
    def queue(status: str = Query("open", pattern="^(open|reviewed)$"), booth_id: str = Depends(booth)) -> dict:
        return {"items": db.queue(status)}

    @app.post("/queue/{record_id}/reviews", tags=["supervisor queue"], status_code=201)
    def review(record_id: str, body: ReviewIn, booth_id: str = Depends(booth)) -> dict:
        try:
            return db.add_review(body.review_id or str(uuid.uuid4()), record_id, booth_id,
                                 body.reviewer, body.verdict, body.reason)
        except LookupError as exc:
            raise HTTPException(404, str(exc)) from exc
        except PermissionError as exc:
            raise HTTPException(403, str(exc)) from exc
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc

    @app.get("/reviews", tags=["supervisor queue"])
    def reviews(after: int = Query(0, ge=0), booth_id: str = Depends(booth)) -> dict:
        """Reviews made elsewhere of this booth's records (cursor: ``seq``)."""
        return {"reviews": db.reviews_for_booth(booth_id, after)}

    return app
