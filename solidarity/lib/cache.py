"""Caching public pages and API responses, per language, invalidated when content changes.

For views (pages, or API operations through `ninja.decorators.decorate_view`)::

    from solidarity.lib.cache import cache_public, content_changed

    @cache_public(scopes=("endorsements",))           # what the page is made of
    def endorsers(request): ...

    @transaction.atomic
    def endorsement_verify(*, endorsement, actor):    # in services.py, on every public change
        ...
        content_changed("endorsements")

The cache key holds the language, the host, the full path and the current generation of each
scope. `content_changed` bumps generations in the database, inside the caller's transaction,
so every worker and app node misses the old entries as soon as the change commits, even with
the per-process local-memory cache. (On PostgreSQL each worker keeps the generations and hears
of a change from the database: lib/generation_watch.py.)

What is never cached, to keep one visitor's page from reaching another and to leave no trace:
- anything for a request that carries a session cookie (logged-in users, flash messages);
- a response that sets a cookie, used a CSRF token (a form that POSTs), wrote to the session,
  is not a 200, or says `Cache-Control: private/no-store/no-cache`;
- a request whose query string has a parameter outside `query_params` (default: `page`), unless
  the view is a search (`searches=True`, below). Such requests never reach the shared cache.

Searches (`searches=True`: the directory's search page and `/api/services`, with a filter, or
without any parameter) are kept apart, in memory the web server's workers share (the
`searches` cache, lib/shared_searches.py), for `SEARCH_CACHE_SECONDS` (a minute; at most five,
settings.py), and dropped at once when what they are made of changes, like the pages above.
One worker answers a search while the others wait for its answer. Without it a search cost
15-200 ms of CPU, and a surge of people looking for the same shelter after a news story would
queue behind each other (bench/directory_search.md). What this keeps and what it reveals
(docs/directory.md):
- an answer given in the last minute, in memory: never in the shared cache (Redis may write
  to disk), a file, a table or a log; wiped when it expires, and gone when the workers stop.
  DESIGN.md §2 allows nothing about a visitor that outlives a few minutes; this outlives one by
  default, five at most.
- someone timing a search can tell whether the server answered the very same search
  (words, filters, page, and for "near me" the place the browser rounded to about 1 km) in the
  last minute, not who asked it. `SEARCH_CACHE_SECONDS=0` turns it off for a deployment that
  wants none of it.

A request answered here is marked (`KEEP`): the worker may answer the same request again itself,
before Django, while these generations hold (lib/kept.py).

A kept response is kept with its gzip-compressed copy, made once by Django's GZipMiddleware
itself, and a browser that accepts gzip gets that copy: the middleware then leaves it as it is.
Compressing a search page again on every request was about a third of the CPU of a search
answered from the cache (bench/directory_search.md, session 8). The same compressed bytes go to
every visitor of that address until it changes: that is safe from BREACH-style attacks (which
the middleware's random padding is against) because a kept response holds no secret; one that
used a CSRF token, set a cookie or wrote to the session is never kept (`may_store`).
"""

import hashlib
import pickle
import random
import re
import time
from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import BaseCache, cache, caches
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from solidarity.lib.generation_watch import watch, watched_generations
from solidarity.ops.models import ContentGeneration

View = Callable[..., HttpResponse]
# A response, its gzip-compressed copy, and when the cache lets it go (time.time()).
Kept = tuple[HttpResponse, HttpResponse | None, float]
DEFAULT_TIMEOUT = 300
SEARCHES = "searches"  # settings.CACHES
GZIP_MIDDLEWARE = "django.middleware.gzip.GZipMiddleware"


KEEP = "solidarity.keep"  # the request's WSGI environ: what lib/kept.py may keep, and how long


class Keep(NamedTuple):
    """A public response the worker may keep and answer itself (lib/kept.py): made of `scopes`
    at their generations `current`, until `expires` (time.time())."""

    scopes: tuple[str, ...]
    current: str
    expires: float


def content_changed(*scopes: str) -> None:
    """Marks public content of these scopes as changed. Call it inside the writing transaction."""
    for scope in scopes:
        if not ContentGeneration.objects.filter(scope=scope).update(value=F("value") + 1):
            create_generation(scope)
    transaction.on_commit(watch.forget)  # other processes hear of it from PostgreSQL


def create_generation(scope: str) -> None:
    try:
        with transaction.atomic():
            ContentGeneration.objects.create(scope=scope, value=1)
    except IntegrityError:  # created meanwhile by a concurrent writer
        ContentGeneration.objects.filter(scope=scope).update(value=F("value") + 1)


def generations(scopes: Collection[str]) -> str:
    """On PostgreSQL, kept by this process until a change is notified (lib/generation_watch.py).
    Otherwise one indexed read per request, in plain SQL: measured in-process, the ORM version of
    this query took over a third of a cached page's time, mostly in building the query."""
    ordered = sorted(scopes)
    watched = watched_generations()
    if watched is not None:
        return ".".join(f"{scope}{watched.get(scope, 0)}" for scope in ordered)
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    placeholders = ", ".join(["%s"] * len(ordered))
    sql = f"SELECT scope, value FROM {table} WHERE scope IN ({placeholders})"  # noqa: S608 - no input in it
    with connection.cursor() as cursor:
        cursor.execute(sql, ordered)
        found = dict(cursor.fetchall())
    return ".".join(f"{scope}{found.get(scope, 0)}" for scope in ordered)


def cache_key(request: HttpRequest, scopes: Collection[str], current: str | None = None) -> str:
    """The key of this request's page while `scopes` are at `current` (their generations)."""
    address = f"{request.get_host()}{request.get_full_path()}".encode()
    digest = hashlib.sha256(address).hexdigest()
    current = generations(scopes) if current is None else current
    # "kept": what is stored is a `Kept` triple (until session 8 it was the response alone,
    # under "public": a shared cache still holding those is not read).
    return f"kept:{current}:{get_language()}:{digest}"


