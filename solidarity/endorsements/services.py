"""Writes for endorsements: submission, e-mail confirmation, moderation, withdrawal.

A submission never reveals whether the organization or the e-mail address already endorsed:
the caller gets the same answer, and the existing contact is e-mailed instead.
"""

import base64
import contextlib
import datetime
import functools
import hashlib
import hmac
import json
import secrets
import smtplib
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from solidarity.cities.models import City, Declaration
from solidarity.directory.models import Organization
from solidarity.endorsements import storage
from solidarity.endorsements.memo import Memo
from solidarity.endorsements.models import Endorsement
from solidarity.endorsements.selectors import bump_public_generation
from solidarity.endorsements.tasks import (
    open_address,
    queue_contact_email,
    queues_in_database,
    seal_address,
    send_waiting_confirmation,
)
from solidarity.lib.cache import content_changed
from solidarity.organizers.services import audit_log
from solidarity.vault.services import (
    RememberedKey,
    email_hash,
    forget_campaign_keys,
    key_still_active_sql,
    open_json,
    remembered_campaign_key,
    seal_bytes_to,
)

CONFIRM_SALT = "endorsements.confirm"
CONFIRM_MAX_AGE = datetime.timedelta(days=7)
Status = Endorsement.Status
ACTIVE = [Status.UNCONFIRMED, Status.AWAITING_REVIEW, Status.VERIFIED, Status.SUSPENDED]


class NoDeclaration(LookupError):
    """The city has no published declaration to endorse."""


class InvalidTransition(ValueError):
    """The endorsement is not in a state that allows this action."""


@dataclass(frozen=True)
class Submission:
    organization_name: str
    sector: str
    city: City
    website: str
    description: str
    provides_services: bool
    commitments: list[str]
    decision_method: str
    decided_month: datetime.date
    statement: str
    visibility: str
    contact: dict[str, str]  # name, role, email, phone: sealed on arrival
    submission_id: Any = None


def submission_from_form(data: dict[str, Any]) -> Submission:
    return Submission(
        organization_name=data["organization_name"],
        sector=data["sector"],
        city=data["city"],
        website=data.get("website") or "",
        description=data.get("description") or "",
        provides_services=data["provides_services"] == "yes",
        commitments=sorted(data.get("commitments") or []),
        decision_method=data["decision_method"],
        decided_month=data["decided_month"],
        statement=data.get("statement") or "",
        visibility=data["visibility"],
        contact={
            key: data.get(f"contact_{key}") or "" for key in ("name", "role", "email", "phone")
        },
        submission_id=data.get("submission_id"),
    )


# What json.dumps(value, ensure_ascii=False) uses, made once (json.dumps makes one per call
# when given an option).
_CONTACT_JSON = json.JSONEncoder(ensure_ascii=False)


def endorsement_submit(
    *, submission: Submission, proof_of_work: bool, language: str
) -> Endorsement | None:
    """Stores a new endorsement, or e-mails the existing contact of a duplicate (returns None).

    With proof-of-work the contact gets a confirmation link; without, no e-mail is sent (so a
    script cannot make us mail strangers) and the entry waits for an organizer.

    The surge path is one transaction of two INSERTs: the endorsement's row is written only if
    no endorsement of this form or active one with this address exists and the campaign key it
    is sealed to is still the active one (a single statement); its organization follows. The
    confirmation e-mail waits in the endorsement's row (`confirmation_envelope`) for the task
    worker, or is queued at once on any other task backend."""
    email = submission.contact["email"]
    hashed = email_hash(email)
    declaration = _current_declaration_id(submission.city)
    contact = _CONTACT_JSON.encode(submission.contact).encode("utf-8")
    envelope = seal_address(email) if proof_of_work else None
    random_slug = False
    for _attempt in range(5):
        key = remembered_campaign_key(city_id=submission.city.pk)
        try:
            endorsement = _store(
                submission,
                hashed,
                sealed=seal_bytes_to(key, contact),
                key=key,
                declaration=declaration,
                proof_of_work=proof_of_work,
                language=language,
                random_slug=random_slug,
                envelope=envelope,
            )
        except IntegrityError:
            # The same form stored by a concurrent request, or the organization's slug taken.
            sid = submission.submission_id
            if sid and Endorsement.objects.filter(submission_id=sid).exists():
                return None
            random_slug = True
            continue
        if endorsement is not None:
            if envelope is not None and not queues_in_database():
                send_waiting_confirmation.enqueue(endorsement.pk)
            return endorsement
        existing = _existing(submission, hashed)
        if existing is not None:
            same_form = submission.submission_id is not None
            if same_form and existing.submission_id == submission.submission_id:
                return None  # the same form sent twice
            if proof_of_work:
                _send_duplicate_notice(existing, email=email, language=language)
            return None
        forget_campaign_keys()  # not a duplicate: the key was rotated meanwhile; seal again
    raise IntegrityError("Could not store the endorsement")


