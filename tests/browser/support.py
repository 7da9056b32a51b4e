"""What the browser tests measure: each page view's network log, axe-core, the budgets.

A page's network log comes from the browser itself (Chrome DevTools Protocol): every request's
URL and the bytes that crossed the wire for it (`encodedDataLength`: headers plus the body as
sent, compressed when the server compressed it). A page view starts at each main-frame document
request, so the weight of a page is what the browser fetched for the page it shows now.
"""

import datetime
import os
import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from playwright.sync_api import ConsoleMessage, Error, Page

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe tags each rule with the versions it belongs to).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_BUDGET = 30 * 1024
LOCAL_SCHEMES = {"data", "blob", "about"}


@dataclass
class Request:
    url: str
    kind: str
    bytes: int = 0
    done: bool = False


@dataclass
class NetworkLog:
    """Everything a page asked for, and the requests of the page view it shows now."""

    origin: str
    javascript: bool
    urls: list[str] = field(default_factory=list)
    view: dict[str, Request] = field(default_factory=dict)
    console_errors: list[str] = field(default_factory=list)
    document_status: int = 200

    def on_request(self, event: dict[str, Any]) -> None:
        request_id, url = event["requestId"], event["request"]["url"]
        self.urls.append(url)
        if event.get("redirectResponse") and request_id in self.view:
            # The same id goes on after a redirect: count the hop, then follow it.
            self.view[request_id].bytes += int(event["redirectResponse"]["encodedDataLength"])
        if event.get("type") == "Document" and not event.get("redirectResponse"):
            self.view = {}
        self.view[request_id] = Request(url=url, kind=event.get("type", ""))

    def on_finished(self, event: dict[str, Any]) -> None:
        request = self.view.get(event["requestId"])
        if request:
            request.bytes = int(event["encodedDataLength"])
            request.done = True

    def on_failed(self, event: dict[str, Any]) -> None:
        request = self.view.get(event["requestId"])
        if request:
            request.done = True

    @property
    def pending(self) -> list[Request]:
        # The browser fetches the favicon on its own schedule and may never finish or cancel it;
        # its bytes still count when it does finish.
        return [
            r
            for r in self.view.values()
            if not r.done and not _is_local(r.url) and not r.url.endswith("/favicon.svg")
        ]

    @property
    def weight(self) -> int:
        return sum(r.bytes for r in self.view.values())


_LOGS: "weakref.WeakKeyDictionary[Page, NetworkLog]" = weakref.WeakKeyDictionary()


def record_network(page: Page, origin: str, *, javascript: bool) -> NetworkLog:
    log = NetworkLog(origin=origin, javascript=javascript)
    cdp = page.context.new_cdp_session(page)
    cdp.on("Network.requestWillBeSent", log.on_request)
    cdp.on("Network.loadingFinished", log.on_finished)
    cdp.on("Network.loadingFailed", log.on_failed)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    # Playwright sees requests the DevTools domain may not (workers, prefetches).
    page.on("request", lambda request: log.urls.append(request.url))

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(message.text)

    def on_page_error(error: Error) -> None:
        log.console_errors.append(str(error))

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    _LOGS[page] = log
    return log


def network_log(page: Page) -> NetworkLog:
    return _LOGS[page]


def settle(page: Page, timeout_ms: int = 5000) -> None:
    """Wait until every request of the current page view has finished or failed."""
    log = network_log(page)
    waited = 0
    while log.pending and waited < timeout_ms:
        page.wait_for_timeout(20)
        waited += 20
    assert not log.pending, f"requests still loading: {[r.url for r in log.pending]}"


def visit(page: Page, path: str, *, status: int = 200) -> None:
    log = network_log(page)
    log.console_errors.clear()
    log.document_status = status
    response = page.goto(log.origin + path)
    assert response is not None
    assert response.status == status, f"{path} answered {response.status}, not {status}"
    settle(page)


