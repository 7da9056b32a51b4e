"""Writes to the directory. Every write that changes what a service says re-indexes it here
(no signals), so the search never disagrees with the listing."""

import datetime
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from solidarity.directory.models import (
    Attribute,
    CityDirectorySettings,
    Language,
    Location,
    OutdatedReport,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)
from solidarity.directory.search import index
from solidarity.directory.selectors import reviews_new_listings
from solidarity.lib.cache import content_changed
from solidarity.organizers.services import audit_log


def language_name(code: str) -> str:
    from django.utils.translation import get_language_info

    try:
        return str(get_language_info(code)["name"])
    except KeyError:
        return code


def review_required(service: Service) -> bool:
    return reviews_new_listings(service.organization.city)


def content_languages(service: Service) -> str:
    codes = [code for code, _name in settings.LANGUAGES if getattr(service, f"name_{code}", None)]
    codes += [
        code
        for code, _name in settings.LANGUAGES
        if code not in codes and getattr(service, f"description_{code}", None)
    ]
    return ",".join(codes)


def set_terms(service: Service, terms: Sequence[TaxonomyTerm]) -> None:
    Attribute.objects.filter(service=service).exclude(taxonomy_term__in=terms).delete()
    existing = set(
        Attribute.objects.filter(service=service).values_list("taxonomy_term_id", flat=True)
    )
    Attribute.objects.bulk_create(
        [Attribute(service=service, taxonomy_term=t) for t in terms if t.pk not in existing]
    )


def set_languages(service: Service, codes: Sequence[str]) -> None:
    Language.objects.filter(service=service).exclude(code__in=codes).delete()
    existing = set(Language.objects.filter(service=service).values_list("code", flat=True))
    Language.objects.bulk_create(
        [
            Language(service=service, code=c, name=language_name(c))
            for c in codes
            if c not in existing
        ]
    )


def set_locations(service: Service, locations: Sequence[Location]) -> None:
    ServiceAtLocation.objects.filter(service=service).exclude(location__in=locations).delete()
    existing = set(
        ServiceAtLocation.objects.filter(service=service).values_list("location_id", flat=True)
    )
    ServiceAtLocation.objects.bulk_create(
        [
            ServiceAtLocation(service=service, location=loc)
            for loc in locations
            if loc.pk not in existing
        ]
    )


def directory_changed() -> None:
    """Public directory content changed: cached result cards (cards.py) and cached pages are
    read again. Inside the writer's transaction, so other workers miss the old ones at commit."""
    content_changed("directory")


@transaction.atomic
def service_save(
    *,
    service: Service,
    actor: Any,
    terms: Sequence[TaxonomyTerm],
    languages: Sequence[str],
    locations: Sequence[Location],
    schedules: Sequence[dict[str, Any]] | None = None,
) -> Service:
    """Creates or updates a listing written by its organization's representative. A new listing
    waits for an organizer when the city asks for review; saving re-verifies it."""
    is_new = service._state.adding
    if is_new:
        pending = review_required(service)
        service.review_status = Service.Review.PENDING if pending else Service.Review.APPROVED
    service.content_languages = content_languages(service)
    service.last_verified = timezone.localdate()
    service.verified_by = actor
    service.save()
    set_terms(service, terms)
    set_languages(service, languages)
    set_locations(service, locations)
    if schedules is not None:
        service.schedules.all().delete()
        Schedule.objects.bulk_create([Schedule(service=service, **row) for row in schedules])
    index.reindex([service.pk])
    if not is_new:
        outdated_reports_resolve(service=service)
    directory_changed()
    return service


@transaction.atomic
def service_retire(*, service: Service, actor: Any) -> Service:
    service.status = Service.Status.INACTIVE
    service.save(update_fields=["status", "last_modified"])
    outdated_reports_resolve(service=service)
    audit_log(
        actor=actor, action="service_retire", target=service, city_id=service.organization.city_id
    )
    directory_changed()
    return service


@transaction.atomic
def service_mark_accurate(
    *, service: Service, actor: Any, today: datetime.date | None = None
) -> Service:
    """The one-click "still accurate": the listing is verified again today, and what visitors
    reported as outdated counts as checked."""
    service.last_verified = today or timezone.localdate()
    service.verified_by = actor
    service.save(update_fields=["last_verified", "verified_by", "last_modified"])
    outdated_reports_resolve(service=service)
    directory_changed()
    return service


@transaction.atomic
def service_review(*, service: Service, actor: Any, approve: bool) -> Service:
    """An organizer approves or rejects a listing waiting for review."""
    service.review_status = Service.Review.APPROVED if approve else Service.Review.REJECTED
    service.save(update_fields=["review_status", "last_modified"])
    action = "service_approve" if approve else "service_reject"
    audit_log(actor=actor, action=action, target=service, city_id=service.organization.city_id)
    directory_changed()
    return service


@transaction.atomic
def location_save(*, location: Location, address: dict[str, str]) -> Location:
    """Creates or updates a location and its street address, then re-indexes the services
    delivered there (their neighbourhood is searchable)."""
    location.save()
    location.addresses.update_or_create(address_type="physical", defaults=address)
    service_ids = list(location.service_at_locations.values_list("service_id", flat=True))
    index.reindex(service_ids)
    directory_changed()
    return location


@transaction.atomic
def location_retire(*, location: Location) -> Location:
    location.is_retired = True
    location.save(update_fields=["is_retired"])
    index.reindex(list(location.service_at_locations.values_list("service_id", flat=True)))
    directory_changed()
    return location


def outdated_report_create(*, service: Service, problems: Sequence[str]) -> OutdatedReport:
    """A visitor's "this is outdated": which parts are wrong, nothing about the visitor."""
    return OutdatedReport.objects.create(
        service=service, problems=list(problems), day=timezone.localdate()
    )


def outdated_reports_resolve(*, service: Service, actor: Any = None) -> int:
    """Marks the service's "outdated information" reports as handled: its representative
    checked the listing (saved, confirmed or retired it), or an organizer followed them up
    (`actor`, audited). Returns how many there were."""
    handled = OutdatedReport.objects.filter(service=service, resolved=False).update(resolved=True)
    if actor is not None and handled:
        audit_log(
            actor=actor,
            action="outdated_reports_resolve",
            target=service,
            city_id=service.organization.city_id,
            detail=str(handled),
        )
    return handled


@transaction.atomic
def review_policy_set(*, city: Any, review: bool, actor: Any) -> bool:
    """Whether new listings of `city` wait for an organizer. Returns whether it changed."""
    row, _created = CityDirectorySettings.objects.get_or_create(city=city)
    if row.review_new_listings == review:
        return False
    row.review_new_listings = review
    row.save(update_fields=["review_new_listings"])
    detail = "new listings wait for review" if review else "new listings public at once"
    audit_log(
        actor=actor, action="directory_review_policy", target=city, city_id=city.pk, detail=detail
    )
    return True
