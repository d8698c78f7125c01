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

from fastapi import APIRouter, FastAPI, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
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
    service.E704_BAD_DOCUMENT: 422, service.E705_NO_PIPELINE: 503, service.E706_TOO_LARGE: 413,
}
MAX_REQUEST_BYTES = 2 * 5 * 1024 * 1024 + 65536  # a 5 MB report, JSON-escaped, and its fields


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

    extractor = service.ExtractionProcess()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        extractor.close()
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

    app.add_middleware(_SecurityHeaders, csp=csp)

    app.include_router(_api_router(store, write_token, tiles, extractor))

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


class _SecurityHeaders:
    """CSP, nosniff and no-referrer on every response, as a plain ASGI middleware (Starlette's
    ``BaseHTTPMiddleware`` runs each request through an extra task and stream: a third of a cached read)."""

    def __init__(self, app, csp: str):
        self.app = app
        self.headers = [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"no-referrer")]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in have]
            await send(message)

        return await self.app(scope, receive, send_with_headers)


def app_from_environment() -> FastAPI:
    """The app of one ``sitrep serve --workers N`` process: the store from ``SITREP_SERVE_DB``."""
    return create_app(os.environ.get("SITREP_SERVE_DB"))


def _content_security_policy(tiles: str | None) -> str:
    img = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{", "").replace("}", ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            img += f" {parts.scheme}://{parts.netloc}"
    return ("default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src {img}; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _api_router(store, write_token: str | None, tiles: str | None, extractor) -> APIRouter:
    r = APIRouter(prefix="/api")
    _incident_routes(r, store)
    _document_routes(r, store, write_token, extractor)
    _total_routes(r, store)

    @r.get("/config", summary="What the page needs to know: tiles, whether writing is on")
    def config():
        return {"tiles": tiles, "write_enabled": write_token is not None, "version": __version__}

    return r


def _filters(date_from, date_to, bbox, country, type_, actor, claimed, q):
    return service.make_filters(date_from=date_from, date_to=date_to, bbox=bbox, country=country,
                                event_type=type_, actor=actor, claimed=parse_claimed(claimed), q=q)


def _incident_routes(r: APIRouter, store) -> None:
    """Reading incidents: lists in any export format, one incident, deletions, the timeline and the totals."""
    filters = _filters

    @r.get("/incidents", summary="Incidents, filtered and paginated, in JSON or any export format",
           responses=schemas.incidents_responses(EXPORT_FORMATS))
    def incidents(date_from: DateFrom = None, date_to: DateTo = None, bbox: Bbox = None,
                  country: Country = None, type_: Type = None, actor: Actor = None,
                  claimed: Claimed = None, q: Q = None,
                  limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
                  offset: Annotated[int, Query(ge=0, le=service.MAX_OFFSET)] = 0, cursor: Cursor = None,
                  updated_since: UpdatedSince = None, format: FormatQ = "json"):
        f = filters(date_from, date_to, bbox, country, type_, actor, claimed, q)
        page = service.list_incidents(store, f, limit=limit, offset=offset, cursor=cursor,
                                      updated_since=_utc(updated_since))
        if format == "json":
            return _fast_json(page)  # the declared schema is what the store returns: no second encoding pass
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
        return _fast_json(store.timeline(**f.as_kwargs()))

    @r.get("/stats", summary="Counts by type, country and month, and totals")
    def stats():
        return _fast_json(store.stats(max_age_s=service.TOTALS_MAX_AGE_S))


def _total_routes(r: APIRouter, store) -> None:
    """Reported totals: the cumulative counts reports give ("28,000 killed since 2015"), kept apart from
    incidents."""

    @r.get("/reported-totals", summary="Cumulative counts that reports give, newest report first (never incidents)")
    def reported_totals(limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
                        offset: Annotated[int, Query(ge=0, le=service.MAX_OFFSET)] = 0,
                        document: Annotated[str | None, Query(max_length=300)] = None):
        return _fast_json({"limit": limit, "offset": offset, "total": store.count_reported_totals(document),
                           "items": store.reported_totals(limit=limit, offset=offset, document_id=document)})


def _document_routes(r: APIRouter, store, write_token: str | None, extractor) -> None:
    """Stored documents: list, one with its text, and posting a report (token first)."""

    @r.get("/documents", summary="Stored documents, newest first (without their text)")
    def documents(limit: Annotated[int, Query(ge=1, le=service.MAX_LIMIT)] = 100,
                  offset: Annotated[int, Query(ge=0, le=service.MAX_OFFSET)] = 0):
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
                       403: {"description": "writing disabled (no token configured)"},
                       413: {"description": "request body over the size limit"}},
            openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                "schema": NewDocument.model_json_schema()}}}})
    async def post_document(request: Request, authorization: Annotated[str | None, Header()] = None):
        # the token first, then the size, then the body: nothing is read or parsed for a stranger
        service.check_token(write_token, authorization)
        body = await _read_document(request)
        return await run_in_threadpool(service.ingest_text, store, body.text, doc_id=body.id, title=body.title,
                                       published=body.published, url=body.url, source=body.source,
                                       extract=extractor)


async def _read_document(request: Request) -> NewDocument:
    """The posted document: refused (413, E706) when its declared or actual size is over
    ``MAX_REQUEST_BYTES`` without reading further; a body that does not validate is 422 (E704) naming the
    fields, never echoing their values."""
    from pydantic import ValidationError

    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_REQUEST_BYTES):
        raise ServeError(f"the request body is over {MAX_REQUEST_BYTES // (1024 * 1024)} MB", code=service.E706_TOO_LARGE)
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_REQUEST_BYTES:
            raise ServeError(f"the request body is over {MAX_REQUEST_BYTES // (1024 * 1024)} MB",
                             code=service.E706_TOO_LARGE)
    try:
        return NewDocument.model_validate_json(bytes(data))
    except ValidationError as exc:
        where = "; ".join(f"{'.'.join(str(x) for x in e['loc']) or 'body'}: {e['msg']}"
                          for e in exc.errors(include_input=False, include_url=False)[:10])
        raise ServeError(f"not a valid document: {where}"[:1000], code=service.E704_BAD_DOCUMENT) from None


def _fast_json(obj) -> Response:
    """Plain JSON (str, numbers, lists, dicts: what the store returns) written by orjson, without FastAPI's
    recursive ``jsonable_encoder`` walk: the largest cost of a cached read."""
    import orjson

    return Response(orjson.dumps(obj), media_type="application/json")


def _jsonable(obj):
    from fastapi.encoders import jsonable_encoder

    return jsonable_encoder(obj)
