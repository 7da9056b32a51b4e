import pytest
from django.urls import reverse

from solidarity.campaign.models import ContactMessage, Volunteer

FORMS = [("campaign:get_involved", "volunteer_data"), ("campaign:contact", "contact_data")]


@pytest.mark.parametrize(("url_name", "data_fixture"), FORMS)
@pytest.mark.parametrize(
    "hostile",
    [
        {"name": "x" * 100_000},
        {"name": "nul\x00byte"},
        {"city": "not-a-number"},
        {"city": "99999"},
        {"name": ""},
    ],
    ids=["100 KB", "NUL byte", "wrong type", "unknown city", "empty"],
)
def test_it_refuses_hostile_input_with_a_400_and_stores_nothing(
    client, vault, request, url_name, data_fixture, hostile
):
    data = request.getfixturevalue(data_fixture) | hostile
    response = client.post(reverse(url_name), data)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert Volunteer.objects.count() == 0
    assert ContactMessage.objects.count() == 0


def test_it_escapes_markup_it_echoes_back(client, vault, volunteer_data):
    payload = "<script>alert(1)</script>"
    response = client.post(
        reverse("campaign:get_involved"), volunteer_data | {"name": payload, "contact": ""}
    )
    assert response.status_code == 400
    assert payload not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_it_refuses_bad_utf8_without_an_error(client, vault):
    response = client.post(
        reverse("campaign:get_involved"),
        data=b"name=%FF%FE&contact=%C0%AF",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400


def test_it_refuses_unknown_ways_to_help(client, vault, volunteer_data):
    response = client.post(
        reverse("campaign:get_involved"), volunteer_data | {"ways_to_help": ["spying"]}
    )
    assert response.status_code == 400
    assert Volunteer.objects.count() == 0
