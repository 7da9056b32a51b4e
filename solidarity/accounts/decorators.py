from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


def representative_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pages of an organization's representative (logged in by a magic link). The view uses
    `request.user.organization`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("accounts:link_request"))
        if not getattr(user, "is_representative", False):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
