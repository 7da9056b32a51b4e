import io
import os
from collections.abc import Iterator

import pytest

from bench import harness
from bench.surge import fresh_postgres_database
from solidarity.cities.models import City
from solidarity.ops.services import backup_create

MARKER = "Ville-Marie-marker-7731"


@pytest.fixture
def backed_up(organizer, city):
    """A database with a distinctive city, its sealed backup taken, then the data changed."""
    City.objects.create(slug="marker", name_en=MARKER, latitude=45.5, longitude=-73.6)
    buffer = io.BytesIO()
    backup_create(destination=buffer)
    City.objects.filter(slug="marker").delete()
    City.objects.create(slug="after", name_en="Created after the backup", latitude=0, longitude=0)
    return buffer.getvalue()


def transactional():
    """`transaction=True` (pg_dump and SQLite's backup API read committed data through their own
    connections). Naming every app lets the flush between tests TRUNCATE ... CASCADE, which
    PostgreSQL needs for tables created outside Django's models (the directory's search index)."""
    from django.conf import settings

    return pytest.mark.django_db(transaction=True, available_apps=list(settings.INSTALLED_APPS))


@pytest.fixture
def server_database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A database of its own for a real gunicorn server: a temporary SQLite file, or a new
    database in the PostgreSQL test cluster when the suite runs against it."""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        yield fresh_postgres_database(base, f"{request.node.name[:40]}_{os.getpid()}".lower())
        return
    with harness.sqlite_database() as url:
        yield url