def _is_local(url: str) -> bool:
    return urlsplit(url).scheme in LOCAL_SCHEMES


def third_party_requests(page: Page) -> list[str]:
    log = network_log(page)
    return [u for u in log.urls if not _is_local(u) and not u.startswith(log.origin + "/")]


def assert_no_third_party_requests(page: Page) -> None:
    assert third_party_requests(page) == [], "a request left for another origin"


def assert_page_weight_under(page: Page, budget: int = PAGE_BUDGET) -> None:
    settle(page)
    log = network_log(page)
    record_weight(page.url, log.weight, javascript=log.javascript)
    detail = {r.url.removeprefix(log.origin): r.bytes for r in log.view.values()}
    assert 0 < log.weight <= budget, f"{page.url}: {log.weight} bytes > {budget}: {detail}"


# DESIGN.md §7: "usable at first paint on a slow 3G profile". What decides the first paint is
# what blocks it: the HTML and the stylesheets. Kept within TCP's initial window (10 segments
# of 1,460 bytes), they arrive in the first round trips even on slow 3G; scripts must never
# block it (they are deferred, and the page works without them).
FIRST_PAINT_BUDGET = 14 * 1024


def assert_first_paint_is_light(page: Page, budget: int = FIRST_PAINT_BUDGET) -> None:
    """Only our stylesheets block rendering, and with the HTML they weigh at most `budget`
    (compressed), as Chromium's Resource Timing reports them."""
    if not network_log(page).javascript:
        return  # the Performance API is read by a script; the same page is checked with one
    settle(page)
    timing = page.evaluate(
        """() => ({
            html: performance.getEntriesByType('navigation')[0].encodedBodySize,
            blocking: performance.getEntriesByType('resource')
                .filter(e => e.renderBlockingStatus === 'blocking')
                .map(e => [e.name, e.initiatorType, e.encodedBodySize]),
        })"""
    )
    origin = network_log(page).origin
    blocking = {name.removeprefix(origin): (kind, size) for name, kind, size in timing["blocking"]}
    scripts = [name for name, (kind, _size) in blocking.items() if not name.endswith(".css")]
    assert scripts == [], f"{page.url}: render-blocking resources other than CSS: {blocking}"
    assert all(name.startswith("/static/") for name in blocking), blocking
    critical = timing["html"] + sum(size for _kind, size in blocking.values())
    assert 0 < critical <= budget, f"{page.url}: {critical} bytes block the first paint"


def assert_no_console_errors(page: Page) -> None:
    """Content-Security-Policy refusals (inline scripts, style attributes) show up here."""
    log = network_log(page)
    errors = log.console_errors
    if log.document_status >= 400:
        # The browser reports the page's own error status (a 404 asked for) in the console.
        errors = [e for e in errors if not e.startswith("Failed to load resource")]
    assert errors == [], page.url


