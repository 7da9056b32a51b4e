from django.test import Client
from django.urls import reverse

from solidarity.campaign import services
from solidarity.campaign.models import ContactMessage
from solidarity.campaign.tests.conftest import CANARY_MESSAGE
from solidarity.organizers.models import AuditEntry

INBOX = reverse("campaign:contact_messages")


def message(city=None):
    return services.contact_submit(
        city=city,
        topic="endorse",
        name="Collectif",
        reply_to="c@example.org",
        message=CANARY_MESSAGE,
    )


def test_the_inbox_needs_an_unlocked_vault(organizer_client, city):
    message(city)
    assert "login" in Client().get(INBOX)["Location"]
    response = organizer_client.get(INBOX)
    assert reverse("vault:unlock") in response["Location"]


def test_an_unlocked_organizer_reads_the_messages(unlocked_client, city):
    message(city)
    message(None)
    html = unlocked_client.get(INBOX).content.decode()
    assert html.count(CANARY_MESSAGE) == 2


def test_marking_a_message_handled_is_audited(unlocked_client, organizer, city):
    sent = message(city)
    url = reverse("campaign:contact_message_handled", args=[sent.pk])
    assert unlocked_client.post(url).status_code == 302
    assert ContactMessage.objects.get().handled
    assert AuditEntry.objects.filter(action="contact.handled", actor=organizer).exists()
