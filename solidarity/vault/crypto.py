"""The vault's cryptography, on PyNaCl (libsodium). Pure functions; no Django.

- Personal data is sealed to a campaign X25519 public key (SealedBox): the server can seal
  without being able to open.
- The campaign private key exists at rest only wrapped: encrypted with SecretBox under a key
  derived from a passphrase with Argon2id (or under a random recovery key).
"""

from dataclasses import dataclass

import nacl.bindings
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, SealedBox

KDF = nacl.pwhash.argon2id
# libsodium's "moderate" limits: about 0.5 s and 256 MiB on this class of machine.
OPS_LIMIT = KDF.OPSLIMIT_MODERATE
MEM_LIMIT = KDF.MEMLIMIT_MODERATE


@dataclass(frozen=True)
class WrappedSecret:
    salt: bytes
    ciphertext: bytes
    ops_limit: int
    mem_limit: int


def new_keypair() -> PrivateKey:
    return PrivateKey.generate()


def seal(public_key: bytes, plaintext: bytes) -> bytes:
    """`SealedBox(PublicKey(public_key)).encrypt(plaintext)`: the same libsodium call
    (`crypto_box_seal`, a new ephemeral key pair inside each call), which checks the key's
    type and length as `PublicKey` does, without building the two wrapper objects."""
    return nacl.bindings.crypto_box_seal(plaintext, public_key)


def unseal(private_key: bytes, ciphertext: bytes) -> bytes:
    return SealedBox(PrivateKey(private_key)).decrypt(ciphertext)


def derive_key(passphrase: str, salt: bytes, ops_limit: int, mem_limit: int) -> bytes:
    return KDF.kdf(
        nacl.secret.SecretBox.KEY_SIZE,
        passphrase.encode("utf-8"),
        salt,
        opslimit=ops_limit,
        memlimit=mem_limit,
    )


def wrap(
    secret: bytes, passphrase: str, *, ops_limit: int = OPS_LIMIT, mem_limit: int = MEM_LIMIT
) -> WrappedSecret:
    salt = nacl.utils.random(KDF.SALTBYTES)
    key = derive_key(passphrase, salt, ops_limit, mem_limit)
    return WrappedSecret(salt, nacl.secret.SecretBox(key).encrypt(secret), ops_limit, mem_limit)


def unwrap(wrapped: WrappedSecret, passphrase: str) -> bytes:
    """Raises nacl.exceptions.CryptoError on a wrong passphrase."""
    key = derive_key(passphrase, wrapped.salt, wrapped.ops_limit, wrapped.mem_limit)
    return nacl.secret.SecretBox(key).decrypt(wrapped.ciphertext)


def secretbox_encrypt(key: bytes, plaintext: bytes) -> bytes:
    """`SecretBox(key).encrypt(plaintext)`: a random nonce, then the nonce and the ciphertext
    (the same libsodium call, which checks the key and nonce lengths as `SecretBox` does)."""
    nonce = nacl.utils.random(nacl.secret.SecretBox.NONCE_SIZE)
    return nonce + nacl.bindings.crypto_secretbox_easy(plaintext, nonce, key)


def secretbox_decrypt(key: bytes, ciphertext: bytes) -> bytes:
    return nacl.secret.SecretBox(key).decrypt(ciphertext)


def random_key() -> bytes:
    return nacl.utils.random(nacl.secret.SecretBox.KEY_SIZE)
