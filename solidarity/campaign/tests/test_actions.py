import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from solidarity.campaign.models import Action


@pytest.fixture
def actions(city):
    now = timezone.now()
    return {
        "upcoming": Action.objects.create(
            city=city,
            title_en="Assembly, with interpretation; bring friends",
            title_fr="Assemblée, avec interprétation ; venez nombreux",
            place_en="Main hall, 2nd floor",
            description_en="Line one\nLine two, with a comma",
            starts_at=now + datetime.timedelta(days=3),
            ends_at=now + datetime.timedelta(days=3, hours=2),
            is_published=True,
        ),
        "draft": Action.objects.create(
            title_en="Secret planning draft",
            starts_at=now + datetime.timedelta(days=4),
            is_published=False,
        ),
        "past": Action.objects.create(
            title_en="Last year's march",
            starts_at=now - datetime.timedelta(days=30),
            ends_at=now - datetime.timedelta(days=30, hours=-2),
            is_published=True,
        ),
    }


def test_the_actions_page_lists_only_upcoming_published_actions(client, actions):
    html = client.get(reverse("campaign:actions")).content.decode()
    assert "Assembly, with interpretation; bring friends" in html
    assert "Secret planning draft" not in html
    assert "Last year" not in html


def test_the_actions_page_is_translated(client, actions):
    html = client.get("/fr/actions/").content.decode()
    assert "Assemblée, avec interprétation ; venez nombreux" in html
    assert "Actions à venir" in html


def test_the_ical_feed_parses_and_keeps_punctuation_intact(client, actions):
    response = client.get(reverse("campaign:actions_ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Assembly, with interpretation; bring friends"
    assert str(event["DESCRIPTION"]) == "Line one\nLine two, with a comma"
    assert str(event["LOCATION"]) == "Main hall, 2nd floor"
    assert str(event["UID"]) == f"{actions['upcoming'].uid}@solidarity-city"
    assert event.decoded("DTSTART") == actions["upcoming"].starts_at.replace(microsecond=0)
    assert b"Line two\\, with a comma" in response.content  # RFC 5545 escaping


def test_the_feed_follows_the_language_of_its_url(client, actions):
    calendar = Calendar.from_ical(client.get("/fr/actions.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Assemblée, avec interprétation ; venez nombreux"
