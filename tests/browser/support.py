"""What the browser tests measure: each page view's network log, axe-core, the budgets.

A page's network log comes from the browser itself (Chrome DevTools Protocol): every request's
URL and the bytes that crossed the wire for it (`encodedDataLength`: headers plus the body as
sent, compressed when the server compressed it). A page view starts at each main-frame document
request, so the weight of a page is what the browser fetched for the page it shows now.
"""

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page

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
    page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
    page.on("pageerror", lambda error: log.console_errors.append(str(error)))
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
    detail = {r.url.removeprefix(log.origin): r.bytes for r in log.view.values()}
    assert 0 < log.weight <= budget, f"{page.url}: {log.weight} bytes > {budget}: {detail}"


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
    assert_no_console_errors(page)
    assert_accessible(page)
