"""Requests made to a WSGI application as gunicorn makes them, for tests of lib/kept.py."""

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@dataclass
class Answer:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    by_django: bool  # Django handled the request (its request_started signal was sent)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)


@contextmanager
def django_requests() -> Iterator[list[Any]]:
    """The requests Django starts to handle meanwhile."""
    started: list[Any] = []

    def count(**kwargs: Any) -> None:
        started.append(kwargs)

    request_started.connect(count)
    try:
        yield started
    finally:
        request_started.disconnect(count)


def environ(path: str, *, method: str = "GET", host: str = "testserver", **headers: str) -> dict:
    address, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": address,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8001",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **{"HTTP_" + name.upper(): value for name, value in headers.items()},
    }


def call(app: Any, path: str, **kwargs: Any) -> Answer:
    """`app`'s answer to a request for `path` (headers as keyword arguments: accept_language=)."""
    given: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], *exc_info: Any) -> None:
        given.extend([status, headers])

    # As Django's test client does: the test's database connection (its transaction) stays open.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with django_requests() as started:
            result = app(environ(path, **kwargs), start_response)
            try:
                body = b"".join(result)
            finally:
                getattr(result, "close", lambda: None)()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return Answer(given[0], list(given[1]), body, by_django=bool(started))
