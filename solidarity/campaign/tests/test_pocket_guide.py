import pytest
from django.conf import settings
from django.urls import reverse

from solidarity.campaign.tests.pdf_helpers import (
    page_size_in_points,
    pdf_text,
    qr_matrix_for,
    qr_matrix_from_pdf,
)
from solidarity.directory.models import Phone
from solidarity.directory.tests import factories


@pytest.fixture
def listings(city):
    clinic_org = factories.organization(city, "Parc-Ex Health Co-op")
    food_org = factories.organization(city, "Frigo Solidaire")
    hidden_org = factories.organization(city, "Not Yet Verified", public=False)
    place = factories.location(clinic_org)
    clinic = factories.service(
        clinic_org,
        name={"en": "Walk-in clinic", "fr": "Clinique sans rendez-vous", "ar": "عيادة بدون موعد"},
        term_codes=("health", "free", "no-id-required"),
        languages=("fr", "es"),
        locations=(place,),
        hours=[factories.hours("MO,WE", (9, 0), (17, 30))],
    )
    Phone.objects.create(service=clinic, number="+1 514 555 0142")
    food = factories.service(
        food_org,
        name={"en": "Community fridge", "fr": "Frigo communautaire"},
        term_codes=("food",),
        languages=("en",),
    )
    factories.service(hidden_org, name={"en": "Hidden listing"}, term_codes=("health",))
    return {"clinic": clinic, "food": food}


def guide_url(city, lang="en"):
    return f"/{lang}/pocket-guide/{city.slug}/"


def test_the_options_form_offers_categories_and_languages(client, listings, city):
    html = client.get(guide_url(city)).content.decode()
    assert 'value="health"' in html
    assert 'value="es"' in html


def test_the_guide_lists_public_services_with_hours_addresses_phones_and_markers(
    client, listings, city
):
    response = client.get(guide_url(city), {"category": "", "language": ""})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert page_size_in_points(response.content) == (298, 420)  # A6
    text = pdf_text(response.content)
    assert "Walk-in clinic" in text
    assert "Community fridge" in text
    assert "Hidden listing" not in text  # not a verified endorser
    assert "09:00\N{EN DASH}17:30" in text
    assert "1 Main St" in text
    assert "+1 514 555 0142" in text
    assert "Free" in text
    assert "No ID" in text or "no ID" in text


def test_the_guide_filters_by_category_and_by_language(client, listings, city):
    text = pdf_text(client.get(guide_url(city), {"category": "food"}).content)
    assert "Community fridge" in text
    assert "Walk-in clinic" not in text
    text = pdf_text(client.get(guide_url(city), {"language": "es"}).content)
    assert "Walk-in clinic" in text
    assert "Community fridge" not in text


def test_the_guide_is_written_in_the_language_of_the_page(client, listings, city):
    text = pdf_text(client.get(guide_url(city, "ar"), {"category": "health"}).content)
    assert "خدمات لا تسأل أبدًا عن وضع الهجرة" in text
    assert "عيادة بدون موعد" in text
    text = pdf_text(client.get(guide_url(city, "fr"), {"category": "health"}).content)
    assert "Clinique sans rendez-vous" in text


def test_the_cover_qr_code_leads_to_the_city_page(client, listings, city):
    pdf = client.get(guide_url(city, "fr"), {"category": "food"}).content
    assert qr_matrix_from_pdf(pdf) == qr_matrix_for(f"{settings.SITE_URL}/fr/cities/{city.slug}/")


def test_the_guide_is_cached_until_a_listing_changes(client, listings, city, monkeypatch):
    from solidarity.campaign import pocket_guide

    renders = []
    original = pocket_guide.render_guide
    monkeypatch.setattr(
        pocket_guide, "render_guide", lambda *a, **k: renders.append(1) or original(*a, **k)
    )
    first = client.get(guide_url(city), {"category": "food"}).content
    second = client.get(guide_url(city), {"category": "food"}).content
    assert first == second
    assert len(renders) == 1
    listings["food"].name_en = "Community fridge and pantry"
    listings["food"].save()
    third = client.get(guide_url(city), {"category": "food"}).content
    assert len(renders) == 2
    assert "Community fridge and pantry" in pdf_text(third)


@pytest.mark.parametrize(
    "query",
    [{"category": "weapons"}, {"language": "klingon"}, {"category": "x" * 100_000}],
    ids=["unknown category", "unknown language", "100 KB"],
)
def test_bad_options_get_a_400(client, listings, city, query):
    response = client.get(guide_url(city), query)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_an_unknown_city_is_a_404(client, db):
    assert client.get(reverse("campaign:pocket_guide", args=["atlantis"])).status_code == 404
