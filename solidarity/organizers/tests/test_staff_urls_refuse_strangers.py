"""Walk the URL resolver: every staff URL (marked by organizer_required or under a staff path)
refuses anonymous visitors, staff without a verified second factor, and representatives."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from solidarity.accounts.models import User

STAFF_PATH = re.compile(r"(^|/)(organizers|vault|admin|inbox|staff|moderat\w*)/")
# Logging out shows nothing and needs no protection (Django's admin answers it to anyone).
NOT_STAFF = {"/en/admin/logout/"}
SAMPLE = {
    "int": "1",
    "slug": "x",
    "str": "x",
    "uuid": "00000000-0000-4000-8000-000000000001",
    "path": "x",
}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.callback


def concrete(route):
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\/", "/")
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "1", route)
    return "/" + route.lstrip("/")


def is_staff(route, callback):
    marked = getattr(callback, "organizer_required", False) or "admin" in getattr(
        callback, "__module__", ""
    )
    return marked or bool(STAFF_PATH.search(route))


def staff_urls():
    with translation.override("en"):
        routes = {
            concrete(route)
            for route, cb in walk(get_resolver().url_patterns)
            if is_staff(route, cb)
        }
    return sorted(url for url in routes - NOT_STAFF if "(" not in url and "[" not in url)


STAFF_URLS = staff_urls()


def test_the_walk_finds_the_staff_pages():
    assert "/en/organizers/" in STAFF_URLS
    assert "/en/vault/unlock/" in STAFF_URLS
    assert "/en/admin/" in STAFF_URLS
    assert len(STAFF_URLS) > 10


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and "/login/" in response["Location"]


@pytest.fixture
def unverified_staff(organizer):
    client = Client()
    client.force_login(organizer)  # logged in with the password only: no second factor
    return client


@pytest.fixture
def representative_client(city):
    from solidarity.directory.models import Organization

    organization = Organization.objects.create(
        city=city, name="Org", slug="org", sector="community"
    )
    user = User.objects.create_user(username="rep", organization=organization)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", STAFF_URLS)
def test_anonymous_visitors_are_refused(db, url):
    client = Client()
    for response in (client.get(url), client.post(url)):
        assert refused(response), (url, response.status_code)


@pytest.mark.parametrize("url", STAFF_URLS)
def test_staff_without_a_verified_second_factor_are_refused(unverified_staff, url):
    for response in (unverified_staff.get(url), unverified_staff.post(url)):
        assert refused(response), (url, response.status_code)


@pytest.mark.parametrize("url", STAFF_URLS)
def test_representatives_are_refused(representative_client, url):
    for response in (representative_client.get(url), representative_client.post(url)):
        assert refused(response), (url, response.status_code)


def test_a_verified_organizer_gets_in(organizer_client):
    assert organizer_client.get("/en/organizers/").status_code == 200
    assert organizer_client.get("/en/admin/").status_code == 200
