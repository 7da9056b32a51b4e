"""Sealing personal data on arrival, and keyed hashes for equality look-ups.

Every part of the code that receives personal data calls `seal_text` (or `seal_json`) before
it touches the database. Opening needs the campaign private key, which only an unlocked
organizer's session holds (see `vault.session.keyring_for`).
"""

import base64
import functools
import hashlib
import hmac
import json
import struct
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F

from solidarity.vault import crypto
from solidarity.vault.models import CampaignKey

MAGIC = b"SC1"
HEADER = struct.Struct(">3sI")  # magic, campaign key id


class VaultNotInitialized(RuntimeError):
    """No campaign key exists: run `solidarity-city vault init` first."""


class VaultLocked(PermissionError):
    """The caller holds no key that opens this value."""


def active_campaign_key(*, city_id: int | None = None) -> CampaignKey:
    """The city's own active key if it has one, else the active key for all cities (one query)."""
    keys = CampaignKey.objects.filter(is_active=True)
    if city_id:
        keys = keys.filter(models.Q(city_id=city_id) | models.Q(city__isnull=True))
        key = keys.order_by(F("city_id").asc(nulls_last=True), "pk").first()
    else:
        key = keys.filter(city__isnull=True).order_by("pk").first()
    if key is None:
        raise VaultNotInitialized("No campaign key: run `solidarity-city vault init`.")
    return key


@dataclass(frozen=True)
class RememberedKey:
    """The public half of the active campaign key for one city, as this process last saw it."""

    pk: int
    public_key: bytes
    scope_city_id: int | None  # the key's own scope: None when it serves all cities
    for_city_id: int | None  # the city whose data it seals


_remembered: dict[int | None, RememberedKey] = {}


def remembered_campaign_key(*, city_id: int | None = None) -> RememberedKey:
    """The active campaign key for `city_id`, looked up once per process.

    A remembered key may be out of date (rotated, or the city got its own key since): whoever
    stores a value sealed to it must store it only under `key_still_active_sql` and, when that
    stores nothing, call `forget_campaign_keys()` and seal again. Nothing sealed to an old key
    is ever stored that way, and no process needs to be told about a rotation."""
    key = _remembered.get(city_id)
    if key is None:
        found = active_campaign_key(city_id=city_id)
        key = RememberedKey(found.pk, bytes(found.public_key), found.city_id, city_id)
        _remembered[city_id] = key
    return key


def forget_campaign_keys() -> None:
    _remembered.clear()


def key_still_active_sql(key: RememberedKey, *, vendor: str) -> tuple[str, list[Any]]:
    """An SQL condition (and its parameters) true while `key` is still the key to seal its
    city's data to: the same key pair, active, and no key of the city's own created since.

    On PostgreSQL the condition also share-locks the key's row until the transaction ends, so
    a rotation (which locks that row FOR UPDATE first) either waits for the insert to commit and
    then re-seals it, or commits first and the condition is false. SQLite runs one writing
    transaction at a time, so the same holds there without a lock."""
    table = CampaignKey._meta.db_table
    lock = " FOR KEY SHARE" if vendor == "postgresql" else ""
    sql = f"EXISTS (SELECT 1 FROM {table} WHERE id = %s AND public_key = %s AND is_active{lock})"  # noqa: S608 - no input in it
    params: list[Any] = [key.pk, key.public_key]
    if key.scope_city_id is None and key.for_city_id:
        sql += f" AND NOT EXISTS (SELECT 1 FROM {table} WHERE city_id = %s AND is_active)"  # noqa: S608
        params.append(key.for_city_id)
    return sql, params


def seal_bytes(value: bytes, *, city_id: int | None = None) -> bytes:
    return seal_bytes_to(active_campaign_key(city_id=city_id), value)


def seal_text(value: str, *, city_id: int | None = None) -> bytes:
    return seal_bytes(value.encode("utf-8"), city_id=city_id)


def seal_json(value: dict[str, Any], *, city_id: int | None = None) -> bytes:
    return seal_bytes(json.dumps(value, ensure_ascii=False).encode("utf-8"), city_id=city_id)


def sealed_key_id(blob: bytes) -> int:
    blob = bytes(blob)
    if len(blob) < HEADER.size:
        raise ValueError("Not a sealed value")
    magic, key_id = HEADER.unpack_from(blob)
    if magic != MAGIC:
        raise ValueError("Not a sealed value")
    return int(key_id)


def open_bytes(blob: bytes, *, keyring: dict[int, bytes]) -> bytes:
    """Opens a sealed value with a keyring {campaign key id: private key} from an unlock."""
    blob = bytes(blob)
    private_key = keyring.get(sealed_key_id(blob))
    if private_key is None:
        raise VaultLocked("This value is sealed to a key you have not unlocked.")
    return crypto.unseal(private_key, blob[HEADER.size :])


def open_text(blob: bytes, *, keyring: dict[int, bytes]) -> str:
    return open_bytes(blob, keyring=keyring).decode("utf-8")


def open_json(blob: bytes, *, keyring: dict[int, bytes]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(open_bytes(blob, keyring=keyring))
    return result


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 under KEYED_HASH_SECRET, separated by purpose."""
    key = _purpose_key(settings.KEYED_HASH_SECRET, purpose)
    return hmac.digest(key, value.encode("utf-8"), "sha256").hex()


@functools.lru_cache(maxsize=32)
def _purpose_key(secret: str, purpose: str) -> bytes:
    """HMAC-SHA256(KEYED_HASH_SECRET, purpose): the key of one purpose, made once per secret."""
    return hmac.new(secret.encode(), purpose.encode(), hashlib.sha256).digest()


def normalize_email(email: str) -> str:
    return unicodedata.normalize("NFKC", email).strip().casefold()


def email_hash(email: str) -> str:
    return keyed_hash(normalize_email(email), purpose="email")


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def seal_bytes_to(key: CampaignKey | RememberedKey, value: bytes) -> bytes:
    """Seals to one given campaign key (rotation re-seals to the new key before it is active)."""
    return HEADER.pack(MAGIC, key.pk) + crypto.seal(bytes(key.public_key), value)
