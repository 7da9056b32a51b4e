"""Rotating a campaign key: a new key pair, every sealed column re-sealed, the old private key
destroyed. Copies of old rows (backups, PostgreSQL dead tuples, WAL) become unreadable."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models, transaction

from solidarity.organizers.services import audit_log
from solidarity.vault import crypto
from solidarity.vault.fields import SealedField
from solidarity.vault.keys import _public_of, _wrap, require_key
from solidarity.vault.models import CampaignKey
from solidarity.vault.sealing import HEADER, seal_bytes_to, sealed_key_id

BATCH = 500


@dataclass(frozen=True)
class RotationResult:
    old_key: CampaignKey
    new_key: CampaignKey
    resealed: int


def sealed_columns() -> Iterator[tuple[type[models.Model], SealedField]]:
    """Every SealedField of every installed model."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, SealedField):
                yield model, field


def _reseal_column(
    model: type[models.Model], field: SealedField, *, old_id: int, old_private: bytes, new_key: Any
) -> int:
    rows = model._default_manager.exclude(**{field.attname: None}).only("pk", field.attname)
    batch, count = [], 0
    for row in rows.iterator(chunk_size=BATCH):
        blob = bytes(getattr(row, field.attname) or b"")
        if len(blob) < HEADER.size or sealed_key_id(blob) != old_id:
            continue
        plaintext = crypto.unseal(old_private, blob[HEADER.size :])
        setattr(row, field.attname, seal_bytes_to(new_key, plaintext))
        batch.append(row)
        count += 1
        if len(batch) >= BATCH:
            model._default_manager.bulk_update(batch, [field.attname])
            batch = []
    if batch:
        model._default_manager.bulk_update(batch, [field.attname])
    return count


@transaction.atomic
def vault_rotate(
    *, actor: Any, keyring: dict[int, bytes], city_id: int | None = None
) -> RotationResult:
    """Replaces the active campaign key of a scope (all cities, or one city)."""
    scope = {"city_id": city_id} if city_id else {"city__isnull": True}
    old = CampaignKey.objects.select_for_update().get(is_active=True, **scope)
    old_private = require_key(keyring, old)
    new_private = bytes(crypto.new_keypair())
    new = CampaignKey.objects.create(city_id=city_id, public_key=_public_of(new_private))
    for wrap in old.wraps.select_related("holder__vault_key", "recovery_key"):
        _wrap(new, new_private, holder=wrap.holder, recovery=wrap.recovery_key)
    resealed = sum(
        _reseal_column(model, field, old_id=old.pk, old_private=old_private, new_key=new)
        for model, field in sealed_columns()
    )
    old.is_active = False
    old.save(update_fields=["is_active"])
    old.wraps.all().delete()  # the old private key now exists nowhere: crypto-shredding
    detail = f"{resealed} values re-sealed"
    audit_log(actor=actor, action="vault_rotate", target=new, city_id=city_id, detail=detail)
    return RotationResult(old_key=old, new_key=new, resealed=resealed)
