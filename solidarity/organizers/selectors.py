from typing import Any

from django.db.models import QuerySet

from solidarity.cities.models import City
from solidarity.organizers.models import AuditEntry


def organizer_cities(user: Any) -> QuerySet[City]:
    """The cities an organizer looks after; an organizer with no cities looks after all."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return City.objects.none()
    scoped = City.objects.filter(organizers=user)
    return scoped if scoped.exists() else City.objects.all()


def audit_entries(*, user: Any, action: str = "") -> QuerySet[AuditEntry]:
    """The audit trail an organizer may read: their cities' entries and campaign-wide ones."""
    entries = AuditEntry.objects.select_related("city")
    if City.objects.filter(organizers=user).exists():
        cities = organizer_cities(user)
        entries = entries.filter(city__isnull=True) | entries.filter(city__in=cities)
    if action:
        entries = entries.filter(action=action)
    return entries
