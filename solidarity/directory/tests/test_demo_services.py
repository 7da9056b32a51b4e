import pytest
from django.db import IntegrityError, connection

from solidarity.cities import demo as cities_demo
from solidarity.directory import demo as organizations_demo
from solidarity.directory import demo_services
from solidarity.directory.models import Attribute, Language, Location, Schedule, Service
from solidarity.directory.search.query import matching
from solidarity.directory.search.text import query_words
from solidarity.directory.taxonomy import CATEGORIES

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


def index_documents(services):
    """The index rows of these services, as sorted lists of words (order carries no meaning)."""
    from django.db import connection

    from solidarity.directory.search import index

    documents = {}
    with connection.cursor() as cursor:
        for service in services:
            cursor.execute(
                f"SELECT document FROM {index.TABLE} WHERE service_id = %s",  # noqa: S608
                [index.db_id(service.pk)],
            )
            (document,) = cursor.fetchone()
            documents[service.pk] = sorted(document.split())
    return documents


def test_demo_index_rows_are_what_the_directory_itself_writes(loaded):
    """The demo builds its index rows from shared parts; a listing edited later is reindexed by
    the directory: both must find the same listings with the same words and filters."""
    from solidarity.directory.search import index

    services = list(Service.objects.order_by("id")[::12])
    written = index_documents(services)
    index.reindex([service.pk for service in services])
    assert index_documents(services) == written


def test_demo_listings_can_be_found_by_their_filters(loaded):
    from solidarity.directory.search import index

    service = Service.objects.select_related("organization__city").order_by("id")[7]
    location = service.service_at_locations.get().location
    tags = [
        index.tag("lang", service.languages.order_by("code")[0].code),
        index.tag("city", service.organization.city.slug),
        index.tag("hood", f"{service.organization.city.slug}{location.neighbourhood.slug}"),
    ]
    for attribute in service.attributes.select_related("taxonomy_term__taxonomy"):
        term = attribute.taxonomy_term
        kind = "cat" if term.taxonomy.code == CATEGORIES else "att"
        tags.append(index.tag(kind, term.code))
    found = matching(Service.objects.all(), query_words(service.name), tags)
    assert service in found


def test_demo_ids_are_version_7_uuids_in_creation_order(loaded):
    ids = list(Service.objects.order_by("created_on", "id").values_list("id", flat=True))
    assert {service_id.version for service_id in ids} == {7}
    assert len(set(ids)) == 240


@pytest.mark.parametrize("value", ["", "it's", "100%", "%s", "'; DROP TABLE x; --", "مجاني"])
def test_constants_written_into_bulk_statements_keep_their_value(db, value):
    from django.db import connection

    from solidarity.directory.bulk import sqlite_literal

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sqlite_literal(value)}, %s", [1])
        assert cursor.fetchone() == (value, 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_on_postgresql_the_load_puts_back_every_key_and_index(db):
    """The demo load drops the keys and indexes of the empty tables it fills and builds them
    again (directory/bulk.py): the schema comes out the same, and the keys still hold."""
    from solidarity.api.tests.test_import_postgres_bulk import add_a_phone_of_no_service, schema

    cities_demo.load()
    organizations_demo.load()
    before = schema()
    demo_services.load(services=240)
    assert schema() == before
    assert Service.objects.count() == 240
    with pytest.raises(IntegrityError):
        add_a_phone_of_no_service()
