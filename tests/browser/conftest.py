"""Real Chromium (Debian's) against a live server that serves the site as production does.

Static files go through WhiteNoise from a collected, pre-compressed folder (what
`collectstatic` with `CompressedManifestStaticFilesStorage` produces), so the page weights the
tests measure are the bytes a visitor's phone would receive.
"""

import contextlib
import datetime
import os
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright
from pytest_django.live_server_helper import LiveServer
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

from tests.browser.support import RECORD_ENV, WEIGHTS, record_network, write_page_weights


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With RECORD_PAGE_WEIGHTS=<file>, the weights measured go to that Markdown file."""
    target = os.environ.get(RECORD_ENV)
    if target and WEIGHTS and not os.environ.get("PYTEST_XDIST_WORKER"):
        write_page_weights(Path(target))


@pytest.fixture(scope="session", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in the test thread; Django's ORM calls from
    fixtures there are still synchronous and safe (the live server runs in its own thread).
    Set only while browser tests run: a subprocess inheriting it would fail `check --deploy`."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 360, "height": 740}


def collect_compressed_static(root: Path) -> Path:
    from django.contrib.staticfiles.finders import get_finders

    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            target = root / path
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(storage.path(path), target)
    compressor = Compressor(quiet=True)
    for file in [p for p in root.rglob("*") if p.is_file()]:
        if compressor.should_compress(file.name):
            compressor.compress(str(file))
    return root


def warm_up(url: str) -> None:
    """The first request imports every URLconf, view and template: done here, outside the
    tests' timeouts. Any answer will do (the test database may not exist yet)."""
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(url + "/en/", timeout=180).read()  # noqa: S310 - loopback


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """pytest-django's live server, with static files served by WhiteNoise, compressed."""
    from django.conf import settings

    static_root = collect_compressed_static(tmp_path_factory.mktemp("static"))

    def static_handler(application: Callable[..., Any]) -> WhiteNoise:
        return WhiteNoise(application, root=static_root, prefix=settings.STATIC_URL)

    server = LiveServer("127.0.0.1", start=False)
    server.thread.static_handler = static_handler  # type: ignore[assignment]
    server.start()
    warm_up(server.url)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make system-deps` installs Debian's chromium")
    with sync_playwright() as playwright:
        # A fresh temporary profile per launch: no state survives between runs.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def javascript(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def new_phone(browser: Browser, *, javascript: bool) -> BrowserContext:
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
        java_script_enabled=javascript,
        locale="en-CA",
    )
    # Generous: CI shares two cores between the server, Chromium and the other tests.
    context.set_default_timeout(30_000)
    return context


@pytest.fixture
def phone(browser: Browser, javascript: bool) -> Iterator[BrowserContext]:
    """A 360 px wide phone, with JavaScript on and then off."""
    context = new_phone(browser, javascript=javascript)
    yield context
    context.close()


@pytest.fixture
def open_page(live_server: LiveServer, javascript: bool) -> Callable[[BrowserContext], Page]:
    """A new tab in a context, its network log recording."""

    def open_page(context: BrowserContext) -> Page:
        page = context.new_page()
        record_network(page, live_server.url, javascript=javascript)
        return page

    return open_page


@pytest.fixture
def page(phone: BrowserContext, open_page: Callable[[BrowserContext], Page]) -> Page:
    return open_page(phone)


@pytest.fixture
def new_tab(
    browser: Browser, javascript: bool, open_page: Callable[[BrowserContext], Page]
) -> Iterator[Callable[[], Page]]:
    """Another person's phone (a context of its own: no shared cookies)."""
    contexts: list[BrowserContext] = []

    def new_tab() -> Page:
        contexts.append(new_phone(browser, javascript=javascript))
        return open_page(contexts[-1])

    yield new_tab
    for context in contexts:
        context.close()


@pytest.fixture(autouse=True)
def _shipped_taxonomy(transactional_db: None) -> None:
    """The live server needs transactional tests, whose flush also deletes the taxonomy that a
    migration ships; put it back as the migration does."""
    from solidarity.directory.models import Taxonomy, TaxonomyTerm
    from solidarity.directory.taxonomy import load_taxonomy

    if not TaxonomyTerm.objects.exists():
        load_taxonomy(Taxonomy, TaxonomyTerm)


@pytest.fixture
def open_around_the_clock(demo_data: None) -> None:
    """The demo data, its schedules widened from office hours (the tests may run at any hour),
    and one of its clinics free and without ID required (the demo data are random: which
    services have which attributes changes with the generator)."""
    from django.db.models import Q

    from solidarity.directory.models import Attribute, Schedule, TaxonomyTerm
    from solidarity.directory.search.index import reindex
    from solidarity.directory.selectors import public_services

    Schedule.objects.update(
        byday="MO,TU,WE,TH,FR,SA,SU", opens_at=datetime.time(0, 0), closes_at=datetime.time(23, 59)
    )
    health = Q(taxonomy_terms__code="health") | Q(taxonomy_terms__parent__code="health")
    clinic = public_services().filter(health).order_by("pk").first()
    assert clinic is not None, "the demo data have no public health service"
    for code in ["free", "no-id-required"]:
        term = TaxonomyTerm.objects.exclude(taxonomy__code="categories").get(code=code)
        Attribute.objects.get_or_create(service=clinic, taxonomy_term=term)
    reindex([clinic.pk])
