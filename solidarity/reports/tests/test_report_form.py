"""The report form: works without JavaScript, in four languages, leaves nothing behind."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from solidarity.endorsements.models import Endorsement
from solidarity.reports.models import Report
from solidarity.reports.tests.conftest import make_endorser, report_data, send_report


def test_the_form_is_never_cached_and_sets_no_cookie_but_csrf(city):
    response = Client().get(reverse("reports:report"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert set(response.cookies) <= {"csrftoken"}


def test_sending_a_report_sets_no_cookie_but_csrf(city, organizer):
    client = Client()
    client.get(reverse("reports:report"))
    response, _receipt = send_report(client, city=city.pk, organization_name="Corner Pharmacy")

    assert response.status_code == 201
    assert set(client.cookies) <= {"csrftoken"}
    assert "sessionid" not in response.cookies


def test_searching_by_name_lists_only_verified_endorsers_listed_by_name(endorser, city):
    make_endorser(city, "Clinique Discrète", visibility="count_only")
    pending = make_endorser(city, "Clinique en attente")
    Endorsement.objects.filter(organization=pending).update(status="awaiting_review")

    response = Client().post(
        reverse("reports:report"), {"find": "1", "organization_query": "clinique"}
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "Clinique du Parc" in page
    assert "Clinique Discrète" not in page
    assert "Clinique en attente" not in page
    assert "errorlist" not in page  # searching is not sending


def test_searching_keeps_everything_already_typed(endorser):
    data = report_data(narrative="Half-written story", commitments=["no_fees", "other"])
    response = Client().post(
        reverse("reports:report"), {**data, "find": "1", "organization_query": "Parc"}
    )
    page = response.content.decode()

    assert "Half-written story" in page
    checked = re.findall(
        r'<input type="checkbox" name="commitments" value="(\w+)"[^>]*checked', page
    )
    assert checked == ["no_fees", "other"]


def test_a_search_with_no_match_says_so(endorser):
    response = Client().post(reverse("reports:report"), {"find": "1", "organization_query": "zzzz"})

    assert "No organization in the list matches this name" in response.content.decode()


def test_an_organization_not_in_the_list_needs_a_name_and_a_city(city, organizer):
    response = Client().post(reverse("reports:report"), report_data())
    page = response.content.decode()

    assert response.status_code == 400
    assert "Choose the organization in the list, or write its name here." in page
    assert "Choose the city where it happened." in page
    assert 'class="error-summary"' in page
    assert 'aria-invalid="true"' in page
    assert not Report.objects.exists()


def test_a_report_on_a_listed_organization_goes_to_its_city(endorser):
    response, _receipt = send_report(Client(), organization=str(endorser.pk))

    assert response.status_code == 201
    assert Report.objects.get().city == endorser.city


def test_at_least_one_commitment_must_be_chosen(city, organizer):
    response = Client().post(
        reverse("reports:report"),
        report_data(commitments=[], city=city.pk, organization_name="Corner Pharmacy"),
    )

    assert response.status_code == 400
    assert "Choose at least one commitment" in response.content.decode()


def test_a_form_sent_twice_is_stored_once(city, organizer):
    client = Client()
    data = {"city": city.pk, "organization_name": "Corner Pharmacy", "submission": "abc123"}
    first, _receipt = send_report(client, **data)
    second, again = send_report(client, **data)

    assert first.status_code == 201
    assert second.status_code == 409
    assert again == ""
    assert Report.objects.count() == 1


def test_a_bot_filling_the_honeypot_gets_a_receipt_but_nothing_is_stored(city, organizer):
    response, receipt = send_report(
        Client(), city=city.pk, organization_name="Corner Pharmacy", nickname="bot"
    )

    assert response.status_code == 201
    assert receipt
    assert not Report.objects.exists()


def test_sending_reports_is_rate_limited(city, organizer):
    client = Client()
    statuses = [
        send_report(client, city=city.pk, organization_name="X", submission=str(n))[0].status_code
        for n in range(7)
    ]

    assert statuses[:5] == [201] * 5
    assert statuses[-1] == 429


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("fr", "Quelle organisation ?"),
        ("es", "¿Qué organización?"),
        ("ar", "أي منظمة؟"),
    ],
)
def test_the_form_speaks_french_spanish_and_arabic(city, language, heading):
    with translation.override(language):
        url = reverse("reports:report")
    response = Client().get(url)

    assert url.startswith(f"/{language}/")
    assert heading in response.content.decode()


def test_the_form_never_asks_about_immigration_status(city):
    page = Client().get(reverse("reports:report")).content.decode().lower()
    form_html = page.split("<form")[1].split("</form>")[0]
    for word in ("citizenship", "nationality", "visa", "passport", "country of birth", "permit"):
        assert word not in form_html


def test_a_form_that_could_not_be_stored_can_be_sent_again(city, organizer, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("database unavailable")

    client = Client(raise_request_exception=False)
    data = {"city": city.pk, "organization_name": "Corner Pharmacy", "submission": "tok"}
    monkeypatch.setattr("solidarity.reports.views.report_submit", fail)
    failed, _receipt = send_report(client, **data)
    monkeypatch.undo()
    retried, receipt = send_report(client, **data)

    assert failed.status_code == 500
    assert retried.status_code == 201
    assert receipt
    assert Report.objects.count() == 1


def test_a_search_keeps_the_forms_token_so_a_resent_form_is_still_stored_once(endorser):
    data = {**report_data(), "find": "1", "organization_query": "Parc", "submission": "tok-1"}
    page = Client().post(reverse("reports:report"), data).content.decode()

    assert 'name="submission" value="tok-1"' in page
