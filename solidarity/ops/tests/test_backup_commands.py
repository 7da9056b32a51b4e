"""`solidarity-city backup` and `restore` from the command line."""

import stat

import pytest
from django.core.management import CommandError, call_command

from solidarity.cities.models import City
from solidarity.ops.tests.conftest import transactional

pytestmark = [transactional(), pytest.mark.slow]


def test_backup_then_restore_from_the_command_line(organizer, city, tmp_path):
    backup = tmp_path / "solidarity.backup"
    key_file = tmp_path / "passphrase"
    key_file.write_text("ana's vault passphrase\n")

    call_command("backup", output=str(backup))
    City.objects.filter(slug="montreal").update(name_en="Changed after the backup")
    call_command("restore", input=str(backup), key_file=str(key_file), no_input=True)

    assert City.objects.get(slug="montreal").name_en == "Montreal"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_backup_never_overwrites_an_existing_file(organizer, tmp_path):
    existing = tmp_path / "existing.backup"
    existing.write_bytes(b"an older backup")

    with pytest.raises(CommandError):
        call_command("backup", output=str(existing))

    assert existing.read_bytes() == b"an older backup"


def test_backup_explains_when_the_vault_has_no_campaign_key(db, tmp_path):
    with pytest.raises(CommandError, match="vault init"):
        call_command("backup", output=str(tmp_path / "b"))

    assert not (tmp_path / "b").exists()


def test_restore_with_the_wrong_recovery_key_says_nothing_was_restored(organizer, city, tmp_path):
    backup = tmp_path / "solidarity.backup"
    call_command("backup", output=str(backup))
    key_file = tmp_path / "recovery"
    key_file.write_text("ABCD-EFGH")

    with pytest.raises(CommandError, match="Nothing restored"):
        call_command(
            "restore", input=str(backup), key_file=str(key_file), recovery_key=True, no_input=True
        )
