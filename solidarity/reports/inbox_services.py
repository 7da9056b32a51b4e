"""Organizers' writes on reports. Each runs in one transaction with its audit row; audit rows
name the report and the action, never what the reporter or an organizer wrote."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.services import endorsement_suspend
from solidarity.organizers.services import audit_log
from solidarity.reports.models import Message, Note, Report
from solidarity.reports.services import OpenReport
from solidarity.vault import crypto
from solidarity.vault.services import open_bytes, seal_text

Status = Report.Status
TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.CONTACTING, Status.RESTORED, Status.UNFOUNDED},
    Status.CONTACTING: {Status.NEW, Status.RESTORED, Status.UNFOUNDED},
    Status.RESTORED: {Status.CONTACTING},
    Status.SUSPENDED: {Status.CONTACTING},
    Status.UNFOUNDED: {Status.CONTACTING},
}


class TransitionNotAllowed(ValueError):
    pass


def report_open_for_organizer(*, report: Report, keyring: dict[int, bytes]) -> OpenReport:
    """Opens the report's private key with the organizer's campaign keyring.
    Raises VaultLocked when the keyring does not hold the campaign key it is sealed to."""
    private_key = open_bytes(bytes(report.private_key_sealed or b""), keyring=keyring)
    return OpenReport(report, private_key)


def report_reply(*, report: Report, organizer: Any, body: str) -> Message:
    with transaction.atomic():
        message = Message.objects.create(
            report=report,
            author=Message.Author.ORGANIZERS,
            sent_by=organizer,
            body=crypto.seal(bytes(report.public_key), body.encode("utf-8")),
            sent_on=timezone.localdate(),
        )
        audit_log(actor=organizer, action="report.replied", target=report, city_id=report.city_id)
    return message


def report_note_add(*, report: Report, organizer: Any, body: str) -> Note:
    with transaction.atomic():
        note = Note.objects.create(
            report=report,
            written_by=organizer,
            body=seal_text(body, city_id=report.city_id),
            written_on=timezone.localdate(),
        )
        audit_log(actor=organizer, action="report.noted", target=report, city_id=report.city_id)
    return note


def report_transition(*, report: Report, organizer: Any, status: str) -> Report:
    if status not in TRANSITIONS.get(report.status, set()):
        raise TransitionNotAllowed(status)
    with transaction.atomic():
        _set_status(report, status)
        audit_log(
            actor=organizer,
            action="report.status",
            target=report,
            city_id=report.city_id,
            detail=status,
        )
    return report


def _set_status(report: Report, status: str) -> None:
    report.status = status
    report.closed_on = timezone.localdate() if report.is_closed else None
    report.save(update_fields=["status", "closed_on"])


def report_assign(*, report: Report, organizer: Any, assignee: Any) -> Report:
    with transaction.atomic():
        report.assigned_to = assignee
        report.save(update_fields=["assigned_to"])
        detail = assignee.get_username() if assignee else ""
        audit_log(
            actor=organizer,
            action="report.assigned",
            target=report,
            city_id=report.city_id,
            detail=detail,
        )
    return report


def report_suspend_endorsement(*, report: Report, organizer: Any, public_reason: str) -> int:
    """Suspends the reported organization's verified endorsements (through the endorsements
    service, so its public page says "suspended" with the public reason) and closes the report
    as "endorsement suspended". Returns how many endorsements changed."""
    if report.organization_id is None:
        raise TransitionNotAllowed("no organization in the list to suspend")
    with transaction.atomic():
        verified = Endorsement.objects.filter(
            organization_id=report.organization_id, status=Endorsement.Status.VERIFIED
        )
        suspended = [
            endorsement_suspend(endorsement=endorsement, actor=organizer, reason=public_reason)
            for endorsement in verified
        ]
        _set_status(report, Status.SUSPENDED)
        audit_log(
            actor=organizer,
            action="report.status",
            target=report,
            city_id=report.city_id,
            detail=Status.SUSPENDED,
        )
    return len(suspended)
