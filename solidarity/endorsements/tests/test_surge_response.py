"""The endorse form's redirect carries headers that answer a missing header without raising
(views.public._Headers): the same answers as Django's ResponseHeaders."""

import pytest
from django.http.response import ResponseHeaders

from solidarity.endorsements.views.public import _Headers

HEADERS = {"Content-Type": "text/html; charset=utf-8", "Location": "/en/endorse/thanks/"}


@pytest.mark.parametrize(
    "key", ["Content-Type", "content-type", "LOCATION", "Content-Length", "Vary", "x-absent"]
)
def test_the_redirects_headers_answer_as_djangos(key):
    django, ours = ResponseHeaders(HEADERS), ResponseHeaders(HEADERS)
    ours.__class__ = _Headers

    assert (key in ours) == (key in django)
    assert ours.get(key) == django.get(key)
    assert ours.get(key, "default") == django.get(key, "default")
    ours.setdefault(key, "set")
    django.setdefault(key, "set")
    assert dict(ours.items()) == dict(django.items())


def test_the_submission_is_answered_with_the_same_headers(client, vault, form_data):
    response = client.post("/en/endorse/", form_data)

    assert response.status_code == 302
    assert isinstance(response.headers, _Headers)
    assert response["Location"].endswith("/endorse/received/")
    assert response["Content-Language"] == "en"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Length" in response
