"""Public pages: get involved, get in touch, Status for All, actions and the toolkit."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe
from icalendar import Calendar, Event

from solidarity.campaign import services
from solidarity.campaign.forms import ContactForm, VolunteerForm
from solidarity.campaign.models import Action, ToolkitPage
from solidarity.campaign.selectors import toolkit_pages, upcoming_actions
from solidarity.cities.selectors import city_list
from solidarity.lib import views as lib_views
from solidarity.lib.antiabuse import rate_limited
from solidarity.lib.pow import ProofOfWorkFormMixin

FORM_RATE = "10/h"
# Without the proof-of-work (JavaScript off, or a bot) a form still works, at a slower pace.
UNPROVEN_RATE = "5/h"


def invalid(request: HttpRequest, template: str, form: object) -> HttpResponse:
    """The form again, with its errors and what was typed; 400 so that clients and tests can
    tell a refusal from a success."""
    return render(request, template, {"form": form}, status=400)


def unproven_and_too_many(request: HttpRequest, form: ProofOfWorkFormMixin, *, group: str) -> bool:
    if form.proof_of_work_passed():
        return False
    return rate_limited(request, group=f"{group}.unproven", rate=UNPROVEN_RATE)


@require_http_methods(["GET", "HEAD", "POST"])
def get_involved(request: HttpRequest) -> HttpResponse:
    template = "campaign/get_involved.html"
    if request.method != "POST":
        return render(request, template, {"form": VolunteerForm()})
    if rate_limited(request, group="campaign.volunteer", rate=FORM_RATE):
        return lib_views.rate_limited(request)
    form = VolunteerForm(request.POST)
    if not form.is_valid():
        return invalid(request, template, form)
    if unproven_and_too_many(request, form, group="campaign.volunteer"):
        return lib_views.rate_limited(request)
    if not form.is_spam():
        services.volunteer_submit(
            city=form.cleaned_data["city"],
            details=form.details(),
            ways_to_help=form.cleaned_data["ways_to_help"],
            languages=form.cleaned_data["languages"],
        )
    return redirect("campaign:get_involved_thanks")


@require_safe
def get_involved_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "campaign/thanks.html", {"kind": "volunteer"})


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    template = "campaign/contact.html"
    if request.method != "POST":
        return render(request, template, {"form": ContactForm()})
    if rate_limited(request, group="campaign.contact", rate=FORM_RATE):
        return lib_views.rate_limited(request)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return invalid(request, template, form)
    if unproven_and_too_many(request, form, group="campaign.contact"):
        return lib_views.rate_limited(request)
    if not form.is_spam():
        data = form.cleaned_data
        services.contact_submit(
            city=data["city"],
            topic=data["topic"],
            name=data["name"],
            reply_to=data["reply_to"],
            message=data["message"],
        )
    return redirect("campaign:contact_thanks")


@require_safe
def contact_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "campaign/thanks.html", {"kind": "contact"})


@require_safe
def status_for_all(request: HttpRequest) -> HttpResponse:
    return render(request, "campaign/status_for_all.html", {"cities": city_list()})


@require_safe
def actions(request: HttpRequest) -> HttpResponse:
    upcoming = upcoming_actions(now=timezone.now())
    return render(request, "campaign/actions.html", {"actions": upcoming})


@require_safe
def actions_ics(request: HttpRequest) -> HttpResponse:
    """The upcoming actions as an iCalendar feed, in the language of the URL."""
    calendar = Calendar()
    calendar.add("prodid", "-//Solidarity City//actions//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Solidarity City")
    for action in upcoming_actions(now=timezone.now()):
        calendar.add_component(action_event(request, action))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="actions.ics"'
    return response


def action_event(request: HttpRequest, action: Action) -> Event:
    event = Event()
    event.add("uid", f"{action.uid}@solidarity-city")
    event.add("dtstamp", action.updated_at)
    event.add("dtstart", action.starts_at)
    if action.ends_at:
        event.add("dtend", action.ends_at)
    event.add("summary", action.title)
    if action.description:
        event.add("description", action.description)
    if action.place:
        event.add("location", action.place)
    return event


@require_safe
def toolkit(request: HttpRequest) -> HttpResponse:
    return render(request, "campaign/toolkit.html", {"pages": toolkit_pages()})


@require_safe
def toolkit_page(request: HttpRequest, commitment: str) -> HttpResponse:
    page = get_object_or_404(ToolkitPage, commitment=commitment)
    return render(request, "campaign/toolkit_page.html", {"page": page, "pages": toolkit_pages()})
