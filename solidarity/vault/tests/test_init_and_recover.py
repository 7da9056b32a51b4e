"""`vault init` prints the recovery key once; `vault recover` gives an organizer who forgot
their passphrase a new one from it."""

import io

import pytest
from django.core.management import CommandError, call_command

from solidarity.organizers.models import AuditEntry
from solidarity.vault.models import CampaignKey, WrappedKey
from solidarity.vault.services import (
    WrongPassphrase,
    open_text,
    recovery_keyring,
    seal_text,
    unwrap_keyring,
    vault_recover,
)
from solidarity.vault.tests.helpers import new_organizer, run_vault

PASSPHRASE = "the first organizer's passphrase"


@pytest.fixture
def staff(db):
    return new_organizer("first")


def test_init_prints_a_recovery_key_that_opens_the_campaign_key(staff):
    output = run_vault("init", "--username", "first", "--stdin", stdin=PASSPHRASE + "\n")

    recovery = output.split("shown only this once:")[1].split()[0]
    blob = seal_text("Maria")
    assert open_text(blob, keyring=recovery_keyring(recovery_key=recovery)) == "Maria"
    assert (
        open_text(blob, keyring=unwrap_keyring(organizer=staff, passphrase=PASSPHRASE)) == "Maria"
    )
    assert AuditEntry.objects.filter(action="vault_init").count() == 1


def test_the_recovery_key_is_stored_nowhere(staff):
    output = run_vault("init", "--username", "first", "--stdin", stdin=PASSPHRASE + "\n")
    recovery = output.split("shown only this once:")[1].split()[0]

    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)

    assert recovery not in dump.getvalue()
    assert recovery.replace("-", "") not in dump.getvalue()


def test_init_refuses_a_second_key_and_short_passphrases(staff):
    with pytest.raises(CommandError):
        run_vault("init", "--username", "first", "--stdin", stdin="short\n")
    run_vault("init", "--username", "first", "--stdin", stdin=PASSPHRASE + "\n")

    with pytest.raises(CommandError):
        run_vault("init", "--username", "first", "--stdin", stdin=PASSPHRASE + "\n")
    assert CampaignKey.objects.count() == 1


def test_recovery_gives_a_new_passphrase(organizer):
    blob = seal_text("Maria")

    output = run_vault(
        "recover",
        "--username",
        "ana",
        "--stdin",
        stdin=f"{organizer.recovery_key}\nana's brand new passphrase\n",
    )

    keyring = unwrap_keyring(organizer=organizer, passphrase="ana's brand new passphrase")
    assert open_text(blob, keyring=keyring) == "Maria"
    with pytest.raises(WrongPassphrase):
        unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")
    assert "holds 1 campaign key" in output
    assert AuditEntry.objects.filter(action="vault_recover").count() == 1


@pytest.mark.parametrize("wrong", ["", "not-a-key", "AAAA-" * 13, "ZZZZ" * 13])
def test_a_wrong_recovery_key_changes_nothing(organizer, wrong):
    with pytest.raises(WrongPassphrase):
        vault_recover(
            recovery_key=wrong, organizer=organizer, passphrase="ana's brand new passphrase"
        )

    assert unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")
    assert WrappedKey.objects.filter(holder=organizer).count() == 1


def test_status_names_holders_and_no_secrets(organizer):
    output = run_vault("status")

    assert "held by ana" in output
    assert "recovery key: yes" in output
    assert organizer.recovery_key not in output
