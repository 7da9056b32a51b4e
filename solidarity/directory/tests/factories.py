"""Small builders for directory tests. Listings go through the services, like the real pages,
so the search index is always written."""

import datetime
from typing import Any

from solidarity.cities.models import City, Commitment, Neighbourhood
from solidarity.directory import services
from solidarity.directory.models import Location, Organization, Service, TaxonomyTerm
from solidarity.endorsements.models import Endorsement
from solidarity.lib.cache import content_changed

WEEKDAYS = "MO,TU,WE,TH,FR"


def organization(
    city: City, name: str = "Parc-Ex Health Co-op", *, public: bool = True
) -> Organization:
    org = Organization.objects.create(
        city=city, name=name, slug=name.lower().replace(" ", "-")[:200], sector="healthcare"
    )
    if public:
        endorse(org)
    return org


def endorse(
    org: Organization, *, status: str = Endorsement.Status.VERIFIED, all_five: bool = True
) -> Endorsement:
    commitments = list(Commitment.values) if all_five else list(Commitment.values)[:3]
    declaration = org.city.declarations.first()
    assert declaration is not None
    content_changed("endorsements")  # as the endorsement services do on every public change
    return Endorsement.objects.create(
        organization=org,
        declaration=declaration,
        provides_services=True,
        commitments=commitments,
        decision_method=Endorsement.DecisionMethod.GENERAL_ASSEMBLY,
        decided_month=datetime.date(2026, 1, 1),
        status=status,
        contact_sealed=b"sealed",
        contact_email_hash="x" * 64,
        verified_on=datetime.date(2026, 2, 1),
    )


def neighbourhood(
    city: City, slug: str = "parc-extension", at: tuple[float, float] = (45.5308, -73.6367)
) -> Neighbourhood:
    return Neighbourhood.objects.get_or_create(
        city=city,
        slug=slug,
        defaults={"name": slug.replace("-", " ").title(), "latitude": at[0], "longitude": at[1]},
    )[0]


def location(
    org: Organization, *, at: tuple[float, float] | None = None, hood: Neighbourhood | None = None
) -> Location:
    place = Location(organization=org, name=f"{org.name} site", neighbourhood=hood)
    if at is not None:
        place.latitude, place.longitude = at
    return services.location_save(
        location=place,
        address={
            "address_1": "1 Main St",
            "city": org.city.name,
            "state_province": "QC",
            "postal_code": "H3N 1A1",
        },
    )


def terms(*codes: str) -> list[TaxonomyTerm]:
    return list(TaxonomyTerm.objects.filter(code__in=codes))


def service(
    org: Organization,
    *,
    name: dict[str, str] | None = None,
    description: dict[str, str] | None = None,
    term_codes: tuple[str, ...] = (),
    languages: tuple[str, ...] = ("en",),
    locations: tuple[Location, ...] = (),
    hours: list[dict[str, Any]] | None = None,
    approved: bool = True,
    actor: Any = None,
    **fields: Any,
) -> Service:
    texts = {f"name_{code}": text for code, text in (name or {"en": "Community clinic"}).items()}
    texts.update({f"description_{code}": text for code, text in (description or {}).items()})
    listing = Service(organization=org, name=next(iter(texts.values())), **texts, **fields)
    listing = services.service_save(
        service=listing,
        actor=actor,
        terms=terms(*term_codes),
        languages=list(languages),
        locations=list(locations),
        schedules=hours,
    )
    if approved:
        listing.review_status = Service.Review.APPROVED
        listing.save(update_fields=["review_status"])
    return listing


def hours(byday: str, opens: tuple[int, int], closes: tuple[int, int]) -> dict[str, Any]:
    return {"byday": byday, "opens_at": datetime.time(*opens), "closes_at": datetime.time(*closes)}
