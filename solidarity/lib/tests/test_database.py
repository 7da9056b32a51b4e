import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_secure_delete_and_commits_reach_the_disk():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL: an acknowledged commit survives power loss
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_given():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


@pytest.mark.django_db
def test_postgresql_connections_plan_for_memory_and_without_jit():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_the_web_server_asks_postgresql_for_no_parallel_plans(monkeypatch):
    """config/gunicorn.conf.py sets PG_PARALLEL_WORKERS=0 before the application loads, and the
    settings pass it to every connection; other commands (exports, imports) keep the default."""
    monkeypatch.delenv("PG_PARALLEL_WORKERS", raising=False)
    runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert os.environ["PG_PARALLEL_WORKERS"] == "0"

    web = database_options(PG_PARALLEL_WORKERS="0")
    other = database_options()

    assert "-c max_parallel_workers_per_gather=0" in web
    assert "-c jit=off" in web
    assert "max_parallel_workers_per_gather" not in other


def database_options(**env: str) -> str:
    """The PostgreSQL connection options the settings build for this environment."""
    clean = {k: v for k, v in os.environ.items() if k not in ("PG_PARALLEL_WORKERS", "PRODUCTION")}
    shown = "from django.conf import settings as s; print(s.DATABASES['default'].get('OPTIONS'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", shown],
        cwd=ROOT,
        env={**clean, "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout
