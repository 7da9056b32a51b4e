"""Solidarity City settings: one file, driven by the environment.

Development works with no environment at all. `PRODUCTION=true` turns on every secure default and
refuses to start while a development secret or DEBUG is left in place.
"""

import os
import tempfile
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_bool("PRODUCTION", False)
DEBUG = env_bool("DEBUG", False)

DEV_SECRET_KEY = "dev-only-secret-key-never-use-in-production-0123456789abcdefghijklmnopqrstuv"  # noqa: S105 - refused in production
DEV_HASH_SECRET = "dev-only-keyed-hash-secret-never-use-in-production-0123456789abcdef"  # noqa: S105 - refused in production
SECRET_KEY = env_str("SECRET_KEY", DEV_SECRET_KEY)
# Keys the HMACs used for equality look-ups (emails), separate from SECRET_KEY so that rotating
# one does not orphan the other.
KEYED_HASH_SECRET = env_str("KEYED_HASH_SECRET", DEV_HASH_SECRET)
DEV_RECEIPT_PEPPER = "dev-only-report-receipt-pepper-never-use-in-production-0123456789"
# Mixed into the Argon2id hash of confidential-report receipts: a database copy without it
# does not let anyone test receipt guesses.
REPORT_RECEIPT_PEPPER = env_str("REPORT_RECEIPT_PEPPER", DEV_RECEIPT_PEPPER)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

if PRODUCTION:
    _problems = []
    if DEBUG:
        _problems.append("DEBUG must be off")
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        _problems.append("SECRET_KEY must be set to a long random value")
    if KEYED_HASH_SECRET == DEV_HASH_SECRET or len(KEYED_HASH_SECRET) < 32:
        _problems.append("KEYED_HASH_SECRET must be set to a long random value")
    if REPORT_RECEIPT_PEPPER == DEV_RECEIPT_PEPPER or len(REPORT_RECEIPT_PEPPER) < 32:
        _problems.append("REPORT_RECEIPT_PEPPER must be set to a long random value")
    if not ALLOWED_HOSTS:
        _problems.append("ALLOWED_HOSTS must name the site's host")
    if _problems:
        raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(_problems))

INSTALLED_APPS = [
    "modeltranslation",  # must come before the admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "solidarity.lib",
    "solidarity.accounts",
    "solidarity.vault",
    "solidarity.organizers",
    "solidarity.cities",
    "solidarity.directory",
    "solidarity.endorsements",
    "solidarity.reports",
    "solidarity.campaign",
    "solidarity.api",
    "solidarity.ops",
]

MIDDLEWARE = [
    # First, so that nothing after it (logs, error reports, views) ever sees a client address.
    "solidarity.lib.privacy.ForgetClientMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "solidarity.lib.privacy.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages count against a 30 KB budget on slow phones. Django pads compressed responses
    # with random bytes against BREACH-style attacks on the CSRF token.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "solidarity.lib.csp.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "solidarity" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "solidarity.lib.context_processors.site",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------------
# SQLite in WAL mode is the embedded default; DATABASE_URL selects PostgreSQL in production.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'solidarity.sqlite3'}")
# Persistent connections, checked before a request's first query. An idle worker keeps its
# connection anyway (Django closes an old one only when a request begins or ends), so the age
# limit decides one thing: whether the first request after a quiet spell opens a new one. At
# 60 s every worker did so in the burst after a quiet minute; 600 s spares that (the PostgreSQL
# search page's p95 in that burst: median 236 ms at 600 s, 357 ms at 60 s over nine
# alternating runs; bench/directory_search.md, session 11).
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 600), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE transactions avoid "database is locked" when a reader upgrades to a writer.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            # Each commit reaches the disk before the visitor is told it is stored: with NORMAL,
            # WAL survives an application crash but can lose the last commits on power loss.
            # Measured on this machine's disk: 0.47 ms a commit, against 0.02 ms with NORMAL.
            "PRAGMA synchronous=FULL;"
            "PRAGMA foreign_keys=ON;"
            # Deleted personal rows are overwritten on disk, not left in free pages.
            "PRAGMA secure_delete=ON;"
        ),
    }
    # Outside production (runserver, tests) a connection lasts one request. In production it
    # lasts as long as PostgreSQL's: a connection opened again after a quiet minute starts with
    # an empty page cache. In one process, 12 search pages answered afresh cost 594-686 ms on a
    # reopened connection, 527-549 ms on a kept one; the benchmark's burst after a quiet minute
    # showed no difference beyond its noise (bench/directory_search.md, session 12).
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 600) if PRODUCTION else 0
    # Tests run on a file, not in memory, so WAL is exercised and the raw file can be inspected.
    # One file per test process, so parallel runs never share a test database.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"solidarity-test-{os.getpid()}.sqlite3")
    }
