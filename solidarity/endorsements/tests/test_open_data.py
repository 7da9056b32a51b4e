"""CSV, JSON and Atom of the public fields, and the two SVG badges."""

import csv
import io
import json

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def endorser(make_endorsement):
    return make_endorsement(name="Parc-Ex Food Bank", statement='=HYPERLINK("http://evil")')


def test_the_json_export_lists_public_fields(client, endorser):
    data = json.loads(client.get("/en/endorsers.json").content)

    (row,) = data["results"]
    assert row["name"] == "Parc-Ex Food Bank"
    assert row["all_commitments"] is True
    assert row["declaration_version"] == 1
    assert row["city"] == "montreal"


def test_the_csv_export_neutralizes_spreadsheet_formulas(client, endorser):
    response = client.get("/en/endorsers.csv")

    assert response["Content-Type"].startswith("text/csv")
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["name"] == "Parc-Ex Food Bank"
    assert row["statement"].startswith("'=")


def test_exports_filter_by_city(client, endorser):
    assert json.loads(client.get("/en/endorsers.json?city=montreal").content)["count"] == 1
    assert client.get("/en/endorsers.json?city=atlantis").status_code == 404


def test_the_atom_feed_lists_new_endorsers(client, endorser):
    response = client.get("/en/endorsers.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert "<title>Parc-Ex Food Bank</title>" in response.content.decode()


@pytest.mark.parametrize("url", ["/en/endorsers/badge.svg", "/fr/endorsers/count.svg"])
def test_badges_are_plain_images_from_our_origin(client, endorser, url):
    response = client.get(url)

    body = response.content.decode()
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "<script" not in body
    assert "href" not in body
    assert "<title>" in body


def test_the_count_badge_shows_the_live_count_in_the_visitors_language(client, endorser):
    assert "1 organisme appuie" in client.get("/fr/endorsers/count.svg").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/endorsers/badge.svg",
        "/en/endorsers/count.svg",
        "/en/endorsers.json",
        "/en/endorsers.csv",
        "/en/endorsers.atom",
    ],
)
def test_badges_and_open_data_may_be_embedded_by_other_sites(client, endorser, url):
    response = client.get(url)

    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response


def test_public_pages_stay_same_origin(client, endorser):
    assert client.get("/en/endorsers/")["Cross-Origin-Resource-Policy"] == "same-origin"
