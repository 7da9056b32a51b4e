"""What lib/kept.py refuses to keep or answer, whatever a view marked: a response that sets a
cookie, varies on everything, is not a 200 or streams; an answer past its time; more bytes than
allowed (the least recently used go first)."""

import time

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import override_settings

from solidarity.lib import cache
from solidarity.lib.kept import KeptResponses
from solidarity.lib.tests.wsgi import call

pytestmark = pytest.mark.django_db


class MarkedView:
    """A WSGI application standing for Django: answers with `make()`, marked as keepable by
    `cache_public` would, and counts how often it answered."""

    def __init__(self, make=None, *, expires_in=60.0):
        self.make = make or (lambda path: HttpResponse(f"page {path}"))
        self.expires_in = expires_in
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        response = self.make(environ["PATH_INFO"])
        scopes = ("directory",)
        current = cache.generations(scopes)
        environ[cache.KEEP] = cache.Keep(scopes, current, time.time() + self.expires_in)
        headers = [*response.items()]
        headers += [("Set-Cookie", c.output(header="")) for c in response.cookies.values()]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return response


def twice(app, path="/en/page/"):
    call(app, path)
    return call(app, path)


def test_a_marked_response_is_answered_again():
    view = MarkedView()
    again = twice(KeptResponses(view))
    assert view.calls == 1
    assert again.body == b"page /en/page/"


def with_cookie(path):
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


@pytest.mark.parametrize(
    "make",
    [
        with_cookie,
        lambda path: HttpResponse("everything", headers={"Vary": "*"}),
        lambda path: HttpResponse("gone", status=404),
        lambda path: StreamingHttpResponse(iter([b"a", b"b"])),
    ],
    ids=["sets a cookie", "Vary: *", "not a 200", "streams"],
)
def test_what_is_never_kept_whatever_the_mark(make):
    view = MarkedView(make)
    twice(KeptResponses(view))
    assert view.calls == 2


def test_an_answer_is_not_given_past_its_time():
    view = MarkedView(expires_in=-1)
    twice(KeptResponses(view))
    assert view.calls == 2


def test_a_change_of_generation_is_not_answered_from_what_was_kept():
    view = MarkedView()
    app = KeptResponses(view)
    call(app, "/en/page/")
    cache.content_changed("directory")
    call(app, "/en/page/")
    assert view.calls == 2


def test_no_more_bytes_than_allowed_the_least_recently_used_go_first():
    view = MarkedView(lambda path: HttpResponse(path.encode() + b"x" * 1000))
    app = KeptResponses(view)
    with override_settings(KEPT_RESPONSES_MAX_BYTES=2500):
        for path in ("/a", "/b", "/a", "/c"):  # /a was used again: /b is the oldest
            call(app, path)
        assert view.calls == 3
        assert app.size <= 2500
        call(app, "/a"), call(app, "/c")
        assert view.calls == 3  # both still kept
        call(app, "/b")
        assert view.calls == 4  # /b had to be made again


def test_a_long_address_counts_against_the_limit():
    view = MarkedView(lambda path: HttpResponse("small"))
    app = KeptResponses(view)
    long_query = "q=" + "a" * 3000
    with override_settings(KEPT_RESPONSES_MAX_BYTES=5000):
        call(app, f"/en/page/?{long_query}")
        call(app, f"/en/page/?{long_query}b")  # the first one has to go to make room
        assert app.size <= 5000
        call(app, f"/en/page/?{long_query}")
        assert view.calls == 3


def test_the_scheme_header_a_deployment_names_is_part_of_the_address():
    view = MarkedView()
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_SSL", "on")):
        app = KeptResponses(view)
    call(app, "/en/page/", x_forwarded_ssl="on")
    call(app, "/en/page/")  # not the same visitor's scheme: not the same answer
    call(app, "/en/page/", x_forwarded_ssl="on")
    assert view.calls == 2
