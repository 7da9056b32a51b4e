"""What the open-data API and exports may show: public data only, from the apps' own selectors."""

from django.db.models import QuerySet

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import verified_endorsements


def public_endorsements() -> QuerySet[Endorsement]:
    return (
        verified_endorsements()
        .filter(visibility=Endorsement.Visibility.LISTED)
        .select_related("organization__city", "declaration")
        .order_by("organization__name", "pk")
    )
