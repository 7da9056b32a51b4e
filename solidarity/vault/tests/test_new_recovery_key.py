"""`vault new-recovery-key` replaces a lost or exposed recovery key: the new key opens every
campaign key, the old one opens nothing, and it needs every active key or changes nothing."""

import pytest
from django.core.management import CommandError

from solidarity.cities.models import City
from solidarity.organizers.models import AuditEntry
from solidarity.vault.models import RecoveryKey
from solidarity.vault.services import (
    WrongPassphrase,
    open_text,
    recovery_keyring,
    seal_text,
    vault_init,
)
from solidarity.vault.tests.helpers import new_organizer, run_vault

PASSPHRASE = "the first organizer's passphrase"
OTHER = "the city organizer's passphrase"


def printed_key(output):
    return output.split("shown only this once:")[1].split()[0]


@pytest.mark.django_db
def test_the_new_key_opens_what_is_sealed_and_the_old_one_nothing():
    first = new_organizer("first")
    old = vault_init(organizer=first, passphrase=PASSPHRASE).recovery_key
    blob = seal_text("Maria")

    output = run_vault("new-recovery-key", "--username", "first", "--stdin", stdin=PASSPHRASE)

    new = printed_key(output)
    assert new != old
    assert open_text(blob, keyring=recovery_keyring(recovery_key=new)) == "Maria"
    with pytest.raises(WrongPassphrase):
        recovery_keyring(recovery_key=old)
    assert RecoveryKey.objects.filter(is_active=True).count() == 1
    assert "rotate every campaign key" in output
    assert AuditEntry.objects.filter(action="vault_recovery_replace", actor=first).exists()


@pytest.mark.django_db
def test_the_old_recovery_key_itself_can_order_its_replacement():
    first = new_organizer("first")
    old = vault_init(organizer=first, passphrase=PASSPHRASE).recovery_key

    output = run_vault("new-recovery-key", "--recovery", "--stdin", stdin=old)

    new = printed_key(output)
    assert recovery_keyring(recovery_key=new)
    with pytest.raises(WrongPassphrase):
        recovery_keyring(recovery_key=old)


@pytest.mark.django_db
def test_it_needs_every_active_key_and_otherwise_changes_nothing():
    first, local = new_organizer("first"), new_organizer("local")
    old = vault_init(organizer=first, passphrase=PASSPHRASE).recovery_key
    city = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.6, longitude=-79.4)
    vault_init(organizer=local, passphrase=OTHER, city_id=city.pk)  # a key `first` does not hold

    with pytest.raises(CommandError, match="Every active campaign key is needed"):
        run_vault("new-recovery-key", "--username", "first", "--stdin", stdin=PASSPHRASE)

    assert len(recovery_keyring(recovery_key=old)) == 2
    assert RecoveryKey.objects.filter(is_active=True).count() == 1


@pytest.mark.django_db
def test_a_wrong_passphrase_changes_nothing():
    first = new_organizer("first")
    old = vault_init(organizer=first, passphrase=PASSPHRASE).recovery_key

    with pytest.raises(CommandError):
        run_vault("new-recovery-key", "--username", "first", "--stdin", stdin="not it at all")

    assert recovery_keyring(recovery_key=old)
