"""The FastAPI app: JSON API under ``/api``, the map page at ``/``, OpenAPI at ``/openapi.json`` and a
self-contained API page at ``/docs`` (no CDN: the page works with no internet).

Reading is open; ``POST /api/documents`` needs ``Authorization: Bearer <token>`` where the token
comes from ``create_app(token=...)`` or the ``SITREP_TOKEN`` environment variable.
"""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from importlib import resources
from typing import Annotated, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Body, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from sitrep import __version__
from sitrep.export import FORMATS
from sitrep.filters import parse_claimed
from sitrep.serve import schemas, service
from sitrep.serve.service import ServeError

STATUS = {
    service.E701_BAD_FILTER: 422, service.E702_NO_TOKEN: 403, service.E703_BAD_TOKEN: 401,
    service.E704_BAD_DOCUMENT: 422, service.E705_NO_PIPELINE: 503,
}


class NewDocument(BaseModel):
    text: str = Field(..., description="the report; a first line followed by 'FILE:' is read as its title")
    id: str | None = Field(None, max_length=200, description="document id; default: a hash of the text")
    title: str | None = Field(None, max_length=1000)
    published: date | None = Field(None, description="publication day, anchors relative dates")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=200)


DateFrom = Annotated[date | None, Query(description="first day, inclusive (YYYY-MM-DD)")]
DateTo = Annotated[date | None, Query(description="last day, inclusive (YYYY-MM-DD)")]
Bbox = Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat",
                                   examples=["38,29,49,38"])]
Country = Annotated[str | None, Query(description="country name, as in location.country")]
Type = Annotated[str | None, Query(alias="type", description="ACLED event type, e.g. Explosions/Remote violence")]
Actor = Annotated[str | None, Query(description="actor1 (perpetrator) or claimant, substring")]
Claimed = Annotated[Literal["true", "false", "unknown"] | None, Query(
    description="true: a group claimed it; false: a report says no group claimed it; unknown: the reports "
                "say nothing about a claim")]
Q = Annotated[str | None, Query(description="words in the incident or its source texts")]


Cursor = Annotated[str | None, Query(
    description="keyset paging for full pulls, in id order: 'start' for the first page, then the "
                "previous page's next_cursor until it is null")]
UpdatedSince = Annotated[datetime | None, Query(
    description="only incidents created or changed at or after this time (ISO 8601; UTC when no zone)")]
EXPORT_FORMATS = tuple(FORMATS)
FormatQ = Annotated[Literal[("json", *EXPORT_FORMATS)], Query(  # type: ignore[valid-type]
    description="json (a page object), or an export format: " + ", ".join(EXPORT_FORMATS))]


def _utc(when: datetime | None) -> str | None:
    """An ISO timestamp in UTC, as the store writes ``last_updated``."""
    if when is None:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def static_dir():
    return resources.files("sitrep.serve") / "static"


