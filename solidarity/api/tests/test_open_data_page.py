import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("en", "Open data"),
        ("fr", "Données ouvertes"),
        ("es", "Datos abiertos"),
        ("ar", "البيانات المفتوحة"),
    ],
)
def test_the_open_data_page_speaks_each_language(client, language, heading):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "/api/openapi.json" in page
    assert "/api/endorsements" in page


def test_without_an_export_the_page_says_so_and_links_the_api(client, settings, tmp_path):
    settings.OPEN_DATA_DIR = tmp_path
    page = client.get("/en/open-data/").content.decode()
    assert "No export has been published yet." in page


def test_the_api_reference_lists_every_operation_and_our_extensions(client):
    page = client.get("/en/open-data/api/").content.decode()
    for path in (
        "/api/services",
        "/api/service_at_locations",
        "/api/taxonomy_terms",
        "/api/endorsements",
    ):
        assert f"<code>GET {path}</code>" in page
    assert "Extension: a language spoken at the service (code)." in page
