from solidarity.cities.models import City, Declaration
from solidarity.directory.models import Organization, Sector


def test_demo_data_creates_three_cities_with_published_declarations(demo_data):
    assert sorted(City.objects.values_list("slug", flat=True)) == [
        "montreal",
        "toronto",
        "vancouver",
    ]
    assert Declaration.objects.filter(is_published=True).count() == 3


def test_demo_data_has_organizations_of_every_sector_in_every_city(demo_data):
    for city in City.objects.all():
        sectors = set(Organization.objects.filter(city=city).values_list("sector", flat=True))
        assert sectors == set(Sector.values), city.slug


def test_demo_declarations_are_written_in_every_language(demo_data):
    declaration = Declaration.objects.first()
    for code in ("en", "fr", "es", "ar"):
        assert getattr(declaration, f"title_{code}")
        assert getattr(declaration, f"body_{code}")
        assert declaration.commitments.exclude(**{f"text_{code}": ""}).count() == 5


def test_demo_data_refuses_to_load_twice(demo_data):
    import pytest
    from django.core.management import call_command

    with pytest.raises(SystemExit):
        call_command("demo_data", stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))  # noqa: SIM115
    call_command("demo_data", if_empty=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert City.objects.count() == 3
