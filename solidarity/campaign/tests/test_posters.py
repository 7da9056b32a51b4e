import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from solidarity.campaign.tests.pdf_helpers import (
    page_size_in_points,
    pdf_text,
    qr_matrix_for,
    qr_matrix_from_pdf,
)


def poster_url(endorsement, lang="en"):
    return f"/{lang}/posters/{endorsement.organization.slug}/"


def test_a_verified_endorser_gets_an_options_form(client, make_endorser):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement))
    assert response.status_code == 200
    assert "Download the poster (PDF)" in response.content.decode()


def test_the_poster_names_the_organization_and_its_commitments_in_each_language(
    client, make_endorser
):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement), {"size": "letter", "languages": ["fr", "en"]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Clinique Solidaire du Plateau" in text
    assert "Ici, tout le monde est bienvenu" in text
    assert "Everyone is welcome here" in text
    assert "Ne jamais demander le statut d'immigration" in text
    assert "Never ask about immigration status" in text
    assert "Equal labour and human-rights standards for all" in text


def test_arabic_is_on_the_poster_next_to_french_and_spanish(client, make_endorser):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement), {"size": "a4", "languages": ["fr", "es", "ar"]})
    text = pdf_text(response.content)
    assert "Aquí todo el mundo es bienvenido" in text
    assert "عدم السؤال أبدًا عن وضع الهجرة" in text  # a commitment, in logical order
    assert "لا تعاون مع وكالة الحدود" in text
    assert "Everyone is welcome here" not in text  # English was not chosen


def test_only_the_commitments_made_are_printed(client, make_endorser):
    endorsement = make_endorser(commitments=("never_ask", "confidential"))
    response = client.get(poster_url(endorsement), {"size": "letter", "languages": ["en"]})
    text = pdf_text(response.content)
    assert "Never ask about immigration status" in text
    assert "No fees based on immigration status" not in text


def test_an_endorser_without_services_gets_a_status_for_all_poster(client, make_endorser):
    endorsement = make_endorser(commitments=())
    response = client.get(poster_url(endorsement), {"size": "letter", "languages": ["en"]})
    assert "regularization for everyone" in pdf_text(response.content)


@pytest.mark.parametrize(
    ("size", "points"), [("a4", (595, 842)), ("letter", (612, 792)), ("tabloid", (792, 1224))]
)
def test_each_paper_size_is_one_page_of_that_size(client, make_endorser, size, points):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement), {"size": size, "languages": ["fr", "en"]})
    assert page_size_in_points(response.content) == points
    assert response.content.count(b"/Type /Page\n") + response.content.count(b"/Type /Page ") <= 1


def test_the_qr_code_encodes_the_public_page_in_the_first_language(client, make_endorser):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement), {"size": "a4", "languages": ["fr", "ar"]})
    expected = f"{settings.SITE_URL}/fr/endorsers/{endorsement.organization.slug}/"
    assert qr_matrix_from_pdf(response.content) == qr_matrix_for(expected)
    assert qr_matrix_from_pdf(response.content) != qr_matrix_for(expected.replace("/fr/", "/en/"))


@pytest.mark.parametrize(
    "status", ["unconfirmed", "awaiting_review", "rejected", "withdrawn", "suspended"]
)
def test_only_verified_endorsers_get_a_poster(client, make_endorser, status):
    endorsement = make_endorser(status=status)
    assert client.get(poster_url(endorsement)).status_code == 404
    response = client.get(poster_url(endorsement), {"size": "a4", "languages": ["en"]})
    assert response.status_code == 404


def test_a_count_only_endorser_is_not_named_on_a_public_poster(client, make_endorser):
    endorsement = make_endorser(visibility="count_only")
    assert client.get(poster_url(endorsement)).status_code == 404


def test_a_count_only_endorser_can_print_its_own_poster(make_endorser, django_user_model):
    endorsement = make_endorser(visibility="count_only")
    representative = django_user_model.objects.create_user(
        username="rep", organization=endorsement.organization
    )
    client = Client()
    client.force_login(representative)
    response = client.get(poster_url(endorsement), {"size": "a4", "languages": ["en"]})
    assert response.status_code == 200
    assert "Clinique Solidaire du Plateau" in pdf_text(response.content)


def test_another_organizations_representative_cannot(make_endorser, django_user_model):
    endorsement = make_endorser(visibility="count_only")
    other = make_endorser("Other Food Bank")
    representative = django_user_model.objects.create_user(
        username="rep", organization=other.organization
    )
    client = Client()
    client.force_login(representative)
    assert client.get(poster_url(endorsement)).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"size": "a0", "languages": ["en"]},
        {"size": "a4", "languages": ["xx"]},
        {"size": "a4"},
        {"size": "a4" * 50_000, "languages": ["en"]},
        {"size": "a4\x00", "languages": ["en"]},
    ],
    ids=["unknown size", "unknown language", "no language", "100 KB", "NUL byte"],
)
def test_bad_options_get_a_400_with_the_form_and_a_clear_message(client, make_endorser, query):
    endorsement = make_endorser()
    response = client.get(poster_url(endorsement), query)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()


def test_markup_in_an_organization_name_is_printed_as_text(client, make_endorser):
    endorsement = make_endorser('Café <img src="http://evil.example/x.png">')
    response = client.get(poster_url(endorsement), {"size": "a4", "languages": ["en"]})
    assert response.status_code == 200
    assert 'Café <img src="http://evil.example/' in pdf_text(response.content)


def test_an_unknown_organization_is_a_404(client, db):
    assert client.get(reverse("campaign:poster", args=["nobody"])).status_code == 404
