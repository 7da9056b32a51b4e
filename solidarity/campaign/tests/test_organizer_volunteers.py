import csv
import io

import pytest
from django.urls import reverse

from solidarity.campaign import services
from solidarity.campaign.models import Volunteer
from solidarity.campaign.tests.conftest import CANARY_CONTACT, CANARY_NAME
from solidarity.cities.models import City
from solidarity.organizers.models import AuditEntry

LIST = reverse("campaign:volunteers")
EXPORT = reverse("campaign:volunteers_export")


def volunteer(city, name=CANARY_NAME, ways=("interpretation",), languages=("fr",), notes=""):
    details = services.VolunteerDetails(name=name, contact=CANARY_CONTACT, notes=notes)
    return services.volunteer_submit(
        city=city, details=details, ways_to_help=list(ways), languages=list(languages)
    )


@pytest.fixture
def toronto(db):
    return City.objects.create(slug="toronto", name="Toronto", latitude=43.6, longitude=-79.4)


def test_anonymous_visitors_are_sent_to_log_in(client, vault, city):
    volunteer(city)
    for response in (client.get(LIST), client.post(EXPORT)):
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_people_who_are_not_organizers_are_refused(client, vault, city, django_user_model):
    volunteer(city)
    user = django_user_model.objects.create_user(username="rep", password="x" * 20)
    client.force_login(user)
    assert client.get(LIST).status_code == 403
    assert client.post(EXPORT).status_code == 403


def test_an_organizer_with_a_locked_vault_is_sent_to_unlock_it(organizer_client, city):
    volunteer(city)
    response = organizer_client.get(LIST)
    assert response.status_code == 302
    assert reverse("vault:unlock") in response["Location"]
    assert CANARY_NAME not in response.content.decode()


def test_an_unlocked_organizer_reads_the_volunteers(unlocked_client, city):
    volunteer(city)
    html = unlocked_client.get(LIST).content.decode()
    assert CANARY_NAME in html
    assert CANARY_CONTACT in html
    assert "Interpretation" in html  # ways to help by their names, not codes


def test_an_organizer_sees_only_the_volunteers_of_their_cities(
    unlocked_client, organizer, city, toronto
):
    volunteer(city, name="Montreal Helper")
    volunteer(toronto, name="Toronto Helper")
    organizer.cities.add(toronto)
    html = unlocked_client.get(LIST).content.decode()
    assert "Toronto Helper" in html
    assert "Montreal Helper" not in html


def test_the_list_filters_by_way_to_help_language_and_status(unlocked_client, city):
    volunteer(city, name="Interpreter Ines", ways=("interpretation",), languages=("es",))
    volunteer(city, name="Medic Malik", ways=("medical",), languages=("ar",))
    html = unlocked_client.get(LIST, {"way": "medical"}).content.decode()
    assert "Medic Malik" in html
    assert "Interpreter Ines" not in html
    html = unlocked_client.get(LIST, {"language": "es"}).content.decode()
    assert "Interpreter Ines" in html
    assert "Medic Malik" not in html
    html = unlocked_client.get(LIST, {"status": "contacted"}).content.decode()
    assert "Interpreter Ines" not in html


def test_marking_a_volunteer_contacted_is_audited(unlocked_client, organizer, city):
    person = volunteer(city)
    url = reverse("campaign:volunteer_status", args=[person.pk])
    response = unlocked_client.post(url, {"status": "contacted", "next": f"{LIST}?way=events"})
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?way=events"
    person.refresh_from_db()
    assert person.status == Volunteer.Status.CONTACTED
    entry = AuditEntry.objects.get(action="volunteer.contacted")
    assert entry.actor == organizer
    assert entry.target_id == str(person.pk)


def test_a_status_change_never_redirects_to_another_site(unlocked_client, city):
    person = volunteer(city)
    url = reverse("campaign:volunteer_status", args=[person.pk])
    response = unlocked_client.post(url, {"status": "active", "next": "https://evil.example/"})
    assert response["Location"] == LIST


def test_an_unknown_status_is_refused(unlocked_client, city):
    person = volunteer(city)
    url = reverse("campaign:volunteer_status", args=[person.pk])
    assert unlocked_client.post(url, {"status": "deported"}).status_code == 400
    person.refresh_from_db()
    assert person.status == Volunteer.Status.NEW


def test_the_csv_export_opens_the_details_and_is_audited(unlocked_client, organizer, city):
    volunteer(city, notes='=HYPERLINK("http://evil.example")')
    response = unlocked_client.post(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows[0]["name"] == CANARY_NAME
    assert rows[0]["contact"] == CANARY_CONTACT
    assert rows[0]["notes"].startswith("'=")  # a spreadsheet will not run it
    entry = AuditEntry.objects.get(action="volunteers.export")
    assert entry.actor == organizer
    assert entry.detail == "1 rows"


def test_the_export_follows_the_filters(unlocked_client, city):
    volunteer(city, name="Interpreter Ines", ways=("interpretation",))
    volunteer(city, name="Medic Malik", ways=("medical",))
    response = unlocked_client.post(f"{EXPORT}?way=medical")
    names = [row["name"] for row in csv.DictReader(io.StringIO(response.content.decode()))]
    assert names == ["Medic Malik"]


def test_the_export_cannot_be_triggered_by_a_link(unlocked_client, city):
    volunteer(city)
    assert unlocked_client.get(EXPORT).status_code == 405
