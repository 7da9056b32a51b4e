"""A process may remember the active campaign key's public half; what it seals to it is stored
only while that key is still the one to use, checked by the database in the same statement."""

from django.db import connection

from solidarity.vault import rotation
from solidarity.vault.services import (
    active_campaign_key,
    forget_campaign_keys,
    key_still_active_sql,
    remembered_campaign_key,
    unwrap_keyring,
    vault_init,
    vault_rotate,
)

PASSPHRASE = "ana's vault passphrase"


def still_active(key) -> bool:
    condition, params = key_still_active_sql(key, vendor=connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 WHERE {condition}", params)
        return cursor.fetchone() is not None


def test_the_remembered_key_is_the_active_one_until_another_process_rotates(organizer, city):
    forget_campaign_keys()
    key = remembered_campaign_key(city_id=city.pk)
    assert key.pk == active_campaign_key(city_id=city.pk).pk
    assert still_active(key)

    result = rotation.vault_rotate(
        actor=organizer, keyring=unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    )

    assert remembered_campaign_key(city_id=city.pk) == key  # not told: still remembered
    assert not still_active(key)
    forget_campaign_keys()
    assert remembered_campaign_key(city_id=city.pk).pk == result.new_key.pk


def test_rotating_in_this_process_forgets_at_once(organizer, city):
    forget_campaign_keys()  # what earlier tests left (their keys rolled back with them)
    old = remembered_campaign_key(city_id=city.pk)
    result = vault_rotate(
        actor=organizer, keyring=unwrap_keyring(organizer=organizer, passphrase=PASSPHRASE)
    )

    new = remembered_campaign_key(city_id=city.pk)
    assert new.pk == result.new_key.pk
    assert new.public_key != old.public_key


def test_the_all_cities_key_stops_serving_a_city_that_gets_its_own(
    organizer, city, django_user_model
):
    forget_campaign_keys()
    shared = remembered_campaign_key(city_id=city.pk)
    bea = django_user_model.objects.create_user(username="bea", password="x" * 20)

    own = vault_init(organizer=bea, passphrase=PASSPHRASE, city_id=city.pk).campaign_key

    assert not still_active(shared)
    assert still_active(remembered_campaign_key(city_id=None))  # other cities: still valid
    forget_campaign_keys()
    assert remembered_campaign_key(city_id=city.pk).pk == own.pk


def test_a_key_with_the_same_id_but_another_public_half_is_not_accepted(organizer, city):
    forget_campaign_keys()
    key = remembered_campaign_key(city_id=city.pk)
    forged = type(key)(key.pk, bytes(32), key.scope_city_id, key.for_city_id)

    assert still_active(key)
    assert not still_active(forged)