def cache_for(
    request: HttpRequest, query_params: Collection[str], *, searches: bool
) -> BaseCache | None:
    """The cache that may answer this request: the shared one, the searches of the last minute
    (a search view's searches, and its first page without any parameter), or none.

    A search view's first page goes with its searches, not to the shared cache: the workers
    share those and answer each once (claims). With a local-memory shared cache, after a quiet
    minute each of the five workers answered the directory's first page itself, at once, in
    the burst that follows (50-160 ms each: bench/directory_search.md, session 11). Its other
    pages (`query_params` only: the API's `page`) stay in the shared cache, which other app
    nodes share and which keeps an answer of any size."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    plain = set(request.GET) <= set(query_params)
    if searches and settings.SEARCH_CACHE_SECONDS > 0 and not (plain and request.GET):
        return caches[SEARCHES]
    return cache if plain else None


def may_store(request: HttpRequest, response: HttpResponse, *, max_bytes: int | None) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and (max_bytes is None or len(response.content) <= max_bytes)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(getattr(request, "session", None), "modified", False)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def cache_public(
    *,
    scopes: Collection[str],
    timeout: int = DEFAULT_TIMEOUT,
    query_params: Collection[str] = ("page",),
    searches: bool = False,
) -> Callable[[View], View]:
    """Serves a public view from the cache while none of `scopes` has changed. `searches`: the
    view is a search: a request with other parameters than `query_params`, or none at all, is
    answered from the searches of the last minute (module docstring)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            store = cache_for(request, query_params, searches=searches)
            if store is None:
                return vary_on_cookie(view(request, *args, **kwargs))
            shared = store is cache
            current = generations(scopes)
            key = cache_key(request, scopes, current)
            kept: Kept | None = store.get(key) if shared else answered_or_claimed(store, key)
            if kept is None:
                try:
                    response = rendered(view(request, *args, **kwargs))
                except BaseException:
                    if not shared:
                        store.delete(key)  # the claim: another worker may answer it now
                    raise
                max_bytes = None if shared else settings.SEARCH_CACHE_MAX_BYTES
                if not may_store(request, response, max_bytes=max_bytes):
                    if not shared:
                        store.delete(key)
                    return vary_on_cookie(response)
                lifetime = timeout if shared else search_lifetime()
                kept = (response, gzipped(response), time.time() + lifetime)
                store.set(key, kept, lifetime)
            # The worker may answer this address again before Django does (lib/kept.py), no
            # longer than this cache keeps it, while these generations hold.
            request.META[KEEP] = Keep(tuple(sorted(scopes)), current, kept[2])
            return vary_on_cookie(for_client(request, kept))

        return wrapper

    return decorator


# How long a worker waits for the answer another worker is giving to the same search (it goes on
# as soon as that answer is kept), before it answers the search itself.
SEARCH_CLAIM_SECONDS = 2.0


def answered_or_claimed(store: BaseCache, key: str) -> Kept | None:
    """A search's kept answer, or another worker's as soon as it gives it; None: this worker
    answers it (lib/shared_searches.py `get_or_claim`; other backends: a plain `get`)."""
    get_or_claim = getattr(store, "get_or_claim", None)
    if get_or_claim is None:
        return store.get(key)
    kept: Kept | None = get_or_claim(key, SEARCH_CLAIM_SECONDS)
    return kept


class _AcceptsGzip:
    """The one part of a request GZipMiddleware reads: a client that accepts gzip."""

    META = {"HTTP_ACCEPT_ENCODING": "gzip"}


def gzipped(response: HttpResponse) -> HttpResponse | None:
    """A copy of `response` as GZipMiddleware sends it to a client that accepts gzip (body,
    Content-Encoding, Content-Length, Vary, ETag), or None when it would not compress it or is
    not in use (the reverse proxy compresses instead)."""
    if GZIP_MIDDLEWARE not in settings.MIDDLEWARE or response.has_header("Content-Encoding"):
        return None
    compressed: HttpResponse = pickle.loads(pickle.dumps(response))  # noqa: S301 - our own bytes
    # The middleware compresses the response it is given, in place.
    GZipMiddleware(lambda request: compressed).process_response(
        _AcceptsGzip(),  # type: ignore[arg-type]
        compressed,
    )
    return compressed if compressed.has_header("Content-Encoding") else None


def for_client(request: HttpRequest, kept: Kept) -> HttpResponse:
    """The kept response's compressed copy for a client that accepts gzip, else the response
    (GZipMiddleware then adds its Vary header, and compresses nothing)."""
    response, compressed, _expires = kept
    accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if compressed is not None and "gzip" in accepts and _ACCEPTS_GZIP.search(accepts):
        return compressed
    return response


_ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # GZipMiddleware's test


def search_lifetime() -> float:
    """Between half and all of SEARCH_CACHE_SECONDS, at random: searches answered together (a
    burst after a news story, a worker's first minute) do not all expire together either. When
    they did, a worker could recompute a dozen searches back to back while visitors queued
    behind it (bench/directory_search.md, session 6). Not a secret, so `random` is enough."""
    return settings.SEARCH_CACHE_SECONDS * random.uniform(0.5, 1.0)


def rendered(response: HttpResponse) -> HttpResponse:
    render = getattr(response, "render", None)
    if render is not None and not getattr(response, "is_rendered", True):
        render()
    return response


def vary_on_cookie(response: HttpResponse) -> HttpResponse:
    """Whether a cached copy is served depends on the session cookie: say so to other caches."""
    patch_vary_headers(response, ("Cookie",))
    return response
