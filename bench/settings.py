"""Settings for benchmark runs: production-like, with the bench views routed.

Everything else comes from `config.settings` and the environment the harness passes
(DATABASE_URL, CACHE_BACKEND, ...).
"""

from config.env import env_int
from config.settings import *  # noqa: F403
from config.settings import DATABASES

BENCHMARK_VIEWS = True
# Each request carries a distinct X-Forwarded-For (the load generator plays many visitors behind
# one trusted proxy), so rate limits and their cache look-ups cost what they cost in production
# without one loopback address being throttled.
NUM_PROXIES = 1
# Persistent connections, as production runs them: config.settings keeps a SQLite connection
# for one request outside production; in production SQLite and PostgreSQL both keep theirs for
# CONN_MAX_AGE (600 s unless the environment says otherwise).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 600)
