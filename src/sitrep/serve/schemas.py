"""The response shapes the API declares in its OpenAPI document (``/openapi.json``). Routes return
plain dicts; these models only describe them, so serving stays as fast as before."""
from __future__ import annotations

from pydantic import BaseModel, Field


class Location(BaseModel):
    name: str | None = Field(None, description="place name as resolved (town, facility, province, country)")
    country: str | None = None
    country_code: str | None = Field(None, description="ISO 3166-1 alpha-2")
    admin1: str | None = Field(None, description="first-order division")
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(None, description="ACLED: 1 the place, 2 near it / part of a region, "
                                                        "3 only the province or country")


class Incident(BaseModel):
    id: str
    document: str | None = Field(None, description="the first report's document id")
    date: str | None = Field(None, description="YYYY-MM-DD, the first day the date covers; null: unknown")
    date_precision: str | None = Field(None, description="day / week / month (ACLED time_precision 1 / 2 / 3)")
    event_type: str | None = None
    sub_event_type: str | None = None
    weapons: list[str] = []
    actor1: str | None = Field(None, description="who carried it out; null: the reports do not say")
    actor2: str | None = None
    target: str | None = None
    location: Location
    fatalities: int | None = Field(None, description="best estimate; null: no report gives a number")
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    claimed: bool | None = Field(None, description="true: a group claimed it; false: a report says no group "
                                                   "did; null: unknown (the reports are silent)")
    claimant: str | None = None
    n_sources: int = Field(..., description="how many reports describe it")
    first_reported: str | None = Field(None, description="publication day of the first report")
    last_updated: str = Field(..., description="ISO timestamp (UTC) of the last change")


class IncidentPage(BaseModel):
    total: int = Field(..., description="incidents matching the filters")
    limit: int
    offset: int
    cursor: str | None = Field(None, description="the cursor this page was asked with (keyset paging)")
    next_cursor: str | None = Field(None, description="pass as cursor= for the next page; null: last page")
    items: list[Incident]


class Deletion(BaseModel):
    id: str
    deleted_at: str = Field(..., description="ISO timestamp (UTC)")


class DeletionPage(BaseModel):
    since: str | None
    items: list[Deletion]


def incidents_responses(formats: tuple[str, ...]) -> dict:
    """``responses=`` for /api/incidents: the JSON page schema plus one media type per export format."""
    from sitrep.export import FORMATS

    content = {"application/json": {"schema": {"$ref": "#/components/schemas/IncidentPage"}}}
    for name in formats:
        spec = FORMATS[name]
        content.setdefault(spec.media_type.split(";")[0], {"schema": {
            "type": "string", "format": "binary" if spec.binary else "text",
            "description": f"format={name}: {spec.description}"}})
    return {200: {"model": IncidentPage, "description": "a page of incidents", "content": content}}
