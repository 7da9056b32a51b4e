"""A wrong passphrase opens nothing, and repeated guesses lock the vault for that organizer."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from solidarity.vault.services import TooManyAttempts, WrongPassphrase, unwrap_keyring, vault_unlock


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def test_a_wrong_passphrase_raises(organizer):
    with pytest.raises(WrongPassphrase):
        unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrasE")


def test_the_right_passphrase_gives_the_campaign_key(organizer):
    keyring = unwrap_keyring(organizer=organizer, passphrase="ana's vault passphrase")

    assert len(keyring) == 1
    assert all(len(private) == 32 for private in keyring.values())


def test_five_wrong_passphrases_lock_even_the_right_one_out(organizer):
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            vault_unlock(organizer=organizer, passphrase="guess")

    with pytest.raises(TooManyAttempts):
        vault_unlock(organizer=organizer, passphrase="ana's vault passphrase")


def test_the_unlock_page_says_when_it_is_locked_out(organizer_client):
    for _ in range(5):
        organizer_client.post(reverse("vault:unlock"), {"passphrase": "guess"})

    response = organizer_client.post(
        reverse("vault:unlock"), {"passphrase": "ana's vault passphrase"}
    )

    assert response.status_code == 400
    assert "Too many wrong passphrases" in response.content.decode()
