from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from solidarity.api import exports, selectors
from solidarity.api.api import api
from solidarity.api.reference import operations
from solidarity.organizers.decorators import organizer_required
from solidarity.organizers.selectors import organizer_cities


def open_data(request: HttpRequest) -> HttpResponse:
    return render(request, "api/open_data.html", {"exports": exports.latest_exports()})


def api_reference(request: HttpRequest) -> HttpResponse:
    document = api.get_openapi_schema()
    context = {"info": document["info"], "operations": operations(document)}
    return render(request, "api/api_reference.html", context)


def download_export(request: HttpRequest, name: str) -> FileResponse:
    """One of the published export files; any other name is a 404 (no path traversal)."""
    if name not in exports.EXPORT_FILES or not (exports.export_dir() / name).is_file():
        raise Http404
    return FileResponse((exports.export_dir() / name).open("rb"), as_attachment=True)


@organizer_required
def outreach(request: HttpRequest) -> HttpResponse:
    """Imported organizations that have not endorsed: who to invite (organizers only)."""
    organizations = selectors.outreach_organizations(organizer_cities(request.user))
    page = Paginator(organizations, 100).get_page(request.GET.get("page"))
    return render(request, "api/outreach.html", {"page": page})
