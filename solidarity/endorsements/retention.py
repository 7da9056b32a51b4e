"""Retention: an endorsement never confirmed within 7 days is deleted, with its organization
when nothing else refers to it (services, representatives, other endorsements, reports)."""

import datetime

from django.db import transaction
from django.db.models.deletion import ProtectedError

from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement

UNCONFIRMED_DAYS = 7


@transaction.atomic
def purge(*, today: datetime.date) -> dict[str, int]:
    cutoff = today - datetime.timedelta(days=UNCONFIRMED_DAYS)
    stale = Endorsement.objects.filter(status=Endorsement.Status.UNCONFIRMED, created_on__lt=cutoff)
    organization_ids = set(stale.values_list("organization_id", flat=True))
    _total, per_model = stale.delete()
    endorsements = per_model.get(Endorsement._meta.label, 0)
    organizations = 0
    for organization in Organization.objects.filter(pk__in=organization_ids):
        if _referenced(organization):
            continue
        try:
            with transaction.atomic():
                organization.delete()
            organizations += 1
        except ProtectedError:
            continue
    return {"unconfirmed endorsements": endorsements, "organizations": organizations}


def _referenced(organization: Organization) -> bool:
    """Any row pointing at the organization, whichever app owns it."""
    for relation in organization._meta.related_objects:
        accessor = relation.get_accessor_name()
        if accessor and relation.one_to_many and getattr(organization, accessor).exists():
            return True
    return False
