from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request: HttpRequest) -> HttpResponse:
    # A bare template with no context from the failed request: nothing can leak into it.
    return HttpResponseServerError(loader.render_to_string("500.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its security token: say so plainly, in the visitor's language."""
    html = loader.render_to_string("403_csrf.html", request=request)
    return HttpResponse(html, status=403)


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    html = loader.render_to_string("429.html", request=request)
    return HttpResponse(html, status=429)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("403.html", request=request), status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponse(loader.render_to_string("400.html", request=request), status=400)
