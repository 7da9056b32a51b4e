"""The public list: per city and for all, filters, name search, counts by sector, count-only
endorsers in totals only, the declaration version, and the growth chart with its table."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import endorsement_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def endorsers(make_endorsement):
    from solidarity.cities.demo import create_declaration
    from solidarity.cities.models import City

    toronto = City.objects.create(slug="toronto", name="Toronto", latitude=43.6, longitude=-79.4)
    create_declaration(city=toronto, version=1, published_on=datetime.date(2026, 3, 21))
    make_endorsement(name="Parc-Ex Food Bank")
    make_endorsement(name="Plateau Union", sector="union", provides_services=False, commitments=[])
    make_endorsement(name="Quiet Clinic", sector="healthcare", visibility="count_only")
    make_endorsement(name="Toronto Legal Clinic", sector="legal_clinic", in_city=toronto)
    make_endorsement(name="Unverified Shelter", status="awaiting_review")
    return toronto


def names(response) -> list[str]:
    html = response.content.decode()
    return [
        name
        for name in (
            "Parc-Ex Food Bank",
            "Plateau Union",
            "Quiet Clinic",
            "Toronto Legal Clinic",
            "Unverified Shelter",
        )
        if name in html
    ]


def test_all_cities_list_verified_endorsers_listed_by_name(client, endorsers):
    assert names(client.get("/en/endorsers/")) == [
        "Parc-Ex Food Bank",
        "Plateau Union",
        "Toronto Legal Clinic",
    ]


def test_one_city(client, endorsers):
    assert names(client.get("/en/endorsers/?city=toronto")) == ["Toronto Legal Clinic"]


def test_filters_by_sector_services_and_name(client, endorsers):
    assert names(client.get("/en/endorsers/?sector=union")) == ["Plateau Union"]
    assert names(client.get("/en/endorsers/?services=yes")) == [
        "Parc-Ex Food Bank",
        "Toronto Legal Clinic",
    ]
    assert names(client.get("/en/endorsers/?q=parc-ex")) == ["Parc-Ex Food Bank"]


def test_count_only_endorsers_are_in_the_totals_only(client, endorsers):
    html = client.get("/en/endorsers/?city=montreal").content.decode()

    assert "3 organizations endorse the declaration." in html
    assert "1 chose to be counted without being named." in html
    assert "Quiet Clinic" not in html


def test_counts_by_sector_include_every_verified_endorser(client, endorsers):
    counts = endorsement_counts()

    assert counts.total == 4
    assert counts.listed == 3
    assert counts.providers == 3
    assert dict(counts.by_sector) == {
        "food_bank": 1,
        "union": 1,
        "healthcare": 1,
        "legal_clinic": 1,
    }


def test_counts_come_from_the_cache_until_an_organizer_changes_something(
    endorsers, organizer, make_endorsement
):
    from solidarity.endorsements.services import endorsement_suspend

    endorsement_counts()
    with CaptureQueriesContext(connection) as queries:
        endorsement_counts()
    assert len(queries) == 0

    endorsement_suspend(
        endorsement=Endorsement.objects.filter(status="verified").first(),
        actor=organizer,
        reason="test",
    )

    assert endorsement_counts().total == 3


def test_submissions_do_not_touch_the_cached_counts(client, endorsers, form_data):
    before = endorsement_counts()

    client.post("/en/endorse/", form_data)

    with CaptureQueriesContext(connection) as queries:
        assert endorsement_counts() == before
    assert len(queries) == 0


def test_each_endorser_shows_the_declaration_version(client, endorsers):
    assert "declaration v1" in client.get("/en/endorsers/").content.decode()


def test_the_growth_chart_is_an_accessible_svg_with_a_table(client, endorsers):
    Endorsement.objects.filter(organization__name="Plateau Union").update(
        verified_on=datetime.date(2025, 11, 3)
    )

    html = client.get("/en/endorsers/").content.decode()

    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg
    assert 'aria-labelledby="growth-title growth-desc"' in svg
    assert '<title id="growth-title">' in svg
    assert '<desc id="growth-desc">' in svg
    assert svg.count("<rect") >= 2  # November 2025 to this month
    table = html.split("Table of the same data", 1)[1]
    assert "November 2025" in table


def test_the_endorser_page_shows_its_commitments_and_when_it_was_verified(client, endorsers):
    endorsement = Endorsement.objects.get(organization__name="Parc-Ex Food Bank")

    html = client.get(endorsement.organization.get_absolute_url()).content.decode()

    assert "made all five commitments" in html
    assert html.count("<li>", html.index('class="commitments"')) >= 5
    assert "Verified by the campaign" in html


def test_a_supporter_page_says_it_endorses_as_a_supporter(client, endorsers):
    endorsement = Endorsement.objects.get(organization__name="Plateau Union")

    html = client.get(endorsement.organization.get_absolute_url()).content.decode()

    assert "endorses the declaration as a supporter" in html


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_the_public_pages_render_in_every_language(client, endorsers, lang):
    for path in ("endorsers/", "endorse/", "endorse/resend/"):
        response = client.get(f"/{lang}/{path}")
        assert response.status_code == 200
        assert f'<html lang="{lang}"' in response.content.decode()


def test_the_chart_geometry_is_not_localized_and_sector_names_are(client, endorsers):
    client.get("/en/endorsers/")  # caches the counts while English is active

    html = client.get("/fr/endorsers/").content.decode()

    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "," not in svg.split("<title")[0]
    assert 'width="' in svg
    assert "," not in svg.split('<rect x="', 1)[1].split("/>")[0]
    assert "Syndicat" in html.split("<table>", 1)[1]
