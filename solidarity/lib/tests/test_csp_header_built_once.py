"""The Content-Security-Policy header is django-csp's, built once per process and settings."""

from csp.constants import NONCE, SELF
from csp.middleware import CSPMiddleware as LibraryCSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from solidarity.lib.csp import CSPMiddleware

HEADER = "Content-Security-Policy"


def answer(middleware_class, *, prepare=lambda request, response: None):
    request = RequestFactory().get("/en/")
    response = HttpResponse("page")
    middleware = middleware_class(lambda request: response)
    middleware.process_request(request)
    prepare(request, response)
    return middleware.process_response(request, response)


def test_a_plain_response_gets_the_header_django_csp_would_give():
    ours = answer(CSPMiddleware)[HEADER]

    assert ours == answer(LibraryCSPMiddleware)[HEADER]
    assert "default-src 'none'" in ours


def test_a_response_with_its_own_policy_is_left_to_django_csp():
    def update(request, response):
        response._csp_update = {"img-src": ["https://tiles.example.org"]}

    header = answer(CSPMiddleware, prepare=update)[HEADER]

    assert "https://tiles.example.org" in header
    assert header == answer(LibraryCSPMiddleware, prepare=update)[HEADER]


def test_a_page_that_used_a_nonce_gets_it_in_its_header():
    nonces = []

    def use_nonce(request, response):
        nonces.append(str(request.csp_nonce))

    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    policy = {"DIRECTIVES": {**directives, "script-src": [SELF, NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        header = answer(CSPMiddleware, prepare=use_nonce)[HEADER]
        plain = answer(CSPMiddleware)[HEADER]

    assert f"script-src 'self' 'nonce-{nonces[0]}'" in header
    assert "nonce-" not in plain


def test_changed_settings_change_the_header():
    before = answer(CSPMiddleware)[HEADER]
    policy = {"DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": [SELF]}}

    with override_settings(CONTENT_SECURITY_POLICY=policy):
        changed = answer(CSPMiddleware)[HEADER]

    assert changed != before
    assert "img-src 'self'" in changed
    assert "data:" not in changed
    assert answer(CSPMiddleware)[HEADER] == before


def test_a_report_only_policy_is_left_to_django_csp():
    report_only = {"DIRECTIVES": {"default-src": [SELF], "report-uri": "/csp-report/"}}

    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=report_only):
        response = answer(CSPMiddleware)

    assert "report-uri /csp-report/" in response["Content-Security-Policy-Report-Only"]
    assert response[HEADER] == answer(LibraryCSPMiddleware)[HEADER]
