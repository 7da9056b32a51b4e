"""The vault's public API: seal personal data on arrival, open it for unlocked organizers,
keyed hashes for equality look-ups, and key management (init, unlock, grant, revoke, rotate,
recover, replace the recovery key). Other apps import from here."""

from typing import Any

from django.db import transaction

from solidarity.vault import rotation
from solidarity.vault.keys import (
    InitResult,
    NoOrganizerKey,
    TooManyAttempts,
    WrongPassphrase,
    organizer_key_set,
    recovery_keyring,
    unwrap_keyring,
    vault_grant,
    vault_init,
    vault_passphrase_choose,
    vault_recover,
    vault_replace_recovery_key,
    vault_revoke,
    vault_unlock,
)
from solidarity.vault.rotation import RotationResult, sealed_columns
from solidarity.vault.sealing import (
    RememberedKey,
    VaultLocked,
    VaultNotInitialized,
    active_campaign_key,
    email_hash,
    forget_campaign_keys,
    key_still_active_sql,
    keyed_hash,
    normalize_email,
    open_bytes,
    open_json,
    open_text,
    remembered_campaign_key,
    seal_bytes,
    seal_bytes_to,
    seal_json,
    seal_text,
    sealed_key_id,
)


def vault_rotate(
    *, actor: Any, keyring: dict[int, bytes], city_id: int | None = None
) -> RotationResult:
    """Replaces the active campaign key of a scope (all cities, or one city). This process
    forgets the keys it remembered once the rotation commits; other processes find out from
    `key_still_active_sql` on their next insert."""
    result = rotation.vault_rotate(actor=actor, keyring=keyring, city_id=city_id)
    transaction.on_commit(forget_campaign_keys)
    forget_campaign_keys()
    return result


__all__ = [
    "InitResult",
    "NoOrganizerKey",
    "RememberedKey",
    "RotationResult",
    "TooManyAttempts",
    "VaultLocked",
    "VaultNotInitialized",
    "WrongPassphrase",
    "active_campaign_key",
    "email_hash",
    "forget_campaign_keys",
    "key_still_active_sql",
    "keyed_hash",
    "normalize_email",
    "open_bytes",
    "open_json",
    "open_text",
    "organizer_key_set",
    "recovery_keyring",
    "remembered_campaign_key",
    "seal_bytes",
    "seal_bytes_to",
    "seal_json",
    "seal_text",
    "sealed_columns",
    "sealed_key_id",
    "unwrap_keyring",
    "vault_grant",
    "vault_init",
    "vault_passphrase_choose",
    "vault_recover",
    "vault_replace_recovery_key",
    "vault_revoke",
    "vault_rotate",
    "vault_unlock",
]