def run_axe(page: Page) -> list[dict[str, Any]]:
    """The WCAG 2.2 A/AA violations axe-core finds on the page as it is now.

    axe-core is JavaScript and needs timers, which never fire where scripts are off; a page
    without JavaScript is checked as a copy of its DOM (same URL, same styles) in a tab with
    JavaScript on whose own scripts are blocked.
    """
    if not network_log(page).javascript:
        return _run_axe_on_copy(page)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary),
            }));
        }""",
        WCAG_TAGS,
    )


def _run_axe_on_copy(page: Page) -> list[dict[str, Any]]:
    html, url = page.content(), page.url
    browser = page.context.browser
    assert browser is not None
    context = browser.new_context(viewport=page.viewport_size, java_script_enabled=True)
    try:
        copy = context.new_page()
        copy.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        copy.route("**/*.js", lambda route: route.abort())
        copy.goto(url)
        record_network(copy, network_log(page).origin, javascript=True)
        return run_axe(copy)
    finally:
        context.close()


def assert_accessible(page: Page) -> None:
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {violations}"


def assert_sound_page(page: Page, budget: int = PAGE_BUDGET) -> None:
    """The checks every public page passes: budgets, no third party, no CSP refusal, axe."""
    assert_no_third_party_requests(page)
    assert_page_weight_under(page, budget)
    assert_first_paint_is_light(page)
    assert_no_console_errors(page)
    assert_accessible(page)


# Recording the weights measured, for docs/page-weights.md: opt-in, in a run without -n
# (each process has its own record):
#     RECORD_PAGE_WEIGHTS=docs/page-weights.md .venv/bin/pytest tests/browser -m browser
RECORD_ENV = "RECORD_PAGE_WEIGHTS"
LANGUAGES = ["en", "fr", "es", "ar"]
# The largest weight of each address (language left out) in each language, JS on and off.
WEIGHTS: dict[str, dict[tuple[str, bool], int]] = {}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TOKEN = re.compile(r"/[A-Za-z0-9_:-]{20,}/")


def record_weight(url: str, weight: int, *, javascript: bool) -> None:
    if not os.environ.get(RECORD_ENV):
        return
    parts = urlsplit(url)
    lang, _, rest = parts.path.lstrip("/").partition("/")
    address = "/{lang}/" + rest
    if lang not in LANGUAGES:
        lang, address = "", parts.path
    address = _TOKEN.sub("/…/", _UUID.sub("…", address))
    query = urlencode(parse_qsl(parts.query))  # the empty fields of a GET form left out
    if query:
        address += "?" + query
    cell = (lang, javascript)
    row = WEIGHTS.setdefault(address, {})
    row[cell] = max(row.get(cell, 0), weight)


def write_page_weights(path: Path) -> None:
    """The table of docs/page-weights.md: bytes over the wire per page view, as measured."""

    def kb(weight: int | None) -> str:
        return "—" if weight is None else f"{weight / 1024:.1f}"

    lines = [
        "# Page weights",
        "",
        "What a phone downloads for each page the browser tests visit: every request of the page",
        "view, headers included, bodies as sent (compressed), measured by Chromium itself",
        "(`encodedDataLength`, see `tests/browser/support.py`). The budget is "
        f"{PAGE_BUDGET // 1024} KB per page;",
        "the tests fail above it. Figures in KB (1024 bytes), the largest view of each address",
        "in that language; `—` where the tests do not visit it.",
        "",
        "First paint: on every page checked with JavaScript on, only our stylesheets block",
        "rendering (Chromium's `renderBlockingStatus`), and the HTML with them weighs at most",
        f"{FIRST_PAINT_BUDGET // 1024} KB compressed (TCP's initial window), so a phone on slow 3G",
        "paints the content in its first round trips; scripts are deferred and only enhance.",
        "",
        f"Recorded {datetime.date.today().isoformat()} by the browser tests with",
        f"`{RECORD_ENV}=docs/page-weights.md .venv/bin/pytest tests/browser -m browser`",
        "(not rewritten by CI). `…` stands for an identifier or a token.",
        "",
        "| page | " + " | ".join(LANGUAGES) + " | without JavaScript (largest) | of budget |",
        "|---|" + "---:|" * (len(LANGUAGES) + 2),
    ]
    for address in sorted(WEIGHTS):
        row = WEIGHTS[address]

        def largest(cells: list[tuple[str, bool]], row=row) -> int | None:
            found = [row[c] for c in cells if c in row]
            return max(found) if found else None

        by_lang = [largest([(lang, True), (lang, False)]) for lang in LANGUAGES]
        no_js = largest([(lang, False) for lang in ["", *LANGUAGES]])
        top = max(row.values())
        cells = [kb(w) for w in by_lang] + [kb(no_js), f"{100 * top / PAGE_BUDGET:.0f} %"]
        lines.append(f"| `{address.replace('|', '%7C')}` | " + " | ".join(cells) + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
