import pytest

from solidarity.cities import demo as cities_demo
from solidarity.directory import demo as organizations_demo
from solidarity.directory import demo_services
from solidarity.directory.models import Attribute, Language, Location, Schedule, Service
from solidarity.directory.search.query import matching
from solidarity.directory.search.text import query_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    cities_demo.load()
    organizations_demo.load()
    demo_services.load(services=240)


def test_demo_services_cover_every_city_with_full_listings(loaded):
    assert Service.objects.count() == 240
    for service in Service.objects.all()[:20]:
        assert service.attributes.exists()
        assert service.schedules.exists()
        assert service.languages.count() == 3
        assert service.service_at_locations.get().location.addresses.exists()
    assert Location.objects.values("organization__city").distinct().count() == 3
    assert Schedule.objects.filter(closes_at__lt=models_f("opens_at")).exists()  # overnight hours


def models_f(name):
    from django.db.models import F

    return F(name)


def test_demo_services_are_indexed_for_search_in_every_language(loaded):
    for query in ("food bank", "banque alimentaire", "banco de alimentos", "بنك الطعام"):
        assert matching(Service.objects.all(), query_words(query)).exists(), query


def test_demo_data_is_deterministic(loaded):
    first = sorted(Service.objects.values_list("name", flat=True))[:50]
    assert Attribute.objects.count() > 240
    assert Language.objects.count() == 720
    Service.objects.all().delete()
    Location.objects.all().delete()
    demo_services.load(services=240)
    assert sorted(Service.objects.values_list("name", flat=True))[:50] == first
