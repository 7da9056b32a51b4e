import datetime

from solidarity.campaign import services
from solidarity.campaign.models import ContactMessage, Volunteer
from solidarity.campaign.retention import purge

TODAY = datetime.date(2027, 6, 1)


def volunteer(city, *, last_activity_on):
    person = services.volunteer_submit(
        city=city,
        details=services.VolunteerDetails(name="A", contact="a@example.org"),
        ways_to_help=["events"],
        languages=["en"],
    )
    Volunteer.objects.filter(pk=person.pk).update(last_activity_on=last_activity_on)
    return person


def message(city, *, created_on):
    sent = services.contact_submit(
        city=city, topic="other", name="B", reply_to="b@example.org", message="hello"
    )
    ContactMessage.objects.filter(pk=sent.pk).update(created_on=created_on)
    return sent


def test_it_deletes_volunteers_nobody_followed_up_with_for_a_year(vault, city):
    stale = volunteer(city, last_activity_on=TODAY - datetime.timedelta(days=366))
    recent = volunteer(city, last_activity_on=TODAY - datetime.timedelta(days=364))
    assert purge(today=TODAY)["volunteers"] == 1
    assert list(Volunteer.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Volunteer.objects.filter(pk=stale.pk).exists()


def test_marking_a_volunteer_active_restarts_the_clock(vault, organizer, city):
    person = volunteer(city, last_activity_on=datetime.date.today() - datetime.timedelta(days=400))
    services.volunteer_set_status(volunteer=person, status="active", actor=organizer)
    purge(today=datetime.date.today())
    assert Volunteer.objects.filter(pk=person.pk).exists()


def test_it_deletes_contact_messages_after_ninety_days(vault, city):
    message(city, created_on=TODAY - datetime.timedelta(days=91))
    kept = message(city, created_on=TODAY - datetime.timedelta(days=89))
    assert purge(today=TODAY) == {"volunteers": 0, "contact messages": 1}
    assert list(ContactMessage.objects.values_list("pk", flat=True)) == [kept.pk]


def test_the_periods_are_settings(vault, city, settings):
    settings.CAMPAIGN_VOLUNTEER_RETENTION_DAYS = 30
    settings.CAMPAIGN_CONTACT_RETENTION_DAYS = 7
    volunteer(city, last_activity_on=TODAY - datetime.timedelta(days=31))
    message(city, created_on=TODAY - datetime.timedelta(days=8))
    assert purge(today=TODAY) == {"volunteers": 1, "contact messages": 1}
