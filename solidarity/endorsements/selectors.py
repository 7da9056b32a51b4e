from django.db.models import Exists, OuterRef, Q, QuerySet

from solidarity.cities.models import Commitment
from solidarity.directory.models import Organization
from solidarity.endorsements.models import Endorsement


def all_commitments_q(prefix: str = "") -> Q:
    """Endorsements whose commitments include all five keys (portable JSON containment)."""
    q = Q(**{f"{prefix}provides_services": True})
    for key in Commitment.values:
        q &= Q(**{f"{prefix}commitments__icontains": f'"{key}"'})
    return q


def verified_endorsements() -> QuerySet[Endorsement]:
    return Endorsement.objects.filter(status=Endorsement.Status.VERIFIED)


def public_provider_organizations() -> QuerySet[Organization]:
    """Organizations whose services may be public: a verified endorsement with all five
    commitments. Withdrawal or suspension removes them at once."""
    pledged = verified_endorsements().filter(all_commitments_q(), organization=OuterRef("pk"))
    return Organization.objects.filter(Exists(pledged))
