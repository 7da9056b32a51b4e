"""A stolen backup is ciphertext: nothing of the database can be read from it."""

import io
import zlib

import pytest

from solidarity.cities.models import City
from solidarity.ops import snapshot
from solidarity.ops.services import backup_create
from solidarity.ops.tests.conftest import MARKER, transactional

pytestmark = [transactional(), pytest.mark.slow]


def test_the_backup_never_contains_the_databases_plaintext(organizer, city):
    City.objects.create(slug="marker", name_en=MARKER, latitude=45.5, longitude=-73.6)
    buffer = io.BytesIO()

    backup_create(destination=buffer)

    sealed = buffer.getvalue()
    assert MARKER.encode() not in sealed
    assert b"montreal" not in sealed
    assert b"CREATE TABLE" not in sealed
    # Ciphertext does not compress; a database snapshot (SQLite pages, pg_dump TOC) would.
    body = sealed[sealed.index(b"}") + 1 :]
    assert len(zlib.compress(body, 9)) > 0.99 * len(body)


def test_the_snapshot_before_sealing_does_hold_the_data(organizer, city):
    """The control for the test above: the plaintext it must not find is really there."""
    City.objects.create(slug="marker", name_en=MARKER, latitude=45.5, longitude=-73.6)

    plain = b"".join(snapshot.dump())

    if snapshot.engine() == "sqlite":
        assert MARKER.encode() in plain
    else:
        assert plain.startswith(b"PGDMP")
        assert len(zlib.compress(plain, 9)) < len(plain)
