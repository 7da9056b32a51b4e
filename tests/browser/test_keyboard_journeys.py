"""Every public journey completed with the keyboard alone (Tab, Shift+Tab, Enter, Space,
typing), with JavaScript on and off, on a phone: the skip link works, the focus is visible at
every stop, a refused form's error summary leads to the field concerned, and what was typed
before the refusal is still there."""

import re

import pytest

from tests.browser.keyboard import (
    choose,
    follow_error_summary,
    pick,
    press_and_follow,
    skip_to_content,
    tab_to,
    tick,
    type_in,
)
from tests.browser.support import visit

pytestmark = pytest.mark.browser


def value_of(page, selector: str) -> str:
    return page.locator(selector).input_value()


def test_find_help_by_keyboard_in_arabic(page, open_around_the_clock):
    visit(page, "/ar/services/")
    skip_to_content(page)
    choose(page, "select[name=category]", value="health")
    tab_to(page, "details.more-filters > summary")
    page.keyboard.press("Enter")
    tick(page, "input[name=open_now]")
    tick(page, "input[name=attributes][value=free]")
    tab_to(page, "form[role=search] button[type=submit]")
    press_and_follow(page)
    assert re.search(r"category=health.*open_now=on", page.url), page.url

    skip_to_content(page)
    tab_to(page, "ol.results a")
    name = page.evaluate("() => document.activeElement.textContent").strip()
    press_and_follow(page)
    assert re.search(r"/ar/services/[0-9a-f-]{36}/$", page.url), page.url
    assert page.locator("main h1").inner_text().strip() == name
    skip_to_content(page)


def test_endorse_by_keyboard(page, city, organizer):
    visit(page, "/en/endorse/")
    skip_to_content(page)
    type_in(page, "#id_organization_name", "Cuisine collective Hochelaga")
    sector = page.locator("#id_sector option").nth(1).get_attribute("value")
    choose(page, "#id_sector", value=sector)
    pick(page, "provides_services", "yes")
    commitments = page.locator("input[name=commitments]").evaluate_all(
        "boxes => boxes.map(b => b.value)"
    )
    for commitment in commitments:
        tick(page, f"input[name=commitments][value='{commitment}']")
    tick(page, "#id_supports_status_for_all")
    first_method = page.locator("input[name=decision_method]").first.get_attribute("value")
    pick(page, "decision_method", first_method)
    tab_to(page, "#id_decided_month")
    page.keyboard.type("10")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    type_in(page, "#id_contact_name", "Lucie")
    type_in(page, "#id_contact_role", "Secretary")
    # The contact e-mail forgotten: the form comes back with it as the only error.
    tab_to(page, "main form button[type=submit]")
    press_and_follow(page)
    assert page.locator(".error-summary").is_visible()
    assert value_of(page, "#id_organization_name") == "Cuisine collective Hochelaga"
    assert value_of(page, "#id_decided_month") == "2026-10"
    assert page.locator("input[name=commitments]:checked").count() == len(commitments)

    follow_error_summary(page, "#id_contact_email")
    page.keyboard.type("cuisine@hochelaga.example")
    press_and_follow(page)
    assert re.search(r"/endorse/(thanks|received)/", page.url), page.locator("main").inner_text()


def test_report_and_follow_up_by_keyboard(page, city, organizer):
    visit(page, "/en/report/")
    skip_to_content(page)
    type_in(page, "#id_organization_name", "Clinique du Quartier")
    choose(page, "#id_city", label="Montreal")
    tick(page, "input[name=commitments]")
    type_in(page, "#id_narrative", "The receptionist asked for my papers.")
    # Enter in a text field would press the form's first button, the organization search:
    # the person goes on to the send button.
    tab_to(page, "main form button[type=submit]:not([name=find])")
    press_and_follow(page)
    receipt = page.locator(".receipt strong").inner_text().strip()
    assert len(re.sub(r"\D", "", receipt)) == 16

    skip_to_content(page)
    tab_to(page, "main a[href$='/report/follow-up/']")
    press_and_follow(page)
    skip_to_content(page)
    type_in(page, "#id_receipt", receipt)
    press_and_follow(page)
    assert page.get_by_text("The receptionist asked for my papers.").first.is_visible()


def test_volunteer_by_keyboard(page, city, organizer):
    visit(page, "/en/get-involved/")
    skip_to_content(page)
    type_in(page, "#id_name", "Samira")
    type_in(page, "#id_contact", "signal: samira.42")
    tick(page, "input[name=languages]")
    # How to help forgotten: the error summary leads back to it.
    tab_to(page, "main form button[type=submit]")
    press_and_follow(page)
    assert value_of(page, "#id_name") == "Samira"
    assert value_of(page, "#id_contact") == "signal: samira.42"

    follow_error_summary(page, "input[name=ways_to_help]")
    page.keyboard.press("Space")
    # Back up with Shift+Tab to check the contact typed before, then on to the send button.
    tab_to(page, "#id_contact", backwards=True)
    assert page.evaluate("() => document.activeElement.value") == "signal: samira.42"
    tab_to(page, "main form button[type=submit]")
    press_and_follow(page)
    # (A redirect keeps the fragment of the address it answers: #id_ways_to_help.)
    assert "/get-involved/thanks/" in page.url, page.locator("main").inner_text()
