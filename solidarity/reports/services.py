"""Writes for confidential reports: submission, the reporter's side, and shredding.

Organizers' actions (replies, notes, states, suspension) live in `inbox_services.py`.
Nothing here logs or raises with what a reporter wrote.
"""

import datetime
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from solidarity.cities.models import City
from solidarity.directory.models import Organization
from solidarity.organizers.services import audit_log
from solidarity.reports import receipts
from solidarity.reports.models import Message, Report
from solidarity.reports.tasks import notify_organizers
from solidarity.vault import crypto
from solidarity.vault.services import seal_bytes


@dataclass(frozen=True)
class Submission:
    report: Report
    receipt: str


@dataclass(frozen=True)
class OpenReport:
    """A report opened with its private key, held in memory for one request only."""

    report: Report
    private_key: bytes

    def content(self) -> dict[str, str]:
        if self.report.content is None:
            return {}
        plaintext = crypto.unseal(self.private_key, bytes(self.report.content))
        data: dict[str, str] = json.loads(plaintext)
        return data

    def conversation(self) -> list[tuple[Message, str]]:
        return [
            (message, crypto.unseal(self.private_key, bytes(message.body)).decode("utf-8"))
            for message in self.report.messages.all()
        ]


def report_submit(
    *,
    city: City,
    organization: Organization | None,
    organization_name: str,
    commitments: list[str],
    month: datetime.date,
    narrative: str,
    contact: str,
) -> Submission:
    """Seals and stores a report, then tells the city's organizers (and only that) it arrived."""
    receipt = receipts.new_receipt()
    private = crypto.new_keypair()
    public_key = bytes(private.public_key)
    ops_limit, mem_limit = receipts.kdf_limits()
    keys = receipts.derive_keys(receipt, ops_limit=ops_limit, mem_limit=mem_limit)
    content = {"narrative": narrative, "organization_name": organization_name, "contact": contact}
    with transaction.atomic():
        report = Report.objects.create(
            city=city,
            organization=organization,
            commitments=commitments,
            month=month.replace(day=1),
            public_key=public_key,
            content=crypto.seal(public_key, json.dumps(content).encode("utf-8")),
            private_key_sealed=seal_bytes(bytes(private), city_id=city.pk),
            private_key_wrapped=crypto.secretbox_encrypt(keys.wrap_key, bytes(private)),
            receipt_lookup=keys.lookup,
            receipt_ops_limit=ops_limit,
            receipt_mem_limit=mem_limit,
            received_on=timezone.localdate(),
        )
        transaction.on_commit(lambda: notify_organizers.enqueue(city_id=city.pk))
    return Submission(report=report, receipt=receipt)


def report_open_by_receipt(*, receipt_text: str) -> OpenReport | None:
    """The report a receipt opens, or None. Always costs at least one Argon2id computation,
    so a malformed or unknown receipt takes as long to refuse as a wrong one."""
    receipt = receipts.parse_receipt(receipt_text) or "0" * receipts.DIGITS
    for ops_limit, mem_limit in _receipt_cost_generations():
        keys = receipts.derive_keys(receipt, ops_limit=ops_limit, mem_limit=mem_limit)
        report = Report.objects.filter(receipt_lookup=keys.lookup, shredded_on=None).first()
        if report is not None and receipts.parse_receipt(receipt_text):
            wrapped = bytes(report.private_key_wrapped or b"")
            return OpenReport(report, crypto.secretbox_decrypt(keys.wrap_key, wrapped))
    return None


def _receipt_cost_generations() -> list[tuple[int, int]]:
    """Argon2id limits in use by live reports (more than one only after a settings change)."""
    current = receipts.kdf_limits()
    stored = (
        Report.objects.filter(shredded_on=None)
        .exclude(receipt_lookup=None)
        .values_list("receipt_ops_limit", "receipt_mem_limit")
        .distinct()
    )
    return [current, *(pair for pair in stored if pair != current)]


def report_add_reporter_message(*, report: Report, body: str) -> Message:
    return Message.objects.create(
        report=report,
        author=Message.Author.REPORTER,
        body=crypto.seal(bytes(report.public_key), body.encode("utf-8")),
        sent_on=timezone.localdate(),
    )


def report_shred(*, report: Report, today: datetime.date, actor: Any = None) -> None:
    """Crypto-shreds a report: both wrapped private keys, the sealed content, every message and
    note go. City, commitments, outcome and dates stay for the transparency counts."""
    with transaction.atomic():
        report.messages.all().delete()
        report.notes.all().delete()
        Report.objects.filter(pk=report.pk).update(
            content=None,
            private_key_sealed=None,
            private_key_wrapped=None,
            receipt_lookup=None,
            organization=None,
            assigned_to=None,
            shredded_on=today,
        )
        audit_log(actor=actor, action="report.shredded", target=report, city_id=report.city_id)
