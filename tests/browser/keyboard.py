"""A person who uses only the keyboard: Tab and Shift+Tab, Enter, Space, typing.

Every stop of the focus is checked on the way: the focused element shows a focus indicator
(`:focus-visible` with an outline or a shadow), is on screen, and is not inside something hidden
from assistive technology (a honeypot field, say).
"""

from typing import Any

from playwright.sync_api import Page

from tests.browser.support import settle

FOCUS = """(selector) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) {
        return {matches: false, what: 'nothing', shown: true, hidden: false};
    }
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
        && box.top < innerHeight && box.left < innerWidth;
    // Date and month fields have parts of their own (month, year, the picker button) that the
    // browser focuses and outlines inside the field; the page's styles cannot reach them.
    const ownParts = el.matches('input[type=month], input[type=date], input[type=time], '
        + 'input[type=week], input[type=datetime-local]');
    return {
        matches: selector ? el.matches(selector) : false,
        what: el.outerHTML.slice(0, 160) + ` (focus-visible: ${el.matches(':focus-visible')}, `
            + `outline: ${style.outlineStyle} ${style.outlineWidth}, shadow: ${style.boxShadow}, `
            + `box: ${Math.round(box.top)},${Math.round(box.left)} ${Math.round(box.width)}x`
            + `${Math.round(box.height)})`,
        shown: (ownParts || el.matches(':focus-visible') && (outline || shadow)) && onScreen,
        hidden: el.closest('[aria-hidden=true], [hidden]') !== null,
    };
}"""


def focus_state(page: Page, selector: str = "") -> dict[str, Any]:
    return page.evaluate(FOCUS, selector)


def assert_focus_shown(state: dict[str, Any]) -> None:
    assert state["shown"], f"the focus is not visible on {state['what']}"
    assert not state["hidden"], f"the focus went into a hidden element: {state['what']}"


def tab_to(page: Page, selector: str, *, backwards: bool = False, limit: int = 120) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`, checking that
    every element on the way shows its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page, selector)
        assert_focus_shown(state)
        if state["matches"]:
            return
    raise AssertionError(f"{limit} presses of {key} never reached {selector} on {page.url}")


def type_in(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def choose(page: Page, selector: str, *, value: str | None = None, label: str = "") -> None:
    """Tab to a <select> and move to an option with the arrow keys, as a keyboard user does
    (typing the label works only with letters the keyboard has)."""
    tab_to(page, selector)
    steps = page.evaluate(
        """([sel, value, label]) => {
            const select = document.querySelector(sel);
            const index = [...select.options]
                .findIndex(o => value === null ? o.label === label : o.value === value);
            return index < 0 ? null : index - select.selectedIndex;
        }""",
        [selector, value, label],
    )
    assert steps is not None, f"no option {value or label!r} in {selector}"
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    chosen = page.evaluate(
        "(sel) => { const s = document.querySelector(sel); return [s.value, s.selectedOptions[0].label]; }",
        selector,
    )
    assert value in (None, chosen[0]), f"{selector}: {chosen}"
    assert label in ("", chosen[1]), f"{selector}: {chosen}"


def pick(page: Page, name: str, value: str) -> None:
    """Tab into a group of radio buttons and move to one with the arrow keys (which check it);
    Space checks the first one when none was."""
    tab_to(page, f"input[type=radio][name={name}]")
    for _ in range(20):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
        assert_focus_shown(focus_state(page))
    page.keyboard.press("Space")
    checked = page.evaluate(f"() => document.querySelector('input[name={name}]:checked').value")
    assert checked == value, f"{name}: {checked} is checked, not {value}"


def tick(page: Page, selector: str) -> None:
    """Tab to a checkbox or a radio button and press Space."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.evaluate("(sel) => document.querySelector(sel).checked", selector), selector


def skip_to_content(page: Page) -> None:
    """The first Tab of a page shows the skip link; Enter takes the focus into <main>."""
    page.keyboard.press("Tab")
    state = focus_state(page, "a.skip-link[href='#main']")
    assert state["matches"], f"the first Tab went to {state['what']}"
    assert_focus_shown(state)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"


def press_and_follow(page: Page, key: str = "Enter", *, timeout: float = 30_000) -> None:
    """Press a key that sends a form or follows a link, and wait for the next page."""
    with page.expect_navigation(timeout=timeout):
        page.keyboard.press(key)
    settle(page)


def follow_error_summary(page: Page, field: str) -> None:
    """After a refused form, the error summary's first link is among the first stops of the
    keyboard (past the skip link when the page starts at the top; a form sent from a page
    reached through the skip link comes back at #main) and its Enter takes the focus to the
    field concerned, or to its group: the next Tab then lands on the group's first control."""
    page.keyboard.press("Tab")
    if focus_state(page, "a.skip-link")["matches"]:
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
    state = focus_state(page, ".error-summary a")
    assert state["matches"], f"the error summary is not the first stop: {state['what']}"
    assert_focus_shown(state)
    target = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert page.evaluate("(id) => document.getElementById(id) !== null", target[1:]), (
        f"the error summary links to {target}, which is not on the page"
    )
    page.keyboard.press("Enter")
    if not page.evaluate("(sel) => document.activeElement.matches(sel)", field):
        tab_to(page, field, limit=1)
