"""Who holds the campaign keys: init, unlock, grant, revoke, rotate, recover.

A campaign private key is sealed to each holder's public key (an organizer's, or the recovery
key's), so granting access or rotating never needs another organizer's passphrase.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django_otp.plugins.otp_totp.models import TOTPDevice
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey

from solidarity.organizers.services import audit_log
from solidarity.vault import crypto
from solidarity.vault.models import CampaignKey, OrganizerKey, RecoveryKey, WrappedKey
from solidarity.vault.sealing import (
    VaultLocked,
    format_recovery_key,
    parse_recovery_key,
)


class WrongPassphrase(PermissionError):
    """The passphrase (or recovery key) does not open this organizer's key."""


class NoOrganizerKey(LookupError):
    """This organizer has not chosen a vault passphrase yet."""


@dataclass(frozen=True)
class InitResult:
    campaign_key: CampaignKey
    recovery_key: str  # empty when the new key was sealed to an existing recovery key


def kdf_limits() -> dict[str, int]:
    return {"ops_limit": settings.VAULT_KDF_OPS_LIMIT, "mem_limit": settings.VAULT_KDF_MEM_LIMIT}


def organizer_key_set(*, user: Any, passphrase: str) -> OrganizerKey:
    """Gives an organizer a new key pair under their passphrase. Any keys sealed to a previous
    pair can no longer be opened, so they are deleted: someone must grant access again."""
    private = crypto.new_keypair()
    wrapped = crypto.wrap(bytes(private), passphrase, **kdf_limits())
    WrappedKey.objects.filter(holder=user).delete()
    key, _created = OrganizerKey.objects.update_or_create(
        user=user,
        defaults={
            "public_key": bytes(private.public_key),
            "salt": wrapped.salt,
            "ciphertext": wrapped.ciphertext,
            "ops_limit": wrapped.ops_limit,
            "mem_limit": wrapped.mem_limit,
        },
    )
    return key


def organizer_private_key(*, user: Any, passphrase: str) -> bytes:
    key = OrganizerKey.objects.filter(user=user).first()
    if key is None:
        raise NoOrganizerKey("No vault passphrase chosen yet.")
    wrapped = crypto.WrappedSecret(
        bytes(key.salt), bytes(key.ciphertext), key.ops_limit, key.mem_limit
    )
    try:
        return crypto.unwrap(wrapped, passphrase)
    except CryptoError:
        raise WrongPassphrase("Wrong passphrase.") from None


def unwrap_keyring(*, organizer: Any, passphrase: str) -> dict[int, bytes]:
    """{campaign key id: private key} for every active key this organizer holds."""
    private = organizer_private_key(user=organizer, passphrase=passphrase)
    wraps = WrappedKey.objects.filter(holder=organizer, campaign_key__is_active=True)
    return {w.campaign_key_id: crypto.unseal(private, bytes(w.ciphertext)) for w in wraps}


def _wrap(key: CampaignKey, private: bytes, *, holder: Any = None, recovery: Any = None) -> None:
    public = holder.vault_key.public_key if holder is not None else recovery.public_key
    WrappedKey.objects.create(
        campaign_key=key,
        holder=holder,
        recovery_key=recovery,
        ciphertext=crypto.seal(bytes(public), private),
    )


def _recovery_key() -> tuple[RecoveryKey, str]:
    """The active recovery key, or a new one with its printable private half (shown once)."""
    existing = RecoveryKey.objects.filter(is_active=True).first()
    if existing is not None:
        return existing, ""
    private = crypto.new_keypair()
    created = RecoveryKey.objects.create(public_key=bytes(private.public_key))
    return created, format_recovery_key(bytes(private))


@transaction.atomic
def vault_init(*, organizer: Any, passphrase: str, city_id: int | None = None) -> InitResult:
    """Creates a campaign key pair held by one organizer and by the recovery key."""
    scope = {"city_id": city_id} if city_id else {"city__isnull": True}
    if CampaignKey.objects.filter(is_active=True, **scope).exists():
        raise ValueError("This campaign already has an active key.")
    if OrganizerKey.objects.filter(user=organizer).exists():
        organizer_private_key(user=organizer, passphrase=passphrase)  # checks the passphrase
    else:
        organizer_key_set(user=organizer, passphrase=passphrase)
    private = bytes(crypto.new_keypair())
    key = CampaignKey.objects.create(city_id=city_id, public_key=_public_of(private))
    _wrap(key, private, holder=organizer)
    recovery, recovery_text = _recovery_key()
    _wrap(key, private, recovery=recovery)
    audit_log(actor=organizer, action="vault_init", target=key, city_id=city_id)
    return InitResult(campaign_key=key, recovery_key=recovery_text)


def _public_of(private: bytes) -> bytes:
    return bytes(PrivateKey(private).public_key)


