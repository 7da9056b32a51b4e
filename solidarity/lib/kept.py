"""Kept responses: each worker answers a public page or search it answered a moment ago itself,
before Django handles the request at all, while what the page is made of has not changed.

A page served from the cache (lib/cache.py) still went through all of Django's middleware, its
URL resolver and its view: under gunicorn about 1.3 times a bare Django view's CPU, so that with
50 visitors at once a search waited about 100 ms in the queue (bench/directory_search.md,
session 8). This WSGI layer, around Django's application (config/wsgi.py), answers such a request
with the very status, headers and body Django gave it last time, as a caching reverse proxy
would; but it lives in the worker's memory, never on disk, and drops an answer as soon as a
change commits, which a proxy cannot know.

What it keeps: only what `cache_public` marked (`cache.KEEP`) as a public response it keeps
itself, and only a `200` to a `GET` without a cookie or credentials that set no cookie, with the
request headers named in its `Vary` (language, encoding) part of the key, like the address
(scheme, host, path and query string). No longer than the cache keeps it (a search: at most
`SEARCH_CACHE_SECONDS`), at most `KEPT_RESPONSES_MAX_BYTES` in all (the least recently used go
first). What it reveals is what the searches kept by lib/cache.py reveal, for the same minute.

What it answers: a `GET` without a cookie or credentials whose key it holds, after checking the
generations of what the page is made of (on PostgreSQL kept by the process,
lib/generation_watch.py; otherwise one read of the database) and the time. Anything else, and
anything that fails, goes to Django. `KEPT_RESPONSES=false` turns it off.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse

from solidarity.lib import cache

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
# What Django reads of a request to find and build a page, besides the headers its Vary names.
ADDRESS = (
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
)


class Answer(NamedTuple):
    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    keep: cache.Keep


def asks_publicly(environ: dict[str, Any]) -> bool:
    """A GET that carries nothing of the visitor's own: no cookie, no credentials."""
    return (
        environ.get("REQUEST_METHOD") == "GET"
        and "HTTP_COOKIE" not in environ
        and "HTTP_AUTHORIZATION" not in environ
    )


def varies(headers: Iterable[tuple[str, str]]) -> tuple[str, ...] | None:
    """The request headers a response depends on (its Vary), as WSGI environ keys; None for
    `Vary: *` (it cannot be kept)."""
    names: list[str] = []
    for name, value in headers:
        if name.lower() == "vary":
            names += [word.strip() for word in value.split(",") if word.strip()]
    if "*" in names:
        return None
    return tuple(sorted({"HTTP_" + name.upper().replace("-", "_") for name in names}))


def weight(key: tuple[Any, ...], answer: Answer) -> int:
    """The bytes an answer holds: its body, headers and key (a long address counts too)."""
    address, names, values = key
    headers = [text for pair in answer.headers for text in pair]
    texts = [*address, *names, *values, answer.status, *headers]
    return len(answer.body) + sum(len(text) for text in texts if isinstance(text, str))


class KeptResponses:
    """The WSGI layer (module docstring); one per worker process."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.answers: OrderedDict[tuple[Any, ...], Answer] = OrderedDict()
        self.vary: dict[tuple[Any, ...], tuple[str, ...]] = {}  # by address
        self.held: dict[tuple[Any, ...], int] = {}  # answers held for each address
        self.size = 0  # bytes held (`weight`)
        # The header that says the visitor's scheme, whatever a deployment names it.
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.address_names = ADDRESS + ((proxy[0],) if proxy and proxy[0] not in ADDRESS else ())

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if not settings.KEPT_RESPONSES or not asks_publicly(environ):
            return self.app(environ, start_response)
        answer = self.find(environ)
        if answer is not None:
            start_response(answer.status, list(answer.headers))
            return [answer.body]
        asked = dict(environ)  # as asked: Django changes the environ it is given (its META)
        given: list[Any] = []

        def keeping_start_response(status: str, headers: list[Any], *exc_info: Any) -> Any:
            given[:] = [status, headers]
            return start_response(status, headers, *exc_info)

        response = self.app(environ, keeping_start_response)
        keep = environ.get(cache.KEEP)
        if keep is not None and given and isinstance(response, HttpResponse):
            self.store(asked, given[0], given[1], response, keep)
        return response

    def find(self, environ: dict[str, Any]) -> Answer | None:
        address = tuple(environ.get(name) for name in self.address_names)
        with self.lock:
            names = self.vary.get(address)
            if names is None:
                return None
            key = (address, names, tuple(environ.get(name) for name in names))
            answer = self.answers.get(key)
            if answer is None:
                return None
            self.answers.move_to_end(key)
        if answer.keep.expires <= time.time() or not self.current(answer.keep):
            self.drop(key)
            return None
        return answer

    @staticmethod
    def current(keep: cache.Keep) -> bool:
        """Whether what the answer is made of is unchanged (False when that cannot be told)."""
        try:
            return cache.generations(keep.scopes) == keep.current
        except DatabaseError:
            # Django answers instead; at the start of that request it closes a connection that
            # failed (`close_old_connections`), as it does after any request that failed.
            return False

    def store(
        self,
        environ: dict[str, Any],
        status: str,
        headers: list[tuple[str, str]],
        response: HttpResponse,
        keep: cache.Keep,
    ) -> None:
        names = varies(headers)
        if (
            names is None
            or not status.startswith("200 ")
            or response.streaming
            or any(name.lower() == "set-cookie" for name, _ in headers)
            or len(response.content) > settings.SEARCH_CACHE_MAX_BYTES
        ):
            return
        address = tuple(environ.get(name) for name in self.address_names)
        key = (address, names, tuple(environ.get(name) for name in names))
        answer = Answer(status, tuple(headers), response.content, keep)
        with self.lock:
            self.remove(key)
            self.vary[address] = names
            self.answers[key] = answer
            self.held[address] = self.held.get(address, 0) + 1
            self.size += weight(key, answer)
            while self.size > settings.KEPT_RESPONSES_MAX_BYTES:
                self.remove(next(iter(self.answers)))  # the least recently used

    def drop(self, key: tuple[Any, ...]) -> None:
        with self.lock:
            self.remove(key)

    def remove(self, key: tuple[Any, ...]) -> None:
        """Forgets the answer under `key`, if any (with the lock held)."""
        answer = self.answers.pop(key, None)
        if answer is None:
            return
        self.size -= weight(key, answer)
        address = key[0]
        self.held[address] -= 1
        if not self.held[address]:  # the last answer for this address: forget its Vary too
            del self.held[address], self.vary[address]

    def clear(self) -> None:
        with self.lock:
            self.answers.clear()
            self.vary.clear()
            self.held.clear()
            self.size = 0
