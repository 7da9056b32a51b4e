"""Whatever a person types comes back intact for an unlocked organizer, and only for them."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nacl.exceptions import CryptoError

from solidarity.vault.services import (
    VaultLocked,
    open_json,
    open_text,
    seal_json,
    seal_text,
    unwrap_keyring,
)

PASSPHRASE = "ana's vault passphrase"
fixture_ok = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def keyring(organizer):
    return unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)


@fixture_ok
@given(text=st.text(max_size=2000))
def test_any_text_round_trips(keyring, text):
    assert open_text(seal_text(text), keyring=keyring) == text


@fixture_ok
@given(text=st.text(min_size=12, max_size=500))
def test_the_sealed_bytes_never_contain_the_text(keyring, text):
    assert text.encode() not in seal_text(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=50),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


@fixture_ok
@given(value=st.dictionaries(st.text(max_size=20), json_values, max_size=6))
def test_any_json_object_round_trips(keyring, value):
    assert open_json(seal_json(value), keyring=keyring) == value


def test_sealing_the_same_text_twice_gives_different_ciphertexts(organizer):
    assert seal_text("Maria") != seal_text("Maria")


def test_an_empty_keyring_opens_nothing(organizer):
    with pytest.raises(VaultLocked):
        open_text(seal_text("Maria"), keyring={})


def test_a_tampered_value_does_not_open(keyring):
    blob = bytearray(seal_text("Maria"))
    blob[-1] ^= 1

    with pytest.raises(CryptoError):
        open_text(bytes(blob), keyring=keyring)


def test_a_wrong_private_key_does_not_open(keyring):
    blob = seal_text("Maria")
    wrong = {key_id: bytes(32) for key_id in keyring}

    with pytest.raises(CryptoError):
        open_text(blob, keyring=wrong)
