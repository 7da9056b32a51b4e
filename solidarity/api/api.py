"""The read-only open-data API (HSDS 3.0), built with django-ninja.

The OpenAPI document is generated from the endpoint signatures and `schemas.py`; a committed
snapshot (`openapi.json` beside this file) is compared with it in the tests.
"""

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI

from solidarity.api.docs import ApiReferenceDocs
from solidarity.api.endpoints import (
    endorsements,
    organizations,
    service_at_locations,
    services,
    taxonomies,
)
from solidarity.api.schemas import ApiInfo

HSDS_VERSION = "3.0"

api = NinjaAPI(
    title="Solidarity City open data (HSDS 3.0)",
    version="1.0.0",
    description=(
        "Services that never ask about immigration status, in the Open Referral Human Services "
        "Data Specification 3.0. Only services of organizations that endorsed the declaration, "
        "made all five commitments and were verified are published. Parameters marked "
        "*extension* are ours, not HSDS's."
    ),
    urls_namespace="api",
    docs=ApiReferenceDocs(),
    docs_url="/docs",
)
api.add_router("", services.router)
api.add_router("", organizations.router)
api.add_router("", service_at_locations.router)
api.add_router("", taxonomies.router)
api.add_router("", endorsements.router)


@api.get("/", response=ApiInfo, summary="About this API and its relationship with HSDS")
def api_info(request: HttpRequest) -> dict[str, str]:
    return {
        "version": HSDS_VERSION,
        "profile": settings.SITE_URL + reverse("open_data:index"),
        "openapi_url": settings.SITE_URL + reverse("api:openapi-json"),
    }
