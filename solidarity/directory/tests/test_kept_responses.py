"""A worker answers a public page or search it answered a moment ago itself, before Django, with
the very same response, and never once what it is made of has changed (lib/kept.py)."""

import gzip
import json
import time

import pytest
from django.core.wsgi import get_wsgi_application
from django.test import override_settings

from solidarity.directory import services
from solidarity.directory.tests import factories
from solidarity.endorsements import services as endorsement_services
from solidarity.endorsements.models import Endorsement
from solidarity.lib import kept
from solidarity.lib.kept import KeptResponses
from solidarity.lib.tests.wsgi import call

pytestmark = pytest.mark.django_db

SEARCH = "/en/services/?q=harbour"


@pytest.fixture
def app():
    return KeptResponses(get_wsgi_application())


@pytest.fixture
def clinic(provider):
    return factories.service(provider, name={"en": "Harbour clinic"})


def text(answer):
    if answer.header("Content-Encoding") == "gzip":
        return gzip.decompress(answer.body).decode()
    return answer.body.decode()


@pytest.mark.parametrize("path", [SEARCH, "/en/services/", "/api/services?search=harbour"])
def test_the_same_answer_again_without_django(app, clinic, path):
    first = call(app, path, accept_encoding="gzip")
    again = call(app, path, accept_encoding="gzip")

    assert first.by_django
    assert not again.by_django
    assert (again.status, again.headers, again.body) == (first.status, first.headers, first.body)
    assert "Harbour clinic" in text(again)


def test_the_configured_application_keeps_answers(clinic):
    from config.wsgi import application

    application.clear()
    assert call(application, SEARCH).by_django
    assert not call(application, SEARCH).by_django


def test_an_edit_is_seen_at_once(app, clinic):
    call(app, SEARCH)
    clinic.name = clinic.name_en = "Harbour health centre"
    services.service_save(service=clinic, actor=None, terms=[], languages=["en"], locations=[])

    answer = call(app, SEARCH)

    assert answer.by_django
    assert "Harbour health centre" in text(answer)


def test_a_suspension_takes_the_service_off_at_once(app, clinic, provider, organizer):
    assert "Harbour clinic" in text(call(app, SEARCH))
    endorsement = Endorsement.objects.get(organization=provider)
    endorsement_services.endorsement_suspend(endorsement=endorsement, actor=organizer, reason="x")

    assert "Harbour clinic" not in text(call(app, SEARCH))
    assert "Harbour clinic" not in text(call(app, SEARCH))


def test_each_language_and_encoding_gets_its_own_answer(app, clinic):
    api = "/api/services?search=harbour"
    english = call(app, api, accept_language="en")
    french = call(app, api, accept_language="fr")
    plain = call(app, api, accept_language="fr", accept_encoding="identity")
    french_again = call(app, api, accept_language="fr")

    assert english.header("Content-Language") == "en"
    assert french.by_django
    assert french.header("Content-Language") == "fr"
    assert plain.by_django
    assert plain.header("Content-Encoding") is None
    assert not french_again.by_django
    assert french_again.body == french.body
    assert [s["name"] for s in json.loads(text(french_again))["contents"]] == ["Harbour clinic"]


def test_another_host_is_not_answered_from_what_was_kept(app, clinic):
    call(app, SEARCH)

    other = call(app, SEARCH, host="evil.example")

    assert other.by_django
    assert other.status.startswith("400")
    assert b"Harbour clinic" not in other.body


@pytest.mark.parametrize(
    "headers",
    [{"cookie": "csrftoken=abc"}, {"authorization": "Bearer x"}],
    ids=["cookie", "credentials"],
)
def test_a_request_that_carries_the_visitors_own_always_goes_to_django(app, clinic, headers):
    call(app, SEARCH)
    assert call(app, SEARCH, **headers).by_django
    assert call(app, SEARCH, **headers).by_django


def test_head_and_post_always_go_to_django(app, clinic):
    call(app, SEARCH)
    assert call(app, SEARCH, method="HEAD").by_django
    assert call(app, SEARCH, method="POST").by_django


def test_pages_that_are_not_cached_are_never_kept(app, clinic):
    for path in ("/en/endorse/", "/en/accounts/login/"):  # forms: a CSRF token, a cookie
        call(app, path)
        assert call(app, path).by_django


def test_nothing_is_kept_when_searches_are_not(app, clinic):
    with override_settings(SEARCH_CACHE_SECONDS=0):
        call(app, SEARCH)
        assert call(app, SEARCH).by_django


def test_nothing_is_kept_when_turned_off(app, clinic):
    with override_settings(KEPT_RESPONSES=False):
        call(app, SEARCH)
        assert call(app, SEARCH).by_django


def test_a_search_is_not_kept_past_search_cache_seconds(app, clinic, monkeypatch):
    """The privacy bound of kept searches (lib/cache.py) holds before Django too."""
    with override_settings(SEARCH_CACHE_SECONDS=60):
        call(app, SEARCH)
        now = time.time()
        # Kept for between half and all of SEARCH_CACHE_SECONDS (`search_lifetime`).
        monkeypatch.setattr(kept.time, "time", lambda: now + 29)
        assert not call(app, SEARCH).by_django
        monkeypatch.setattr(kept.time, "time", lambda: now + 61)
        assert call(app, SEARCH).by_django
