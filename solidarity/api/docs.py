from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from ninja.openapi.docs import DocsBase


class ApiReferenceDocs(DocsBase):
    """`/api/docs` leads to our own server-rendered reference page: no CDN, no JavaScript."""

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        return HttpResponseRedirect(reverse("open_data:api_reference"))