def _existing(submission: Submission, hashed: str) -> Endorsement | None:
    """An endorsement stored from this very form, or an active one with the same address."""
    same = Q(contact_email_hash=hashed, status__in=ACTIVE)
    if submission.submission_id:
        same |= Q(submission_id=submission.submission_id)
    return (
        Endorsement.objects.filter(same)
        .only("pk", "submission_id", "status", "organization_id")
        .first()
    )


def _not_a_duplicate_sql(
    submission: Submission, hashed: str, database: BaseDatabaseWrapper
) -> tuple[str, list[Any]]:
    sid = _SUBMISSION_ID.get_db_prep_value(submission.submission_id, database)
    return _not_a_duplicate_text(database.vendor), [hashed, *_ACTIVE_TEXT, sid]


_SUBMISSION_ID = Endorsement._meta.get_field("submission_id")
# As exact strs: psycopg looks a TextChoices member's dumper up class by class (storage._values).
_ACTIVE_TEXT = [str.__str__(status) for status in ACTIVE]


@functools.cache
def _not_a_duplicate_text(vendor: str) -> str:
    table = connections[DEFAULT_DB_ALIAS].ops.quote_name(Endorsement._meta.db_table)
    statuses = ", ".join(["%s"] * len(ACTIVE))
    return (
        f"NOT EXISTS (SELECT 1 FROM {table} WHERE "  # noqa: S608 - no input in it
        f"(contact_email_hash = %s AND status IN ({statuses})) OR submission_id = %s)"
    )


def _store(
    submission: Submission,
    hashed: str,
    *,
    sealed: bytes,
    key: RememberedKey,
    declaration: int,
    proof_of_work: bool,
    language: str,
    random_slug: bool,
    envelope: bytes | None,
) -> Endorsement | None:
    """The endorsement (with its waiting confirmation's `envelope`, if any) and its
    organization in one transaction; None (nothing stored) when it is a duplicate or `key` is
    no longer the active campaign key."""
    organization = _new_organization(submission, language=language, random_slug=random_slug)
    endorsement = storage.new(
        Endorsement,
        organization=organization,
        declaration_id=declaration,
        provides_services=submission.provides_services,
        commitments=submission.commitments,
        decision_method=submission.decision_method,
        decided_month=submission.decided_month,
        statement=submission.statement,
        visibility=submission.visibility,
        status=Status.UNCONFIRMED if proof_of_work else Status.AWAITING_REVIEW,
        contact_sealed=sealed,
        contact_email_hash=hashed,
        language=language,
        proof_of_work=proof_of_work,
        submission_id=submission.submission_id,
        confirmation_envelope=envelope,
    )
    # The connection itself, not the `connection` proxy: each attribute read through the
    # proxy costs a failed look-up first.
    database = connections[DEFAULT_DB_ALIAS]
    new, new_params = _not_a_duplicate_sql(submission, hashed, database)
    active, active_params = key_still_active_sql(key, vendor=database.vendor)
    # The organization's key is a UUID made here, and foreign keys are checked at commit: the
    # endorsement goes first, so a duplicate stores no organization row.
    condition, params = f"{new} AND {active}", new_params + active_params
    if not storage.insert_rows_where(
        endorsement, condition, params, then=[organization], connection=database
    ):
        return None
    return endorsement


def _new_organization(submission: Submission, *, language: str, random_slug: bool) -> Organization:
    base = f"{slugify(submission.organization_name)[:150] or 'organization'}-{submission.city.slug}"
    # A name already taken fails the unique slug on insert; the caller retries with a suffix.
    slug = f"{base}-{secrets.token_hex(3)}" if random_slug else base
    return storage.new(
        Organization,
        city=submission.city,
        name=submission.organization_name,
        slug=slug,
        sector=submission.sector,
        website=submission.website,
        **{f"description_{language}": submission.description},
    )


