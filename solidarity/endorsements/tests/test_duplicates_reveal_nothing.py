"""A second endorsement with the same contact address, or for the same organization, gets the
same answer as the first; the existing contact is e-mailed instead."""

import pytest
from django.core import mail

from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


def test_a_duplicate_address_gets_the_same_answer_and_the_existing_contact_is_told(
    client, vault, form_data, solved
):
    first = client.post("/en/endorse/", {**form_data, "altcha": solved()})
    second = client.post(
        "/en/endorse/",
        {**form_data, "organization_name": "Another Name", "altcha": solved()},
    )

    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert client.get(first["Location"]).content == client.get(second["Location"]).content
    assert Endorsement.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "already" in mail.outbox[1].subject
    assert mail.outbox[1].to == [form_data["contact_email"]]


def test_the_duplicate_notice_includes_a_fresh_link_while_unconfirmed(
    client, vault, form_data, solved
):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    client.post("/en/endorse/", {**form_data, "altcha": solved()})

    assert "/en/endorse/confirm/" in mail.outbox[1].body


def test_the_address_is_matched_whatever_its_case(client, vault, form_data, solved):
    client.post("/en/endorse/", {**form_data, "altcha": solved()})
    shouted = form_data["contact_email"].upper()
    client.post("/en/endorse/", {**form_data, "contact_email": shouted, "altcha": solved()})

    assert Endorsement.objects.count() == 1


def test_an_organization_already_endorsed_under_another_address_gets_the_same_answer(
    client, make_endorsement, form_data, solved
):
    make_endorsement(name=form_data["organization_name"])

    response = client.post(
        "/en/endorse/", {**form_data, "contact_email": "someone@else.example", "altcha": solved()}
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/endorse/thanks/"


def test_a_form_sent_twice_is_stored_once(client, vault, form_data):
    data = {**form_data, "submission_id": "0b7c9a1e-4f1d-4f0e-9a43-2c1d5b7e8f90"}

    first = client.post("/en/endorse/", data)
    second = client.post("/en/endorse/", {**data, "contact_email": "other@example.org"})

    assert first["Location"] == second["Location"]
    assert Endorsement.objects.count() == 1
