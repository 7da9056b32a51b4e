"""Open now, judged in each city's time zone, including hours that run past midnight."""

import datetime
import zoneinfo

import pytest

from solidarity.cities.models import City
from solidarity.directory.selectors import SearchQuery, service_search
from solidarity.directory.tests import factories

pytestmark = pytest.mark.django_db
MONTREAL = zoneinfo.ZoneInfo("America/Toronto")


@pytest.fixture(params=["browsing", "searching"])
def open_at(request):
    """Browsing reads one list of open services per local time; a search led by the index
    (here the "speaks English" tag every listing has) looks up each match's schedules. Both
    must give the same answer."""
    extra = {"language": "en"} if request.param == "searching" else {}

    def names(moment: datetime.datetime, **filters) -> set[str]:
        search = SearchQuery(open_now=True, now=moment, **extra, **filters)
        return {s.name for s in service_search(search)}

    return names


@pytest.fixture
def listings(provider):
    factories.service(
        provider,
        name={"en": "Day clinic"},
        hours=[factories.hours(factories.WEEKDAYS, (9, 0), (17, 0))],
    )
    factories.service(
        provider, name={"en": "Night shelter"}, hours=[factories.hours("FR,SA", (20, 0), (8, 0))]
    )
    factories.service(provider, name={"en": "No hours"})


def test_a_day_service_is_open_during_its_hours_only(listings, open_at):
    assert open_at(datetime.datetime(2026, 12, 2, 10, 0, tzinfo=MONTREAL)) == {
        "Day clinic"
    }  # Wednesday
    assert open_at(datetime.datetime(2026, 12, 2, 17, 0, tzinfo=MONTREAL)) == set()
    assert (
        open_at(datetime.datetime(2026, 12, 5, 10, 0, tzinfo=MONTREAL)) == set()
    )  # Saturday morning


def test_hours_across_midnight_count_on_the_next_morning(listings, open_at):
    friday_night = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=MONTREAL)
    saturday_early = datetime.datetime(2026, 12, 5, 3, 0, tzinfo=MONTREAL)
    sunday_early = datetime.datetime(2026, 12, 6, 7, 59, tzinfo=MONTREAL)
    monday_early = datetime.datetime(2026, 12, 7, 3, 0, tzinfo=MONTREAL)
    assert open_at(friday_night) == {"Night shelter"}
    assert open_at(saturday_early) == {"Night shelter"}
    assert open_at(sunday_early) == {"Night shelter"}  # Saturday night's hours
    assert open_at(monday_early) == set()  # nothing on Sunday night


def test_each_city_is_judged_in_its_own_time_zone(listings, provider, open_at):
    vancouver = City.objects.create(
        slug="vancouver",
        name="Vancouver",
        timezone="America/Vancouver",
        latitude=49.28,
        longitude=-123.12,
    )
    from solidarity.directory.tests.test_hidden_services import declare

    declare(vancouver)
    west = factories.organization(vancouver, "West Clinic")
    factories.service(
        west,
        name={"en": "Vancouver clinic"},
        hours=[factories.hours(factories.WEEKDAYS, (9, 0), (17, 0))],
    )
    # 18:30 in Montreal is 15:30 in Vancouver: only the Vancouver clinic is open.
    moment = datetime.datetime(2026, 12, 2, 18, 30, tzinfo=MONTREAL)
    assert open_at(moment) == {"Vancouver clinic"}
    assert open_at(moment, city=vancouver) == {"Vancouver clinic"}


def test_the_result_label_agrees_with_the_filter(listings):
    from solidarity.directory.presenters import decorate
    from solidarity.directory.selectors import for_display

    moment = datetime.datetime(2026, 12, 5, 3, 0, tzinfo=MONTREAL)
    rows = decorate(for_display(service_search(SearchQuery())), now=moment)
    assert {s.name: s.open_now for s in rows} == {
        "Day clinic": False,
        "Night shelter": True,
        "No hours": False,
    }
