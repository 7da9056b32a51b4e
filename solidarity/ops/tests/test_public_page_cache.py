"""Public pages and API responses are cached per language and renewed when content changes."""

import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import translation

from solidarity.cities.models import Declaration
from solidarity.lib.cache import cache_public, content_changed, search_lifetime

pytestmark = pytest.mark.django_db


class CountingView:
    """A view that says which language it rendered in and counts how often it ran."""

    def __init__(self, *, uses_csrf=False, status=200):
        self.calls = 0
        self.uses_csrf = uses_csrf
        self.status = status

    def __call__(self, request):
        self.calls += 1
        if self.uses_csrf:
            get_token(request)
        return JsonResponse({"language": translation.get_language()}, status=self.status)


def get(view, path="/api/services", language="en", **extra):
    request = RequestFactory().get(path, **extra)
    with translation.override(language):
        return view(request)


def test_the_declaration_page_is_served_from_the_cache_until_cities_change(client, city):
    client.get("/en/cities/montreal/declaration/")
    Declaration.objects.filter(city=city).update(title_en="A new title, not yet announced")

    stale = client.get("/en/cities/montreal/declaration/").content.decode()
    content_changed("cities")
    fresh = client.get("/en/cities/montreal/declaration/").content.decode()

    assert "A new title" not in stale
    assert "A new title" in fresh


def test_each_language_has_its_own_cached_copy():
    view = CountingView()
    cached = cache_public(scopes=("directory",))(view)

    english, french, english_again = get(cached), get(cached, language="fr"), get(cached)

    assert english.content == english_again.content == b'{"language": "en"}'
    assert french.content == b'{"language": "fr"}'
    assert view.calls == 2


def test_a_change_in_another_scope_keeps_the_cached_copy():
    view = CountingView()
    cached = cache_public(scopes=("directory",))(view)

    get(cached)
    content_changed("endorsements")
    get(cached)
    content_changed("directory")
    get(cached)

    assert view.calls == 2


def test_visitors_with_a_session_never_read_or_fill_the_cache(client, organizer):
    view = CountingView()
    cached = cache_public(scopes=("directory",))(view)
    get(cached)

    session_cookie = {"HTTP_COOKIE": "sessionid=abc"}
    response = get(cached, **session_cookie)
    get(cached, **session_cookie)

    assert view.calls == 3
    assert "Cookie" in response["Vary"]


def test_a_page_with_a_csrf_protected_form_is_never_cached():
    view = CountingView(uses_csrf=True)
    cached = cache_public(scopes=("endorsements",))(view)

    get(cached)
    get(cached)

    assert view.calls == 2


def test_search_terms_never_reach_the_cache():
    view = CountingView()
    cached = cache_public(scopes=("directory",))(view)

    get(cached, "/api/services?search=clinic+no+health+card")
    get(cached, "/api/services?search=clinic+no+health+card")
    get(cached, "/api/services?page=2")
    get(cached, "/api/services?page=2")

    assert view.calls == 3


def shared_cache_text():
    """Everything the shared cache holds, as text (the local-memory backend keeps pickles)."""
    return b"".join(cache._cache.values()).decode("latin-1")


def test_a_search_is_kept_a_minute_in_the_workers_own_memory_only(monkeypatch):
    view = CountingView()
    cached = cache_public(scopes=("directory",), searches=True)(view)

    get(cached, "/api/services?search=clinic+no+health+card")
    get(cached, "/api/services?search=clinic+no+health+card")
    assert view.calls == 1
    assert "clinic" not in shared_cache_text()

    a_minute_later = time.time() + settings.SEARCH_CACHE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: a_minute_later)
    get(cached, "/api/services?search=clinic+no+health+card")
    assert view.calls == 2


