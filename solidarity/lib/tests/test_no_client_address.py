"""A visitor's address, user agent and search terms must never be written anywhere."""

import logging

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import override_settings
from django.urls import path

from solidarity.lib.privacy import PrivateLogFilter, client_address, client_key

ADDRESS = "203.0.113.77"
FORWARDED = "198.51.100.23"
AGENT = "Mozilla/5.0 (CanaryPhone 7) Canary/1.0"
HEADERS = {"x-forwarded-for": FORWARDED, "user-agent": AGENT, "x-real-ip": ADDRESS}


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def echo_meta(request: HttpRequest) -> HttpResponse:
    return HttpResponse(repr(request.META))


urlpatterns = [path("crash/", crash), path("meta/", echo_meta)]


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        formatter = logging.Formatter("%(name)s %(message)s")
        parts = []
        for record in self.records:
            parts.append(formatter.format(record))
            parts.append(repr(record.__dict__))
        return "\n".join(parts)


@pytest.fixture
def captured_logs():
    handler = Capture()
    handler.addFilter(PrivateLogFilter())
    root = logging.getLogger()
    loggers = [root, logging.getLogger("django"), logging.getLogger("django.request")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)


def test_no_address_or_user_agent_reaches_any_log(client, city, captured_logs):
    client.get("/en/?q=dentist", REMOTE_ADDR=ADDRESS, headers=HEADERS)
    client.get("/en/missing-page/?q=secret-search", REMOTE_ADDR=ADDRESS, headers=HEADERS)

    text = captured_logs.text()
    assert captured_logs.records, "the 404 should have been logged"
    assert ADDRESS not in text
    assert FORWARDED not in text
    assert "CanaryPhone" not in text
    assert "secret-search" not in text


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_crash_logs_no_address_and_shows_nothing_private(client, db, captured_logs):
    client.raise_request_exception = False

    response = client.post(
        "/crash/", {"narrative": "canary-narrative"}, REMOTE_ADDR=ADDRESS, headers=HEADERS
    )

    assert response.status_code == 500
    assert b"canary-narrative" not in response.content
    text = captured_logs.text()
    assert "boom" in text
    for secret in (ADDRESS, FORWARDED, "CanaryPhone", "canary-narrative"):
        assert secret not in text


@override_settings(ROOT_URLCONF=__name__)
def test_views_never_see_the_client_address_or_user_agent(client, db):
    response = client.get("/meta/", REMOTE_ADDR=ADDRESS, headers=HEADERS)

    meta = response.content.decode()
    for secret in (ADDRESS, FORWARDED, "CanaryPhone"):
        assert secret not in meta


def test_the_client_key_is_a_keyed_hash_not_the_address():
    key = client_key(ADDRESS)

    assert ADDRESS not in key
    assert key == client_key(ADDRESS)
    assert key != client_key("203.0.113.78")


@override_settings(NUM_PROXIES=1)
def test_behind_one_proxy_the_forwarded_address_is_the_client():
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": f"{FORWARDED}"}

    assert client_address(meta) == FORWARDED


def test_query_strings_are_stripped_from_request_lines():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /en/services/?q=clinic+for+me HTTP/1.1", "200", "512"),
        None,
    )

    PrivateLogFilter().filter(record)

    assert "clinic" not in record.getMessage()
    assert "/en/services/" in record.getMessage()


def test_the_gunicorn_access_log_names_no_client_and_no_query():
    import runpy
    from pathlib import Path

    conf = runpy.run_path(str(Path(__file__).resolve().parents[3] / "config" / "gunicorn.conf.py"))
    fmt = conf["access_log_format"]
    for atom in ("%(h)s", "%(r)s", "%(q)s", "%(a)s", "%(f)s", "%({x-forwarded-for}i)s"):
        assert atom not in fmt
