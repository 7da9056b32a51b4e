from django.urls import reverse

from solidarity.campaign.models import Volunteer
from solidarity.campaign.tests.conftest import CANARY_CONTACT, CANARY_NAME

URL = reverse("campaign:get_involved")


def test_it_shows_the_form_in_every_language(client, city):
    for code, words in {
        "en": "Get involved",
        "fr": "S'impliquer",
        "es": "Participar",
        "ar": "شارك",
    }.items():
        response = client.get(f"/{code}/get-involved/")
        assert response.status_code == 200
        assert words in response.content.decode()


def test_it_stores_a_volunteer_and_thanks_them(client, vault, volunteer_data):
    response = client.post(URL, volunteer_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("campaign:get_involved_thanks")
    volunteer = Volunteer.objects.get()
    assert volunteer.ways_to_help == ["events", "interpretation"]
    assert volunteer.languages == ["es", "fr"]
    assert volunteer.status == Volunteer.Status.NEW


def test_it_seals_the_name_and_contact_on_arrival(client, vault, volunteer_data):
    client.post(URL, volunteer_data)
    sealed = bytes(Volunteer.objects.get().details_sealed)
    assert CANARY_NAME.encode() not in sealed
    assert CANARY_CONTACT.encode() not in sealed


def test_it_refuses_an_incomplete_form_with_a_clear_message_and_keeps_the_input(
    client, vault, volunteer_data
):
    volunteer_data["ways_to_help"] = []
    volunteer_data["contact"] = ""
    response = client.post(URL, volunteer_data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "error-summary" in html
    assert 'aria-invalid="true"' in html
    assert CANARY_NAME in html  # what was typed is kept
    assert Volunteer.objects.count() == 0


def test_it_answers_a_filled_honeypot_as_a_success_but_stores_nothing(
    client, vault, volunteer_data
):
    response = client.post(URL, volunteer_data | {"nickname": "bot"})
    assert response.status_code == 302
    assert Volunteer.objects.count() == 0


def test_it_never_asks_about_status_or_its_proxies(client, city):
    html = client.get(URL).content.decode().lower()
    for word in ("citizenship", "nationality", "visa", "permit", "passport", "country of birth"):
        assert word not in html
    assert "social insurance" not in html
