import pytest
from django.urls import reverse

from solidarity.campaign.models import ToolkitPage
from solidarity.campaign.toolkit_content import seed_toolkit
from solidarity.cities.models import Commitment


@pytest.fixture
def toolkit(db):
    seed_toolkit(ToolkitPage)  # idempotent: the migration already did it, unless a flush undid it
    return ToolkitPage.objects.all()


def test_there_is_a_page_for_each_of_the_five_commitments(client, toolkit):
    assert sorted(toolkit.values_list("commitment", flat=True)) == sorted(Commitment.values)
    html = client.get(reverse("campaign:toolkit")).content.decode()
    for page in toolkit:
        assert page.get_absolute_url() in html


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "If the border agency comes to the door"),
        ("fr", "Si l'agence des frontières se présente à la porte"),
        ("es", "Si la agencia fronteriza llega a la puerta"),
        ("ar", "إذا حضرت وكالة الحدود إلى الباب"),
    ],
)
def test_the_door_guidance_is_written_in_four_languages(client, toolkit, lang, words):
    response = client.get(f"/{lang}/toolkit/no_border_agency/")
    assert response.status_code == 200
    html = response.content.decode().replace("&#x27;", "'")
    assert words in html
    assert "<h3>" in html  # Markdown rendered
    assert 'id="checklist"' in html


def test_organizer_markdown_is_sanitised(client, toolkit):
    page = ToolkitPage.objects.get(commitment="no_fees")
    page.guidance_en = (
        "**Bold** <script>alert(1)</script> [x](javascript:alert(1)) "
        '<img src="https://tracker.example/p.png" onerror="alert(1)"> <a href="https://ok.example">ok</a>'
    )
    page.save()
    html = client.get("/en/toolkit/no_fees/").content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html
    assert "tracker.example" not in html
    assert "onerror" not in html
    assert 'href="https://ok.example"' in html


def test_an_unknown_commitment_is_a_404(client, toolkit):
    assert client.get("/en/toolkit/report-your-neighbours/").status_code == 404


def test_organizers_edit_each_language_in_the_admin(organizer_client, organizer, toolkit):
    organizer.is_superuser = True
    organizer.save()
    page = ToolkitPage.objects.get(commitment="never_ask")
    response = organizer_client.get(reverse("admin:campaign_toolkitpage_change", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for lang in ("en", "fr", "es", "ar"):
        assert f'name="guidance_{lang}"' in html
