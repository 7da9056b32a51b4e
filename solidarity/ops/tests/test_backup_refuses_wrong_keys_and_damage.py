"""A wrong key, a damaged or truncated backup is refused, and the database is left as it was."""

import io

import pytest

from solidarity.cities.models import City
from solidarity.ops.backup_format import BackupError
from solidarity.ops.services import backup_restore
from solidarity.ops.tests.conftest import transactional

pytestmark = [transactional(), pytest.mark.slow]


def assert_database_untouched():
    assert City.objects.filter(slug="after").exists()
    assert not City.objects.filter(slug="marker").exists()


def test_a_wrong_passphrase_restores_nothing(backed_up):
    with pytest.raises(BackupError, match="does not open"):
        backup_restore(source=io.BytesIO(backed_up), passphrase="not the passphrase")

    assert_database_untouched()


def test_a_recovery_key_of_another_campaign_restores_nothing(backed_up):
    with pytest.raises(BackupError):
        backup_restore(source=io.BytesIO(backed_up), recovery_key="AAAA-BBBB-CCCC-DDDD")

    assert_database_untouched()


def test_a_truncated_backup_restores_nothing(backed_up):
    with pytest.raises(BackupError, match="truncated"):
        backup_restore(source=io.BytesIO(backed_up[:-40]), passphrase="ana's vault passphrase")

    assert_database_untouched()


def test_an_altered_backup_restores_nothing(backed_up):
    altered = bytearray(backed_up)
    altered[len(altered) // 2] ^= 0x01

    with pytest.raises(BackupError, match="altered"):
        backup_restore(source=io.BytesIO(bytes(altered)), passphrase="ana's vault passphrase")

    assert_database_untouched()


def test_a_file_that_is_not_a_backup_is_refused(db):
    with pytest.raises(BackupError, match="not a Solidarity City backup"):
        backup_restore(source=io.BytesIO(b"SQLite format 3\x00" + bytes(100)), passphrase="x")
