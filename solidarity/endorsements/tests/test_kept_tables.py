"""The cities and declarations the surge path keeps in each process (`endorsements.memo`): a
city added or a declaration published here is used at once, not after the memo expires."""

import datetime

import pytest
from django.utils import timezone

from solidarity.cities.demo import create_declaration
from solidarity.cities.models import City
from solidarity.endorsements.forms import MonthField
from solidarity.endorsements.models import Endorsement

pytestmark = pytest.mark.django_db


def test_a_city_added_after_a_submission_can_be_endorsed_at_once(client, vault, form_data):
    assert client.post("/en/endorse/", form_data).status_code == 302
    toronto = City.objects.create(slug="toronto", name_en="Toronto", latitude=43.7, longitude=-79.4)
    create_declaration(city=toronto, version=1, published_on=datetime.date(2026, 4, 1))

    other = {**form_data, "city": "toronto", "contact_email": "someone@example.org"}
    other["organization_name"] = "Toronto Food Bank"
    assert client.post("/en/endorse/", other).status_code == 302

    assert Endorsement.objects.filter(organization__city=toronto).count() == 1


def test_a_newly_published_declaration_is_the_one_endorsed(client, vault, form_data, city):
    assert client.post("/en/endorse/", form_data).status_code == 302
    second = create_declaration(city=city, version=2, published_on=datetime.date(2026, 5, 1))

    other = {**form_data, "organization_name": "Another Clinic"}
    other["contact_email"] = "another@example.org"
    assert client.post("/en/endorse/", other).status_code == 302

    latest = Endorsement.objects.get(organization__name="Another Clinic")
    assert latest.declaration_id == second.pk


def test_this_month_is_a_decision_month_and_next_month_is_not():
    field = MonthField()
    today = timezone.localdate()  # the site's today, as the field sees it
    this_month = today.replace(day=1)
    next_month = (this_month + datetime.timedelta(days=32)).replace(day=1)

    assert field.clean(this_month.strftime("%Y-%m")) == this_month
    with pytest.raises(Exception, match="future"):
        field.clean(next_month.strftime("%Y-%m"))
