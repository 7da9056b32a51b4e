"""Settings for benchmark runs: production-like, with the bench views routed.

Everything else comes from `config.settings` and the environment the harness passes
(DATABASE_URL, CACHE_BACKEND, ...).
"""

from config.settings import *  # noqa: F403
from config.settings import DATABASES

BENCHMARK_VIEWS = True
# Each request carries a distinct X-Forwarded-For (the load generator plays many visitors behind
# one trusted proxy), so rate limits and their cache look-ups cost what they cost in production
# without one loopback address being throttled.
NUM_PROXIES = 1
# Persistent connections, as production runs them: config.settings uses 0 for SQLite outside
# production, 60 s in it; PostgreSQL keeps its default (CONN_MAX_AGE).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 60