@transaction.atomic
def vault_grant(*, granter: Any, keyring: dict[int, bytes], organizer: Any) -> int:
    """Seals every active campaign key the granter holds to the organizer's public key."""
    if not OrganizerKey.objects.filter(user=organizer).exists():
        raise NoOrganizerKey("This organizer has not chosen a vault passphrase yet.")
    from solidarity.organizers.selectors import organizer_cities

    # A city organizer gets the campaign-wide key and their own cities' keys, not others'.
    scope = Q(city__isnull=True) | Q(city__in=organizer_cities(organizer))
    granted = 0
    for key in CampaignKey.objects.filter(scope, pk__in=keyring, is_active=True):
        if not WrappedKey.objects.filter(campaign_key=key, holder=organizer).exists():
            _wrap(key, keyring[key.pk], holder=organizer)
            granted += 1
    audit_log(actor=granter, action="vault_grant", target=organizer, detail=f"{granted} keys")
    return granted


@transaction.atomic
def vault_revoke(*, revoker: Any, organizer: Any) -> None:
    """Removes an organizer: their sealed keys, key pair, second factors and staff status."""
    if organizer.pk == revoker.pk:
        raise ValueError("Organizers cannot revoke themselves.")
    WrappedKey.objects.filter(holder=organizer).delete()
    OrganizerKey.objects.filter(user=organizer).delete()
    TOTPDevice.objects.filter(user=organizer).delete()
    organizer.is_staff = False
    organizer.is_superuser = False
    organizer.set_unusable_password()  # also ends every session they have open
    organizer.save()
    audit_log(actor=revoker, action="vault_revoke", target=organizer)


def recovery_keyring(*, recovery_key: str) -> dict[int, bytes]:
    """Opens every active campaign key with the printed recovery key."""
    try:
        private = parse_recovery_key(recovery_key)
        public = _public_of(private)
    except (ValueError, TypeError, CryptoError):
        raise WrongPassphrase("This is not a recovery key.") from None
    wraps = WrappedKey.objects.filter(
        recovery_key__public_key=public, recovery_key__is_active=True, campaign_key__is_active=True
    )
    keyring = {w.campaign_key_id: crypto.unseal(private, bytes(w.ciphertext)) for w in wraps}
    if not keyring:
        raise WrongPassphrase("This recovery key opens no active campaign key.")
    return keyring


@transaction.atomic
def vault_recover(*, recovery_key: str, organizer: Any, passphrase: str) -> int:
    """Gives an organizer a new passphrase and every key the recovery key opens."""
    keyring = recovery_keyring(recovery_key=recovery_key)
    organizer_key_set(user=organizer, passphrase=passphrase)
    organizer.vault_key.refresh_from_db()
    for key in CampaignKey.objects.filter(pk__in=keyring):
        _wrap(key, keyring[key.pk], holder=organizer)
    audit_log(actor=None, action="vault_recover", target=organizer, detail=f"{len(keyring)} keys")
    return len(keyring)


@transaction.atomic
def vault_replace_recovery_key(*, actor: Any, keyring: dict[int, bytes]) -> str:
    """A new recovery key for a lost or exposed one: every active campaign key is sealed to the
    new key and the old key's copies are deleted, so the old printed key opens nothing from now
    on. Needs every active campaign key in `keyring` (all cities'), or nothing changes. Returns
    the new key's printable private half, to show once."""
    active = list(CampaignKey.objects.select_for_update().filter(is_active=True))
    missing = [key for key in active if key.pk not in keyring]
    if not active or missing:
        raise VaultLocked(
            "Every active campaign key is needed; missing: "
            + (", ".join(str(key) for key in missing) or "no active key")
        )
    old = list(RecoveryKey.objects.filter(is_active=True))
    WrappedKey.objects.filter(recovery_key__in=old).delete()
    RecoveryKey.objects.filter(pk__in=[key.pk for key in old]).update(is_active=False)
    private = crypto.new_keypair()
    recovery = RecoveryKey.objects.create(public_key=bytes(private.public_key))
    for key in active:
        _wrap(key, keyring[key.pk], recovery=recovery)
    audit_log(actor=actor, action="vault_recovery_replace", target=recovery)
    return format_recovery_key(bytes(private))


def require_key(keyring: dict[int, bytes], key: CampaignKey) -> bytes:
    if key.pk not in keyring:
        raise VaultLocked("You do not hold this campaign key.")
    return keyring[key.pk]


class TooManyAttempts(PermissionError):
    """Too many wrong passphrases for this organizer lately."""


def vault_unlock(*, organizer: Any, passphrase: str) -> dict[int, bytes]:
    """The organizer's keyring, with lockout after repeated wrong passphrases. Audited."""
    from solidarity.accounts.lockout import clear_failures, is_locked_out, record_failure

    name = str(organizer.pk)
    if is_locked_out(scope="vault", name=name):
        raise TooManyAttempts("Too many wrong passphrases; try again later.")
    try:
        keyring = unwrap_keyring(organizer=organizer, passphrase=passphrase)
    except WrongPassphrase:
        record_failure(scope="vault", name=name)
        audit_log(actor=organizer, action="vault_unlock_failed", target=organizer)
        raise
    clear_failures(scope="vault", name=name)
    audit_log(
        actor=organizer, action="vault_unlock", target=organizer, detail=f"{len(keyring)} keys"
    )
    return keyring


@transaction.atomic
def vault_passphrase_choose(*, organizer: Any, passphrase: str) -> OrganizerKey:
    key = organizer_key_set(user=organizer, passphrase=passphrase)
    audit_log(actor=organizer, action="vault_passphrase_set", target=organizer)
    return key
