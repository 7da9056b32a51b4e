"""Hostile input to the vault's forms gets a clear 4xx, never a 500, never an echo of markup."""

import pytest
from django.urls import reverse

HOSTILE = [
    {"passphrase": "x" * 100_000},
    {"passphrase": "ana's vault\x00passphrase"},
    {"passphrase": ["a", "b"]},
    {"passphrase": "<script>alert(1)</script>"},
    {},
]


@pytest.mark.parametrize("data", HOSTILE)
def test_the_unlock_form_answers_hostile_input_with_400(organizer_client, data):
    response = organizer_client.post(reverse("vault:unlock"), data)

    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_unlocking_never_sends_to_another_site(organizer_client, next_url):
    response = organizer_client.post(
        reverse("vault:unlock"), {"passphrase": "ana's vault passphrase", "next": next_url}
    )

    assert response["Location"] == reverse("organizers:dashboard")


@pytest.mark.parametrize(
    "data", [{"username": "x\x00y"}, {"username": "a" * 100_000}, {"cities": ["nope"]}]
)
def test_the_invitation_form_answers_hostile_input_with_400(unlocked_client, data):
    assert unlocked_client.post(reverse("vault:access"), data).status_code == 400


@pytest.mark.parametrize("user_id", ["999999"])
def test_granting_or_revoking_an_unknown_user_is_404(unlocked_client, user_id):
    assert unlocked_client.post(f"/en/vault/access/{user_id}/grant/").status_code == 404
    assert unlocked_client.post(f"/en/vault/access/{user_id}/revoke/").status_code == 404
