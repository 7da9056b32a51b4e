"""Reads of the campaign app."""

import datetime
from typing import Any

from django.db.models import Q, QuerySet

from solidarity.campaign.models import Action, ContactMessage, ToolkitPage, Volunteer
from solidarity.cities.models import City
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement
from solidarity.vault.services import open_json


def organizer_city_scope(user: Any) -> QuerySet[City]:
    from solidarity.organizers.selectors import organizer_cities

    return organizer_cities(user)


def volunteers_for(
    *, user: Any, city: str = "", way: str = "", language: str = "", status: str = ""
) -> QuerySet[Volunteer]:
    """The volunteers of the organizer's cities, filtered. JSON lists are matched on the
    quoted key, which works the same on SQLite and PostgreSQL."""
    volunteers = Volunteer.objects.filter(city__in=organizer_city_scope(user))
    volunteers = volunteers.select_related("city")
    if city:
        volunteers = volunteers.filter(city__slug=city)
    if way:
        volunteers = volunteers.filter(ways_to_help__icontains=f'"{way}"')
    if language:
        volunteers = volunteers.filter(languages__icontains=f'"{language}"')
    if status:
        volunteers = volunteers.filter(status=status)
    return volunteers


def contact_messages_for(*, user: Any) -> QuerySet[ContactMessage]:
    cities = organizer_city_scope(user)
    scope = Q(city__in=cities)
    if not user.cities.exists():
        scope |= Q(city__isnull=True)  # messages not tied to a city go to campaign-wide organizers
    return ContactMessage.objects.filter(scope).select_related("city")


def opened(records: QuerySet[Any], *, field: str, keyring: dict[int, bytes]) -> list[Any]:
    """Each record with its sealed field opened into `record.opened` (a dict)."""
    result = list(records)
    for record in result:
        record.opened = open_json(getattr(record, field), keyring=keyring)
    return result


def toolkit_pages() -> QuerySet[ToolkitPage]:
    return ToolkitPage.objects.all()


def upcoming_actions(*, now: datetime.datetime, city: City | None = None) -> QuerySet[Action]:
    """Published actions that have not ended yet (an action without an end lasts its day)."""
    start_of_day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    still_on = Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=start_of_day)
    actions = Action.objects.filter(still_on, is_published=True).select_related("city")
    if city is not None:
        actions = actions.filter(Q(city=city) | Q(city__isnull=True))
    return actions


def poster_endorsement(*, organization: Organization, user: Any) -> Endorsement | None:
    """The verified endorsement a poster may be printed for, or None.

    Anyone may print the poster of an organization listed by name; an organization that chose
    to be counted only can be named on paper only by its own representatives or an organizer.
    """
    endorsement = (
        Endorsement.objects.filter(organization=organization, status=Endorsement.Status.VERIFIED)
        .order_by("-declaration__version")
        .first()
    )
    if endorsement is None or endorsement.visibility == Endorsement.Visibility.LISTED:
        return endorsement
    is_own = getattr(user, "organization_id", None) == organization.pk
    return endorsement if is_own or getattr(user, "is_organizer", False) else None
