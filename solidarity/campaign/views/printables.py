"""Posters (and the pocket guide) as PDF downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from solidarity.campaign.forms import PocketGuideForm, PosterForm
from solidarity.campaign.pocket_guide import GuideOptions, pocket_guide_pdf
from solidarity.campaign.posters import poster_pdf
from solidarity.campaign.selectors import poster_endorsement
from solidarity.cities.models import City
from solidarity.directory.models import Organization
from solidarity.lib import views as lib_views
from solidarity.lib.antiabuse import rate_limited

PDF_RATE = "30/h"  # rendering costs CPU: generous for people, a wall for loops


def pdf_response(pdf: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def poster(request: HttpRequest, slug: str) -> HttpResponse:
    """The options form; with valid options in the query string, the PDF itself."""
    organization = get_object_or_404(Organization, slug=slug)
    endorsement = poster_endorsement(organization=organization, user=request.user)
    if endorsement is None:
        raise Http404
    if "size" not in request.GET:
        initial = {"languages": organization.city.language_codes}
        context = {"form": PosterForm(initial=initial), "organization": organization}
        return render(request, "campaign/poster.html", context)
    form = PosterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "organization": organization}
        return render(request, "campaign/poster.html", context, status=400)
    if rate_limited(request, group="campaign.pdf", rate=PDF_RATE):
        return lib_views.rate_limited(request)
    languages = form.ordered_languages()
    pdf = poster_pdf(endorsement=endorsement, languages=languages, size=form.cleaned_data["size"])
    filename = f"poster-{organization.slug}-{'-'.join(languages)}-{form.cleaned_data['size']}.pdf"
    return pdf_response(pdf, filename=filename)


@require_safe
def pocket_guide(request: HttpRequest, slug: str) -> HttpResponse:
    """The options form; once submitted, the guide in the language of the page."""
    city = get_object_or_404(City, slug=slug)
    if not request.GET:
        context = {"form": PocketGuideForm(), "city": city}
        return render(request, "campaign/pocket_guide.html", context)
    form = PocketGuideForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "city": city}
        return render(request, "campaign/pocket_guide.html", context, status=400)
    if rate_limited(request, group="campaign.pdf", rate=PDF_RATE):
        return lib_views.rate_limited(request)
    options = GuideOptions(city=city, **form.cleaned_data)
    parts = [city.slug, options.category, options.language, get_language()]
    return pdf_response(pocket_guide_pdf(options), filename="-".join(filter(None, parts)) + ".pdf")
