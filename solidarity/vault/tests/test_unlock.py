"""An organizer unlocks the vault with their passphrase; a wrong one opens nothing."""

from django.urls import reverse

from solidarity.organizers.models import AuditEntry
from solidarity.vault.services import open_text, seal_text
from solidarity.vault.session import cookie_name, keyring_for


def test_the_right_passphrase_unlocks_and_returns_to_next(organizer_client):
    response = organizer_client.post(
        reverse("vault:unlock"),
        {"passphrase": "ana's vault passphrase", "next": "/en/organizers/audit/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/organizers/audit/"
    cookie = response.cookies[cookie_name()]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"


def test_an_unlocked_request_can_open_sealed_values(unlocked_client, rf):
    blob = seal_text("Maria, 514-555-0199")
    request = rf.get("/")
    request.session = unlocked_client.session
    request.COOKIES = {k: v.value for k, v in unlocked_client.cookies.items()}
    request.user = _user(unlocked_client)

    assert open_text(blob, keyring=keyring_for(request)) == "Maria, 514-555-0199"


def _user(client):
    from solidarity.accounts.models import User

    return User.objects.get(username="ana")


def test_a_wrong_passphrase_is_refused_and_audited(organizer_client):
    response = organizer_client.post(reverse("vault:unlock"), {"passphrase": "not the passphrase"})

    assert response.status_code == 400
    assert "does not open your vault" in response.content.decode()
    assert cookie_name() not in response.cookies
    assert AuditEntry.objects.filter(action="vault_unlock_failed").count() == 1


def test_an_unlocked_organizer_sees_the_lock_now_button(unlocked_client):
    response = unlocked_client.get(reverse("organizers:dashboard"))

    assert response.status_code == 200
    assert "Lock now" in response.content.decode()
