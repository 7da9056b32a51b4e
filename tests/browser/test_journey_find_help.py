"""A person searches in Arabic, on a phone, for a free clinic with no ID required that is open
now, opens it and prints it."""

import re

import pytest

from tests.browser.support import assert_sound_page, settle, visit

pytestmark = pytest.mark.browser

SERVICE_LINK = re.compile(r"^/ar/services/[0-9a-f-]{36}/$")


def test_a_person_finds_a_free_clinic_with_no_id_open_now_in_arabic_and_prints_it(
    page, open_around_the_clock
):
    visit(page, "/ar/services/")
    assert_sound_page(page)
    search = page.locator("form:has(select[name=category])")
    search.locator("select[name=category]").select_option("health")
    search.locator("details.more-filters > summary").click()
    search.locator("input[name=attributes][value=free]").check()
    search.locator("input[name=attributes][value=no-id-required]").check()
    search.locator("input[name=open_now]").check()
    search.locator("input[name=q]").press("Enter")
    page.wait_for_url(re.compile(r"open_now=on"))
    settle(page)
    assert_sound_page(page)
    assert page.locator("html").get_attribute("dir") == "rtl"

    hrefs = page.locator("main a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    services = [h for h in hrefs if h and SERVICE_LINK.match(h)]
    assert services, "the search found no free clinic without ID open now"
    visit(page, services[0])
    assert_sound_page(page)
    name = page.locator("main h1").inner_text()

    page.emulate_media(media="print")
    assert page.locator("main h1").is_visible()
    assert not page.locator("nav.main-nav").is_visible(), "the menu should not be printed"
    pdf = page.pdf(width="80mm", height="200mm")
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000
    assert name.strip()
