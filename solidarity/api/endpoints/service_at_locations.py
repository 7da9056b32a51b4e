"""`/service_at_locations` and `/service_at_locations/{id}`, with `postcode` and `proximity`."""

import uuid
from typing import Annotated

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from ninja import Query, Router

from solidarity.api import selectors
from solidarity.api.caching import DIRECTORY, cached
from solidarity.api.endpoints.services import ServiceParams
from solidarity.api.hsds import serialize
from solidarity.api.pagination import NDJSON_RESPONSE, ndjson_response, page_of
from solidarity.api.params import Flag, Format, PageNumber, PerPage, Text
from solidarity.api.schemas import (
    Error,
    InvalidRequest,
    Page,
    ServiceAtLocationBriefOut,
    ServiceAtLocationOut,
)

router = Router(tags=["Services at locations"])
Postcode = Annotated[
    Text | None,
    Query(None, max_length=10, description="Postcode: locations in its area (first 3 characters)."),
]
Proximity = Annotated[
    float | None,
    Query(
        None,
        gt=0,
        le=25000,
        allow_inf_nan=False,
        description="Metres from the centre of the postcode's neighbourhood (with `postcode`).",
    ),
]


@router.get(
    "/service_at_locations",
    response={200: Page[ServiceAtLocationBriefOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Paginated services at their locations",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=DIRECTORY)
def service_at_location_list(
    request: HttpRequest,
    params: Query[ServiceParams],
    postcode: Postcode = None,
    proximity: Proximity = None,
    full: Flag = False,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    format: Format = "json",
) -> HttpResponseBase | dict:
    sals = selectors.public_service_at_locations(
        params.filters(), postcode=postcode or "", proximity_m=proximity
    )
    serializer = serialize.service_at_location_brief
    if format == "ndjson":
        return ndjson_response(sals, serializer)
    return page_of(sals, page=page, per_page=per_page, serialize=serializer)


@router.get(
    "/service_at_locations/{id}",
    response={200: ServiceAtLocationOut, 404: Error, 422: InvalidRequest},
    exclude_none=True,
    summary="A service at a location, with the location",
)
@cached(scopes=DIRECTORY, params=())
def service_at_location_detail(request: HttpRequest, id: uuid.UUID) -> dict:
    sal = selectors.public_service_at_location(id)
    if sal is None:
        raise Http404
    return serialize.service_at_location_data(sal)
