import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 100_000},
        {"city": "atlantis"},
        {"category": "<b>"},
        {"attributes": "nonsense"},
        {"lat": "91", "lon": "0"},
        {"lat": "45.5"},
        {"lat": "NaN", "lon": "inf"},
        {"neighbourhood": "../../etc"},
        {"order": "DROP TABLE"},
    ],
)
def test_bad_search_parameters_get_a_clear_400(client, city, params):
    response = client.get(reverse("directory:search"), params)
    assert response.status_code == 400
    assert "Please correct the following" in response.content.decode()


def test_nul_bytes_and_odd_unicode_do_not_break_the_search(client, city):
    for q in ["\x00", "dent\x00ist", "\ud800"[:0] + "é" * 150, "🦷🦷", "%00", "' OR 1=1 --"]:
        response = client.get(reverse("directory:search"), {"q": q})
        assert response.status_code in (200, 400)


def test_a_malformed_service_id_is_a_404(client, city):
    assert client.get("/en/services/not-a-uuid/").status_code == 404
    assert client.get("/en/services/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_the_search_page_refuses_post(client, city):
    assert client.post(reverse("directory:search")).status_code == 405
