"""`/services` and `/services/{id}` (HSDS), with our documented extensions."""

import uuid
from typing import Annotated

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from ninja import Query, Router, Schema
from pydantic import Field, StringConstraints

from solidarity.api import selectors
from solidarity.api.caching import DIRECTORY, PAGING, cached
from solidarity.api.hsds import serialize
from solidarity.api.pagination import NDJSON_RESPONSE, ndjson_response, page_dict, page_of
from solidarity.api.params import Flag, Format, IsoDateTime, PageNumber, PerPage, Text, aware
from solidarity.api.schemas import Error, InvalidRequest, Page, ServiceMinimalOut, ServiceOut

router = Router(tags=["Services"])
Code = Annotated[str, StringConstraints(max_length=35, pattern=r"^[A-Za-z0-9_-]*$")]


class ServiceParams(Schema):
    """HSDS filters of `/services` and `/service_at_locations`, and our extensions."""

    search: Text | None = Field(None, description="Full text search.")
    taxonomy_term_id: uuid.UUID | None = Field(None, description="Services with this term.")
    taxonomy_id: uuid.UUID | None = Field(
        None, description="Services with a term of this taxonomy."
    )
    organization_id: uuid.UUID | None = Field(None, description="Services of this organization.")
    modified_after: IsoDateTime | None = Field(
        None, description="Services modified on or after this date and time."
    )
    language: Code = Field("", description="Extension: a language spoken at the service (code).")
    open_now: bool = Field(False, description="Extension: open at this moment.")
    attribute: list[Code] = Field(
        [], max_length=10, description="Extension: service attribute codes (all must apply)."
    )
    city: Code = Field("", description="Extension: a city's slug.")
    lat: float | None = Field(
        None, ge=-90, le=90, allow_inf_nan=False, description="Extension: latitude."
    )
    lon: float | None = Field(
        None, ge=-180, le=180, allow_inf_nan=False, description="Extension: longitude."
    )
    radius: float | None = Field(
        None, gt=0, le=25, allow_inf_nan=False, description="Extension: km around lat/lon (≤ 25)."
    )

    def filters(self) -> selectors.ServiceFilters:
        return selectors.ServiceFilters(
            search=self.search or "",
            taxonomy_term_id=self.taxonomy_term_id,
            taxonomy_id=self.taxonomy_id,
            organization_id=self.organization_id,
            modified_after=aware(self.modified_after),
            language=self.language,
            open_now=self.open_now,
            attributes=tuple(self.attribute),
            city=self.city,
            latitude=self.lat,
            longitude=self.lon,
            radius_km=self.radius,
        )


@router.get(
    "/services",
    response={200: Page[ServiceOut | ServiceMinimalOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Paginated services (their own fields; `full` nests everything)",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=DIRECTORY, params=(*PAGING, "minimal", "full"), searches=True)
def service_list(
    request: HttpRequest,
    params: Query[ServiceParams],
    page: PageNumber = 1,
    per_page: PerPage = 20,
    format: Format = "json",
    minimal: Flag = False,
    full: Flag = False,
) -> HttpResponseBase | dict:
    """Public services matching every parameter (the same search as the directory pages).
    `lat`/`lon` order by distance and keep services within 25 km (`radius` narrows it)."""
    if minimal:
        serializer, details = serialize.service_minimal, selectors.as_listed
    elif full:
        serializer, details = serialize.service_full, selectors.with_details
    else:
        serializer, details = serialize.service_brief, selectors.with_organization
    if format == "ndjson":
        return ndjson_response(details(selectors.public_services(params.filters())), serializer)
    if params.search:
        start = (page - 1) * per_page
        ids, total = selectors.search_page(params.filters(), start=start, size=per_page)
        by_id = selectors.services_by_id(ids, details=details) if ids else {}
        found = [by_id[pk] for pk in ids if pk in by_id]
        return page_dict(found, total=total, page=page, per_page=per_page, serialize=serializer)
    return page_of(
        selectors.public_services(params.filters()),
        page=page,
        per_page=per_page,
        serialize=serializer,
        load=lambda ids: selectors.services_by_id(ids, details=details),
    )


@router.get(
    "/services/{id}",
    response={200: ServiceOut, 404: Error, 422: InvalidRequest},
    exclude_none=True,
    summary="A fully nested service",
)
@cached(scopes=DIRECTORY, params=())
def service_detail(request: HttpRequest, id: uuid.UUID) -> dict:
    service = selectors.public_service(id)
    if service is None:
        raise Http404
    return serialize.service_full(service)
