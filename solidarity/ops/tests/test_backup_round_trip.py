"""A sealed backup brings the database back as it was, on SQLite and on PostgreSQL."""

import io

import pytest

from solidarity.cities.models import City
from solidarity.ops.services import backup_restore
from solidarity.ops.tests.conftest import MARKER, transactional
from solidarity.vault.models import WrappedKey

pytestmark = [transactional(), pytest.mark.slow]


def test_restoring_with_the_organizers_passphrase_brings_the_snapshot_back(backed_up, organizer):
    summary = backup_restore(source=io.BytesIO(backed_up), passphrase="ana's vault passphrase")

    assert City.objects.get(slug="marker").name_en == MARKER
    assert not City.objects.filter(slug="after").exists()
    assert WrappedKey.objects.filter(holder_id=organizer.pk).exists()
    assert summary.size > 0


def test_restoring_with_the_recovery_key_works_without_any_passphrase(backed_up, organizer):
    backup_restore(source=io.BytesIO(backed_up), recovery_key=organizer.recovery_key)

    assert City.objects.filter(slug="marker").exists()
    assert not City.objects.filter(slug="after").exists()


def test_a_backup_restores_onto_an_empty_database(backed_up, organizer):
    """Disaster recovery: the keys that open the backup travel inside it."""
    WrappedKey.objects.all().delete()
    City.objects.filter(slug="after").delete()

    backup_restore(source=io.BytesIO(backed_up), passphrase="ana's vault passphrase")

    assert City.objects.filter(slug="marker").exists()
