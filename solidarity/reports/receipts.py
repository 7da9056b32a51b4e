"""Receipts: 16 random digits that open a report's conversation. See docs/reports.md.

A receipt is stretched once with Argon2id; two independent keys come out of the result:
a look-up value (stored, to find the report) and the key that wraps the report's private key.
The Argon2id salt is derived from REPORT_RECEIPT_PEPPER instead of being random per report, so
that finding a report costs exactly one Argon2id computation per attempt — on the server for a
visitor and for anyone holding a copy of the database and the pepper. A random salt per report
would force the server to try every open report's salt on each attempt (a denial of service
waiting to happen) or to keep a cheaper index beside the hash, which guessing would then target.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings

from solidarity.vault import crypto

DIGITS = 16


@dataclass(frozen=True)
class ReceiptKeys:
    lookup: str
    wrap_key: bytes


def new_receipt() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(DIGITS))


def format_receipt(receipt: str) -> str:
    """Grouped like a phone number, so a note of it draws no attention: 0123 456 789 012 345."""
    return f"{receipt[:4]} {receipt[4:7]} {receipt[7:10]} {receipt[10:13]} {receipt[13:]}"


def parse_receipt(text: str) -> str | None:
    """The 16 digits of what a person typed (spaces, dashes and dots ignored), or None."""
    cleaned = "".join(ch for ch in text if ch not in " -.()+\u00a0")
    if len(cleaned) != DIGITS or not cleaned.isascii() or not cleaned.isdigit():
        return None
    return cleaned


def receipt_salt() -> bytes:
    pepper = settings.REPORT_RECEIPT_PEPPER.encode()
    return hmac.new(pepper, b"report-receipt-salt", hashlib.sha256).digest()[:16]


# Argon2id cost per receipt: about 0.4 s and 64 MiB on the 2-core reference machine. Lighter
# than an organizer's passphrase (a visitor waits for it, and each attempt holds the memory),
# yet 10^16 receipts at that price stay out of reach. Never more than the vault's own cost, so
# the cheap test settings apply here too.
DEFAULT_OPS_LIMIT = 2
DEFAULT_MEM_LIMIT = 64 * 1024 * 1024


def kdf_limits() -> tuple[int, int]:
    ops = min(DEFAULT_OPS_LIMIT, settings.VAULT_KDF_OPS_LIMIT)
    mem = min(DEFAULT_MEM_LIMIT, settings.VAULT_KDF_MEM_LIMIT)
    return (
        int(getattr(settings, "REPORT_RECEIPT_KDF_OPS_LIMIT", ops)),
        int(getattr(settings, "REPORT_RECEIPT_KDF_MEM_LIMIT", mem)),
    )


def derive_keys(receipt: str, *, ops_limit: int, mem_limit: int) -> ReceiptKeys:
    """One Argon2id computation, then two keyed BLAKE2b outputs that reveal nothing of each
    other: the stored look-up value cannot be turned into the wrapping key."""
    master = crypto.derive_key(receipt, receipt_salt(), ops_limit, mem_limit)
    pepper = hashlib.sha256(settings.REPORT_RECEIPT_PEPPER.encode()).digest()
    lookup = hashlib.blake2b(master, key=pepper, person=b"report-lookup", digest_size=32)
    wrap = hashlib.blake2b(master, key=pepper, person=b"report-wrap", digest_size=32)
    return ReceiptKeys(lookup=lookup.hexdigest(), wrap_key=wrap.digest())
