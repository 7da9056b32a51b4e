from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from solidarity.organizers.dashboard import dashboard_links
from solidarity.organizers.decorators import organizer_required
from solidarity.organizers.selectors import audit_entries, organizer_cities
from solidarity.vault.session import is_unlocked


@require_safe
@organizer_required
def dashboard(request: HttpRequest) -> HttpResponse:
    context = {
        "links": dashboard_links(),
        "cities": organizer_cities(request.user),
        "unlocked": is_unlocked(request),
    }
    return render(request, "organizers/dashboard.html", context)


@require_safe
@organizer_required
def audit(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "")[:64]
    page = Paginator(audit_entries(user=request.user, action=action), 100).get_page(
        request.GET.get("page")
    )
    return render(request, "organizers/audit.html", {"page": page, "action": action})
