"""Production mode: `check --deploy` is clean, and insecure defaults refuse to start."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "PRODUCTION": "true",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "KEYED_HASH_SECRET": "h" * 48,
    "REPORT_RECEIPT_PEPPER": "p" * 48,
    "ALLOWED_HOSTS": "solidarity.example.org",
    "SITE_URL": "https://solidarity.example.org",
    # Shared and in memory, as docs/deploy.md asks (solidarity.ops.checks).
    "CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
    "CACHE_LOCATION": "redis://127.0.0.1:6379/1",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV and k != "DEBUG"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # A private VAR_DIR: the check never touches the development database or static files.
        env={**clean, "VAR_DIR": tempfile.mkdtemp(prefix="solidarity-check-"), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize(
    ("override", "complaint"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY"),
        ({"KEYED_HASH_SECRET": ""}, "KEYED_HASH_SECRET"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_with_an_insecure_default(override, complaint):
    result = manage("check", env={**PRODUCTION_ENV, **override})

    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr
    assert complaint in result.stderr


@pytest.mark.slow
def test_searches_stay_in_the_workers_memory_for_minutes_at_most_in_production():
    """With the shared cache on Redis (which may write to disk), searches still stay in the
    memory the web server's workers share (lib/shared_searches.py), and a deployment cannot
    keep them past five minutes."""
    shown = "from django.conf import settings as s; print(s.SEARCH_CACHE_SECONDS, s.CACHES)"
    result = manage(
        "shell", "-v", "0", "-c", shown, env={**PRODUCTION_ENV, "SEARCH_CACHE_SECONDS": "3600"}
    )

    assert result.returncode == 0, result.stdout + result.stderr
    seconds, caches = result.stdout.split(" ", 1)
    assert seconds == "300"
    assert "'searches': {'BACKEND': 'solidarity.lib.shared_searches.SharedSearchesCache'" in caches
    assert "RedisCache" in caches  # the shared one


@pytest.mark.slow
@pytest.mark.parametrize(
    ("env", "seconds"),
    [({**PRODUCTION_ENV}, "600"), ({**PRODUCTION_ENV, "CONN_MAX_AGE": "120"}, "120"), ({}, "0")],
)
def test_a_sqlite_connection_outlives_a_quiet_minute_in_production(env, seconds):
    """A worker's SQLite connection (and its page cache) is kept as long as PostgreSQL's in
    production, so the burst after a quiet minute does not start with every cache empty; outside
    production a connection lasts one request."""
    shown = "from django.conf import settings as s; print(s.DATABASES['default']['CONN_MAX_AGE'])"
    sqlite = {"DATABASE_URL": f"sqlite:///{tempfile.mkdtemp()}/solidarity.sqlite3"}
    result = manage("shell", "-v", "0", "-c", shown, env={**env, **sqlite})

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == seconds
