"""Public pages: the report form, the receipt, the anonymous follow-up, transparency.

No session and no cookie beyond CSRF; every page is `no-store`. The receipt page and the
conversation are answers to a POST rather than redirects: without a session there is nowhere
safe to keep a receipt between two requests, and it must be shown exactly once.
"""

import uuid
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited

from solidarity.cities.models import City
from solidarity.lib.antiabuse import rate_limited
from solidarity.lib.views import rate_limited as too_many_attempts
from solidarity.reports import receipts, selectors
from solidarity.reports.forms import ReceiptForm, ReporterMessageForm, ReportForm
from solidarity.reports.models import Report
from solidarity.reports.services import (
    OpenReport,
    Submission,
    report_add_reporter_message,
    report_open_by_receipt,
    report_submit,
)
from solidarity.reports.tasks import notify_organizers
from solidarity.vault.services import keyed_hash

SUBMIT_RATE = "5/h"
# Wrong receipts a client may send per hour, with and without proof-of-work. Without
# JavaScript there is no proof-of-work, so those attempts get a far smaller budget, shared by
# the whole site as well: guessing at scale needs the work.
FAILURE_RATE_PROVEN = "10/h"
FAILURE_RATE_UNPROVEN = "3/h"
SITE_UNPROVEN_RATE = "60/h"
ATTEMPT_RATE = "60/h"  # every receipt costs an Argon2id computation


@never_cache
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _report_form(request, ReportForm())
    if "find" in request.POST:
        return _report_form(request, _form_keeping_input(request))
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _report_form(request, form, status=400)
    if rate_limited(request, group="reports:submit", rate=SUBMIT_RATE):
        return too_many_attempts(request)
    if form.is_spam():  # answered like a success; nothing is stored
        return _receipt_page(request, receipts.new_receipt())
    token_key = _submission_key(form.cleaned_data["submission"])
    if not cache.add(token_key, 1, timeout=6 * 60 * 60):
        return render(request, "reports/already_received.html", status=409)
    try:
        submission = _submit(form.cleaned_data)
    except Exception:
        cache.delete(token_key)  # not stored: the same form may be sent again
        raise
    return _receipt_page(request, submission.receipt)


def _submit(data: dict[str, Any]) -> Submission:
    organization = data["organization"]
    return report_submit(
        city=organization.city if organization else data["city"],
        organization=organization,
        organization_name="" if organization else data["organization_name"].strip(),
        commitments=list(data["commitments"]),
        month=data["month"],
        narrative=data["narrative"],
        contact=data["contact"].strip(),
    )


def _form_keeping_input(request: HttpRequest) -> ReportForm:
    """The search button: an unbound form that keeps what was typed, without error messages."""
    initial: dict[str, Any] = {
        name: request.POST.get(name, "")[:20_000] for name in ReportForm.base_fields
    }
    initial["commitments"] = request.POST.getlist("commitments")[:10]
    return ReportForm(initial=initial)


def _submission_key(token: str) -> str:
    """A reload of the receipt page re-sends the form: it is stored once, not twice."""
    token = token or uuid.uuid4().hex  # a form without its token is never a duplicate
    return "reports:submission:" + keyed_hash(token, purpose="report-submission")


