"""Screenshots of the key pages, in English and Arabic, at phone and desktop widths.

Not part of the test run. It builds a throwaway site (its own database under a temporary
VAR_DIR, demo data, collected static files), serves it on a free loopback port, photographs it
with Debian's Chromium and writes small palette PNGs to docs/screenshots/:

    .venv/bin/python -m tests.browser.screenshots
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, ViewportSize, sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SIZES: dict[str, ViewportSize] = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}
PAGES = {
    "home": "/{lang}/cities/montreal/",
    "search": "/{lang}/services/?category=health&attributes=free&attributes=no-id-required",
    "service": None,  # the first result of the search above
    "endorsers": "/{lang}/endorsers/",
    "endorse": "/{lang}/endorse/",
    "report": "/{lang}/report/",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_site(var_dir: str) -> tuple[subprocess.Popen[bytes], str]:
    env = {**os.environ, "VAR_DIR": var_dir, "DATABASE_URL": "", "STATIC_MANIFEST": ""}
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "demo_data", "--services", "120")
    manage(env, "collectstatic", "--noinput", "-v0")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)  # noqa: S310 - loopback only
            return server, url
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("the site did not start")


def first_service(page: Page) -> str:
    hrefs = page.locator("main a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    return next(h for h in hrefs if h and h.count("/") == 4 and "/services/" in h)


def save(page: Page, name: str) -> None:
    path = OUT / f"{name}.png"
    page.screenshot(path=str(path))
    # A 256-colour palette keeps text sharp and the files small.
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def photograph(url: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size, viewport in SIZES.items():
            context = browser.new_context(viewport=viewport, is_mobile=size == "phone")
            page = context.new_page()
            for lang in ("en", "ar"):
                for name, path in PAGES.items():
                    if path is None:
                        page.goto(url + first_service(page))
                    else:
                        page.goto(url + path.format(lang=lang))
                    save(page, f"{name}-{lang}-{size}")
            context.close()
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as var_dir:
        server, url = start_site(var_dir)
        try:
            photograph(url)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
