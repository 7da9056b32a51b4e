"""The organizers' inbox. Every page needs an unlocked vault and shows only the organizer's
cities; a report of another city answers 404, exactly like one that does not exist."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from solidarity.reports import inbox_services as services
from solidarity.reports import selectors
from solidarity.reports.forms import AssignForm, NoteForm, ReplyForm, StatusForm, SuspendForm
from solidarity.reports.models import Report
from solidarity.vault.decorators import vault_unlocked_required
from solidarity.vault.services import VaultLocked, open_text
from solidarity.vault.session import keyring_for


@never_cache
@require_safe
@vault_unlocked_required
def inbox(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Report.Status.values:
        status = ""
    context = {
        "reports": selectors.inbox_reports(user=request.user, status=status),
        "statuses": Report.Status.choices,
        "current_status": status,
    }
    return render(request, "reports/inbox.html", context)


def _report_or_404(request: HttpRequest, report_id: Any) -> Report:
    report = selectors.report_for_organizer(user=request.user, report_id=report_id)
    if report is None:
        raise Http404
    return report


def _allowed_statuses(report: Report) -> list[tuple[str, str]]:
    allowed = services.TRANSITIONS.get(report.status, set())
    return [(value, str(label)) for value, label in Report.Status.choices if value in allowed]


def _forms(report: Report, **bound: Any) -> dict[str, Any]:
    organizers = selectors.assignable_organizers(report=report)
    return {
        "status_form": bound.get("status_form") or StatusForm(allowed=_allowed_statuses(report)),
        "assign_form": bound.get("assign_form")
        or AssignForm(organizers=organizers, initial={"assignee": report.assigned_to_id}),
        "note_form": bound.get("note_form") or NoteForm(),
        "reply_form": bound.get("reply_form") or ReplyForm(),
        "suspend_form": bound.get("suspend_form") or SuspendForm(),
    }


def _detail(request: HttpRequest, report: Report, status: int = 200, **bound: Any) -> Any:
    keyring = keyring_for(request)
    try:
        opened = services.report_open_for_organizer(report=report, keyring=keyring)
    except VaultLocked:  # unlocked, but not granted the campaign key this report is sealed to
        raise PermissionDenied from None
    notes = [(note, open_text(bytes(note.body), keyring=keyring)) for note in report.notes.all()]
    context = {
        "report": report,
        "content": opened.content(),
        "conversation": opened.conversation(),
        "notes": notes,
        **_forms(report, **bound),
    }
    return render(request, "reports/inbox_detail.html", context, status=status)


@never_cache
@require_safe
@vault_unlocked_required
def detail(request: HttpRequest, report_id: Any) -> HttpResponse:
    return _detail(request, _report_or_404(request, report_id))


def _action(
    form_name: str, build: Callable[[HttpRequest, Report], Any], act: Callable[..., str]
) -> Callable[..., HttpResponse]:
    """A POST endpoint: validate one form, run one service, then back to the report."""

    @never_cache
    @require_POST
    @vault_unlocked_required
    def view(request: HttpRequest, report_id: Any) -> HttpResponse:
        report = _report_or_404(request, report_id)
        form = build(request, report)
        if not form.is_valid():
            return _detail(request, report, status=400, **{form_name: form})
        try:
            messages.success(request, act(request, report, form.cleaned_data))
        except services.TransitionNotAllowed:
            messages.error(request, _("This change is not possible for this report."))
        return redirect("reports:inbox_detail", report_id=report.pk)

    return view


def _set_status(request: HttpRequest, report: Report, data: dict[str, Any]) -> str:
    services.report_transition(report=report, organizer=request.user, status=data["status"])
    return _("State changed.")


def _assign(request: HttpRequest, report: Report, data: dict[str, Any]) -> str:
    services.report_assign(report=report, organizer=request.user, assignee=data["assignee"])
    return _("Assignment saved.")


def _note(request: HttpRequest, report: Report, data: dict[str, Any]) -> str:
    services.report_note_add(report=report, organizer=request.user, body=data["note"])
    return _("Note saved, sealed.")


def _reply(request: HttpRequest, report: Report, data: dict[str, Any]) -> str:
    services.report_reply(report=report, organizer=request.user, body=data["reply"])
    return _("Reply sent. The reporter reads it with their receipt.")


def _suspend(request: HttpRequest, report: Report, data: dict[str, Any]) -> str:
    services.report_suspend_endorsement(
        report=report, organizer=request.user, public_reason=data["public_reason"]
    )
    return _("Endorsement suspended; the report is resolved.")


set_status = _action(
    "status_form",
    lambda request, report: StatusForm(request.POST, allowed=_allowed_statuses(report)),
    _set_status,
)
assign = _action(
    "assign_form",
    lambda request, report: AssignForm(
        request.POST, organizers=selectors.assignable_organizers(report=report)
    ),
    _assign,
)
add_note = _action("note_form", lambda request, report: NoteForm(request.POST), _note)
reply = _action("reply_form", lambda request, report: ReplyForm(request.POST), _reply)
suspend = _action("suspend_form", lambda request, report: SuspendForm(request.POST), _suspend)
