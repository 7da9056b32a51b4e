"""Demo data: endorsements in every state for every demo city; most are public providers."""

import pytest

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import public_provider_organizations


@pytest.mark.django_db
def test_every_demo_city_has_endorsements_in_every_state(demo_data):
    from solidarity.cities.models import City

    cities = City.objects.all()
    assert cities.count() == 3
    for city in cities:
        states = set(
            Endorsement.objects.filter(organization__city=city).values_list("status", flat=True)
        )
        assert states == set(Endorsement.Status.values), city
        providers = public_provider_organizations().filter(city=city).count()
        assert providers >= Endorsement.objects.filter(organization__city=city).count() // 2
