"""axe-core on every public page and on every public form, empty and refused, in every UI
language; every page also keeps to the budgets."""

import pytest

from tests.browser.support import (
    assert_no_third_party_requests,
    assert_page_weight_under,
    run_axe,
    settle,
    visit,
)

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "es", "ar"]
PAGES = [
    "services/",
    "endorsers/",
    "report/transparency/",
    "status-for-all/",
    "actions/",
    "toolkit/",
    "open-data/",
    "open-data/api/",
]
FORMS = [
    "endorse/",
    "endorse/resend/",
    "report/",
    "report/follow-up/",
    "get-involved/",
    "contact/",
    "accounts/login/",
    "accounts/link/",
]


@pytest.fixture(params=[True], ids=["js"])
def javascript(request):
    """axe-core runs in the page; the no-JavaScript states are covered by the journeys."""
    return request.param


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_passes_axe_and_the_budgets(page, city, lang):
    failures = {}
    for path in PAGES:
        visit(page, f"/{lang}/{path}")
        assert_no_third_party_requests(page)
        assert_page_weight_under(page)
        failures[path] = check(page)
    assert {p: f for p, f in failures.items() if f} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_form_passes_axe_empty_and_with_its_errors(page, city, lang):
    failures = {}
    for path in FORMS:
        visit(page, f"/{lang}/{path}")
        failures[path] = check(page)
        # Sent empty, past the browser's own checks: the server's error state.
        with page.expect_navigation():
            page.locator("main form[method=post]").last.evaluate(
                "form => HTMLFormElement.prototype.submit.call(form)"
            )
        settle(page)
        assert page.locator("[aria-invalid=true], .errorlist, .error-summary").count() > 0, path
        failures[path + " (errors)"] = check(page)
    assert {p: f for p, f in failures.items() if f} == {}


def check(page):
    return [{"id": v["id"], "nodes": v["nodes"][:3]} for v in run_axe(page)]
