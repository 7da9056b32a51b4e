"""Production collects static files into a manifest; a missing reference would stop a deploy."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_collectstatic_with_the_production_manifest_storage_succeeds():
    var_dir = tempfile.mkdtemp(prefix="solidarity-static-")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, "VAR_DIR": var_dir, "STATIC_MANIFEST": "true"},
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert (Path(var_dir) / "static" / "staticfiles.json").exists()
    assert list((Path(var_dir) / "static" / "css").glob("site.*.css.gz"))


def test_pages_are_compressed_for_browsers_that_accept_it(client, city):
    response = client.get("/en/cities/montreal/declaration/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
