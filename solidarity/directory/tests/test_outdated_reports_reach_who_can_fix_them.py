"""A visitor's "this is outdated" reaches the organization, which fixes or confirms its listing,
and the organizers of its city, who follow up the reports nobody handled."""

import pytest
from django.test import Client
from django.urls import reverse

from solidarity.accounts.models import User
from solidarity.cities.models import City
from solidarity.directory.models import OutdatedReport
from solidarity.directory.tests import factories
from solidarity.organizers.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(provider):
    return factories.service(provider, name={"en": "Walk-in clinic"}, term_codes=("primary-care",))


@pytest.fixture
def rep_client(provider):
    client = Client()
    client.force_login(User.objects.create_user(username="rep", organization=provider))
    return client


def report(listing, *problems):
    response = Client().post(
        reverse("directory:report_outdated", args=[listing.pk]), {"problems": list(problems)}
    )
    assert response.status_code == 302


def test_the_representative_sees_what_visitors_reported(rep_client, listing):
    report(listing, "hours", "phone")
    report(listing, "hours")

    page = rep_client.get(reverse("directory:manage")).content.decode()

    assert "2 visitor reports of outdated information" in page
    assert "The opening hours are wrong (2)" in page
    assert "The phone number does not work (1)" in page
    assert page.index("The opening hours are wrong") < page.index("The phone number")


def test_still_accurate_marks_the_reports_as_handled(rep_client, listing):
    report(listing, "address")

    rep_client.post(reverse("directory:service_accurate", args=[listing.pk]))

    assert not OutdatedReport.objects.filter(resolved=False).exists()
    assert "visitor report" not in rep_client.get(reverse("directory:manage")).content.decode()


def test_correcting_the_listing_marks_the_reports_as_handled(rep_client, listing):
    report(listing, "hours")
    form = {
        "name_en": "Walk-in clinic",
        "categories": [factories.terms("primary-care")[0].pk],
        "spoken": "en",
        "hours-TOTAL_FORMS": "1",
        "hours-INITIAL_FORMS": "0",
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "7",
        "hours-0-days": ["TU"],
        "hours-0-opens_at": "09:00",
        "hours-0-closes_at": "12:00",
    }

    response = rep_client.post(reverse("directory:service_edit", args=[listing.pk]), form)

    assert response.status_code == 302
    assert listing.schedules.get().byday == "TU"
    assert not OutdatedReport.objects.filter(resolved=False).exists()


def test_a_refused_edit_leaves_the_reports_open(rep_client, listing):
    report(listing, "hours")

    response = rep_client.post(
        reverse("directory:service_edit", args=[listing.pk]), {"name_en": ""}
    )

    assert response.status_code == 400
    assert OutdatedReport.objects.filter(resolved=False).count() == 1


def test_organizers_follow_up_unhandled_reports_of_their_city(organizer_client, organizer, city):
    here = factories.service(factories.organization(city, "Here Co-op"), name={"en": "Here"})
    there_city = City.objects.create(
        slug="toronto", name_en="Toronto", latitude=43.65, longitude=-79.38
    )
    far = factories.organization(there_city, "Far Co-op", public=False)  # not their city
    there = factories.service(far, name={"en": "There"})
    city.organizers.add(organizer)
    report(here, "closed")
    OutdatedReport.objects.create(service=there, problems=["fees"], day="2026-11-01")

    page = organizer_client.get(reverse("directory:outdated")).content.decode()

    assert "Here Co-op" in page
    assert "The service has closed (1)" in page
    assert "Far Co-op" not in page
    elsewhere = organizer_client.post(reverse("directory:outdated_handled", args=[there.pk]))
    assert elsewhere.status_code == 404
    assert OutdatedReport.objects.get(service=there).resolved is False

    handled = organizer_client.post(reverse("directory:outdated_handled", args=[here.pk]))

    assert handled.status_code == 302
    assert OutdatedReport.objects.get(service=here).resolved is True
    entry = AuditEntry.objects.get(action="outdated_reports_resolve")
    assert entry.city_id == city.pk
    page = organizer_client.get(handled["Location"]).content.decode()
    assert "are marked as handled" in page
    assert "No listing has unhandled reports." in page


def test_only_organizers_see_the_reported_listings(rep_client, client, listing):
    report(listing, "phone")
    url = reverse("directory:outdated")

    assert rep_client.get(url).status_code == 403
    assert client.get(url).status_code in (302, 403)
    assert (
        rep_client.post(reverse("directory:outdated_handled", args=[listing.pk])).status_code == 403
    )
    assert OutdatedReport.objects.get().resolved is False


def test_the_organizer_dashboard_links_to_the_listing_queues(organizer_client):
    page = organizer_client.get(reverse("organizers:dashboard")).content.decode()

    assert f'href="{reverse("directory:review")}"' in page
    assert f'href="{reverse("directory:outdated")}"' in page
