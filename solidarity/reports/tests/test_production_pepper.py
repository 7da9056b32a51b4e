"""Production refuses to start with the development receipt pepper."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_ENV = {
    "PRODUCTION": "true",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "KEYED_HASH_SECRET": "h" * 48,
    "ALLOWED_HOSTS": "solidarity.example.org",
}


@pytest.mark.slow
def test_production_refuses_the_default_receipt_pepper():
    env = {k: v for k, v in os.environ.items() if k != "REPORT_RECEIPT_PEPPER"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**env, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert "REPORT_RECEIPT_PEPPER" in result.stderr