DECLARATIONS: Memo[int] = Memo("endorsements.declarations", 60, Declaration)


def _current_declaration_id(city: City) -> int:
    """The id of the city's latest published declaration, kept by the process (`memo`)."""

    def latest() -> int:
        declaration_id = (
            Declaration.objects.filter(city=city, is_published=True)
            .order_by("-version")
            .values_list("pk", flat=True)
            .first()
        )
        if declaration_id is None:
            raise NoDeclaration(city.slug)
        return int(declaration_id)

    return DECLARATIONS.get(city.pk, latest)


def endorsement_reference(endorsement: Endorsement) -> str | int:
    """How links and queued e-mails name `endorsement`: its form's submission_id (a UUID, known
    before the row is stored, so the e-mail can be queued in the same statement), or its id
    for an endorsement without one (`_endorsement_named` finds either)."""
    if endorsement.submission_id is not None:
        return str(endorsement.submission_id)
    return int(endorsement.pk)


def confirmation_token(endorsement: Endorsement) -> str:
    """A signed link name for `endorsement` (`endorsement_from_token` reads it)."""
    return _signed(endorsement_reference(endorsement))


# What signing.dumps serializes with (JSONSerializer), made once.
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"))


def _signed(value: Any) -> str:
    """`signing.dumps(value, salt=CONFIRM_SALT)`, the same text computed directly (measured:
    93 k instructions a token through `TimestampSigner.sign_object`, which derives its HMAC
    key with a hash of the salt and secret on every call, and builds an `hmac.HMAC`): the
    value's compact JSON in URL-safe base64, the time in base 62, then the HMAC-SHA256 of
    both under the key `salted_hmac` derives (once per SECRET_KEY here). Unsigned, as every
    link, by `signing.loads`; the tests compare the two."""
    data = _b64(_COMPACT_JSON.encode(value).encode("latin-1"))
    timestamped = f"{data}:{signing.b62_encode(int(time.time()))}"
    mac = hmac.digest(_confirm_key(settings.SECRET_KEY), timestamped.encode(), "sha256")
    return f"{timestamped}:{_b64(mac)}"


