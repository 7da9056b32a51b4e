"""Public endorsement data: verified endorsements listed by name, public fields only."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from ninja import Router

from solidarity.api import selectors
from solidarity.api.caching import ENDORSEMENTS, cached
from solidarity.api.pagination import NDJSON_RESPONSE, ndjson_response, page_of
from solidarity.api.params import Format, PageNumber, PerPage
from solidarity.api.schemas import EndorsementOut, InvalidRequest, Page
from solidarity.endorsements.models import Endorsement

router = Router(tags=["Endorsements (extension)"])


def endorsement_data(endorsement: Endorsement) -> dict[str, Any]:
    organization = endorsement.organization
    data = {
        "organization_id": organization.pk,
        "organization_name": organization.name,
        "organization_url": settings.SITE_URL + organization.get_absolute_url(),
        "sector": organization.sector,
        "city": organization.city.slug,
        "declaration_version": endorsement.declaration.version,
        "commitments": sorted(endorsement.commitments or []),
        "decided_month": endorsement.decided_month.strftime("%Y-%m"),
        "verified_on": endorsement.verified_on,
        "statement": endorsement.statement,
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


@router.get(
    "/endorsements",
    response={200: Page[EndorsementOut], 422: InvalidRequest},
    exclude_none=True,
    summary="Verified endorsements listed by name (extension)",
    openapi_extra=NDJSON_RESPONSE,
)
@cached(scopes=ENDORSEMENTS)
def endorsement_list(
    request: HttpRequest, page: PageNumber = 1, per_page: PerPage = 20, format: Format = "json"
) -> HttpResponseBase | dict:
    """Organizations that endorsed the declaration and chose to be listed by name, once an
    organizer verified them. Organizations that chose to be counted only are not listed."""
    endorsements = selectors.public_endorsements()
    if format == "ndjson":
        return ndjson_response(endorsements, endorsement_data)
    return page_of(endorsements, page=page, per_page=per_page, serialize=endorsement_data)
