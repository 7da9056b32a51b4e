import pytest

from solidarity.api.services import hsds_import
from solidarity.api.tests.hsds_schemas import EXAMPLES_DIR

pytestmark = pytest.mark.django_db
URL = "/en/open-data/outreach/"


def test_organizers_see_imported_organizations_to_invite(organizer_client, city, public_service):
    hsds_import(path=EXAMPLES_DIR / "csv", city=city)
    page = organizer_client.get(URL).content.decode()
    assert "Example Organization Inc." in page
    assert "Clinique Solidaire" not in page  # it has endorsed


def test_the_outreach_list_is_for_organizers_only(client, django_user_model, city):
    assert client.get(URL).status_code == 302  # to the login page
    user = django_user_model.objects.create_user(username="rep", password="x" * 20)
    client.force_login(user)
    assert client.get(URL).status_code == 403