def _b64(data: bytes) -> str:
    """signing.b64_encode(data).decode()."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@functools.lru_cache(maxsize=4)
def _confirm_key(secret: str) -> bytes:
    """The key of `salted_hmac(CONFIRM_SALT + "signer", value, secret)`: a hash of both."""
    return hashlib.sha256(f"{CONFIRM_SALT}signer".encode() + secret.encode()).digest()


def _link(path: str) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}{path}"


def _email(*, to: str, language: str, subject: Any, template: str, context: dict[str, Any]) -> None:
    with translation.override(language):
        body = render_to_string(f"endorsements/email/{template}", context)
        queue_contact_email(to=to, subject=str(subject), body=body)


CONFIRM_SUBJECT = gettext_lazy("Please confirm your endorsement of the Solidarity City declaration")


def _confirmation_message(endorsement: Endorsement) -> tuple[str, str]:
    """The subject and body of the e-mail that asks to confirm `endorsement` (its id set)."""
    start, end = _confirm_path(endorsement.language, get_script_prefix())
    url = _link(f"{start}{confirmation_token(endorsement)}{end}")
    body = _confirm_body(endorsement.language)
    body = body.replace(_NAME, endorsement.organization.name).replace(_URL, url)
    return _confirm_subject(endorsement.language), body


@functools.cache
def _confirm_subject(language: str) -> str:
    with translation.override(language):
        return str(CONFIRM_SUBJECT)


# Stand-ins for the values of the confirmation e-mail, in its body rendered once per language:
# a form value never holds a NUL character (Django's CharField refuses them), so the name put
# in first cannot make a second stand-in appear.
_NAME, _URL = "\x00organization\x00", "\x00url\x00"


@functools.cache
def _confirm_body(language: str) -> str:
    """confirm.txt rendered in `language` with stand-ins (`_NAME`, `_URL`): the template is
    plain text (autoescape off), so putting the values in afterwards gives what rendering
    them gives (the tests compare), once per process instead of once per submission."""
    with translation.override(language):
        context = {"organization": _NAME, "url": _URL, "days": 7}
        return render_to_string("endorsements/email/confirm.txt", context)


@functools.cache
def _confirm_path(language: str, script_prefix: str) -> tuple[str, str]:
    """The confirmation address in `language` around its token: a signed token has only
    characters that `reverse` leaves as they are (letters, digits, - _ :)."""
    with translation.override(language):
        start, end = reverse("endorsements:confirm", args=["TOKEN"]).rsplit("TOKEN", 1)
    return start, end


def send_waiting_confirmations(*, endorsement_id: int | None = None, limit: int = 100) -> int:
    """Sends the confirmation e-mails waiting in endorsements (or in `endorsement_id` only),
    up to `limit`, and says how many were sent. The task worker calls this every second or so.

    One endorsement per transaction: its row locked (another worker skips it), the message
    written in its language, sent, then its envelope cleared."""
    waiting = Endorsement.objects.filter(
        status=Status.UNCONFIRMED, confirmation_envelope__isnull=False
    )
    if endorsement_id is not None:
        waiting = waiting.filter(pk=endorsement_id)
    sent = 0
    for pk in list(waiting.order_by("pk").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            endorsement = (
                waiting.select_for_update(skip_locked=True, of=("self",))
                .select_related("organization")
                .filter(pk=pk)
                .first()
            )
            if endorsement is None:
                continue  # sent by another worker meanwhile, or no longer waiting
            subject, body = _confirmation_message(endorsement)
            assert endorsement.confirmation_envelope is not None  # as `waiting` asked
            address = open_address(endorsement.confirmation_envelope)
            # An address the relay refuses for good is not tried again; any other failure
            # (the relay unreachable) raises, and the e-mail waits for the next call.
            with contextlib.suppress(smtplib.SMTPRecipientsRefused):
                send_mail(subject, body, None, [address], fail_silently=False)
            Endorsement.objects.filter(pk=pk).update(confirmation_envelope=None)
        sent += 1
    return sent


def _send_duplicate_notice(existing: Endorsement, *, email: str, language: str) -> None:
    url = None
    if existing.status == Status.UNCONFIRMED:
        with translation.override(language):
            url = _link(reverse("endorsements:confirm", args=[confirmation_token(existing)]))
    context = {"organization": existing.organization.name, "status": existing.status, "url": url}
    _email(
        to=email,
        language=language,
        subject=gettext_lazy(
            "Your organization has already endorsed the Solidarity City declaration"
        ),
        template="duplicate.txt",
        context=context,
    )


def endorsement_from_token(token: str) -> Endorsement | None:
    """The endorsement a confirmation link names, if the link is genuine and under 7 days old."""
    try:
        named = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return _endorsement_named(named)


def _endorsement_named(named: Any) -> Endorsement | None:
    """The endorsement `endorsement_reference` gave `named` (None if there is none now)."""
    endorsements = Endorsement.objects.select_related("organization")
    if isinstance(named, int) and not isinstance(named, bool):
        return endorsements.filter(pk=named).first()
    try:
        submission_id = uuid.UUID(str(named))
    except ValueError:
        return None
    return endorsements.filter(submission_id=submission_id).first()


def endorsement_confirm(*, endorsement: Endorsement) -> Endorsement:
    """Unconfirmed → awaiting review. Confirming twice changes nothing."""
    Endorsement.objects.filter(pk=endorsement.pk, status=Status.UNCONFIRMED).update(
        confirmation_envelope=None,
        status=Status.AWAITING_REVIEW,
        confirmed_on=timezone.localdate(),
        status_changed_on=timezone.localdate(),
    )
    endorsement.refresh_from_db()
    return endorsement


def endorsement_resend_confirmation(*, email: str, language: str) -> None:
    """E-mails a new link for an unconfirmed endorsement, at most once per 10 minutes per
    address. Says nothing to the caller either way."""
    hashed = email_hash(email)
    if not cache.add(f"endorsements:resend:{hashed}", 1, timeout=600):
        return
    pending = Endorsement.objects.filter(contact_email_hash=hashed, status=Status.UNCONFIRMED)
    # The same way as a new endorsement's: waiting in its row for the task worker.
    for pk in pending.values_list("pk", flat=True):
        Endorsement.objects.filter(pk=pk).update(confirmation_envelope=seal_address(email))
        if not queues_in_database():
            send_waiting_confirmation.enqueue(pk)


def endorsement_contact(*, endorsement: Endorsement, keyring: dict[int, bytes]) -> dict[str, str]:
    """The sealed contact person, for an organizer whose vault is unlocked."""
    return {
        str(k): str(v) for k, v in open_json(endorsement.contact_sealed, keyring=keyring).items()
    }


def _transition(
    endorsement: Endorsement,
    *,
    allowed: Sequence[str],
    to: str,
    actor: Any,
    action: str,
    reason: str,
) -> Endorsement:
    locked = (
        Endorsement.objects.select_for_update()
        .select_related("organization")
        .get(pk=endorsement.pk)
    )
    if locked.status not in allowed:
        raise InvalidTransition(locked.status)
    locked.status = to
    locked.confirmation_envelope = None  # no longer waits for confirmation: nothing to send
    locked.status_reason = reason
    locked.status_changed_on = timezone.localdate()
    if to == Status.VERIFIED:
        locked.verified_on = locked.status_changed_on
        locked.verified_by = actor
    locked.save()
    audit_log(
        actor=actor,
        action=action,
        target=locked,
        city_id=locked.organization.city_id,
        detail=reason,
    )
    _public_numbers_changed()
    return locked


def _public_numbers_changed() -> None:
    # Now, for this request's own reads, and again after commit, so that a concurrent reader
    # that cached the old numbers in between does not keep them.
    bump_public_generation()
    transaction.on_commit(bump_public_generation)
    # Cached public pages made of endorsements (lib/cache.py): the endorsers, and the
    # directory's services, which a suspension or withdrawal must hide at once.
    content_changed("endorsements")
    transaction.on_commit(_published_exports_outdated)


def _published_exports_outdated() -> None:
    """The open-data files published before this change may list an endorser that is no longer
    public: they go now, and the scheduled export writes them again."""
    from solidarity.api.exports import unpublish

    unpublish()


def endorsement_verify(
    *, endorsement: Endorsement, actor: Any, keyring: dict[int, bytes]
) -> Endorsement:
    """Verified after the organizer's checks; the contact is invited to represent the
    organization (a magic link by e-mail)."""
    from solidarity.accounts.services import invite_representative

    contact = endorsement_contact(endorsement=endorsement, keyring=keyring)
    allowed = [Status.UNCONFIRMED, Status.AWAITING_REVIEW, Status.SUSPENDED]
    with transaction.atomic():
        verified = _transition(
            endorsement,
            allowed=allowed,
            to=Status.VERIFIED,
            actor=actor,
            action="endorsement.verify",
            reason="",
        )
        invite_representative(organization=verified.organization, email=contact["email"])
    return verified


@transaction.atomic
def endorsement_reject(*, endorsement: Endorsement, actor: Any, reason: str) -> Endorsement:
    allowed = [Status.UNCONFIRMED, Status.AWAITING_REVIEW]
    return _transition(
        endorsement,
        allowed=allowed,
        to=Status.REJECTED,
        actor=actor,
        action="endorsement.reject",
        reason=reason,
    )


@transaction.atomic
def endorsement_suspend(*, endorsement: Endorsement, actor: Any, reason: str) -> Endorsement:
    return _transition(
        endorsement,
        allowed=[Status.VERIFIED],
        to=Status.SUSPENDED,
        actor=actor,
        action="endorsement.suspend",
        reason=reason,
    )


@transaction.atomic
def endorsement_withdraw(*, endorsement: Endorsement, actor: Any) -> Endorsement:
    """By the organization's representative: gone from every public page and export at once."""
    return _transition(
        endorsement,
        allowed=ACTIVE,
        to=Status.WITHDRAWN,
        actor=actor,
        action="endorsement.withdraw",
        reason="",
    )


@transaction.atomic
def organization_update_profile(
    *, organization: Organization, actor: Any, data: dict[str, Any], language: str
) -> Organization:
    """A representative edits the public profile (and the statement/visibility it endorsed with)."""
    for field in ("name", "alternate_name", "website", "email", "phone"):
        setattr(organization, field, data.get(field) or "")
    setattr(organization, f"description_{language}", data.get("description") or "")
    organization.save()
    Endorsement.objects.filter(organization=organization, status__in=ACTIVE).update(
        statement=data.get("statement") or "", visibility=data["visibility"]
    )
    audit_log(
        actor=actor,
        action="organization.update",
        target=organization,
        city_id=organization.city_id,
    )
    _public_numbers_changed()
    return organization
