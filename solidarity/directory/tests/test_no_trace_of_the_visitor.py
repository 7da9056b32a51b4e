"""Searches leave nothing: no cookie for anonymous visitors, no search term in any log."""

import logging

import pytest
from django.urls import reverse

from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db
SECRET = "tuberculosisclinicxyz"


@pytest.fixture
def listing(provider):
    return factories.service(provider, name={"en": "Chest clinic"}, term_codes=("primary-care",))


def test_search_and_service_pages_set_no_cookie(client, listing):
    for url, params in [
        (reverse("directory:search"), {}),
        (
            reverse("directory:search"),
            {"q": "clinic", "open_now": "on", "lat": "45.50", "lon": "-73.57"},
        ),
        (listing.get_absolute_url(), {}),
        (listing.get_absolute_url(), {"reported": "1"}),
    ]:
        response = client.get(url, params)
        assert response.status_code == 200
        assert not response.cookies, url


def test_no_search_term_or_query_string_is_logged(client, listing, caplog):
    caplog.set_level(logging.DEBUG)
    client.get(reverse("directory:search"), {"q": SECRET, "lat": "45.50", "lon": "-73.57"})
    client.get(reverse("directory:search"), {"q": SECRET, "city": "nowhere"})  # a 400
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert SECRET not in logged
    assert "45.50" not in logged


def test_reporting_outdated_information_stores_nothing_about_the_visitor(client, listing):
    from solidarity.directory.models import OutdatedReport

    url = reverse("directory:report_outdated", args=[listing.pk])
    response = client.post(url, {"problems": ["hours", "phone"], "nickname": ""})
    assert response.status_code == 302
    assert response["Location"].endswith("?reported=1")
    report = OutdatedReport.objects.get()
    assert report.problems == ["hours", "phone"]
    assert {f.name for f in OutdatedReport._meta.fields} == {
        "id",
        "service",
        "problems",
        "day",
        "resolved",
    }


def test_an_empty_outdated_report_gets_a_clear_error(client, listing):
    response = client.post(
        reverse("directory:report_outdated", args=[listing.pk]), {"problems": ["nope"]}
    )
    assert response.status_code == 400
    assert "Please correct the following" in response.content.decode()
