"""What the people in the journeys do that several journeys share."""

from django_otp.oath import totp
from playwright.sync_api import Page

from tests.browser.support import visit

ORGANIZER_PASSWORD = "a long organizer password"
ORGANIZER_PASSPHRASE = "ana's vault passphrase"


def current_code(organizer) -> str:
    device = organizer.totpdevice_set.get()
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def organizer_opens(page: Page, organizer, path: str) -> None:
    """An organizer asks for a staff page: logs in with the second factor, unlocks the vault
    and opens the page asked for."""
    visit(page, path)
    page.get_by_label("Username").fill(organizer.username)
    page.get_by_label("Password").fill(ORGANIZER_PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(current_code(organizer))
    with page.expect_navigation():
        page.get_by_label("Code from your authenticator app").press("Enter")
    if "/vault/unlock/" not in page.url:
        visit(page, "/en/vault/unlock/")
    page.get_by_label("Vault passphrase").fill(ORGANIZER_PASSPHRASE)
    with page.expect_navigation():
        page.get_by_label("Vault passphrase").press("Enter")
    visit(page, path)
