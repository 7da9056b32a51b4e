"""A person reports a broken pledge, keeps the receipt, an organizer replies, and the person
reads the reply with the receipt."""

import pytest

from tests.browser.people import organizer_opens
from tests.browser.support import assert_sound_page, settle, visit

pytestmark = pytest.mark.browser

REPLY = "We called the clinic's director; they apologised and retrained the front desk."


def test_a_reporter_reads_the_organizers_reply_with_the_receipt(page, new_tab, city, organizer):
    visit(page, "/en/report/")
    assert_sound_page(page)
    form = page.locator("form:has(textarea[name=narrative])")
    form.locator("input[name=organization_name]").fill("Clinique du Quartier")
    form.locator("select[name=city]").select_option(label="Montreal")
    form.locator("input[name=commitments]").first.check()
    form.locator("textarea[name=narrative]").fill("The receptionist asked for my papers.")
    page.get_by_role("button", name="Send the report").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".receipt")
    settle(page)
    assert_sound_page(page)
    receipt = page.locator(".receipt strong").inner_text().strip()
    assert len(receipt) >= 10

    organizer_page = new_tab()
    organizer_opens(organizer_page, organizer, "/en/organizers/reports/")
    organizer_page.locator("main td a[href*='/organizers/reports/']").first.click()
    organizer_page.locator("textarea[name=reply]").fill(REPLY)
    with organizer_page.expect_navigation():
        organizer_page.get_by_role("button", name="Send the reply").click()

    visit(page, "/en/report/follow-up/")
    assert_sound_page(page)
    page.get_by_label("Your receipt").fill(receipt)
    page.get_by_label("Your receipt").press("Enter")
    page.wait_for_selector(f"text={REPLY}")
    settle(page)
    assert_sound_page(page)