elif DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Django's backend, with a health check that spares a round trip per request when the
    # connection is idle and quiet (solidarity/lib/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "solidarity.lib.postgresql"
    # The directory fits in memory: with the default random_page_cost (4, for spinning disks)
    # the planner scanned the whole search index instead of using its GIN index (376 → 127 ms
    # for "legal clinic" in Spanish at 60,000 services). PG_RANDOM_PAGE_COST sets another value.
    page_cost = env_str("PG_RANDOM_PAGE_COST", "1.1")
    server_options = [f"-c random_page_cost={float(page_cost)}"] if page_cost else []
    # JIT compilation pays off for long analytical queries, not for pages: PostgreSQL compiled
    # a broad search's plan for 80 ms to run it in 600 ms (60,000 services). PG_JIT=true
    # turns it back on.
    if not env_bool("PG_JIT", False):
        server_options.append("-c jit=off")
    # Parallel query: two more processes for a broad search doubled the database's CPU for it
    # (the "shelter, open now" search: 260 ms of CPU in parallel, 126 ms without) and, with the
    # web workers busy on two cores, answered no sooner. config/gunicorn.conf.py sets 0 for the
    # web server; exports and imports keep PostgreSQL's own value unless PG_PARALLEL_WORKERS
    # says otherwise.
    parallel = env_str("PG_PARALLEL_WORKERS", "")
    if parallel:
        server_options.append(f"-c max_parallel_workers_per_gather={int(parallel)}")
    if server_options:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(server_options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches, sessions, tasks ---------------------------------------------------------------
# Searches answered in the last minute, kept in memory the web server's workers share on this
# machine only (never the shared cache, which may persist, nor a file): a search is not kept
# longer than a few minutes (DESIGN.md §2), so at most SEARCH_CACHE_LIMIT seconds. 0 turns it
# off. solidarity/lib/cache.py says why, solidarity/lib/shared_searches.py how.
SEARCH_CACHE_LIMIT = 300
SEARCH_CACHE_SECONDS = max(0, min(env_int("SEARCH_CACHE_SECONDS", 60), SEARCH_CACHE_LIMIT))
SEARCH_CACHE_MAX_BYTES = 128 * 1024
CACHES: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": env_str("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env_str("CACHE_LOCATION", "solidarity"),
    },
    "searches": {
        "BACKEND": "solidarity.lib.shared_searches.SharedSearchesCache",
        "LOCATION": "solidarity-searches",
        "TIMEOUT": SEARCH_CACHE_SECONDS,
        # At most 256 answers, each a page of at most SEARCH_CACHE_MAX_BYTES with its compressed
        # copy (search pages are 22-29 KB so, at 60,000 services): 72 MB of address space,
        # memory only as answers fill it, shared by every worker.
        "OPTIONS": {"MAX_ENTRIES": 256, "SLOT_BYTES": 2 * SEARCH_CACHE_MAX_BYTES + 32 * 1024},
    },
}
# Each worker answers the public pages and searches it answered a moment ago itself, before
# Django (lib/kept.py), keeping at most this many bytes of them. KEPT_RESPONSES=false: never.
KEPT_RESPONSES = env_bool("KEPT_RESPONSES", True)
KEPT_RESPONSES_MAX_BYTES = env_int("KEPT_RESPONSES_MAX_BYTES", 16 * 1024 * 1024)
# PostgreSQL: each worker keeps the content generations that key cached pages and hears of a
# change by LISTEN/NOTIFY, instead of reading them on every request (lib/generation_watch.py).
GENERATION_WATCH = env_bool("GENERATION_WATCH", True)
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- Passwords and accounts ----------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = "Solidarity City"

# --- Internationalisation ------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
RTL_LANGUAGES = {"ar"}
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr", "es", "ar")}
LOCALE_PATHS = [BASE_DIR / "solidarity" / "locale"]
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# The site-wide CSS and images live outside any app; without this no finder sees them.
STATICFILES_DIRS = [BASE_DIR / "solidarity" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", PRODUCTION)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if PRODUCTION else 0

# --- Email ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Solidarity City <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS: list[tuple[str, str]] = []  # error e-mails would carry request details: never sent

# --- Security headers ----------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin": no referrer ever leaves the site, but our own form posts still carry a real
# Origin header. With "no-referrer" browsers send `Origin: null` on POST and Django's CSRF check
# refuses every form (found by the browser tests).
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "geolocation=(self), camera=(), microphone=(), payment=(), usb=(), "
    "interest-cohort=(), browsing-topics=()"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL)

CSRF_FAILURE_VIEW = "solidarity.lib.views.csrf_failure"
RATELIMIT_VIEW = "solidarity.lib.views.rate_limited"

# Error pages in DEBUG and any error report show neither POST bodies nor client details.
DEFAULT_EXCEPTION_REPORTER_FILTER = "solidarity.lib.privacy.PrivateExceptionReporterFilter"

# --- Logging: never a client address, user agent or query string ---------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private": {"()": "solidarity.lib.privacy.PrivateLogFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["private"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # WeasyPrint narrates every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# --- Solidarity City ------------------------------------------------------------------------
# Argon2id cost of deriving an organizer's key from a passphrase (libsodium "moderate").
VAULT_KDF_OPS_LIMIT = env_int("VAULT_KDF_OPS_LIMIT", 3)
VAULT_KDF_MEM_LIMIT = env_int("VAULT_KDF_MEM_LIMIT", 256 * 1024 * 1024)
NUM_PROXIES = env_int("NUM_PROXIES", 0)
# Routes /bench/ (a bare view for the benchmark harness). Never needed in production.
BENCHMARK_VIEWS = env_bool("BENCHMARK_VIEWS", False)
# Confidential reports are crypto-shredded this many days after they are closed.
REPORT_RETENTION_DAYS = env_int("REPORT_RETENTION_DAYS", 90)
# Directory map: off by default, because a tile server learns who looks at which places.
# When on, Leaflet comes from our static files and only the tile origin is added to img-src.
DIRECTORY_MAP_ENABLED = env_bool("DIRECTORY_MAP_ENABLED", False)
DIRECTORY_MAP_TILE_URL = env_str(
    "DIRECTORY_MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
DIRECTORY_MAP_ATTRIBUTION = env_str("DIRECTORY_MAP_ATTRIBUTION", "© OpenStreetMap contributors")
if DIRECTORY_MAP_ENABLED:
    from urllib.parse import urlsplit

    _tiles = urlsplit(DIRECTORY_MAP_TILE_URL.replace("{s}.", ""))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")
