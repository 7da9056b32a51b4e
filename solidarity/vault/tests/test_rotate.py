"""Rotating the campaign key re-seals every sealed value of every model and destroys the old
private key, so old copies (backups, lingering database rows) can no longer be opened."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from nacl.exceptions import CryptoError

from solidarity.campaign.models import Volunteer
from solidarity.organizers.models import AuditEntry
from solidarity.vault.models import CampaignKey, WrappedKey
from solidarity.vault.services import (
    VaultLocked,
    open_text,
    recovery_keyring,
    seal_text,
    sealed_columns,
    sealed_key_id,
    unwrap_keyring,
    vault_rotate,
)

PASSPHRASE = "ana's vault passphrase"


def volunteer(city, text):
    return Volunteer.objects.create(
        city=city, details_sealed=seal_text(text), last_activity_on=datetime.date(2026, 11, 1)
    )


def test_rotation_finds_sealed_columns_of_every_app(db):
    found = {f"{model._meta.label}.{field.name}" for model, field in sealed_columns()}

    assert "campaign.Volunteer.details_sealed" in found
    assert "endorsements.Endorsement.contact_sealed" in found


def test_rotation_reseals_every_value_and_shreds_the_old_key(organizer, city):
    rows = [volunteer(city, f"volunteer {n}") for n in range(3)]
    old_keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    old_blob = bytes(rows[0].details_sealed)

    result = vault_rotate(actor=organizer, keyring=old_keyring)

    assert result.resealed == 3
    new_keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    assert list(new_keyring) == [result.new_key.pk]
    for n, row in enumerate(rows):
        row.refresh_from_db()
        assert sealed_key_id(row.details_sealed) == result.new_key.pk
        assert open_text(row.details_sealed, keyring=new_keyring) == f"volunteer {n}"
    assert not WrappedKey.objects.filter(campaign_key=result.old_key).exists()
    assert not CampaignKey.objects.get(pk=result.old_key.pk).is_active
    with pytest.raises(VaultLocked):
        open_text(old_blob, keyring=new_keyring)


def test_new_seals_use_the_new_key_and_the_recovery_key_still_works(organizer, city):
    result = vault_rotate(
        actor=organizer, keyring=unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    )

    blob = seal_text("after rotation")

    assert sealed_key_id(blob) == result.new_key.pk
    keyring = recovery_keyring(recovery_key=organizer.recovery_key)
    assert open_text(blob, keyring=keyring) == "after rotation"
    assert AuditEntry.objects.filter(action="vault_rotate").count() == 1


def test_rotation_needs_the_current_key(organizer):
    with pytest.raises(VaultLocked):
        vault_rotate(actor=organizer, keyring={})


def test_the_rotate_command_reads_the_passphrase_from_stdin(organizer, city, monkeypatch):
    row = volunteer(city, "by command")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    out = io.StringIO()

    call_command("vault", "rotate", "--username", "ana", "--stdin", stdout=out)

    row.refresh_from_db()
    keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    assert open_text(row.details_sealed, keyring=keyring) == "by command"
    assert "1 sealed values re-sealed" in out.getvalue()


def test_the_rotate_command_refuses_a_wrong_passphrase(organizer, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong passphrase\n"))

    with pytest.raises(CommandError):
        call_command("vault", "rotate", "--username", "ana", "--stdin", stdout=io.StringIO())
    assert CampaignKey.objects.filter(is_active=True).count() == 1


def test_a_private_key_from_before_rotation_opens_nothing_new(organizer, city):
    old_keyring = unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    vault_rotate(actor=organizer, keyring=old_keyring)
    blob = seal_text("new data")
    stolen = {key_id: private for key_id, private in old_keyring.items()}
    forged = {sealed_key_id(blob): next(iter(stolen.values()))}

    with pytest.raises(CryptoError):
        open_text(blob, keyring=forged)
