"""Organizers of the city hear that a report arrived — and nothing else."""

from django.core import mail
from django.test import Client

from solidarity.reports.tests.conftest import CANARY, COMMITTED, follow_up, send_report


@COMMITTED
def test_only_organizers_of_the_city_are_told_a_report_arrived(
    endorser, organizer, other_city_client, representative_client
):
    from solidarity.accounts.models import User

    organizer.email = "ana@example.org"
    organizer.save()
    User.objects.filter(username__in=["bo", "rep"]).update(email="not-me@example.org")

    send_report(Client(), organization=str(endorser.pk), narrative=CANARY, contact="me@x.org")

    assert [message.to for message in mail.outbox] == [["ana@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "A confidential report arrived"
    assert "/organizers/reports/" in message.body
    for secret in (CANARY, "me@x.org", endorser.name, "never_ask"):
        assert secret not in message.subject + message.body


@COMMITTED
def test_a_reporters_message_is_announced_without_its_words(city, organizer):
    organizer.email = "ana@example.org"
    organizer.save()
    reporter = Client()
    _response, receipt = send_report(reporter, city=city.pk, organization_name="Corner Pharmacy")
    mail.outbox.clear()

    follow_up(reporter, receipt, message=CANARY)

    [message] = mail.outbox
    assert message.subject == "A reporter added a message"
    assert CANARY not in message.body
    assert "Corner Pharmacy" not in message.body
