"""`/organizations` and `/organizations/{id}`: public providers only (verified endorsers with
all five commitments and at least one public service). Imported organizations that have not
endorsed never appear here."""

import uuid
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from ninja import Router

from solidarity.api import selectors
from solidarity.api.caching import DIRECTORY, PAGING, cached
from solidarity.api.hsds import serialize
from solidarity.api.pagination import NDJSON_RESPONSE, ndjson_response, page_of
from solidarity.api.params import Flag, Format, PageNumber, PerPage, Search
from solidarity.api.schemas import Error, InvalidRequest, OrganizationFullOut, Page
from solidarity.directory.models import Organization

router = Router(tags=["Organizations"])


def full_organization(full_service: bool) -> Callable[[Organization], dict[str, Any]]:
    def serializer(organization: Organization) -> dict[str, Any]:
        services = selectors.organization_services(organization)
        return serialize.organization_full(organization, services, full=full_service)

    return serializer


@router.get(
    "/organizations",
    response={200: Page[OrganizationFullOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Paginated organizations (their own fields; `full` nests locations and services)",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=DIRECTORY, params=(*PAGING, "full", "full_service"))
def organization_list(
    request: HttpRequest,
    search: Search = None,
    full_service: Flag = False,
    full: Flag = False,
    page: PageNumber = 1,
    per_page: PerPage = 20,
    format: Format = "json",
) -> HttpResponseBase | dict:
    organizations = selectors.public_organizations(search or "")
    serializer: Callable[[Organization], dict[str, Any]] = serialize.organization_data
    if full or full_service:
        organizations = selectors.organization_details(organizations)
        serializer = full_organization(full_service)
    if format == "ndjson":
        return ndjson_response(organizations, serializer)
    return page_of(organizations, page=page, per_page=per_page, serialize=serializer)


@router.get(
    "/organizations/{id}",
    response={200: OrganizationFullOut, 404: Error, 422: InvalidRequest},
    exclude_none=True,
    summary="An organization with its locations and services",
)
@cached(scopes=DIRECTORY, params=("full_service",))
def organization_detail(request: HttpRequest, id: uuid.UUID, full_service: Flag = False) -> dict:
    organizations = selectors.organization_details(selectors.public_organizations())
    organization = organizations.filter(pk=id).first()
    if organization is None:
        raise Http404
    return full_organization(full_service)(organization)
