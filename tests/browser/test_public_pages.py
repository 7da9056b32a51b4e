"""The pages that exist for everyone, in every language: accessible, light, first-party only."""

import pytest

from tests.browser.support import (
    assert_accessible,
    assert_first_paint_is_light,
    assert_no_console_errors,
    assert_no_third_party_requests,
    assert_page_weight_under,
    visit,
)

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "es", "ar"]
PAGES = [
    "/{lang}/",
    "/{lang}/cities/montreal/",
    "/{lang}/cities/montreal/declaration/",
    "/{lang}/privacy/",
]


def check(page, javascript):
    assert_no_third_party_requests(page)
    assert_page_weight_under(page, 30 * 1024)
    assert_first_paint_is_light(page)
    assert_no_console_errors(page)
    if javascript:
        # Without JavaScript these pages have the same DOM: axe runs once, with scripts on.
        assert_accessible(page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_is_accessible_light_and_first_party(page, javascript, city, lang):
    for path in PAGES:
        visit(page, path.format(lang=lang))
        check(page, javascript)
        assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_is_a_translated_accessible_404(page, javascript, city, lang):
    visit(page, f"/{lang}/no-such-page/", status=404)
    check(page, javascript)
    assert page.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_arabic_reads_right_to_left_and_the_others_left_to_right(page, city, lang):
    visit(page, f"/{lang}/cities/montreal/declaration/")
    expected = "rtl" if lang == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == expected
    direction = page.evaluate("() => getComputedStyle(document.body).direction")
    assert direction == expected


def test_the_skip_link_is_the_first_stop_and_takes_the_keyboard_to_the_content(page, city):
    visit(page, "/en/cities/montreal/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["skip-link", "#main"]
    assert page.locator(".skip-link").is_visible(), "a focused skip link must be visible"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