def create_app(store_url: str | None = None, *, token: str | None = None, store=None,
               tiles_url: str | None = None) -> FastAPI:
    """Build the app over ``open_store(store_url)`` (or an already open ``store``, which the caller
    keeps ownership of). ``token`` (else ``SITREP_TOKEN``) enables POST; ``tiles_url`` (else
    ``SITREP_TILES``), a ``https://…/{z}/{x}/{y}.png`` template, turns on online map tiles."""
    owns_store = store is None
    if store is None:
        from sitrep.store import open_store

        store = open_store(store_url)
    write_token = service.configured_token(token)
    tiles = tiles_url if tiles_url is not None else os.environ.get("SITREP_TILES") or None

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owns_store:
            store.close()

    app = FastAPI(
        title="sitrep", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Incidents of armed violence extracted from news reports, each field traced to "
                    "the words of its sources. Reading is open; posting a document needs a bearer token.",
    )
    app.state.store = store
    app.state.token = write_token
    app.state.tiles = tiles

    @app.exception_handler(ServeError)
    async def _serve_error(request: Request, exc: ServeError):
        return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=STATUS.get(exc.code, 400))

    csp = _content_security_policy(tiles)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.include_router(_api_router(store, write_token, tiles))

    static = static_dir()
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(str(static / "index.html"), media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(str(static / "docs.html"), media_type="text/html")

    @app.get("/docs/data", include_in_schema=False)
    def data_dictionary():
        """Every column of every export: docs/data-dictionary.md (shipped in the package)."""
        text = (resources.files("sitrep.export") / "data-dictionary.md").read_text(encoding="utf-8")
        return Response(text, media_type="text/plain; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    return app


def _content_security_policy(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{", "").replace("}", ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            img += f" {parts.scheme}://{parts.netloc}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _api_router(store, write_token: str | None, tiles: str | None) -> APIRouter:
    r = APIRouter(prefix="/api")

    def filters(date_from, date_to, bbox, country, type_, actor, claimed, q):
        return service.make_filters(date_from=date_from, date_to=date_to, bbox=bbox, country=country,
                                    event_type=type_, actor=actor, claimed=parse_claimed(claimed), q=q)


    @r.get("/incidents", summary="Incidents, filtered and paginated, in JSON or any export format",
           responses=schemas.incidents_responses(EXPORT_FORMATS))
    def incidents(date_from: DateFrom = None, date_to: DateTo = None, bbox: Bbox = None,
                  country: Country = None, type_: Type = None, actor: Actor = None,
                  claimed: Claimed = None, q: Q = None,
                  limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0, cursor: Cursor = None,
                  updated_since: UpdatedSince = None, format: FormatQ = "json"):
        f = filters(date_from, date_to, bbox, country, type_, actor, claimed, q)
        page = service.list_incidents(store, f, limit=limit, offset=offset, cursor=cursor,
                                      updated_since=_utc(updated_since))
        if format == "json":
            return page
        body, media, name = service.export_page(store, _jsonable(page), format)
        headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Total-Count": str(page["total"])}
        if page["next_cursor"]:
            headers["X-Next-Cursor"] = page["next_cursor"]
        return Response(body, media_type=media, headers=headers)

    @r.get("/deletions", summary="Incidents deleted since a time (sync with updated_since)",
           response_model=schemas.DeletionPage)
    def deletions(since: UpdatedSince = None,
                  limit: Annotated[int, Query(ge=1, le=10 * service.MAX_LIMIT)] = 1000):
        items = store.deletions(since=_utc(since), limit=limit)
        return {"since": _utc(since), "items": items}

    @r.get("/incidents/{incident_id}", summary="One incident with its sources and highlighted evidence")
    def incident(incident_id: str):
        inc = service.incident_detail(store, incident_id)
        if inc is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        return inc

    @r.get("/timeline", summary="Incidents and fatalities per day, with the same filters")
    def timeline(date_from: DateFrom = None, date_to: DateTo = None, bbox: Bbox = None,
                 country: Country = None, type_: Type = None, actor: Actor = None,
                 claimed: Claimed = None, q: Q = None):
        f = filters(date_from, date_to, bbox, country, type_, actor, claimed, q)
        return store.timeline(**f.as_kwargs())

    @r.get("/stats", summary="Counts by type, country and month, and totals")
    def stats():
        return store.stats()

    @r.get("/documents", summary="Stored documents, newest first (without their text)")
    def documents(limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
                  offset: Annotated[int, Query(ge=0)] = 0):
        return {"limit": limit, "offset": offset, "items": store.documents(limit=limit, offset=offset)}

    @r.get("/documents/{doc_id}", summary="One document with its text")
    def document(doc_id: str):
        doc = store.document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return doc

    @r.post("/documents", status_code=201,
            summary="Store a report: extract its events and merge them (needs a bearer token)",
            responses={401: {"description": "missing or wrong token"},
                       403: {"description": "writing disabled (no token configured)"}})
    def post_document(body: Annotated[NewDocument, Body()],
                      authorization: Annotated[str | None, Header()] = None):
        service.check_token(write_token, authorization)
        return service.ingest_text(store, body.text, doc_id=body.id, title=body.title,
                                   published=body.published, url=body.url, source=body.source)

    @r.get("/config", summary="What the page needs to know: tiles, whether writing is on")
    def config():
        return {"tiles": tiles, "write_enabled": write_token is not None, "version": __version__}

    return r


def _jsonable(obj):
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(obj)
