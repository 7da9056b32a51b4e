import re

import pytest

LANGUAGES = [("en", "ltr"), ("fr", "ltr"), ("es", "ltr"), ("ar", "rtl")]
PAGES = [
    "/{lang}/",
    "/{lang}/cities/montreal/",
    "/{lang}/cities/montreal/declaration/",
    "/{lang}/privacy/",
]


@pytest.mark.parametrize(("lang", "direction"), LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_each_language_with_lang_and_dir(client, city, page, lang, direction):
    response = client.get(page.format(lang=lang))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert response["Content-Language"] == lang


def test_the_root_sends_visitors_to_their_language(client, db):
    response = client.get("/", headers={"accept-language": "es"})

    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_the_declaration_shows_the_five_commitments_in_the_visitors_language(client, city):
    response = client.get("/fr/cities/montreal/declaration/")

    html = response.content.decode()
    assert "Déclaration Ville solidaire" in html
    assert len(re.findall(r"<li>", html.split('class="commitments"')[1].split("</ol>")[0])) == 5
    assert "ne jamais demander à quiconque son statut d&#x27;immigration" in html


def test_the_declaration_page_shows_the_latest_published_version(client, city):
    from solidarity.cities.demo import create_declaration

    newer = create_declaration(
        city=city, version=2, published_on=city.declarations.first().published_on
    )
    newer.title_en = "Solidarity City Declaration, second version"
    newer.save()
    draft = create_declaration(city=city, version=3, published_on=newer.published_on)
    draft.is_published = False
    draft.title_en = "Unpublished draft"
    draft.save()

    html = client.get("/en/cities/montreal/declaration/").content.decode()

    assert "second version" in html
    assert "Unpublished draft" not in html


def test_the_language_switcher_links_to_the_same_page_in_every_language(client, city):
    html = client.get("/en/cities/montreal/declaration/").content.decode()

    for lang, _direction in LANGUAGES:
        assert f'href="/{lang}/cities/montreal/declaration/" lang="{lang}"' in html
    assert 'aria-current="true">English' in html


def test_a_missing_page_answers_404_in_the_visitors_language(client, db):
    response = client.get("/fr/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert 'lang="fr"' in response.content.decode()
    assert "Page introuvable" in response.content.decode()


def test_an_unknown_city_is_a_404(client, db):
    assert client.get("/en/cities/atlantis/").status_code == 404


def test_pages_load_nothing_from_another_origin(client, city):
    for page in PAGES:
        html = client.get(page.format(lang="en")).content.decode()
        assert not re.search(r'(src|href)="(https?:)?//', html), page


def test_the_privacy_page_says_what_is_never_stored(client, db):
    html = client.get("/en/privacy/").content.decode()

    assert "Your immigration status" in html
    assert "IP address" in html
    assert "Searches are not recorded" in html
