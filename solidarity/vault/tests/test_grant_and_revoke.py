"""A new organizer is invited, sets their own password, second factor and passphrase; an
unlocked organizer grants them the campaign key; revoking takes everything back."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from solidarity.accounts.models import User
from solidarity.organizers.models import AuditEntry
from solidarity.vault.models import OrganizerKey, WrappedKey
from solidarity.vault.services import open_text, seal_text, unwrap_keyring
from solidarity.vault.tests.helpers import verified_client

NEW_PASSPHRASE = "bea chooses her own long passphrase"


def invite(unlocked_client, username="bea"):
    response = unlocked_client.post(reverse("vault:access"), {"username": username})
    assert response.status_code == 302
    page = unlocked_client.get(reverse("vault:access")).content.decode()
    return re.search(r"<code>https?://[^/]+(/[^<]+)</code>", page).group(1)


def accept(link):
    client = Client()
    page = client.get(link)
    secret_hex = client.session["invitation_totp_key"]
    code = f"{totp(bytes.fromhex(secret_hex)):06d}"
    response = client.post(
        link,
        {
            "password": "bea's long password 1",
            "password_again": "bea's long password 1",
            "code": code,
        },
    )
    return client, page, response


def test_an_invited_organizer_sets_up_their_account(unlocked_client):
    link = invite(unlocked_client)

    client, page, response = accept(link)

    assert page.status_code == 200
    assert "data:image/svg+xml" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == reverse("vault:unlock")
    bea = User.objects.get(username="bea")
    assert bea.is_active
    assert bea.is_staff
    assert client.get(reverse("organizers:dashboard")).status_code == 200


def test_an_invitation_works_once(unlocked_client):
    link = invite(unlocked_client)
    accept(link)

    assert Client().get(link).status_code == 410


def test_a_wrong_code_keeps_the_invitation_open(unlocked_client):
    link = invite(unlocked_client)
    client = Client()
    client.get(link)

    response = client.post(
        link,
        {
            "password": "bea's long password 1",
            "password_again": "bea's long password 1",
            "code": "000000",
        },
    )

    assert response.status_code == 400
    assert not User.objects.get(username="bea").is_active


def test_granting_lets_the_new_organizer_open_sealed_data(unlocked_client, organizer):
    client, _page, _response = accept(invite(unlocked_client))
    client.post(
        reverse("vault:unlock"), {"passphrase": NEW_PASSPHRASE, "passphrase_again": NEW_PASSPHRASE}
    )
    bea = User.objects.get(username="bea")
    assert OrganizerKey.objects.filter(user=bea).exists()
    assert unwrap_keyring(organizer=bea, passphrase=NEW_PASSPHRASE) == {}

    response = unlocked_client.post(reverse("vault:grant", args=[bea.pk]))

    assert response.status_code == 302
    keyring = unwrap_keyring(organizer=bea, passphrase=NEW_PASSPHRASE)
    assert open_text(seal_text("Maria"), keyring=keyring) == "Maria"
    assert AuditEntry.objects.filter(
        action="vault_grant", actor=organizer, target_id=str(bea.pk)
    ).exists()


def test_granting_needs_an_unlocked_vault(organizer_client, organizer):
    other = User.objects.create_user(username="carl", password="x" * 20, is_staff=True)

    response = organizer_client.post(reverse("vault:grant", args=[other.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("vault:unlock"))


def test_revoking_removes_keys_second_factor_and_staff_pages(unlocked_client, organizer):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client, _page, _response = accept(invite(unlocked_client))
    client.post(
        reverse("vault:unlock"), {"passphrase": NEW_PASSPHRASE, "passphrase_again": NEW_PASSPHRASE}
    )
    bea = User.objects.get(username="bea")
    unlocked_client.post(reverse("vault:grant", args=[bea.pk]))

    response = unlocked_client.post(reverse("vault:revoke", args=[bea.pk]))

    assert response.status_code == 302
    bea.refresh_from_db()
    assert not bea.is_staff
    assert not WrappedKey.objects.filter(holder=bea).exists()
    assert not TOTPDevice.objects.filter(user=bea).exists()
    assert client.get(reverse("organizers:dashboard")).status_code == 302
    assert AuditEntry.objects.filter(action="vault_revoke", target_id=str(bea.pk)).exists()


def test_an_organizer_cannot_revoke_themselves(unlocked_client, organizer):
    unlocked_client.post(reverse("vault:revoke", args=[organizer.pk]))

    organizer.refresh_from_db()
    assert organizer.is_staff
    assert WrappedKey.objects.filter(holder=organizer).exists()


@pytest.mark.parametrize("username", ["", "a" * 151, "<script>", "ana"])
def test_the_invitation_form_refuses_bad_or_taken_usernames(unlocked_client, username):
    response = unlocked_client.post(reverse("vault:access"), {"username": username})

    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


def test_the_access_page_lists_organizers(unlocked_client, organizer):
    response = verified_client(organizer).get(reverse("vault:access"))
    assert response.status_code == 302  # a new session: locked

    page = unlocked_client.get(reverse("vault:access")).content.decode()
    assert "ana" in page
    assert "Can open" in page


def test_a_city_organizer_is_granted_only_their_cities_keys(organizer, city):
    from solidarity.cities.models import City
    from solidarity.vault.services import organizer_key_set, vault_grant, vault_init

    toronto = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.6, longitude=-79.4)
    montreal_key = vault_init(
        organizer=organizer, passphrase="ana's vault passphrase", city_id=city.pk
    )
    toronto_key = vault_init(
        organizer=organizer, passphrase="ana's vault passphrase", city_id=toronto.pk
    )
    dee = User.objects.create_user(username="dee", password="x" * 20, is_staff=True)
    dee.cities.set([city])
    organizer_key_set(user=dee, passphrase=NEW_PASSPHRASE)

    vault_grant(
        granter=organizer,
        keyring=unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase"),
        organizer=dee,
    )

    held = set(unwrap_keyring(organizer=dee, passphrase=NEW_PASSPHRASE))
    assert montreal_key.campaign_key.pk in held
    assert toronto_key.campaign_key.pk not in held
    assert len(held) == 2  # and the campaign-wide key
