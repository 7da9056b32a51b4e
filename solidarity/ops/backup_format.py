"""The sealed backup file format: a stolen backup is ciphertext, like the database's sealed
columns, and opens only with an organizer's passphrase or the printed recovery key.

    b"SCBACKUP1\\n" | u32 header length | header (JSON) | secretstream header (24 bytes)
    | (u32 length | chunk)* — the last chunk tagged FINAL

The snapshot is encrypted in 1 MiB chunks with libsodium's secretstream (XChaCha20-Poly1305):
chunks cannot be reordered, dropped or truncated unnoticed, and a backup whose snapshot failed
half-way never gets its FINAL chunk. The random stream key is sealed to the campaign public key.

The header also carries the campaign key's holders exactly as the database holds them (each
organizer's key pair wrapped under an Argon2id-derived key, and the campaign private key sealed
to each organizer's and to the recovery public key), so a backup can be restored onto an empty
machine. They add nothing an attacker could not already read in the database itself.
"""

import base64
import json
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import nacl.bindings as sodium
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey

from solidarity.vault import crypto

MAGIC = b"SCBACKUP1\n"
LENGTH = struct.Struct(">I")
CHUNK = 1024 * 1024
MAX_HEADER = 64 * 1024
TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL


class BackupError(ValueError):
    """The file is not a sealed backup, is damaged or truncated, or the key does not open it."""


@dataclass(frozen=True)
class Header:
    engine: str
    created_on: str
    campaign_key_id: int
    public_key: bytes
    sealed_stream_key: bytes
    wraps: list[dict[str, Any]]

    def to_bytes(self) -> bytes:
        data = {
            "format": 1,
            "engine": self.engine,
            "created_on": self.created_on,
            "campaign_key_id": self.campaign_key_id,
            "public_key": b64(self.public_key),
            "sealed_stream_key": b64(self.sealed_stream_key),
            "wraps": self.wraps,
        }
        return json.dumps(data, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes) -> "Header":
        try:
            data = json.loads(raw)
            return cls(
                engine=data["engine"],
                created_on=data["created_on"],
                campaign_key_id=int(data["campaign_key_id"]),
                public_key=unb64(data["public_key"]),
                sealed_stream_key=unb64(data["sealed_stream_key"]),
                wraps=list(data["wraps"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BackupError("The backup header is damaged.") from error


def b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


def unb64(value: str) -> bytes:
    return base64.b64decode(value, validate=True)


def write_sealed(
    destination: BinaryIO, *, header: Header, stream_key: bytes, chunks: Iterable[bytes]
) -> int:
    """Writes the header and the encrypted chunks; returns the plaintext size."""
    header_bytes = header.to_bytes()
    destination.write(MAGIC + LENGTH.pack(len(header_bytes)) + header_bytes)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    destination.write(sodium.crypto_secretstream_xchacha20poly1305_init_push(state, stream_key))
    size = 0
    for chunk in rechunk(chunks):
        write_chunk(destination, state, chunk, TAG_MESSAGE, header_bytes)
        size += len(chunk)
    write_chunk(destination, state, b"", TAG_FINAL, header_bytes)
    return size


def write_chunk(destination: BinaryIO, state: Any, chunk: bytes, tag: int, ad: bytes) -> None:
    box = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag)
    destination.write(LENGTH.pack(len(box)) + box)


def rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    buffer = bytearray()
    for piece in chunks:
        buffer += piece
        while len(buffer) >= CHUNK:
            yield bytes(buffer[:CHUNK])
            del buffer[:CHUNK]
    if buffer:
        yield bytes(buffer)


def read_header(source: BinaryIO) -> tuple[Header, bytes]:
    if source.read(len(MAGIC)) != MAGIC:
        raise BackupError("This is not a Solidarity City backup.")
    (length,) = LENGTH.unpack(read_exactly(source, LENGTH.size))
    if length > MAX_HEADER:
        raise BackupError("The backup header is damaged.")
    raw = read_exactly(source, length)
    return Header.from_bytes(raw), raw


def read_exactly(source: BinaryIO, size: int) -> bytes:
    data = source.read(size)
    if len(data) != size:
        raise BackupError("The backup is truncated.")
    return data


def read_sealed(source: BinaryIO, *, header_bytes: bytes, stream_key: bytes) -> Iterator[bytes]:
    """Yields authenticated plaintext chunks; raises BackupError on any tampering or truncation."""
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream_header = read_exactly(source, sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES)
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header, stream_key)
    while True:
        (length,) = LENGTH.unpack(read_exactly(source, LENGTH.size))
        if length > CHUNK + sodium.crypto_secretstream_xchacha20poly1305_ABYTES:
            raise BackupError("The backup is damaged.")
        box = read_exactly(source, length)
        try:
            chunk, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, box, header_bytes)
        except CryptoError as error:
            raise BackupError("The backup is damaged or was altered.") from error
        if tag == TAG_FINAL:
            return
        yield chunk


def campaign_private_key(
    header: Header, *, passphrase: str | None = None, recovery_key: bytes | None = None
) -> bytes:
    """Opens the campaign private key with an organizer's passphrase or the recovery key."""
    for holder in header.wraps:
        private = try_open(holder, passphrase=passphrase, recovery_key=recovery_key)
        if private is not None and bytes(PrivateKey(private).public_key) == header.public_key:
            return private
    raise BackupError("This passphrase or recovery key does not open this backup.")


def try_open(
    holder: dict[str, Any], *, passphrase: str | None, recovery_key: bytes | None
) -> bytes | None:
    """A holder is an organizer (key pair wrapped under a passphrase) or the recovery key; the
    campaign private key is sealed to the holder's public key."""
    try:
        if holder["kind"] == "organizer" and passphrase is not None:
            wrapped = crypto.WrappedSecret(
                unb64(holder["salt"]),
                unb64(holder["ciphertext"]),
                int(holder["ops_limit"]),
                int(holder["mem_limit"]),
            )
            holder_private = crypto.unwrap(wrapped, passphrase)
        elif holder["kind"] == "recovery" and recovery_key is not None:
            holder_private = recovery_key
        else:
            return None
        return crypto.unseal(holder_private, unb64(holder["sealed_campaign_key"]))
    except (CryptoError, KeyError, ValueError, TypeError):
        return None


def stream_key_from(header: Header, private_key: bytes) -> bytes:
    try:
        return crypto.unseal(private_key, header.sealed_stream_key)
    except CryptoError as error:
        raise BackupError("This passphrase or recovery key does not open this backup.") from error
