"""An organization endorses, confirms from the e-mail link; an organizer logs in with the second
factor, unlocks the vault and verifies it; the organization appears publicly; its representative
logs in by magic link and adds a service; the organizer approves it (the city reviews new
listings) and it shows up in search."""

import re
from urllib.parse import quote

import pytest
from django.core import mail

from tests.browser.people import organizer_opens
from tests.browser.support import assert_accessible, assert_sound_page, settle, visit

pytestmark = pytest.mark.browser

ORGANIZATION = "Centre communautaire Parc-Extension"
CONTACT = "coordination@parc-ex.example"
SERVICE = "Parc-Ex evening legal clinic"


def link_in_last_mail(to: str, pattern: str) -> str:
    bodies = [str(m.body) for m in mail.outbox if to in m.to]
    assert bodies, f"no e-mail to {to}"
    match = re.search(rf"https?://[^/\s]+(/\S*{pattern}\S*)", bodies[-1])
    assert match, bodies[-1]
    return match.group(1)


def endorse(page) -> None:
    visit(page, "/en/endorse/")
    assert_sound_page(page)
    page.get_by_label("Name of the organization").fill(ORGANIZATION)
    page.locator("select[name=sector]").select_option(index=1)
    page.locator("input[name=provides_services][value=yes]").check()
    for box in page.locator("input[name=commitments]").all():
        box.check()
    page.locator("input[name=supports_status_for_all]").check()
    page.locator("input[name=decision_method]").first.check()
    page.locator("input[name=decided_month]").fill("2026-10")
    page.get_by_label("Contact person's name").fill("Nadia")
    page.get_by_label("Role in the organization").fill("Coordinator")
    page.get_by_label("Contact e-mail").fill(CONTACT)
    page.get_by_label("Contact e-mail").press("Enter")
    page.wait_for_url(re.compile(r"/endorse/(thanks|received)/"))
    settle(page)
    assert_sound_page(page)


def confirm_by_email(page, javascript) -> None:
    """With JavaScript the proof of work lets the confirmation e-mail go at once. Without it
    the endorsement waits for an organizer and no e-mail is sent (solidarity.lib.pow)."""
    if not javascript:
        assert not any(CONTACT in m.to for m in mail.outbox)
        return
    visit(page, link_in_last_mail(CONTACT, "/endorse/confirm/"))
    assert_sound_page(page)


def test_an_endorsement_goes_from_the_form_to_the_public_list_and_its_service_to_search(
    page, javascript, new_tab, city, organizer
):
    endorse(page)
    confirm_by_email(page, javascript)

    staff = new_tab()
    organizer_opens(staff, organizer, "/en/endorsements/review/")
    staff.get_by_role("link", name=ORGANIZATION).click()
    with staff.expect_navigation():
        staff.get_by_role("button", name="Verify and invite the contact as representative").click()

    visit(page, "/en/endorsers/")
    assert_sound_page(page)
    assert page.get_by_text(ORGANIZATION).first.is_visible()

    # The e-mailed link only shows a button (mail scanners must not use it up).
    visit(page, link_in_last_mail(CONTACT, "/accounts/"))
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()
    settle(page)
    # Signed in as the representative: the listings dashboard is theirs.
    visit(page, "/en/services/manage/")
    assert_sound_page(page)
    assert page.get_by_text(ORGANIZATION).first.is_visible()
    add_service(page)

    # The city reviews new listings (the default): the organizer approves it.
    visit(staff, "/en/services/review/")
    assert_accessible(staff)  # the queue and the review policy form: organizers use them too
    card = staff.locator("li.card", has_text=SERVICE)
    with staff.expect_navigation():
        card.get_by_role("button", name="Approve").click()
    assert staff.get_by_text("Listing approved.").is_visible()
    visit(staff, "/en/services/review/outdated/")
    assert_accessible(staff)
    assert staff.get_by_text("No listing has unhandled reports.").is_visible()

    # (The search and service pages pass axe and the budgets in the find-help journey.)
    visit(page, "/en/services/?q=" + quote("Parc-Ex evening legal"))
    result = page.locator("ol.results a", has_text=SERVICE)
    assert result.count() == 1, "the approved service does not show up in search"
    with page.expect_navigation():
        result.click()
    settle(page)
    assert page.locator("main h1").inner_text().strip() == SERVICE
    assert page.get_by_text(ORGANIZATION).first.is_visible()


def add_service(page) -> None:
    """The representative adds a service, which waits for review and is not public yet."""
    with page.expect_navigation():
        page.get_by_role("link", name="Add a service").click()
    settle(page)
    assert_sound_page(page)
    page.locator("input[name=name_en]").fill(SERVICE)
    page.locator("textarea[name=description_en]").fill(
        "Free legal advice on Tuesday evenings, with interpreters. No appointment needed."
    )
    page.locator("input[name=categories]").first.check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    settle(page)
    assert page.get_by_text("will appear once an organizer has reviewed it").is_visible()
    assert page.locator("main td", has_text=SERVICE).is_visible()

    visit(page, "/en/services/?q=" + quote("Parc-Ex evening legal"))
    assert page.locator("ol.results a", has_text=SERVICE).count() == 0, "public before review"
