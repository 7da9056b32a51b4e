"""A volunteer signs up on a phone, and an organizer sees it once the vault is unlocked."""

import pytest

from tests.browser.people import organizer_opens
from tests.browser.support import assert_sound_page, visit

pytestmark = pytest.mark.browser


def test_a_volunteer_signs_up_and_an_organizer_sees_it(page, browser, new_tab, city, organizer):
    visit(page, "/en/get-involved/")
    assert_sound_page(page)
    page.get_by_label("Name or alias").fill("Samira")
    page.get_by_label("How can we reach you?").fill("signal: samira.42")
    page.locator("input[name=ways_to_help]").first.check()
    page.locator("input[name=languages]").first.check()
    page.get_by_label("Name or alias").press("Enter")
    page.wait_for_url("**/get-involved/thanks/")
    assert_sound_page(page)

    organizer_page = new_tab()
    organizer_opens(organizer_page, organizer, "/en/organizers/volunteers/")
    assert organizer_page.get_by_text("Samira").first.is_visible()
    assert organizer_page.get_by_text("signal: samira.42").first.is_visible()
