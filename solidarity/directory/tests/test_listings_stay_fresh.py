"""Representatives keep listings fresh: new ones wait for review, "still accurate" re-verifies,
old ones say "may be outdated", rank lower, and their organization gets a reminder."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from solidarity.accounts.models import User
from solidarity.directory.models import CityDirectorySettings, Service
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tasks import send_verification_reminders
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def rep_client(client, provider):
    client.force_login(User.objects.create_user(username="rep", organization=provider))
    return client


def service_form(**overrides):
    data = {
        "name_en": "Evening dental clinic",
        "description_en": "Cleanings and fillings.",
        "categories": [factories.terms("dental")[0].pk],
        "features": [factories.terms("free")[0].pk],
        "spoken": "en, es",
        "hours-TOTAL_FORMS": "2",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "7",
        "hours-0-days": ["MO", "WE"],
        "hours-0-opens_at": "18:00",
        "hours-0-closes_at": "21:00",
    }
    data.update(overrides)
    return data


def test_a_new_listing_waits_for_review_then_appears(rep_client, organizer, provider):
    response = rep_client.post(reverse("directory:service_create"), service_form())
    assert response.status_code == 302
    listing = Service.objects.get(name_en="Evening dental clinic")
    assert listing.review_status == Service.Review.PENDING
    assert service_search(SearchQuery(query="dentist")).count() == 0

    organizer_client = rep_client.__class__()
    organizer_client.force_login(organizer)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    session = organizer_client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=organizer).persistent_id
    session.save()
    assert organizer_client.get(reverse("directory:review")).status_code == 200
    organizer_client.post(
        reverse("directory:review_decide", args=[listing.pk]), {"decision": "approve"}
    )
    assert [s.name for s in service_search(SearchQuery(query="dentista"))] == [
        "Evening dental clinic"
    ]
    assert listing.schedules.get().byday == "MO,WE"
    assert set(listing.languages.values_list("code", flat=True)) == {"en", "es"}


def test_a_city_can_publish_new_listings_without_review(rep_client, city):
    CityDirectorySettings.objects.create(city=city, review_new_listings=False)
    rep_client.post(reverse("directory:service_create"), service_form())
    assert Service.objects.get().review_status == Service.Review.APPROVED


def test_a_listing_without_a_name_or_category_is_refused_with_clear_errors(rep_client):
    response = rep_client.post(
        reverse("directory:service_create"), service_form(name_en="", categories=[])
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Give the service a name in at least one language." in body
    assert "Choose at least one kind of help." in body
    assert 'value="Cleanings and fillings."' in body or "Cleanings and fillings." in body


def test_still_accurate_reverifies_today_and_the_listing_ranks_first_again(rep_client, provider):
    old = factories.service(provider, name={"en": "A dentist"}, term_codes=("dental",))
    fresh = factories.service(provider, name={"en": "B dentist"}, term_codes=("dental",))
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    Service.objects.filter(pk=fresh.pk).update(last_verified=yesterday)
    long_ago = datetime.date.today() - datetime.timedelta(days=200)
    Service.objects.filter(pk=old.pk).update(last_verified=long_ago)
    assert [s.name for s in service_search(SearchQuery(category="dental"))] == [
        "B dentist",
        "A dentist",
    ]
    assert [s.name for s in service_search(SearchQuery(query="dentist"))][-1] == "A dentist"
    assert "May be outdated" in rep_client.get(old.get_absolute_url()).content.decode()

    rep_client.post(reverse("directory:service_accurate", args=[old.pk]))
    old.refresh_from_db()
    assert old.last_verified == datetime.date.today()
    assert [s.name for s in service_search(SearchQuery(category="dental"))] == [
        "A dentist",
        "B dentist",
    ]


def test_retiring_a_listing_hides_it(rep_client, provider):
    listing = factories.service(provider, name={"en": "Closing clinic"})
    rep_client.post(reverse("directory:service_retire", args=[listing.pk]))
    assert service_search(SearchQuery(query="closing")).count() == 0


def test_organizations_get_a_monthly_reminder_about_stale_listings(provider):
    provider.email = "info@clinic.example.org"
    provider.save()
    listing = factories.service(provider, name={"en": "Stale clinic"})
    Service.objects.filter(pk=listing.pk).update(last_verified=datetime.date(2026, 1, 1))
    assert send_verification_reminders.call(today="2026-07-01") == 1
    assert mail.outbox[0].to == ["info@clinic.example.org"]
    assert "Stale clinic" in mail.outbox[0].body
    assert send_verification_reminders.call(today="2026-07-15") == 0  # not again within a month
    assert send_verification_reminders.call(today="2026-08-01") == 1


def test_organizers_set_whether_their_city_reviews_new_listings(
    organizer_client, organizer, city, provider
):
    from django.test import Client

    from solidarity.cities.models import City
    from solidarity.organizers.models import AuditEntry

    rep_client = Client()
    rep_client.force_login(User.objects.create_user(username="rep", organization=provider))
    elsewhere = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.6, longitude=-79)
    city.organizers.add(organizer)
    page = organizer_client.get(reverse("directory:review")).content.decode()
    assert "New listings wait for an organizer" in page
    assert "Toronto" not in page  # not one of the organizer's cities

    refused = organizer_client.post(
        reverse("directory:review_policy"), {"reviewed": [elsewhere.pk]}
    )
    assert refused.status_code == 400
    assert "Please correct the following" in refused.content.decode()
    assert not CityDirectorySettings.objects.exists()

    response = organizer_client.post(reverse("directory:review_policy"), {})
    assert response.status_code == 302
    assert CityDirectorySettings.objects.get(city=city).review_new_listings is False
    assert AuditEntry.objects.get(action="directory_review_policy").city_id == city.pk
    rep_client.post(reverse("directory:service_create"), service_form())
    assert Service.objects.get().review_status == Service.Review.APPROVED

    organizer_client.post(reverse("directory:review_policy"), {"reviewed": [city.pk]})
    assert CityDirectorySettings.objects.get(city=city).review_new_listings is True
    assert AuditEntry.objects.filter(action="directory_review_policy").count() == 2


def test_only_organizers_change_the_review_policy(rep_client, city):
    response = rep_client.post(reverse("directory:review_policy"), {})
    assert response.status_code == 403
    assert not CityDirectorySettings.objects.exists()


def test_organizations_are_emailed_about_reports_they_left_unhandled(provider):
    from solidarity.directory.models import OutdatedReport
    from solidarity.directory.services import service_mark_accurate

    provider.email = "info@clinic.example.org"
    provider.save()
    listing = factories.service(provider, name={"en": "Fresh clinic"})
    OutdatedReport.objects.create(service=listing, problems=["phone", "hours"], day="2026-07-01")

    assert send_verification_reminders.call(today="2026-07-02") == 0  # time to see it first
    assert send_verification_reminders.call(today="2026-07-05") == 1
    body = mail.outbox[0].body
    assert body.startswith("Hello Parc-Ex Health Co-op,\n\nVisitors reported")
    assert "Visitors reported that these listings are wrong" in body
    assert (
        "Fresh clinic: The opening hours are wrong (1); The phone number does not work (1)" in body
    )
    assert "have not been checked for a while" not in body  # verified today, not stale

    service_mark_accurate(service=listing, actor=None)
    assert send_verification_reminders.call(today="2026-08-10") == 0


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "1 OR 1=1", "9" * 5000, "-1"])
def test_a_hostile_review_policy_value_is_refused_clearly(organizer_client, city, value):
    response = organizer_client.post(reverse("directory:review_policy"), {"reviewed": [value]})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Please correct the following" in body
    assert "<script>alert(1)</script>" not in body
    assert not CityDirectorySettings.objects.exists()


def test_a_review_policy_in_a_bad_encoding_is_refused_clearly(organizer_client, city):
    response = organizer_client.post(
        reverse("directory:review_policy"),
        b"reviewed=%FF%FE%FD",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert not CityDirectorySettings.objects.exists()
