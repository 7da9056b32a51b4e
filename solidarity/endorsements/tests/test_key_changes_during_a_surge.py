"""Each server process remembers the campaign key it seals contacts to (the surge path does not
look it up for every submission). A key rotated or a city key created by another process is
still picked up by the very next submission: nothing is ever stored sealed to a key that is
no longer the active one, and no submission is lost or refused because of it."""

import re

from solidarity.endorsements.models import Endorsement
from solidarity.vault import rotation
from solidarity.vault.services import (
    open_json,
    sealed_key_id,
    unwrap_keyring,
    vault_init,
    vault_rotate,
)

PASSPHRASE = "ana's vault passphrase"


def submit(client, form_data, number):
    data = {
        **form_data,
        "organization_name": f"Collective {number}",
        "contact_email": f"contact{number}@example.org",
    }
    response = client.post("/en/endorse/", data)
    assert response.status_code == 302
    return Endorsement.objects.get(organization__name=f"Collective {number}")


def keyring(user):
    return unwrap_keyring(organizer=user, passphrase=PASSPHRASE)


def test_a_rotation_by_another_process_is_picked_up_by_the_next_submission(
    client, organizer, form_data
):
    before = submit(client, form_data, 1)  # this process now remembers the key
    # Another process rotates: this one is not told.
    result = rotation.vault_rotate(actor=organizer, keyring=keyring(organizer))

    after = submit(client, form_data, 2)

    assert sealed_key_id(after.contact_sealed) == result.new_key.pk
    assert open_json(after.contact_sealed, keyring=keyring(organizer))["email"] == (
        "contact2@example.org"
    )
    before.refresh_from_db()
    assert sealed_key_id(before.contact_sealed) == result.new_key.pk  # re-sealed by the rotation
    assert Endorsement.objects.count() == 2


def test_a_rotation_in_this_process_is_picked_up_too(client, organizer, form_data):
    submit(client, form_data, 1)
    result = vault_rotate(actor=organizer, keyring=keyring(organizer))

    after = submit(client, form_data, 2)

    assert sealed_key_id(after.contact_sealed) == result.new_key.pk


def test_a_city_key_created_later_seals_the_citys_next_submissions(
    client, organizer, form_data, city, django_user_model
):
    global_key = sealed_key_id(submit(client, form_data, 1).contact_sealed)
    city_organizer = django_user_model.objects.create_user(username="bea", password="x" * 20)
    city_key = vault_init(organizer=city_organizer, passphrase=PASSPHRASE, city_id=city.pk)

    after = submit(client, form_data, 2)

    assert sealed_key_id(after.contact_sealed) == city_key.campaign_key.pk != global_key
    assert open_json(after.contact_sealed, keyring=keyring(city_organizer))["name"]


def test_the_form_shown_again_after_an_error_keeps_what_was_typed(client, vault, form_data):
    first = client.post("/en/endorse/", {**form_data, "contact_email": "not an address"})
    second = client.post("/en/endorse/", {**form_data, "decided_month": "March"})

    assert first.status_code == second.status_code == 400
    assert "Enter a valid email address." in first.content.decode()
    assert "Enter a valid email address." not in second.content.decode()
    assert "Enter a month as year-month" in second.content.decode()
    assert 'value="Clinique Solidaire du Plateau"' in second.content.decode()
    assert Endorsement.objects.count() == 0


def test_every_display_of_the_form_carries_its_own_submission_id(client, vault):
    ids = [
        re.search(
            r'name="submission_id" value="([^"]+)"', client.get("/en/endorse/").content.decode()
        )
        for _ in range(2)
    ]

    assert ids[0]
    assert ids[1]
    assert ids[0][1] != ids[1][1]
