"""A WSGI application for test_shared_searches: gunicorn serves it with config/gunicorn.conf.py,
preloaded, as it serves Django. `/set?V` keeps V as the answer to a search; `/get` says which
worker answered and what it found, after a moment (so that concurrent requests reach both)."""

import os
import time

import django

django.setup()

from django.core.cache import caches  # noqa: E402 - after django.setup()


def application(environ, start_response):
    searches = caches["searches"]
    if environ["PATH_INFO"] == "/set":
        searches.set("a search", environ["QUERY_STRING"], 60)
    else:
        time.sleep(0.05)
    body = f"{os.getpid()} {searches.get('a search')}".encode()
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