def test_a_search_views_first_page_is_kept_with_its_searches(settings):
    """The workers share it, and one answers it while the others wait, as for a search; its
    other pages stay in the shared cache, which other app nodes share."""
    view = CountingView()
    cached = cache_public(scopes=("directory",), query_params=("page",), searches=True)(view)

    get(cached, "/api/services")
    get(cached, "/api/services")
    assert view.calls == 1
    assert cache._cache == {}

    get(cached, "/api/services?page=2")
    get(cached, "/api/services?page=2")
    assert view.calls == 2
    assert len(cache._cache) == 1

    settings.SEARCH_CACHE_SECONDS = 0  # without the searches, the shared cache keeps it
    get(cached, "/api/services")
    get(cached, "/api/services")
    assert view.calls == 3
    assert len(cache._cache) == 2


def test_searches_kept_together_do_not_all_expire_together():
    lifetimes = {search_lifetime() for _ in range(50)}

    assert len(lifetimes) > 1
    assert all(
        settings.SEARCH_CACHE_SECONDS / 2 <= t <= settings.SEARCH_CACHE_SECONDS for t in lifetimes
    )


def test_a_change_drops_the_searches_at_once():
    view = CountingView()
    cached = cache_public(scopes=("directory",), searches=True)(view)

    get(cached, "/api/services?search=clinic")
    content_changed("directory")
    get(cached, "/api/services?search=clinic")

    assert view.calls == 2


def test_a_deployment_can_turn_the_searches_cache_off(settings):
    settings.SEARCH_CACHE_SECONDS = 0
    view = CountingView()
    cached = cache_public(scopes=("directory",), searches=True)(view)

    get(cached, "/api/services?search=clinic")
    get(cached, "/api/services?search=clinic")

    assert view.calls == 2


def test_a_large_answer_is_not_kept(settings):
    settings.SEARCH_CACHE_MAX_BYTES = 100
    calls = []

    def large(request):
        calls.append(request)
        return HttpResponse("x" * 101)

    cached = cache_public(scopes=("directory",), searches=True)(large)
    get(cached, "/api/services?search=clinic")
    get(cached, "/api/services?search=clinic")

    assert len(calls) == 2


def test_visitors_with_a_session_never_read_or_fill_the_searches():
    view = CountingView()
    cached = cache_public(scopes=("directory",), searches=True)(view)

    get(cached, "/api/services?search=clinic", HTTP_COOKIE="sessionid=abc")
    get(cached, "/api/services?search=clinic", HTTP_COOKIE="sessionid=abc")

    assert view.calls == 2


def test_errors_are_not_cached():
    view = CountingView(status=404)
    cached = cache_public(scopes=("directory",))(view)

    get(cached)
    get(cached)

    assert view.calls == 2


def failing_write():
    with transaction.atomic():
        content_changed("directory")
        raise RuntimeError("the write failed")


def test_a_change_rolled_back_with_its_transaction_keeps_the_cache():
    view = CountingView()
    cached = cache_public(scopes=("directory",))(view)
    get(cached)

    with pytest.raises(RuntimeError):
        failing_write()
    get(cached)

    assert view.calls == 1


def test_every_cached_response_says_it_varies_on_cookie():
    cached = cache_public(scopes=("directory",))(lambda request: HttpResponse("ok"))

    first, second = get(cached), get(cached)

    assert "Cookie" in first["Vary"]
    assert "Cookie" in second["Vary"]


def test_a_search_that_failed_leaves_no_claim_for_others_to_wait_on():
    """The searches cache makes other workers wait for an answer being given
    (lib/shared_searches.py); one that failed must not hold them for the claim's seconds."""

    class FailingOnce(CountingView):
        def __call__(self, request):
            if self.calls == 0:
                self.calls += 1
                raise RuntimeError("the database went away")
            return super().__call__(request)

    view = FailingOnce()
    cached = cache_public(scopes=("directory",), searches=True)(view)
    with pytest.raises(RuntimeError):
        get(cached, "/api/services?search=food")

    started = time.monotonic()
    answer = get(cached, "/api/services?search=food")

    assert answer.status_code == 200
    assert time.monotonic() - started < 1
    assert view.calls == 2
