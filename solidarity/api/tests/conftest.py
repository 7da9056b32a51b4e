"""A small public directory: one public provider with a fully described service, and the
organizations whose data must never be published (imported, suspended, pledged only in part)."""

import datetime
from typing import Any

import pytest

from solidarity.cities.models import Commitment, Neighbourhood
from solidarity.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from solidarity.directory.search import index
from solidarity.endorsements.models import Endorsement


def make_organization(city: Any, name: str, *, status: str | None, all_commitments: bool = True):
    organization = Organization.objects.create(
        city=city,
        name=name,
        slug=name.lower().replace(" ", "-"),
        sector="healthcare",
        description_en=f"{name} serves everyone.",
        website="https://example.org",
        email="info@example.org",
        phone="+1 514 555 0100",
    )
    if status is not None:
        commitments = list(Commitment.values) if all_commitments else ["never_ask"]
        Endorsement.objects.create(
            organization=organization,
            declaration=city.declarations.first(),
            provides_services=True,
            commitments=commitments,
            decision_method="general_assembly",
            decided_month=datetime.date(2026, 4, 1),
            statement="We stand with our neighbours.",
            status=status,
            verified_on=datetime.date(2026, 5, 2),
            contact_sealed=b"sealed",
            contact_email_hash=f"hash-{name}",
        )
    return organization


def make_service(organization: Organization, name: str, *, hood: Neighbourhood | None = None):
    service = Service.objects.create(
        organization=organization,
        name_en=name,
        name_fr=f"{name} (fr)",
        description_en=f"{name}: free care, walk in, no health card needed.",
        eligibility_description_en="Everyone in the city.",
        application_process_en="Walk in.",
        fees_description_en="Free.",
        url="https://example.org/service",
        email="service@example.org",
        status=Service.Status.ACTIVE,
        review_status=Service.Review.APPROVED,
        minimum_age=0,
        maximum_age=120,
        last_verified=datetime.date(2026, 11, 1),
        content_languages="en,fr",
    )
    location = Location.objects.create(
        organization=organization,
        name_en=f"{name} clinic",
        description_en="Ground floor.",
        accessibility_en="Step-free entrance.",
        transportation_en="Metro Laurier.",
        latitude=45.52,
        longitude=-73.58,
        neighbourhood=hood,
    )
    Address.objects.create(
        location=location,
        address_1="100 Rue Saint-Denis",
        city="Montréal",
        state_province="QC",
        postal_code="H2T 1S6",
    )
    Phone.objects.create(location=location, number="+1 514 555 0101", extension="12")
    Phone.objects.create(service=service, number="+1 514 555 0102", type="text")
    ServiceAtLocation.objects.create(service=service, location=location, description_en="Here.")
    Schedule.objects.create(
        service=service,
        byday="MO,TU,WE,TH,FR",
        opens_at=datetime.time(9),
        closes_at=datetime.time(17),
        description_en="Weekdays.",
    )
    Language.objects.create(service=service, code="es", name="Spanish")
    Language.objects.create(service=service, code="ar", name="Arabic")
    for code in ("dental", "free", "no-health-card-needed"):
        term = TaxonomyTerm.objects.filter(code=code).first()
        if term is not None:
            Attribute.objects.create(service=service, taxonomy_term=term)
    index.reindex([service.pk])
    return service


@pytest.fixture
def hood(city):
    return Neighbourhood.objects.create(
        city=city,
        slug="plateau",
        name="Plateau",
        latitude=45.52,
        longitude=-73.58,
        postal_prefixes="H2T H2W",
    )


@pytest.fixture
def public_service(city, hood):
    organization = make_organization(city, "Clinique Solidaire", status="verified")
    return make_service(organization, "Dental care", hood=hood)


@pytest.fixture
def hidden_services(city, hood):
    """One service per reason a service must never be published."""
    imported = make_organization(city, "Imported Only", status=None)
    suspended = make_organization(city, "Suspended Org", status="suspended")
    partial = make_organization(city, "Partial Pledge", status="verified", all_commitments=False)
    unconfirmed = make_organization(city, "Unconfirmed Org", status="unconfirmed")
    verified = make_organization(city, "Pending Listing Org", status="verified")
    pending = make_service(verified, "Pending listing", hood=hood)
    Service.objects.filter(pk=pending.pk).update(review_status=Service.Review.PENDING)
    return [
        make_service(imported, "Imported service", hood=hood),
        make_service(suspended, "Suspended service", hood=hood),
        make_service(partial, "Partial service", hood=hood),
        make_service(unconfirmed, "Unconfirmed service", hood=hood),
        pending,
    ]
