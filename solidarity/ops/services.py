"""Sealed backups: a consistent snapshot encrypted to the campaign key, and its restoration."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone

from solidarity.lib.cache import content_changed
from solidarity.lib.generation_watch import notify_watches
from solidarity.ops import snapshot
from solidarity.ops.backup_format import (
    BackupError,
    Header,
    b64,
    campaign_private_key,
    read_header,
    read_sealed,
    stream_key_from,
    write_sealed,
)
from solidarity.ops.models import ContentGeneration
from solidarity.vault import crypto
from solidarity.vault.models import OrganizerKey, WrappedKey
from solidarity.vault.sealing import parse_recovery_key
from solidarity.vault.services import active_campaign_key

__all__ = ["BackupError", "BackupSummary", "backup_create", "backup_restore"]


@dataclass(frozen=True)
class BackupSummary:
    engine: str
    created_on: str
    campaign_key_id: int
    size: int


def backup_create(*, destination: BinaryIO) -> BackupSummary:
    """Writes a sealed snapshot of the whole database to `destination`."""
    key = active_campaign_key()
    stream_key = crypto.random_key()
    header = Header(
        engine=snapshot.engine(),
        created_on=timezone.localdate().isoformat(),
        campaign_key_id=key.pk,
        public_key=bytes(key.public_key),
        sealed_stream_key=crypto.seal(bytes(key.public_key), stream_key),
        wraps=[holder_record(wrap) for wrap in WrappedKey.objects.filter(campaign_key=key)],
    )
    size = write_sealed(destination, header=header, stream_key=stream_key, chunks=snapshot.dump())
    return BackupSummary(header.engine, header.created_on, key.pk, size)


def holder_record(wrap: WrappedKey) -> dict[str, Any]:
    record: dict[str, Any] = {"sealed_campaign_key": b64(bytes(wrap.ciphertext))}
    if wrap.recovery_key_id is not None:
        return {**record, "kind": "recovery"}
    key = OrganizerKey.objects.get(user=wrap.holder)
    return {
        **record,
        "kind": "organizer",
        "salt": b64(bytes(key.salt)),
        "ciphertext": b64(bytes(key.ciphertext)),
        "ops_limit": key.ops_limit,
        "mem_limit": key.mem_limit,
    }


def backup_restore(
    *, source: BinaryIO, passphrase: str | None = None, recovery_key: str | None = None
) -> BackupSummary:
    """Replaces the database with the backup's snapshot. Raises BackupError, leaving the database
    as it was, when the key is wrong or the file is damaged."""
    header, header_bytes = read_header(source)
    if header.engine != snapshot.engine():
        raise BackupError(f"This is a {header.engine} backup; the database is {snapshot.engine()}.")
    private_key = campaign_private_key(
        header, passphrase=passphrase, recovery_key=recovery_bytes(recovery_key)
    )
    stream_key = stream_key_from(header, private_key)
    size = 0

    def chunks() -> Iterator[bytes]:
        nonlocal size
        for chunk in read_sealed(source, header_bytes=header_bytes, stream_key=stream_key):
            size += len(chunk)
            yield chunk

    snapshot.load(chunks())
    everything_changed()
    return BackupSummary(header.engine, header.created_on, header.campaign_key_id, size)


def everything_changed() -> None:
    """After a restore no cached page or search may outlive the data it was made of: every
    generation moves on (every worker and app node misses its old entries) and, on PostgreSQL,
    every worker's watch reads them again, even if the restored schema predates its trigger."""
    with transaction.atomic():
        content_changed(*ContentGeneration.objects.values_list("scope", flat=True))
        notify_watches()
    cache.clear()
    caches["searches"].clear()


def recovery_bytes(recovery_key: str | None) -> bytes | None:
    if recovery_key is None:
        return None
    try:
        return parse_recovery_key(recovery_key)
    except (ValueError, TypeError) as error:
        raise BackupError("This recovery key is not well formed.") from error
