import pytest

TOOLS = {
    "/en/endorsements/review/": "Endorsements to verify",
    "/en/organizers/reports/": "Reports inbox",
    "/en/organizers/volunteers/": "Volunteers",
    "/en/organizers/messages/": "Contact messages",
    "/en/organizers/audit/": "Audit trail",
}


@pytest.mark.parametrize(("url", "label"), TOOLS.items())
def test_the_dashboard_links_every_organizer_tool(organizer_client, url, label):
    html = organizer_client.get("/en/organizers/").content.decode()

    assert f'href="{url}"' in html
    assert label in html


def test_the_dashboard_labels_are_translated(organizer_client):
    html = organizer_client.get("/fr/organizers/").content.decode()

    assert "Appuis à vérifier" in html
    assert "Boîte des signalements" in html
