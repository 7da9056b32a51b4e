"""axe-core on every public page and on every public form, empty and refused, in every UI
language; every page also keeps to the budgets."""

import pytest
from django.utils import translation

from tests.browser.support import (
    assert_first_paint_is_light,
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
# A field of each main form that the person fills before sending it incomplete, and one of the
# messages the refusal must give (in the page's language).
REQUIRED = "This field is required."
TYPED = {
    "endorse/": ("organization_name", "Cuisine collective Hochelaga", REQUIRED),
    "report/": ("narrative", "On m'a demandé mes papiers.", "Choose the city where it happened."),
    "get-involved/": ("name", "Samira", REQUIRED),
    "contact/": ("name", "Comité logement", REQUIRED),
}
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
        assert_first_paint_is_light(page)
        failures[path] = check(page)
    assert {p: f for p, f in failures.items() if f} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_form_passes_axe_empty_and_with_its_errors(page, city, lang):
    """Each form keeps to the budgets and passes axe; sent nearly empty (past the browser's own
    checks), the server's refusal passes axe too, speaks the page's language and keeps what the
    person had typed. The same for a refused search."""
    failures = {}
    for path in FORMS:
        visit(page, f"/{lang}/{path}")
        assert_no_third_party_requests(page)
        assert_page_weight_under(page)
        failures[path] = check(page)
        typed = TYPED.get(path)
        if typed:
            page.locator(f"main form [name={typed[0]}]").fill(typed[1])
        with page.expect_navigation():
            page.locator("main form[method=post]").last.evaluate(
                "form => HTMLFormElement.prototype.submit.call(form)"
            )
        settle(page)
        assert page.locator("[aria-invalid=true], .errorlist, .error-summary").count() > 0, path
        failures[path + " (errors)"] = check(page)
        if typed:
            assert_refusal_in(page, lang, translated(lang, typed[2]))
            kept = page.locator(f"main form [name={typed[0]}]").input_value()
            assert kept == typed[1], f"{path}: what was typed is lost"

    # The search form refuses a kind of help that does not exist.
    visit(page, f"/{lang}/services/?q=clinique&category=no-such-kind", status=400)
    failures["services/ (errors)"] = check(page)
    message = translated(
        lang, "Select a valid choice. %(value)s is not one of the available choices."
    )
    assert_refusal_in(page, lang, message % {"value": "no-such-kind"})
    assert page.locator("main form[role=search] [name=q]").input_value() == "clinique"
    assert {p: f for p, f in failures.items() if f} == {}


def translated(lang, message):
    with translation.override(lang):
        text = translation.gettext(message)
    if lang != "en":
        assert text != message, f"{message!r} has no {lang} translation"
    return text


def assert_refusal_in(page, lang, message):
    """The page is in `lang`, and so is its error summary (heading and the message given)."""
    assert page.locator("html").get_attribute("lang") == lang
    summary = page.locator(".error-summary")
    assert summary.count() == 1, page.url
    text = summary.inner_text()
    heading = translated(lang, "Please correct the following")
    assert heading in text or translated(lang, "Please correct the following:") in text, text
    assert message in text, f"{page.url}: {message!r} not in {text!r}"


def check(page):
    return [{"id": v["id"], "nodes": v["nodes"][:3]} for v in run_axe(page)]
