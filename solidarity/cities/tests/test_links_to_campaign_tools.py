def test_every_page_footer_links_the_campaign_tools(client, city):
    html = client.get("/es/").content.decode()

    for url in (
        "/es/status-for-all/",
        "/es/actions/",
        "/es/toolkit/",
        "/es/report/transparency/",
        "/es/open-data/",
        "/es/contact/",
    ):
        assert f'href="{url}"' in html, url
    assert "Estatus para Todas las Personas" in html


def test_a_city_page_offers_its_pocket_guide(client, city):
    html = client.get("/fr/cities/montreal/").content.decode()

    assert 'href="/fr/pocket-guide/montreal/"' in html
    assert "Imprimer un guide de poche des services" in html