def _report_form(request: HttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    query = str(form["organization_query"].value() or "")
    selected = str(form["organization"].value() or "")
    matches = selectors.endorsers_matching(query)
    chosen = selectors.public_endorsers().filter(pk=selected).first() if _uuid(selected) else None
    if chosen is not None and chosen not in matches:
        matches.insert(0, chosen)
    context = {"form": form, "matches": matches, "selected": selected, "searched": bool(query)}
    return render(request, "reports/report_form.html", context, status=status)


def _uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _receipt_page(request: HttpRequest, receipt: str) -> HttpResponse:
    context = {"receipt": receipts.format_receipt(receipt)}
    return render(request, "reports/receipt.html", context, status=201)


@never_cache
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _follow_up_form(request, ReceiptForm())
    adding = "message" in request.POST
    form = ReporterMessageForm(request.POST) if adding else ReceiptForm(request.POST)
    valid = form.is_valid()
    if "receipt" in form.errors:
        return _follow_up_form(request, ReceiptForm(request.POST), status=400)
    proven = form.proof_of_work_passed()
    if _attempts_exhausted(request, proven=proven):
        return too_many_attempts(request)
    receipt = form.cleaned_data["receipt"]
    opened = report_open_by_receipt(receipt_text=receipt)
    if opened is None:
        _count_failure(request, proven=proven)
        return _follow_up_form(request, ReceiptForm(), status=400, wrong_receipt=True)
    if not valid:  # e.g. an empty message: the conversation again, with the error
        return _conversation(request, opened, receipt, form=form, status=400)
    if adding:
        report_add_reporter_message(report=opened.report, body=form.cleaned_data["message"])
        city_id = opened.report.city_id
        transaction.on_commit(lambda: notify_organizers.enqueue(city_id=city_id, kind="message"))
    return _conversation(request, opened, receipt, sent=adding)


def _follow_up_form(
    request: HttpRequest, form: ReceiptForm, status: int = 200, wrong_receipt: bool = False
) -> HttpResponse:
    context = {"form": form, "wrong_receipt": wrong_receipt}
    return render(request, "reports/follow_up.html", context, status=status)


def _conversation(
    request: HttpRequest,
    opened: OpenReport,
    receipt: str,
    *,
    form: ReceiptForm | None = None,
    sent: bool = False,
    status: int = 200,
) -> HttpResponse:
    context = {
        "report": opened.report,
        "content": opened.content(),
        "conversation": opened.conversation(),
        "form": form or ReporterMessageForm(initial={"receipt": receipt}),
        "sent": sent,
    }
    return render(request, "reports/conversation.html", context, status=status)


def _site_key(group: str, request: HttpRequest) -> str:
    return "site"


def _attempts_exhausted(request: HttpRequest, *, proven: bool) -> bool:
    failures = FAILURE_RATE_PROVEN if proven else FAILURE_RATE_UNPROVEN
    group = "reports:receipt-failures:" + ("proven" if proven else "unproven")
    if rate_limited(request, group=group, rate=failures, increment=False):
        return True
    if not proven and _site_unproven_limited(request, increment=True):
        return True
    return rate_limited(request, group="reports:receipt-attempts", rate=ATTEMPT_RATE)


def _site_unproven_limited(request: HttpRequest, *, increment: bool) -> bool:
    return bool(
        is_ratelimited(
            request,
            group="reports:receipt-unproven-site",
            key=_site_key,
            rate=SITE_UNPROVEN_RATE,
            method=ALL,
            increment=increment,
        )
    )


def _count_failure(request: HttpRequest, *, proven: bool) -> None:
    failures = FAILURE_RATE_PROVEN if proven else FAILURE_RATE_UNPROVEN
    group = "reports:receipt-failures:" + ("proven" if proven else "unproven")
    rate_limited(request, group=group, rate=failures, increment=True)


@require_safe
def transparency(request: HttpRequest) -> HttpResponse:
    counts = selectors.transparency_counts()
    commitments = selectors.commitment_keys()
    cities = []
    for city in City.objects.all():
        rows = [
            {
                "quarter": quarter.quarter,
                "total": quarter.total,
                "commitments": [quarter.commitments[key] for key, _label in commitments],
                "outcomes": [quarter.outcomes[key] for key, _label in Report.Status.choices],
            }
            for quarter in counts.get(city, [])
        ]
        cities.append((city, rows))
    context = {
        "cities": cities,
        "commitments": commitments,
        "outcomes": Report.Status.choices,
    }
    return render(request, "reports/transparency.html", context)
