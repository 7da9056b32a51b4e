"""The documented production configuration starts clean, and unsafe set-ups refuse to start.

Extends solidarity/lib/tests/test_production_settings.py: the WSGI entry point itself (what
gunicorn imports) refuses, secrets can come from files, and the shipped environment example
passes `check --deploy`.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SECRET_KEY = "k" * 20 + "-production-secret-for-the-deploy-check-0123456789"
PRODUCTION = {
    "PRODUCTION": "true",
    "SECRET_KEY": SECRET_KEY,
    "KEYED_HASH_SECRET": "h" * 48,
    "REPORT_RECEIPT_PEPPER": "p" * 48,
    "ALLOWED_HOSTS": "solidarity.example.org",
    "SITE_URL": "https://solidarity.example.org",
    # Shared and in memory, as docs/deploy.md asks (solidarity.ops.checks).
    "CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
    "CACHE_LOCATION": "redis://127.0.0.1:6379/1",
}
SETTINGS_VARIABLES = {
    *PRODUCTION,
    "DEBUG",
    "DATABASE_URL",
    "BENCHMARK_VIEWS",
    "DJANGO_SETTINGS_MODULE",
}


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        env,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("override", "complaint"),
    [({"SECRET_KEY": ""}, "SECRET_KEY"), ({"DEBUG": "on"}, "DEBUG")],
)
def test_the_wsgi_application_gunicorn_loads_refuses_an_unsafe_production(override, complaint):
    result = run_python("import config.wsgi", {**PRODUCTION, **override})

    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr
    assert complaint in result.stderr


@pytest.mark.slow
def test_the_wsgi_application_loads_with_safe_production_settings():
    result = run_python("import config.wsgi; print('loaded')", PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "loaded" in result.stdout


@pytest.mark.slow
def test_secrets_can_come_from_files_as_systemd_credentials_give_them(tmp_path):
    secrets = {"SECRET_KEY", "KEYED_HASH_SECRET", "REPORT_RECEIPT_PEPPER"}
    env = {k: v for k, v in PRODUCTION.items() if k not in secrets}
    for name in secrets:
        (tmp_path / name.lower()).write_text(PRODUCTION[name] + "\n")
        env[f"{name}_FILE"] = str(tmp_path / name.lower())

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr


def example_environment() -> dict[str, str]:
    lines = (ROOT / "deploy" / "solidarity.env.example").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line and not line.startswith("#"))
    return dict(pairs)


@pytest.mark.slow
def test_the_shipped_environment_example_passes_check_deploy(tmp_path):
    env = {**example_environment(), "VAR_DIR": str(tmp_path), "SECRET_KEY": SECRET_KEY}
    env["KEYED_HASH_SECRET"] = "h" * 48
    env["REPORT_RECEIPT_PEPPER"] = "p" * 48

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_benchmark_views_are_routed_only_when_asked_for():
    code = (
        "import django; django.setup(); from django.urls import resolve, Resolver404\n"
        "try:\n    resolve('/bench/bare'); print('routed')\n"
        "except Resolver404:\n    print('absent')"
    )

    assert run_python(code, PRODUCTION).stdout.strip() == "absent"
    assert run_python(code, {"BENCHMARK_VIEWS": "true"}).stdout.strip() == "routed"
