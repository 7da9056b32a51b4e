"""Submit → confirm → verify → public → withdraw, through the test client as people do it."""

import re

import pytest
from django.core import mail

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.tests.conftest import CANARY_EMAIL


def confirmation_link(message):
    return re.search(r"https?://\S+(/en/endorse/confirm/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_an_endorsement_goes_from_the_form_to_the_public_list_and_back_out(
    client, unlocked_client, form_data, solved, settings
):
    from django.test import Client

    visitor = Client()
    response = visitor.post("/en/endorse/", {**form_data, "altcha": solved()})
    assert response.status_code == 302
    assert response["Location"] == "/en/endorse/thanks/"
    endorsement = Endorsement.objects.get()
    assert endorsement.status == Endorsement.Status.UNCONFIRMED
    assert "Clinique Solidaire" not in visitor.get("/en/endorsers/").content.decode()

    (message,) = mail.outbox
    assert message.to == [CANARY_EMAIL]
    link = confirmation_link(message)
    page = visitor.get(link)
    assert "Confirm our endorsement" in page.content.decode()
    assert visitor.post(link).status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.AWAITING_REVIEW

    queue = unlocked_client.get("/en/endorsements/review/").content.decode()
    assert "Clinique Solidaire du Plateau" in queue
    contact = unlocked_client.get(f"/en/endorsements/review/{endorsement.pk}/contact/")
    assert CANARY_EMAIL in contact.content.decode()
    response = unlocked_client.post(f"/en/endorsements/review/{endorsement.pk}/verify/")
    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.VERIFIED
    assert mail.outbox[-1].to == [CANARY_EMAIL]  # the representative's magic link

    listing = visitor.get("/en/endorsers/").content.decode()
    assert "Clinique Solidaire du Plateau" in listing
    page = visitor.get(endorsement.organization.get_absolute_url())
    assert page.status_code == 200
    assert (
        "Never ask about immigration status" in page.content.decode()
        or "never" in page.content.decode().lower()
    )

    representative = endorsement.organization.representatives.get()
    rep_client = Client()
    rep_client.force_login(representative)
    response = rep_client.post("/en/endorsement/withdraw/", {"confirm": "yes"})
    assert response.status_code == 302
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.WITHDRAWN
    assert "Clinique Solidaire" not in visitor.get("/en/endorsers/").content.decode()
    assert visitor.get(endorsement.organization.get_absolute_url()).status_code == 404
    assert "Clinique Solidaire" not in visitor.get("/en/endorsers.json").content.decode()
